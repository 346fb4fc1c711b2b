// `plan explain CODE`: what a diagnostic code means, an example and the fix,
// from the catalogue (src/core/catalogue.ts); without a code, every code.
import { CATALOGUE, explainCode } from '../core/catalogue.js';
import { renderExplanation } from '../render/catalogue.js';
import type { GlobalOptions } from './context.js';
import { usage } from './context.js';

export function run(args: unknown[], _opts: unknown, g: GlobalOptions): number {
  const code =
    args[0] === undefined
      ? undefined
      : String(args[0])
          .trim()
          .replace(/^\[|\]$/g, '')
          // Codes are lower case; a code typed in capitals is still that code.
          .toLowerCase();
  if (code === undefined) {
    g.io.stdout.write(
      `${Object.entries(CATALOGUE)
        .map(([c, e]) => `${c}: ${e.meaning[g.lang]}`)
        .join('\n')}\n`,
    );
    return 0;
  }
  const entry = explainCode(code);
  if (!entry) {
    usage(g.lang, { vi: `lỗi: không có mã "${code}"; xem danh sách: plan explain`, en: `error: there is no code "${code}"; see the list: plan explain` });
  }
  g.io.stdout.write(renderExplanation(code, entry, g.lang));
  return 0;
}

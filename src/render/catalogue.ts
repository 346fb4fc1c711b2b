// The diagnostics catalogue as text: one code for `plan explain`, every code
// for docs/diagnostics.md (generated; test/catalogue keeps the file equal).
import { CATALOGUE, type CatalogueEntry } from '../core/catalogue.js';
import type { Lang } from '../core/diagnostic.js';

const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');

/** One code for the terminal, as `rustc --explain` prints one. */
export function renderExplanation(code: string, entry: CatalogueEntry, lang: Lang): string {
  const vi = lang === 'vi';
  return `${code}: ${entry.meaning[lang]}\n\n${vi ? 'Ví dụ' : 'Example'}:\n${indent(entry.example)}\n\n${vi ? 'Cách sửa' : 'Fix'}: ${entry.fix[lang]}\n`;
}

/** From docs/ to each code's golden output (test/catalogue/golden.test.ts). */
const GOLDEN_LINK = '../test/golden/diagnostics/';

/** docs/diagnostics.md: Vietnamese first, English beside it. */
export function renderCatalogueMarkdown(): string {
  const out = [
    '# Mã lỗi và cảnh báo (Diagnostics)',
    '',
    '<!-- Tệp sinh tự động từ src/core/catalogue.ts; đừng sửa tay. Generated from src/core/catalogue.ts; do not edit. -->',
    '',
    'Mỗi lỗi hoặc cảnh báo của `plan check` có một mã, ví dụ `[unknown-unit]`. Xem giải thích của một mã: `plan explain MÃ` (`--lang en` cho tiếng Anh).',
    '',
    'Every error or warning of `plan check` has a code, e.g. `[unknown-unit]`; `plan explain CODE --lang en` explains one.',
    '',
    'Đầu ra thật của từng mã (lề số dòng, dấu ^ chỉ chỗ lỗi, gợi ý) được giữ ở `test/golden/diagnostics/MÃ.txt`; `test/catalogue/golden.test.ts` chạy một đầu vào thật cho mỗi mã và so với tệp đó (sinh lại: `UPDATE_GOLDEN=1 npx vitest run test/catalogue/golden.test.ts`).',
    '',
    'The real output of each code (gutter, caret, help) is kept in `test/golden/diagnostics/CODE.txt`, checked against a real input per code by `test/catalogue/golden.test.ts`.',
    '',
  ];
  for (const [code, entry] of Object.entries(CATALOGUE)) {
    out.push(
      `## ${code}`,
      '',
      `${entry.meaning.vi}  `,
      `*${entry.meaning.en}*`,
      '',
      '```yaml',
      entry.example,
      '```',
      '',
      `**Cách sửa:** ${entry.fix.vi}  `,
      `**Fix:** ${entry.fix.en}  `,
      `**Đầu ra mẫu / Output:** [${code}.txt](${GOLDEN_LINK}${code}.txt)`,
      '',
    );
  }
  return out.join('\n');
}

// The common path of `plan set` and `plan submit`: lock the file, load the
// plan with its units file, compute the edit (src/core/edit.ts), validate the
// edited text with the same parser and checks as `plan check`, refuse with
// the reasons if it adds an error (or records something twice), else replace
// the file (src/io/locked-edit.ts) and show the changed lines.
import path from 'node:path';
import type { Diagnostic, Lang } from '../core/diagnostic.js';
import type { EditResult } from '../core/edit.js';
import type { CompactEvents } from '../core/fast-yaml.js';
import type { Plan } from '../core/model.js';
import type { UnitRegistry } from '../core/units.js';
import { renderDiagnosticsPretty } from '../render/diagnostics.js';
import type { GlobalOptions } from './context.js';
import { fail, tr } from './context.js';
import { checkPlanText } from '../core/workspace.js';
import { displayPath } from '../io/files.js';
import { loadWorkspace } from './workspace.js';
import { replaceFileContent, withFileLock } from '../io/locked-edit.js';
import { readFileLimited } from '../io/read-file.js';

export interface EditContext {
  plan: Plan;
  registry: UnitRegistry;
  text: string;
  /** The fast reader's events of text, when it read the file: they place a task without parsing the file again. */
  events?: CompactEvents;
}

/** New diagnostics that make an edit unacceptable even though they are warnings. */
const REFUSED_WARNINGS = new Set(['duplicate-submission', 'duplicate-progress']);

/**
 * Edit one plan file: under its lock, read it again, compute the edit, check
 * it, and replace the file only if nobody else changed it meanwhile (keeping
 * its mode, owner, link target and hard links). Reusable by every command
 * that rewrites a plan.
 */
export async function editPlanFile(file: string, options: { units?: string; lang: Lang; quiet?: boolean; g: GlobalOptions }, makeEdit: (ctx: EditContext) => EditResult): Promise<number> {
  const l = options.lang;
  const shown = displayPath(path.resolve(file));
  const outcome = await withFileLock(file, options.g.io.env, (real) => editUnderLock(file, real, shown, options, makeEdit), shown);
  if (!outcome.ok) fail(l, { vi: `lỗi: ${outcome.reason.vi}; không sửa gì`, en: `error: ${outcome.reason.en}; nothing changed` });
  return outcome.value;
}

function editUnderLock(file: string, real: string, shown: string, options: { units?: string; lang: Lang; quiet?: boolean; g: GlobalOptions }, makeEdit: (ctx: EditContext) => EditResult): number {
  const l = options.lang;
  // The bytes as they are now, under the lock: the write goes ahead only if they are still these.
  const original = readFileLimited(real, shown);
  const ws = loadWorkspace([file], options.units ? { units: options.units } : {}, options.g);
  const plan = ws.plans.find((p) => path.resolve(p.file) === path.resolve(file));
  const fileDiags = ws.diagnostics.filter((d) => d.file === shown || d.file === plan?.file);
  if (!original.ok || !plan || fileDiags.some((d) => d.code === 'units-not-found' || d.code === 'unreadable-file')) {
    const problems = ws.diagnostics.filter((d) => d.severity === 'error');
    options.g.io.stderr.write(`${renderDiagnosticsPretty(problems, (f) => ws.sources.get(f), l)}\n`);
    fail(l, { vi: `lỗi: không đọc được ${shown} như một kế hoạch; không sửa gì`, en: `error: cannot read ${shown} as a plan; nothing changed` });
  }
  // The text as the workspace decoded it; only the BOM, which decoding drops, is taken from the bytes.
  const source = ws.sources.get(plan.file)!;
  const text = source.text;
  const head = original.bytes;
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? '\ufeff' : '';

  const result = makeEdit({ plan, registry: ws.registry, text, ...(source.fast ? { events: source.fast } : {}) });
  if (!result.ok) fail(l, { vi: `lỗi: ${result.reason.vi}; không sửa gì`, en: `error: ${result.reason.en}; nothing changed` });
  if (result.text === text) {
    if (!options.quiet) options.g.io.stdout.write(`${tr(l, `${shown}: không có gì thay đổi`, `${shown}: nothing to change`)}\n`);
    return 0;
  }

  const before = ws.diagnostics.filter((d) => d.file === plan.file);
  const { diagnostics: after, locate } = checkPlanText(ws, plan.file, result.text);
  const known = new Set(before.map(signature));
  const added = after.filter((d) => !known.has(signature(d)) && (d.severity === 'error' || REFUSED_WARNINGS.has(d.code)));
  if (added.length > 0) {
    options.g.io.stderr.write(`${renderDiagnosticsPretty(locate(added), (f) => (f === plan.file ? { text: result.text } : undefined), l)}\n`);
    fail(l, {
      vi: `lỗi: thay đổi bị từ chối vì làm kế hoạch sai hoặc ghi trùng (xem trên); không sửa gì ${shown}`,
      en: `error: change refused: it would make the plan invalid or record something twice (see above); ${shown} left unchanged`,
    });
  }
  const written = replaceFileContent(real, shown, original.bytes, bom + result.text);
  if (!written.ok) fail(l, { vi: `lỗi: ${written.reason.vi}`, en: `error: ${written.reason.en}` });
  if (!options.quiet) options.g.io.stdout.write(`${tr(l, `đã sửa ${shown}:`, `updated ${shown}:`)}\n${changedLines(text, result.text)}`);
  const newWarnings = after.filter((d) => d.severity === 'warning' && !known.has(signature(d)));
  if (newWarnings.length > 0 && !options.quiet) options.g.io.stdout.write(renderDiagnosticsPretty(locate(newWarnings), (f) => (f === plan.file ? { text: result.text } : undefined), l));
  return 0;
}

function signature(d: Diagnostic): string {
  return `${d.code}\u0000${d.message.en}`;
}

/** The lines an edit changed, as `-`/`+` with line numbers (edits touch one place). */
export function changedLines(before: string, after: string): string {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: string[] = [];
  for (let i = start; i < endA; i++) out.push(`  ${String(i + 1).padStart(4)} - ${a[i]}`);
  for (let i = start; i < endB; i++) out.push(`  ${String(i + 1).padStart(4)} + ${b[i]}`);
  return out.length ? `${out.join('\n')}\n` : '';
}

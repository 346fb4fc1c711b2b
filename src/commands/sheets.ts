// `plan sheets`: one assignment sheet per concrete unit (Markdown, DOCX or
// both) and an index, written all-or-nothing into --out.
import { formatVi } from '../core/dates.js';
import { planRef } from '../core/document.js';
import type { Sheet } from '../core/sheet.js';
import { buildSheets } from '../core/sheet.js';
import { COMMON_SPEC, SHEET_SPEC } from '../core/templates.js';
import type { IndexEntry, SheetWording } from '../render/markdown-sheet.js';
import { renderSheetIndexMarkdown, renderSheetMarkdown } from '../render/markdown-sheet.js';
import type { GlobalOptions } from './context.js';
import { fail, resolveAsOf, sayAssumed, tr, usage } from './context.js';
import { loadWording } from './wording.js';
import { loadValidWorkspace, unitsFromOption } from './workspace.js';
import type { OutputFile } from './write-files.js';
import { cleanUpOnSignals, writeFilesAtomic } from './write-files.js';
import type { Lang } from '../core/diagnostic.js';

export type DocFormat = 'md' | 'docx' | 'both';

interface SheetsOptions {
  out?: string;
  format?: DocFormat;
  unit?: string;
  asOf?: string;
  force?: boolean;
  units?: string;
  templates?: string;
}

export async function run(args: unknown[], opts: SheetsOptions, g: GlobalOptions): Promise<number> {
  // Ctrl-C while the documents are made or written: exit 130, nothing half-written.
  cleanUpOnSignals(g.io);
  const l = g.lang;
  if (!opts.out) usage(l, { vi: 'lỗi: thiếu --out THƯ_MỤC (nơi ghi các phiếu)', en: 'error: missing --out DIR (where to write the sheets)' });
  const format = opts.format ?? 'both';
  const madeOn = resolveAsOf(g, opts.asOf);
  if (opts.asOf === undefined) sayAssumed(g, [{ vi: `ngày lập phiếu ${formatVi(madeOn)} (hôm nay; chọn ngày khác bằng --as-of)`, en: `sheets dated ${formatVi(madeOn)} (today; choose another with --as-of)` }]);
  const ws = loadValidWorkspace((args[0] as string[] | undefined) ?? [], opts.units ? { units: opts.units } : {}, g);
  if (ws.plans.length === 0) fail(l, { vi: 'lỗi: không có kế hoạch nào để lập phiếu', en: 'error: no plans to make sheets from' });
  const w = loadWording(g, opts.templates, { common: COMMON_SPEC, sheet: SHEET_SPEC }) as unknown as SheetWording;

  const only = opts.unit !== undefined ? unitsFromOption(ws, opts.unit, g) : undefined;
  const sheets = buildSheets(ws.plans, ws.registry, { madeOn, calendar: ws.calendar, strictBefore: ws.settings.strictBefore, ...(only ? { only } : {}) });
  if (only && sheets.length === 0) {
    fail(l, { vi: `lỗi: "${opts.unit}" không có nhiệm vụ hay báo cáo nào trong các kế hoạch này`, en: `error: "${opts.unit}" has no tasks or reports in these plans` });
  }

  const files: OutputFile[] = [];
  const index: IndexEntry[] = [];
  const docx = format === 'md' ? undefined : await import('../render/docx-sheet.js');
  for (const s of sheets) {
    const names: string[] = [];
    if (format !== 'docx') {
      names.push(`${s.slug}.md`);
      files.push({ name: `${s.slug}.md`, data: renderSheetMarkdown(s, w) });
    }
    if (docx) {
      names.push(`${s.slug}.docx`);
      files.push({ name: `${s.slug}.docx`, data: await docx.renderSheetDocx(s, w) });
    }
    index.push({ sheet: s, files: names });
  }
  files.push({ name: 'index.md', data: renderSheetIndexMarkdown(index, ws.plans.map((p, i) => planRef(p, i + 1)), madeOn, w) });
  writeFilesAtomic(opts.out, files, { force: opts.force === true, lang: l });
  g.io.stdout.write(`${summary(sheets, files.length, opts.out, l)}\n`);
  return 0;
}

function summary(sheets: readonly Sheet[], fileCount: number, out: string, l: Lang): string {
  const when = sheets[0] ? formatVi(sheets[0].madeOn) : '';
  return tr(l, `Đã ghi ${sheets.length} phiếu giao nhiệm vụ (${fileCount} tệp, kể cả index.md) vào ${out}, lập ngày ${when}`, `Wrote ${sheets.length} assignment sheet(s) (${fileCount} files, index.md included) to ${out}, dated ${when}`);
}

// `plan sheets`: one assignment letter (a Công văn) per unit the plans can
// give work to (Markdown, DOCX from the Word template, or both) and an index
// naming the units left out and why, written all-or-nothing into --out.
import { formatVi } from '../core/dates.js';
import { planRef } from '../core/document.js';
import type { Sheet } from '../core/sheet.js';
import { buildSheets } from '../core/sheet.js';
import { COMMON_SPEC, SHEET_SPEC } from '../core/templates.js';
import type { BlankField } from '../render/document-view.js';
import type { IndexEntry } from '../render/markdown-sheet.js';
import { renderSheetIndexMarkdown } from '../render/markdown-sheet.js';
import type { SheetWording } from '../render/sheet-view.js';
import { SHEET_FIELDS, sheetView } from '../render/sheet-view.js';
import { blankNote, documentFormats, documentWarnings, loadDocxTemplate, renderDocuments } from './document-files.js';
import type { GlobalOptions } from './context.js';
import { fail, resolveAsOf, sayAssumed, tr, usage } from './context.js';
import { loadWording } from './wording.js';
import { loadValidWorkspace, unitsFromOption } from './workspace.js';
import type { OutputFile } from '../io/write-files.js';
import { cleanUpOnSignals, writeFilesAtomic } from '../io/write-files.js';
import type { Lang } from '../core/diagnostic.js';
import { countEn } from '../core/text.js';

interface SheetsOptions {
  out?: string;
  /** A list of formats: md,docx (both = md,docx). */
  format?: string;
  unit?: string;
  asOf?: string;
  force?: boolean;
  units?: string;
  templates?: string;
  strict?: boolean;
}

export async function run(args: unknown[], opts: SheetsOptions, g: GlobalOptions): Promise<number> {
  // Ctrl-C while the documents are made or written: exit 130, nothing half-written.
  cleanUpOnSignals(g.io);
  const l = g.lang;
  const err = (t: string) => g.io.stderr.write(t);
  if (!opts.out) usage(l, { vi: 'lỗi: thiếu --out THƯ_MỤC (nơi ghi các phiếu)', en: 'error: missing --out DIR (where to write the sheets)' });
  const formats = documentFormats(opts.format, l);
  const madeOn = resolveAsOf(g, opts.asOf);
  if (opts.asOf === undefined)
    sayAssumed(g, [{ vi: `ngày lập phiếu ${formatVi(madeOn)} (hôm nay; chọn ngày khác bằng --as-of)`, en: `sheets dated ${formatVi(madeOn)} (today; choose another with --as-of)` }]);
  const ws = loadValidWorkspace((args[0] as string[] | undefined) ?? [], opts.units ? { units: opts.units } : {}, g);
  if (ws.plans.length === 0) fail(l, { vi: 'lỗi: không có kế hoạch nào để lập phiếu', en: 'error: no plans to make sheets from' });
  const w = loadWording(g, opts.templates, { common: COMMON_SPEC, sheet: SHEET_SPEC }) as unknown as SheetWording;
  const template = formats.some((f) => f.needsWordTemplate) ? await loadDocxTemplate('sheet', SHEET_FIELDS, g, opts.templates) : undefined;
  documentWarnings(ws, opts.strict === true, l, err);

  const only = opts.unit !== undefined ? unitsFromOption(ws, opts.unit, g) : undefined;
  const { sheets, outside } = buildSheets(ws.plans, ws.registry, { madeOn, calendar: ws.calendar, strictBefore: ws.settings.strictBefore, ...(only ? { only } : {}) });
  if (only && sheets.length === 0) {
    if (outside.length > 0) {
      fail(l, {
        vi: `lỗi: "${opts.unit}" là đơn vị cấp trên của cơ quan ban hành; kế hoạch không giao việc được nên không lập phiếu (xem plan check)`,
        en: `error: "${opts.unit}" ranks above the issuer; the plan cannot give it work, so no sheet (see plan check)`,
      });
    }
    fail(l, { vi: `lỗi: "${opts.unit}" không có nhiệm vụ hay báo cáo nào trong các kế hoạch này`, en: `error: "${opts.unit}" has no tasks or reports in these plans` });
  }

  const files: OutputFile[] = [];
  const index: IndexEntry[] = [];
  const blanks: BlankField[] = [];
  const views = sheets.map((s) => sheetView(s, w, blanks));
  const rendered = await renderDocuments(formats, { kind: 'sheet', views }, template, l);
  sheets.forEach((s, i) => {
    const names = formats.map((f) => `${s.slug}.${f.extension}`);
    names.forEach((name, k) => {
      files.push({ name, data: rendered[k]![i]! });
    });
    index.push({ sheet: s, files: names });
  });
  files.push({
    name: 'index.md',
    data: renderSheetIndexMarkdown(
      index,
      outside,
      ws.plans.map((p, i) => planRef(p, i + 1)),
      madeOn,
      w,
    ),
  });
  writeFilesAtomic(opts.out, files, { force: opts.force === true, lang: l });
  g.io.stdout.write(`${summary(sheets, files.length, opts.out, l)}\n`);
  if (outside.length) {
    g.io.stdout.write(
      `${tr(l, `Không lập phiếu cho ${outside.length} đơn vị ngoài thẩm quyền của cơ quan ban hành (xem index.md): `, `No sheet for ${countEn(outside.length, 'unit')} outside the issuer's authority (see index.md): `)}${outside.map((o) => o.unit.name).join('; ')}\n`,
    );
  }
  err(blankNote(blanks, l));
  return 0;
}

function summary(sheets: readonly Sheet[], fileCount: number, out: string, l: Lang): string {
  const when = sheets[0] ? formatVi(sheets[0].madeOn) : '';
  return tr(
    l,
    `Đã ghi ${sheets.length} văn bản giao nhiệm vụ (${fileCount} tệp, kể cả index.md) vào ${out}, lập ngày ${when}`,
    `Wrote ${countEn(sheets.length, 'assignment letter')} (${fileCount} files, index.md included) to ${out}, dated ${when}`,
  );
}

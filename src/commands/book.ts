// `plan book --period P --out theo-doi.xlsx`: the Excel tracking book units
// fill in (status, completion date, note) and send back to plan collect.
import type { PeriodCode } from '../core/periods.js';
import { PERIOD_CODES } from '../core/periods.js';
import { buildBook } from '../core/book.js';
import { COMMON_SPEC, REPORT_SPEC } from '../core/templates.js';
import type { GlobalOptions } from './context.js';
import { fail, resolveAsOf, resolveYear, sayAssumed, tr, usage } from './context.js';
import { formatVi } from '../core/dates.js';
import { loadWording } from './wording.js';
import { loadValidWorkspace, unitsFromOption } from './workspace.js';
import { writeFileAtomic } from '../io/write-files.js';

interface BookOptions {
  period?: string;
  year?: string;
  unit?: string;
  out?: string;
  asOf?: string;
  force?: boolean;
  units?: string;
  templates?: string;
}

export async function run(args: unknown[], opts: BookOptions, g: GlobalOptions): Promise<number> {
  const l = g.lang;
  if (!opts.period || !PERIOD_CODES.includes(opts.period as PeriodCode))
    usage(l, { vi: `lỗi: --period phải là một trong: ${PERIOD_CODES.join(', ')}`, en: `error: --period must be one of: ${PERIOD_CODES.join(', ')}` });
  if (!opts.out) usage(l, { vi: 'lỗi: thiếu --out TỆP.xlsx', en: 'error: missing --out FILE.xlsx' });
  if (!/\.xlsx$/iu.test(opts.out)) usage(l, { vi: `lỗi: --out "${opts.out}" phải là tệp .xlsx`, en: `error: --out "${opts.out}" must be an .xlsx file` });
  const madeOn = resolveAsOf(g, opts.asOf);
  const year = resolveYear(l, opts.year) ?? madeOn.year;
  // As plan report: the day the book is dated (its overdue colouring) and the period's year, when taken by default.
  sayAssumed(g, [
    ...(opts.asOf === undefined ? [{ vi: `ngày lập sổ ${formatVi(madeOn)} (hôm nay; chọn ngày khác bằng --as-of)`, en: `book dated ${formatVi(madeOn)} (today; choose another with --as-of)` }] : []),
    ...(opts.year === undefined
      ? [{ vi: `năm của kỳ ${year} (năm của ngày lập sổ; chọn năm khác bằng --year)`, en: `the period's year ${year} (the year of the book's date; choose another with --year)` }]
      : []),
  ]);
  const ws = loadValidWorkspace((args[0] as string[] | undefined) ?? [], opts.units ? { units: opts.units } : {}, g);
  if (ws.plans.length === 0) fail(l, { vi: 'lỗi: không có kế hoạch nào', en: 'error: no plans' });
  const period = opts.period as PeriodCode;
  const units = opts.unit !== undefined ? unitsFromOption(ws, opts.unit, g) : undefined;
  const book = buildBook(ws.plans, ws.registry, { period, year, madeOn, calendar: ws.calendar, strictBefore: ws.settings.strictBefore, ...(units ? { units } : {}) });
  if (book.sheets.length === 0) fail(l, { vi: 'lỗi: không đơn vị nào có nhiệm vụ trong kỳ này', en: 'error: no unit has tasks in this period' });
  const w = loadWording(g, opts.templates, { common: COMMON_SPEC, report: REPORT_SPEC });
  const { renderBookXlsx } = await import('../render/xlsx-book.js');
  const data = await renderBookXlsx(book, w.report!.text(`period_${period}`, { year }));
  writeFileAtomic(opts.out, data, { force: opts.force === true, lang: l });
  g.io.stdout.write(`${tr(l, 'Đã ghi', 'Wrote')} ${opts.out} (${book.sheets.length} ${tr(l, 'đơn vị', 'units')})\n`);
  return 0;
}

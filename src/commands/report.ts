// `plan report`: the skeleton of a unit's (or the consolidated) "Báo cáo kết
// quả thực hiện Kế hoạch" for a reporting period, as Markdown and/or DOCX.
import type { PeriodCode } from '../core/periods.js';
import { PERIOD_CODES } from '../core/periods.js';
import { buildConsolidatedReport, buildUnitReport, type Report } from '../core/report.js';
import { slugify } from '../core/slug.js';
import { COMMON_SPEC, REPORT_SPEC } from '../core/templates.js';
import type { BlankField } from '../render/document-view.js';
import type { ReportWording } from '../render/report-view.js';
import { REPORT_FIELDS, reportProperties, reportView } from '../render/report-view.js';
import type { GlobalOptions } from './context.js';
import { fail, resolveAsOf, resolveYear, sayAssumed, tr, usage } from './context.js';
import { formatVi } from '../core/dates.js';
import type { Lang } from '../core/diagnostic.js';
import type { Plan } from '../core/model.js';
import { isCollective } from '../core/units.js';
import { loadWording } from './wording.js';
import { blankNote, documentFormats, documentWarnings, loadDocxTemplate, renderDocuments } from './document-files.js';
import { loadValidWorkspace } from './workspace.js';
import { unitFromOption } from './unit-option.js';
import type { OutputFile } from '../io/write-files.js';
import { cleanUpOnSignals, writeFilesAtomic } from '../io/write-files.js';

interface ReportOptions {
  period?: string;
  year?: string;
  unit?: string;
  consolidated?: boolean;
  /** A list of formats: md,docx (both = md,docx). */
  format?: string;
  out?: string;
  asOf?: string;
  force?: boolean;
  units?: string;
  templates?: string;
  strict?: boolean;
}

export async function run(args: unknown[], opts: ReportOptions, g: GlobalOptions): Promise<number> {
  // Ctrl-C while the documents are made or written: exit 130, nothing half-written.
  cleanUpOnSignals(g.io);
  const l = g.lang;
  if (!opts.period || !PERIOD_CODES.includes(opts.period as PeriodCode)) {
    usage(l, { vi: `lỗi: --period phải là một trong: ${PERIOD_CODES.join(', ')}`, en: `error: --period must be one of: ${PERIOD_CODES.join(', ')}` });
  }
  if ((opts.unit === undefined) === (opts.consolidated !== true)) {
    usage(l, { vi: 'lỗi: cần đúng một trong --unit TÊN hoặc --consolidated', en: 'error: give exactly one of --unit NAME or --consolidated' });
  }
  if (!opts.out) usage(l, { vi: 'lỗi: thiếu --out THƯ_MỤC', en: 'error: missing --out DIR' });
  const formats = documentFormats(opts.format, l);
  const madeOn = resolveAsOf(g, opts.asOf);
  const year = resolveYear(l, opts.year) ?? madeOn.year;
  sayAssumed(g, [
    ...(opts.asOf === undefined
      ? [{ vi: `ngày lập báo cáo ${formatVi(madeOn)} (hôm nay; chọn ngày khác bằng --as-of)`, en: `report dated ${formatVi(madeOn)} (today; choose another with --as-of)` }]
      : []),
    ...(opts.year === undefined
      ? [{ vi: `năm báo cáo ${year} (năm của ngày lập; chọn năm khác bằng --year)`, en: `reporting year ${year} (the year of the report's date; choose another with --year)` }]
      : []),
  ]);
  const ws = loadValidWorkspace((args[0] as string[] | undefined) ?? [], opts.units ? { units: opts.units } : {}, g);
  if (ws.plans.length === 0) fail(l, { vi: 'lỗi: không có kế hoạch nào', en: 'error: no plans' });
  refuseYearOutsidePlans(ws.plans, year, opts, l);
  const w = loadWording(g, opts.templates, { common: COMMON_SPEC, report: REPORT_SPEC }) as unknown as ReportWording;
  const template = formats.some((f) => f.needsWordTemplate) ? await loadDocxTemplate('report', REPORT_FIELDS, g, opts.templates) : undefined;
  documentWarnings(ws, opts.strict === true, g.lang, (t) => g.io.stderr.write(t));

  const period = opts.period as PeriodCode;
  const options = { period, year, madeOn, calendar: ws.calendar, strictBefore: ws.settings.strictBefore };
  let report: Report;
  let base: string;
  if (opts.unit !== undefined) {
    // A unit report is one unit's: a group is refused rather than guessed.
    const unit = unitFromOption(ws.registry, opts.unit, g, ws.unitsFile, {
      vi: 'báo cáo của một đơn vị cần tên một đơn vị (hoặc dùng --consolidated)',
      en: "a unit report needs one unit's name (or use --consolidated)",
    });
    // A collective ("Các sở, ban, ngành") is one addressee of the sheets but no body that signs a report: each member reports.
    if (isCollective(unit))
      usage(l, {
        vi: `lỗi: "${unit.name}" gọi chung nhiều đơn vị (collective trong units.yaml): mỗi đơn vị tự lập báo cáo của mình; ghi các đơn vị vào units.yaml rồi chọn một, hoặc dùng --consolidated`,
        en: `error: "${unit.name}" names many units (collective in units.yaml): each of them writes its own report; list them in units.yaml and choose one, or use --consolidated`,
      });
    report = buildUnitReport(ws.plans, ws.registry, unit, options);
    base = `bao-cao-${period}-${year}-${slugify(unit.name)}`;
  } else {
    report = buildConsolidatedReport(ws.plans, ws.registry, options);
    base = `bao-cao-${period}-${year}-tong-hop`;
  }
  const blanks: BlankField[] = [];
  const view = reportView(report, w, blanks);
  const properties = reportProperties(report);
  const rendered = await renderDocuments(formats, { kind: 'report', views: [view], properties }, template, l);
  const files: OutputFile[] = formats.map((f, k) => ({ name: `${base}.${f.extension}`, data: rendered[k]![0]! }));
  const written = writeFilesAtomic(opts.out, files, { force: opts.force === true, lang: l });
  g.io.stdout.write(`${tr(l, 'Đã ghi', 'Wrote')} ${written.join(', ')}\n`);
  g.io.stderr.write(blankNote(blanks, l));
  return 0;
}

/** A report for a year no plan covers is almost always a mistyped or defaulted year: refused unless --force. */
function refuseYearOutsidePlans(plans: readonly Plan[], year: number, opts: ReportOptions, l: Lang): void {
  if (opts.force === true || plans.some((p) => p.years.from <= year && year <= p.years.to)) return;
  const spans = [...new Set(plans.map((p) => (p.years.from === p.years.to ? `${p.years.from}` : `${p.years.from}–${p.years.to}`)))].join(', ');
  const nearest = plans.map((p) => (year < p.years.from ? p.years.from : p.years.to)).sort((a, b) => Math.abs(a - year) - Math.abs(b - year))[0]!;
  const why =
    opts.year === undefined ? tr(l, ` (năm của ngày lập ${opts.asOf === undefined ? 'hôm nay' : 'theo --as-of'})`, ` (the year of the report's date${opts.asOf === undefined ? ', today' : ''})`) : '';
  fail(l, {
    vi: `lỗi: kế hoạch chỉ có năm ${spans}, không có năm ${year}${why}; ghi --year ${nearest}, hoặc thêm --force nếu đúng là cần báo cáo năm ${year}`,
    en: `error: the plans cover ${spans}, not ${year}${why}; give --year ${nearest}, or add --force if a report for ${year} is really wanted`,
  });
}

// `plan report`: the skeleton of a unit's (or the consolidated) "Báo cáo kết
// quả thực hiện Kế hoạch" for a reporting period, as Markdown and/or DOCX.
import type { Lang } from '../core/diagnostic.js';
import type { Unit } from '../core/units.js';
import type { PeriodCode } from '../core/periods.js';
import { PERIOD_CODES } from '../core/periods.js';
import { buildConsolidatedReport, buildUnitReport } from '../core/report.js';
import { slugify } from '../core/slug.js';
import { COMMON_SPEC, REPORT_SPEC } from '../core/templates.js';
import { renderOfficialMarkdown } from '../render/markdown-official.js';
import type { ReportWording } from '../render/report-document.js';
import { reportDocument } from '../render/report-document.js';
import type { GlobalOptions } from './context.js';
import { fail, resolveAsOf, resolveYear, tr, usage } from './context.js';
import { loadWording } from './wording.js';
import { loadValidWorkspace, unitsFromOption, type Workspace } from './workspace.js';
import type { OutputFile } from './write-files.js';
import { writeFilesAtomic } from './write-files.js';

interface ReportOptions {
  period?: string;
  year?: string;
  unit?: string;
  consolidated?: boolean;
  format?: 'md' | 'docx' | 'both';
  out?: string;
  asOf?: string;
  force?: boolean;
  units?: string;
  templates?: string;
}

export async function run(args: unknown[], opts: ReportOptions, g: GlobalOptions): Promise<number> {
  const l = g.lang;
  if (!opts.period || !PERIOD_CODES.includes(opts.period as PeriodCode)) {
    usage(l, { vi: `lỗi: --period phải là một trong: ${PERIOD_CODES.join(', ')}`, en: `error: --period must be one of: ${PERIOD_CODES.join(', ')}` });
  }
  if ((opts.unit === undefined) === (opts.consolidated !== true)) {
    usage(l, { vi: 'lỗi: cần đúng một trong --unit TÊN hoặc --consolidated', en: 'error: give exactly one of --unit NAME or --consolidated' });
  }
  if (!opts.out) usage(l, { vi: 'lỗi: thiếu --out THƯ_MỤC', en: 'error: missing --out DIR' });
  const madeOn = resolveAsOf(l, opts.asOf);
  const year = resolveYear(l, opts.year) ?? madeOn.year;
  const ws = loadValidWorkspace((args[0] as string[] | undefined) ?? [], { ...(opts.units ? { units: opts.units } : {}), today: madeOn }, l);
  if (ws.plans.length === 0) fail(l, { vi: 'lỗi: không có kế hoạch nào', en: 'error: no plans' });
  const w = loadWording(g, opts.templates, { common: COMMON_SPEC, report: REPORT_SPEC }) as unknown as ReportWording;

  const period = opts.period as PeriodCode;
  const options = { period, year, madeOn, calendar: ws.calendar, strictBefore: ws.settings.strictBefore };
  let report;
  let base: string;
  if (opts.unit !== undefined) {
    const unit = singleUnit(ws, opts.unit, l);
    report = buildUnitReport(ws.plans, ws.registry, unit, options);
    base = `bao-cao-${period}-${year}-${slugify(unit.name)}`;
  } else {
    report = buildConsolidatedReport(ws.plans, ws.registry, options);
    base = `bao-cao-${period}-${year}-tong-hop`;
  }
  const format = opts.format ?? 'both';
  const doc = reportDocument(report, w);
  const files: OutputFile[] = [];
  if (format !== 'docx') files.push({ name: `${base}.md`, data: renderOfficialMarkdown(doc) });
  if (format !== 'md') {
    const { renderOfficialDocx } = await import('../render/docx-layout.js');
    files.push({ name: `${base}.docx`, data: await renderOfficialDocx(doc) });
  }
  const written = writeFilesAtomic(opts.out, files, { force: opts.force === true, lang: l });
  process.stdout.write(`${tr(l, 'Đã ghi', 'Wrote')} ${written.join(', ')}\n`);
  return 0;
}

/** A unit report is one unit's: a group name is refused rather than guessed. */
function singleUnit(ws: Workspace, name: string, l: Lang): Unit {
  const units = unitsFromOption(ws, name, l);
  if (ws.registry.lookup(name)?.kind !== 'unit' || !units[0]) {
    usage(l, {
      vi: `lỗi: "${name}" là một nhóm; báo cáo của một đơn vị cần tên một đơn vị (hoặc dùng --consolidated)`,
      en: `error: "${name}" is a group; a unit report needs one unit's name (or use --consolidated)`,
    });
  }
  return units[0];
}

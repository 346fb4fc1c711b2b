// `plan check`: load every plan and the units file, print every diagnostic,
// end with a summary: counts, then overdue and due-soon items as of the day.
// Exit 1 on errors; with --strict also on warnings or anything overdue.
import { countBySeverity } from '../core/diagnostic.js';
import { dayHeading, formatIso, formatVi } from '../core/dates.js';
import { countDeadlines } from '../core/schedule.js';
import { diagnosticsToJson, renderDiagnosticsPretty, renderDiagnosticsShort } from '../render/diagnostics.js';
import type { GlobalOptions } from './context.js';
import { resolveAsOf, tr } from './context.js';
import { loadWorkspace } from './workspace.js';

interface CheckOptions {
  strict?: boolean;
  json?: boolean;
  format?: 'pretty' | 'short' | 'json';
  units?: string;
  asOf?: string;
}

export function run(args: unknown[], opts: CheckOptions, g: GlobalOptions): number {
  const paths = (args[0] as string[] | undefined) ?? [];
  const today = resolveAsOf(g, opts.asOf);
  const ws = loadWorkspace(paths, { ...(opts.units ? { units: opts.units } : {}), parallel: true }, g);
  const { errors, warnings } = countBySeverity(ws.diagnostics);
  // From each plan's summary (kept in the content cache), not the plans themselves.
  let tasks = 0;
  let duties = 0;
  // Deadlines as of the day: counted over what loaded, even when some file has errors.
  let late = 0;
  let soon = 0;
  for (const summary of ws.summaries) {
    tasks += summary.tasks;
    duties += summary.duties;
    const counted = countDeadlines(summary.deadlines, today, ws.settings.dueSoonDays);
    late += counted.overdue;
    soon += counted.dueSoon;
  }
  const failed = errors > 0 || (opts.strict === true && (warnings > 0 || late > 0));
  const format = opts.json ? 'json' : (opts.format ?? 'pretty');

  if (format === 'json') {
    const summary = {
      files: ws.files.length,
      plans: ws.summaries.length,
      tasks,
      duties,
      errors,
      warnings,
      asOf: formatIso(today),
      overdue: late,
      dueSoon: soon,
      dueSoonDays: ws.settings.dueSoonDays,
      ok: !failed,
    };
    g.io.stdout.write(`${JSON.stringify({ diagnostics: diagnosticsToJson(ws.diagnostics, g.lang), summary }, null, 2)}\n`);
    return failed ? 1 : 0;
  }
  const l = g.lang;
  // The day every "overdue" below is counted at, said first (issue 14: a clerk questions a day nobody gave).
  const heading = tr(l, `Kiểm tra kế hoạch tính đến ${dayHeading(today, l)}`, `Checking plans as of ${dayHeading(today, l)}`);
  const assumed = opts.asOf === undefined ? tr(l, ' (hôm nay; chọn ngày khác bằng --as-of)', ' (today; choose another with --as-of)') : '';
  g.io.stdout.write(`${heading}${assumed}\n`);
  const body = format === 'short' ? renderDiagnosticsShort(ws.diagnostics, g.lang) : renderDiagnosticsPretty(ws.diagnostics, (file) => ws.sources.get(file), g.lang);
  if (body) g.io.stdout.write(format === 'short' ? body : `${body}\n`);
  const summary = tr(
    l,
    `${ws.files.length} tệp, ${ws.summaries.length} kế hoạch, ${tasks} nhiệm vụ, ${duties} nghĩa vụ báo cáo: ${errors} lỗi, ${warnings} cảnh báo`,
    `${ws.files.length} file(s), ${ws.summaries.length} plan(s), ${tasks} tasks, ${duties} reporting duties: ${errors} error(s), ${warnings} warning(s)`,
  );
  g.io.stdout.write(`${summary}\n`);
  const day = formatVi(today);
  const n = ws.settings.dueSoonDays;
  g.io.stdout.write(
    `${tr(l, `Tính đến ${day}: ${late} việc quá hạn, ${soon} việc đến hạn trong ${n} ngày tới (xem plan overdue, plan agenda)`, `As of ${day}: ${late} overdue, ${soon} due within ${n} days (see plan overdue, plan agenda)`)}\n`,
  );
  if (failed && errors === 0) {
    const why = warnings > 0 && late > 0 ? tr(l, 'cảnh báo và việc quá hạn', 'warnings and overdue items') : late > 0 ? tr(l, 'việc quá hạn', 'overdue items') : tr(l, 'cảnh báo', 'warnings');
    g.io.stdout.write(`${tr(l, `--strict: ${why} được tính là lỗi`, `--strict: ${why} count as errors`)}\n`);
  }
  return failed ? 1 : 0;
}

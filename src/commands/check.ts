// `plan check`: load every plan and the units file, print every diagnostic,
// end with a summary: counts, then overdue and due-soon items as of the day.
// Exit 1 on errors; with --strict also on warnings or anything overdue.
import { countDeadlines } from '../core/schedule.js';
import type { PrintedMemo } from '../core/workspace.js';
import type { GlobalOptions } from './context.js';
import { resolveAsOf } from './context.js';
import { chooseOutput, type OutputOptions, printView } from './output.js';
import { loadWorkspace } from './workspace.js';

interface CheckOptions extends OutputOptions {
  strict?: boolean;
  units?: string;
  asOf?: string;
}

export async function run(args: unknown[], opts: CheckOptions, g: GlobalOptions): Promise<number> {
  const format = chooseOutput('check', opts, g.lang);
  const paths = (args[0] as string[] | undefined) ?? [];
  const today = resolveAsOf(g, opts.asOf);
  const ws = loadWorkspace(paths, { ...(opts.units ? { units: opts.units } : {}), parallel: true, ...(format.codeFrames ? { codeFrames: true } : {}) }, g);
  // Counted by runs: a kept clean file's diagnostics are counted in the cache's index, never read to be counted.
  const runs = ws.diagnosticRuns();
  let errors = 0;
  let warnings = 0;
  for (const run of runs) {
    errors += run.errors;
    warnings += run.count - run.errors;
  }
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
  let printed: PrintedMemo | undefined;
  await printView(
    'check',
    {
      // Read only by a format that prints them one by one (pretty, json); short prints the runs.
      get diagnostics() {
        return ws.diagnostics;
      },
      runs,
      printed: (kind) => (printed ??= ws.printedStore(kind)),
      source: (file) => ws.sources.get(file),
      files: ws.files.length,
      plans: ws.summaries.length,
      tasks,
      duties,
      errors,
      warnings,
      asOf: today,
      asOfGiven: opts.asOf !== undefined,
      overdue: late,
      dueSoon: soon,
      dueSoonDays: ws.settings.dueSoonDays,
      ok: !failed,
    },
    format,
    g,
  );
  printed?.save();
  return failed ? 1 : 0;
}

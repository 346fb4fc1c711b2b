// `plan overdue`: every open task occurrence and unsent duty past its
// (effective) due date as of a day, most late first.
import { overdueFromRows } from '../core/schedule-rows.js';
import type { GroupBy } from '../render/schedule-table.js';
import type { GlobalOptions } from './context.js';
import { resolveAsOf } from './context.js';
import { chooseOutput, type OutputOptions, printView } from './output.js';
import type { ScheduleOptions } from './schedule-common.js';
import { loadValidWorkspace, unitsFromOption } from './workspace.js';

interface OverdueOptions extends ScheduleOptions, OutputOptions {
  groupBy?: GroupBy;
}

export async function run(args: unknown[], opts: OverdueOptions, g: GlobalOptions): Promise<number> {
  const format = chooseOutput('overdue', opts, g.lang);
  const asOf = resolveAsOf(g, opts.asOf);
  const ws = loadValidWorkspace((args[0] as string[] | undefined) ?? [], opts.units ? { units: opts.units } : {}, g);
  // From the plans' schedule rows (kept in the content cache): no models, no schedule items to build.
  const only = opts.unit !== undefined ? new Set(unitsFromOption(ws, opts.unit, g).map((u) => u.name)) : undefined;
  const items = overdueFromRows(ws.rows, asOf, only);
  await printView('overdue', { asOf, items, groupBy: opts.groupBy ?? 'none', showPlan: ws.rows.length > 1 }, format, g);
  return 0;
}

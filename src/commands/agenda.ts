// `plan agenda`: what falls due in the next N days, by day then unit, and the
// windows running now.
import { buildAgenda } from '../core/schedule.js';
import type { GlobalOptions } from './context.js';
import { usage } from './context.js';
import { chooseOutput, type OutputOptions, printView } from './output.js';
import type { ScheduleOptions } from './schedule-common.js';
import { loadSchedule } from './schedule-common.js';

interface AgendaOptions extends ScheduleOptions, OutputOptions {
  days?: string;
}

export async function run(args: unknown[], opts: AgendaOptions, g: GlobalOptions): Promise<number> {
  const format = chooseOutput('agenda', opts, g.lang);
  let days: number | undefined;
  if (opts.days !== undefined) {
    days = Number(opts.days);
    if (!/^\d+$/.test(String(opts.days)) || days > 3660)
      usage(g.lang, { vi: `lỗi: --days "${opts.days}" phải là số ngày (0–3660)`, en: `error: --days "${opts.days}" must be a number of days (0–3660)` });
  }
  const { ws, asOf, schedule } = loadSchedule((args[0] as string[] | undefined) ?? [], opts, g);
  const agenda = buildAgenda(schedule, asOf, days ?? ws.settings.dueSoonDays);
  await printView('agenda', { agenda, undated: schedule.undated }, format, g);
  return 0;
}

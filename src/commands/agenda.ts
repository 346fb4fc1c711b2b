// `plan agenda`: what falls due in the next N days, by day then unit, and the
// windows running now.
import { formatIso, weekdayName } from '../core/dates.js';
import { buildAgenda } from '../core/schedule.js';
import { renderAgenda } from '../render/schedule-table.js';
import type { GlobalOptions } from './context.js';
import { tr, usage } from './context.js';
import type { ScheduleOptions } from './schedule-common.js';
import { loadSchedule } from './schedule-common.js';
import { itemJson } from '../render/output-json.js';

interface AgendaOptions extends ScheduleOptions {
  days?: string;
  json?: boolean;
}

export function run(args: unknown[], opts: AgendaOptions, g: GlobalOptions): number {
  let days: number | undefined;
  if (opts.days !== undefined) {
    days = Number(opts.days);
    if (!/^\d+$/.test(String(opts.days)) || days > 3660)
      usage(g.lang, { vi: `lỗi: --days "${opts.days}" phải là số ngày (0–3660)`, en: `error: --days "${opts.days}" must be a number of days (0–3660)` });
  }
  const { ws, asOf, schedule } = loadSchedule((args[0] as string[] | undefined) ?? [], opts, g);
  const agenda = buildAgenda(schedule, asOf, days ?? ws.settings.dueSoonDays);
  if (opts.json) {
    const out = {
      asOf: formatIso(agenda.asOf),
      until: formatIso(agenda.until),
      active: agenda.active.map((i) => itemJson(i, g.lang)),
      days: agenda.days.map((d) => ({
        date: formatIso(d.date),
        weekday: weekdayName(d.date, g.lang),
        items: d.entries.map((e) => ({ event: e.event, ...itemJson(e.item, g.lang) })),
      })),
      undated: schedule.undated.map((u) => ({ plan: u.plan.file, kind: u.kind, id: u.id, title: u.title, due: u.text })),
    };
    g.io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  g.io.stdout.write(renderAgenda(agenda, g.lang));
  if (schedule.undated.length > 0) {
    // Event deadlines have no date until the plan records the event: say which, so they are not forgotten.
    const ids = schedule.undated.map((u) => u.id).join(', ');
    g.io.stdout.write(`\n${tr(g.lang, `Chưa tính được ngày (chờ ghi eventDate): ${ids}`, `No date yet (waiting for eventDate): ${ids}`)}\n`);
  }
  return 0;
}

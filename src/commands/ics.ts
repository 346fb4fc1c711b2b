// `plan ics`: every due date as an iCalendar file for Outlook, Thunderbird or
// Google Calendar. Re-importing updates events (stable UIDs).
import { renderIcs } from '../render/ics.js';
import type { GlobalOptions } from './context.js';
import { tr } from './context.js';
import type { ScheduleOptions } from './schedule-common.js';
import { loadSchedule } from './schedule-common.js';
import { writeFileAtomic } from '../io/write-files.js';

interface IcsCommandOptions extends Omit<ScheduleOptions, 'asOf'> {
  output?: string;
  force?: boolean;
}

export function run(args: unknown[], opts: IcsCommandOptions, g: GlobalOptions): number {
  const output = opts.output ?? '-';
  const { ws, schedule, only } = loadSchedule((args[0] as string[] | undefined) ?? [], opts, g);
  const items = schedule.items;
  const titles = ws.plans.map((p) => p.title);
  const name = titles.length === 1 ? titles[0]! : tr(g.lang, 'Thời hạn các kế hoạch', 'Plan deadlines');
  const stamp = g.io
    .now()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const text = renderIcs(items, { lang: g.lang, stamp, perUnit: only !== undefined, calendarName: opts.unit ? `${name} — ${opts.unit}` : name });
  if (output === '-') {
    g.io.stdout.write(text);
    return 0;
  }
  writeFileAtomic(output, text, { force: opts.force === true, lang: g.lang });
  const events = (text.match(/^BEGIN:VEVENT/gm) ?? []).length;
  g.io.stderr.write(`${tr(g.lang, `Đã ghi ${output}: ${events} sự kiện`, `Wrote ${output}: ${events} event(s)`)}\n`);
  return 0;
}

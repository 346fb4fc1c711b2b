// `plan ics`: every due date as an iCalendar file for Outlook, Thunderbird or
// Google Calendar. Re-importing updates events (stable UIDs).
import { renderOutput } from '../render/outputs.js';
import type { GlobalOptions } from './context.js';
import { tr } from './context.js';
import { chooseOutput, type OutputOptions, printView } from './output.js';
import type { ScheduleOptions } from './schedule-common.js';
import { loadSchedule } from './schedule-common.js';
import { writeFileAtomic } from '../io/write-files.js';
import { countEn } from '../core/text.js';

interface IcsCommandOptions extends Omit<ScheduleOptions, 'asOf'>, OutputOptions {
  output?: string;
  force?: boolean;
}

export async function run(args: unknown[], opts: IcsCommandOptions, g: GlobalOptions): Promise<number> {
  const format = chooseOutput('ics', opts, g.lang);
  const output = opts.output ?? '-';
  const { ws, schedule, only } = loadSchedule((args[0] as string[] | undefined) ?? [], opts, g);
  const titles = ws.plans.map((p) => p.title);
  const name = titles.length === 1 ? titles[0]! : tr(g.lang, 'Thời hạn các kế hoạch', 'Plan deadlines');
  const stamp = g.io
    .now()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const view = { items: schedule.items, options: { lang: g.lang, stamp, perUnit: only !== undefined, calendarName: opts.unit ? `${name} — ${opts.unit}` : name } };
  if (output === '-') {
    await printView('ics', view, format, g);
    return 0;
  }
  // A file is written whole or not at all: the calendar is gathered first.
  let text = '';
  const decoder = new TextDecoder();
  await renderOutput('ics', view, format, { lang: g.lang, write: (piece) => void (text += typeof piece === 'string' ? piece : decoder.decode(piece, { stream: true })) });
  text += decoder.decode();
  writeFileAtomic(output, text, { force: opts.force === true, lang: g.lang });
  const events = (text.match(/^BEGIN:VEVENT/gm) ?? []).length;
  g.io.stderr.write(`${tr(g.lang, `Đã ghi ${output}: ${events} sự kiện`, `Wrote ${output}: ${countEn(events, 'event')}`)}\n`);
  return 0;
}

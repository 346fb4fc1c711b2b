// `plan overdue`: every open task occurrence and unsent duty past its
// (effective) due date as of a day, most late first.
import { dayHeading, formatIso } from '../core/dates.js';
import { overdueFromRows } from '../core/schedule-rows.js';
import type { GroupBy } from '../render/schedule-table.js';
import { overdueLines } from '../render/schedule-table.js';
import { jsonWithList, writeLines } from '../render/stream.js';
import { wrapCell } from '../render/text-table.js';
import type { GlobalOptions } from './context.js';
import { resolveAsOf, tr } from './context.js';
import type { ScheduleOptions } from './schedule-common.js';
import { itemJson } from './schedule-common.js';
import { terminalColumns } from './terminal.js';
import { loadValidWorkspace, unitsFromOption } from './workspace.js';

interface OverdueOptions extends ScheduleOptions {
  json?: boolean;
  format?: 'table' | 'md';
  groupBy?: GroupBy;
}

export function run(args: unknown[], opts: OverdueOptions, g: GlobalOptions): number {
  const asOf = resolveAsOf(g, opts.asOf);
  const ws = loadValidWorkspace((args[0] as string[] | undefined) ?? [], opts.units ? { units: opts.units } : {}, g);
  // From the plans' schedule rows (kept in the content cache): no models, no schedule items to build.
  const only = opts.unit !== undefined ? new Set(unitsFromOption(ws, opts.unit, g).map((u) => u.name)) : undefined;
  const items = overdueFromRows(ws.rows, asOf, only);
  const write = (text: string) => g.io.stdout.write(text);
  if (opts.json) {
    const list = (function* () {
      for (let i = 0; i < items.length; i++) {
        const o = items.at(i)!;
        yield { ...itemJson(o.item, g.lang), daysLate: o.daysLate };
      }
    })();
    writeLines(jsonWithList({ asOf: formatIso(asOf) }, 'items', list), write);
    return 0;
  }
  const l = g.lang;
  const day = dayHeading(asOf, l);
  if (items.length === 0) {
    g.io.stdout.write(`${tr(l, `Không có việc quá hạn tính đến ${day}.`, `Nothing is overdue as of ${day}.`)}\n`);
    return 0;
  }
  const format = opts.format ?? 'table';
  const heading = tr(l, `Quá hạn tính đến ${day}: ${items.length} việc`, `Overdue as of ${day}: ${items.length} item(s)`);
  const maxWidth = format === 'table' ? terminalColumns(g.io.stdout, g.io.env) : undefined;
  // Sentences around the table wrap to the terminal too.
  const fit = (text: string) => (maxWidth === undefined ? text : wrapCell(text, maxWidth).join('\n'));
  g.io.stdout.write(format === 'md' ? `**${heading}**\n\n` : `${fit(heading)}\n`);
  writeLines(overdueLines(items, { lang: l, format, groupBy: opts.groupBy ?? 'none', showPlan: ws.rows.length > 1, ...(maxWidth !== undefined ? { maxWidth } : {}) }), write);
  let moved = false;
  for (let i = 0; i < items.length && !moved; i++) moved = items.at(i)!.item.moved;
  if (moved)
    g.io.stdout.write(
      `${fit(tr(l, 'A → B: hạn ghi A là ngày nghỉ, hạn thực tế là B (Bộ luật Dân sự 2015, Điều 148).', 'A → B: the written limit A is a day off; it really ends on B (Civil Code 2015, Article 148).'))}\n`,
    );
  return 0;
}

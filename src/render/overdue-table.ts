// The overdue list as a terminal table, apart from the Markdown and agenda
// renderers: the terminal table measures text with string-width, whose set-up
// (Unicode property regular expressions) took ~34 ms that overdue --format md,
// agenda and show paid without measuring anything.
import chalk from 'chalk';
import type { OverdueList, OverdueRow } from '../core/schedule-rows.js';
import { occurrenceOf, unitNameOf } from '../core/schedule-rows.js';
import { type OverdueRenderOptions, overdueCells, overdueHead, rowsByItem, unitLabel, writeOverdueMarkdown } from './schedule-table.js';
import { ByteWriter, textWriter } from './stream.js';
import type { TextColumn } from './text-table.js';
import { textTableLines } from './text-table.js';

/** The overdue list as a terminal table: lines (without line ends), made one row at a time so it can stream. */
export function* overdueLines(items: OverdueList, opts: OverdueRenderOptions): Generator<string> {
  const { head, lateCol } = overdueHead(opts);
  const cells = overdueCells(opts, false);
  let body: { count: number; cells: (i: number) => string[]; daysLate: (i: number) => number };
  if (opts.groupBy === 'item') {
    const rows = rowsByItem(items, opts.lang);
    body = { count: rows.count, cells: (i) => [...cells.leading(rows.at(i)), cells.units(rows.at(i).units)], daysLate: (i) => rows.at(i).daysLate };
  } else {
    // The rows of one occurrence (one per unit) share their leading cells: made once, not once per unit.
    const noUnit = unitLabel({}, opts.lang);
    let current: number | undefined;
    let first: OverdueRow | undefined;
    let leading: string[] = [];
    const occurrence = (k: number) => {
      const now = occurrenceOf(items, k);
      if (now !== current) {
        current = now;
        first = items.at(k)!;
        leading = cells.leading(first);
      }
      return first!;
    };
    body = {
      count: items.length,
      cells: (k) => {
        occurrence(k);
        return [...leading, unitNameOf(items, k) ?? noUnit];
      },
      daysLate: (k) => occurrence(k).daysLate,
    };
  }
  // Titles are shortened to 50 characters; units wrap in a column of 40 (48 when grouped).
  const fixed = (i: number) => (i === head.length - 1 ? (opts.groupBy === 'item' ? 48 : 40) : i === head.length - 2 ? 50 : undefined);
  const columns: TextColumn[] = head.map((header, i) => ({
    header,
    ...(i === lateCol ? { align: 'right' as const } : {}),
    ...(fixed(i) !== undefined ? { width: fixed(i)!, flexible: true } : {}),
  }));
  yield* textTableLines(columns, body, {
    ...(opts.maxWidth !== undefined ? { maxWidth: opts.maxWidth } : {}),
    headStyle: (t) => chalk.bold(t),
    cellStyle: (row, col, t) => (col === lateCol ? (body.daysLate(row) > 30 ? chalk.red.bold(t) : chalk.red(t)) : t),
  });
}

/** The whole list as one string (tests, short lists). */
export function renderOverdue(items: OverdueList, opts: OverdueRenderOptions): string {
  let out = '';
  if (opts.format === 'md') {
    const writer = new ByteWriter(
      textWriter((text) => {
        out += text;
      }),
    );
    writeOverdueMarkdown(items, opts, writer);
    writer.flush();
    return out;
  }
  for (const line of overdueLines(items, opts)) out += `${line}\n`;
  return out;
}

// The overdue list as a terminal table, apart from the Markdown and agenda
// renderers, which need none of its measuring and wrapping code.
import chalk from 'chalk';
import type { OverdueList } from '../core/schedule-rows.js';
import { eachOverdueRow } from '../core/schedule-rows.js';
import { type OverdueRenderOptions, overdueCells, overdueHead, rowsByItem, unitLabel, writeOverdueMarkdown } from './schedule-table.js';
import { type ByteWriter, writtenText } from './stream.js';
import type { CellStyle, TableRuns, TextColumn } from './text-table.js';
import { writeTextTable } from './text-table.js';

/**
 * The overdue list as a terminal table, written as bytes: one row per
 * (occurrence, unit), an occurrence's leading cells laid out and encoded once
 * for all its units (as the Markdown's).
 */
export function writeOverdueTable(items: OverdueList, opts: OverdueRenderOptions, out: ByteWriter): void {
  const { head, lateCol } = overdueHead(opts);
  const cells = overdueCells(opts, false);
  // The days late in red, bold past 30 days; no colour, no styling call (chalk's level 0 gives the text back).
  const colour = chalk.level > 0;
  const late: CellStyle = (col, t) => (col === lateCol ? chalk.red(t) : t);
  const veryLate: CellStyle = (col, t) => (col === lateCol ? chalk.red.bold(t) : t);
  const styleOf = (daysLate: number) => (colour ? (daysLate > 30 ? veryLate : late) : undefined);
  let body: TableRuns;
  if (opts.groupBy === 'item') {
    const rows = rowsByItem(items, opts.lang);
    body = (run, row) => {
      for (let i = 0; i < rows.count; i++) {
        const r = rows.at(i);
        run(cells.leading(r), styleOf(r.daysLate));
        row(cells.units(r.units));
      }
    };
  } else {
    // An occurrence's rows (one per unit) are one run: its leading cells are laid out and encoded once for all of them.
    const noUnit = unitLabel({}, opts.lang);
    body = (run, row) =>
      eachOverdueRow(
        items,
        (first) => run(cells.leading(first), styleOf(first.daysLate)),
        (name) => row(name ?? noUnit),
      );
  }
  // Titles are shortened to 50 characters; units wrap in a column of 40 (48 when grouped).
  const fixed = (i: number) => (i === head.length - 1 ? (opts.groupBy === 'item' ? 48 : 40) : i === head.length - 2 ? 50 : undefined);
  const columns: TextColumn[] = head.map((header, i) => ({
    header,
    ...(i === lateCol ? { align: 'right' as const } : {}),
    ...(fixed(i) !== undefined ? { width: fixed(i)!, flexible: true } : {}),
  }));
  writeTextTable(columns, body, out, {
    ...(opts.maxWidth !== undefined ? { maxWidth: opts.maxWidth } : {}),
    headStyle: (t) => chalk.bold(t),
  });
}

/** The whole list as one string (tests, short lists). */
export function renderOverdue(items: OverdueList, opts: OverdueRenderOptions): string {
  return writtenText((out) => (opts.format === 'md' ? writeOverdueMarkdown(items, opts, out) : writeOverdueTable(items, opts, out)));
}

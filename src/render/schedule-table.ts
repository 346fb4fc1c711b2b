// Deadline views for people: the overdue list's cells and its Markdown table
// (the terminal table is render/overdue-table.ts), and the agenda by day then
// unit. Pure (data in, text out); colour through chalk, which cli.ts has
// already switched off when output is not a terminal.
import chalk from 'chalk';
import { dayHeading, formatVi } from '../core/dates.js';
import type { Lang } from '../core/diagnostic.js';
import type { Agenda, AgendaEntry } from '../core/schedule.js';
import type { ItemView, OverdueList } from '../core/schedule-rows.js';
import { eachOverdueRow } from '../core/schedule-rows.js';
import { citedNumber, viCollator } from '../core/text.js';
import { type ByteWriter, bytesOnce, utf8 } from './stream.js';

/** The due date as written, and the effective one beside it when a day off moved it. */
export function dueText(item: ItemView): string {
  return item.moved ? `${formatVi(item.written)} → ${formatVi(item.effective)}` : formatVi(item.effective);
}

export function kindLabel(item: Pick<ItemView, 'kind'>, lang: Lang): string {
  if (item.kind === 'duty') return lang === 'vi' ? 'nghĩa vụ gửi' : 'duty';
  return lang === 'vi' ? 'nhiệm vụ' : 'task';
}

export function unitLabel(item: Pick<ItemView, 'unit'>, lang: Lang): string {
  return item.unit?.name ?? (lang === 'vi' ? '(không có đơn vị cụ thể)' : '(no specific unit)');
}

export function shorten(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1).trimEnd()}…` : one;
}

export type GroupBy = 'none' | 'item';

interface Row {
  daysLate: number;
  item: ItemView;
  units: string[];
}

/** One row per occurrence listing its units (--group-by item). */
export function rowsByItem(items: OverdueList, lang: Lang): { count: number; at: (i: number) => Row } {
  const rows = new Map<string, Row>();
  for (let i = 0; i < items.length; i++) {
    const o = items.at(i)!;
    const k = `${o.item.plan.file}\u0000${o.item.kind}\u0000${o.item.id}\u0000${o.item.key}`;
    const row = rows.get(k);
    if (row) row.units.push(unitLabel(o.item, lang));
    else rows.set(k, { daysLate: o.daysLate, item: o.item, units: [unitLabel(o.item, lang)] });
  }
  const list = [...rows.values()];
  return { count: list.length, at: (i) => list[i]! };
}

export interface OverdueRenderOptions {
  lang: Lang;
  format: 'table' | 'md';
  groupBy: GroupBy;
  /** Add a plan column (several plans were read). */
  showPlan: boolean;
  /** Terminal columns the table must fit; undefined when piped (natural widths). */
  maxWidth?: number;
}

export function overdueHead(opts: OverdueRenderOptions): { head: string[]; lateCol: number } {
  const vi = opts.lang === 'vi';
  const head = [vi ? 'Trễ (ngày)' : 'Days late', vi ? 'Hạn' : 'Due', vi ? 'Loại' : 'Kind', vi ? 'Mã' : 'Id', vi ? 'Nội dung' : 'What', vi ? 'Đơn vị' : 'Unit'];
  if (opts.showPlan) head.unshift(vi ? 'Kế hoạch' : 'Plan');
  return { head, lateCol: opts.showPlan ? 1 : 0 };
}

/**
 * A row's cells but the last (its units), and the units' cell: the cells
 * before the units are the same for every unit of one occurrence.
 */
export function overdueCells(opts: OverdueRenderOptions, md: boolean): { leading: (r: Omit<Row, 'units'>) => string[]; units: (units: readonly string[]) => string } {
  const { lang } = opts;
  // A title is shown once per unit that carries it: shortened once.
  const titles = new Map<string, string>();
  const title = (t: string) => {
    let short = titles.get(t);
    if (short === undefined) titles.set(t, (short = shorten(t, md ? 120 : 50)));
    return short;
  };
  return {
    leading: (r) => {
      const c = [String(r.daysLate), dueText(r.item), kindLabel(r.item, lang), r.item.id, title(r.item.title)];
      if (opts.showPlan) c.unshift(citedNumber(r.item.plan.number) || r.item.plan.file);
      return c;
    },
    units: (units) => (opts.groupBy === 'item' && units.length > 3 ? `${units.length} ${lang === 'vi' ? 'đơn vị' : 'units'}: ${units.join(', ')}` : units.join(', ')),
  };
}

// Most cells hold neither character: no replacing for them (six cells for each of 20,000 occurrences).
const mdEscape = (s: string) => (s.includes('\\') || s.includes('|') ? s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|') : s);
/** A Markdown row up to its last cell (`| a | b | `), and the last cell to the line end (`c |\n`). */
const mdLeading = (cells: readonly string[]) => `| ${cells.map(mdEscape).join(' | ')} | `;
const mdLast = (cell: string) => `${mdEscape(cell)} |\n`;

/**
 * The overdue list as a Markdown table, written as bytes. One row per
 * (occurrence, unit): the cells before the unit are made and encoded once per
 * occurrence, each unit's cell once per unit, and each row is those two
 * copied (a province: 150,000 rows, 32 MB, of 20,000 occurrences).
 */
export function writeOverdueMarkdown(items: OverdueList, opts: OverdueRenderOptions, out: ByteWriter): void {
  const { head, lateCol } = overdueHead(opts);
  const cells = overdueCells(opts, true);
  out.text(mdLeading(head.slice(0, -1)) + mdLast(head.at(-1)!));
  out.text(`| ${head.map((_, i) => (i === lateCol ? '---:' : '---')).join(' | ')} |\n`);
  if (opts.groupBy === 'item') {
    const rows = rowsByItem(items, opts.lang);
    for (let i = 0; i < rows.count; i++) out.text(mdLeading(cells.leading(rows.at(i))) + mdLast(cells.units(rows.at(i).units)));
    return;
  }
  const noUnit = unitLabel({}, opts.lang);
  const unitCell = bytesOnce((name: string | undefined) => mdLast(name ?? noUnit));
  let leading: Uint8Array = new Uint8Array(0);
  eachOverdueRow(
    items,
    (first) => {
      leading = utf8(mdLeading(cells.leading(first)));
    },
    (name) => {
      out.bytes(leading);
      out.bytes(unitCell(name));
    },
  );
}

/** The agenda: running windows, then each day with its units and what falls to them. */
export function renderAgenda(agenda: Agenda, lang: Lang): string {
  const vi = lang === 'vi';
  const out: string[] = [];
  out.push(
    chalk.bold(vi ? `Lịch việc từ ${dayHeading(agenda.asOf, lang)} đến ${dayHeading(agenda.until, lang)}` : `Agenda from ${dayHeading(agenda.asOf, lang)} to ${dayHeading(agenda.until, lang)}`),
  );
  if (agenda.active.length > 0) {
    out.push('', chalk.bold(vi ? 'Đang diễn ra' : 'Running now'));
    out.push(
      ...byUnit(
        agenda.active.map((item) => ({ event: 'starts' as const, item })),
        lang,
        true,
      ),
    );
  }
  for (const day of agenda.days) {
    out.push('', chalk.bold(dayHeading(day.date, lang)));
    out.push(...byUnit(day.entries, lang, false));
  }
  if (agenda.active.length === 0 && agenda.days.length === 0) out.push('', vi ? 'Không có việc nào đến hạn trong thời gian này.' : 'Nothing falls due in this time.');
  return `${out.join('\n')}\n`;
}

/** Units with the same entries share one heading, so a duty owed by every commune takes two lines, not twenty. */
function byUnit(entries: readonly AgendaEntry[], lang: Lang, running: boolean): string[] {
  const perUnit = new Map<string, AgendaEntry[]>();
  for (const e of entries) {
    const u = unitLabel(e.item, lang);
    const list = perUnit.get(u) ?? [];
    list.push(e);
    perUnit.set(u, list);
  }
  const groups = new Map<string, { units: string[]; entries: AgendaEntry[] }>();
  for (const [unit, list] of [...perUnit.entries()].sort((a, b) => viCollator.compare(a[0], b[0]))) {
    const signature = list.map((e) => `${e.event}|${e.item.plan.file}|${e.item.kind}|${e.item.id}|${e.item.key}`).join('\n');
    const g = groups.get(signature);
    if (g) g.units.push(unit);
    else groups.set(signature, { units: [unit], entries: list });
  }
  const out: string[] = [];
  for (const g of groups.values()) {
    const count = g.units.length > 1 ? ` (${g.units.length} ${lang === 'vi' ? 'đơn vị' : 'units'})` : '';
    out.push(`  ${chalk.cyan(g.units.join(', '))}${count}`);
    for (const e of g.entries) out.push(`    - ${entryText(e, lang, running)}`);
  }
  return out;
}

function entryText(e: AgendaEntry, lang: Lang, running: boolean): string {
  const vi = lang === 'vi';
  const item = e.item;
  const what = `${kindLabel(item, lang)} ${item.id}: ${shorten(item.title, 90)}`;
  if (e.event === 'starts' || running) {
    const name = item.occurrence === 'peak' ? (vi ? 'cao điểm' : 'peak') : vi ? 'thời gian thực hiện' : 'window';
    const range = `${formatVi(item.start!)}–${formatVi(item.written)}`;
    if (running) return `${vi ? `${name} ${range}` : `${name} ${range}`}: ${what}`;
    return `${vi ? `bắt đầu ${name} ${range}` : `${name} starts, ${range}`}: ${what}`;
  }
  const moved = item.moved ? (vi ? ` (hạn ghi ${formatVi(item.written)} là ngày nghỉ)` : ` (written ${formatVi(item.written)}, a day off)`) : '';
  return `${vi ? 'đến hạn' : 'due'}${moved}: ${what}`;
}

// Deadline views for people: the overdue table (terminal or Markdown) and the
// agenda by day then unit. Pure (data in, text out); colour through chalk,
// which cli.ts has already switched off when output is not a terminal.
import chalk from 'chalk';
import Table from 'cli-table3';
import type { CalendarDate } from '../core/dates.js';
import { formatVi, weekdayName } from '../core/dates.js';
import type { Lang } from '../core/diagnostic.js';
import type { Agenda, AgendaEntry, OverdueItem, ScheduledItem } from '../core/schedule.js';
import { viCollator } from '../core/text.js';


/** "Thứ Hai, 20/05/2024" */
export function dayHeading(d: CalendarDate, lang: Lang): string {
  return `${weekdayName(d, lang)}, ${formatVi(d)}`;
}

/** The due date as written, and the effective one beside it when a day off moved it. */
export function dueText(item: ScheduledItem): string {
  return item.moved ? `${formatVi(item.written)} → ${formatVi(item.effective)}` : formatVi(item.effective);
}

export function kindLabel(item: ScheduledItem, lang: Lang): string {
  if (item.kind === 'duty') return lang === 'vi' ? 'nghĩa vụ gửi' : 'duty';
  return lang === 'vi' ? 'nhiệm vụ' : 'task';
}

export function unitLabel(item: ScheduledItem, lang: Lang): string {
  return item.unit?.name ?? (lang === 'vi' ? '(không có đơn vị cụ thể)' : '(no specific unit)');
}

function shorten(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1).trimEnd()}…` : one;
}

export type GroupBy = 'none' | 'item';

interface Row {
  daysLate: number;
  item: ScheduledItem;
  units: string[];
}

/** One row per (occurrence, unit), or with groupBy 'item' one row per occurrence listing its units. */
function overdueRows(items: readonly OverdueItem[], groupBy: GroupBy, lang: Lang): Row[] {
  if (groupBy === 'none') return items.map((o) => ({ daysLate: o.daysLate, item: o.item, units: [unitLabel(o.item, lang)] }));
  const rows = new Map<string, Row>();
  for (const o of items) {
    const k = `${o.item.plan.file}\u0000${o.item.kind}\u0000${o.item.id}\u0000${o.item.key}`;
    const row = rows.get(k);
    if (row) row.units.push(unitLabel(o.item, lang));
    else rows.set(k, { daysLate: o.daysLate, item: o.item, units: [unitLabel(o.item, lang)] });
  }
  return [...rows.values()];
}

export interface OverdueRenderOptions {
  lang: Lang;
  format: 'table' | 'md';
  groupBy: GroupBy;
  /** Add a plan column (several plans were read). */
  showPlan: boolean;
}

export function renderOverdue(items: readonly OverdueItem[], opts: OverdueRenderOptions): string {
  const { lang } = opts;
  const vi = lang === 'vi';
  const rows = overdueRows(items, opts.groupBy, lang);
  const head = [vi ? 'Trễ (ngày)' : 'Days late', vi ? 'Hạn' : 'Due', vi ? 'Loại' : 'Kind', vi ? 'Mã' : 'Id', vi ? 'Nội dung' : 'What', vi ? 'Đơn vị' : 'Unit'];
  if (opts.showPlan) head.unshift(vi ? 'Kế hoạch' : 'Plan');
  const cells = (r: Row, md: boolean): string[] => {
    const units = opts.groupBy === 'item' && r.units.length > 3 ? `${r.units.length} ${vi ? 'đơn vị' : 'units'}: ${r.units.join(', ')}` : r.units.join(', ');
    const c = [String(r.daysLate), dueText(r.item), kindLabel(r.item, lang), r.item.id, shorten(r.item.title, md ? 120 : 50), units];
    if (opts.showPlan) c.unshift(r.item.plan.number.replace(/^\s*\//, '…/') || r.item.plan.file);
    return c;
  };
  if (opts.format === 'md') {
    const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
    const line = (c: string[]) => `| ${c.map(esc).join(' | ')} |`;
    const align = head.map((_, i) => (i === (opts.showPlan ? 1 : 0) ? '---:' : '---'));
    return [line(head), `| ${align.join(' | ')} |`, ...rows.map((r) => line(cells(r, true)))].join('\n') + '\n';
  }
  const lateCol = opts.showPlan ? 1 : 0;
  const all = rows.map((r) => cells(r, false));
  // cli-table3 lays out a table in time quadratic in its rows (7 minutes for a
  // province's 60,000 rows), so long lists are drawn in chunks with the same
  // fixed column widths and stitched together without the borders between them.
  const fixed = head.map((_, i) => (i === head.length - 1 ? (opts.groupBy === 'item' ? 50 : 42) : i === head.length - 2 ? 52 : null));
  // A loop, not Math.max(...cells): a spread of 100,000 values overflows the stack.
  const colWidths = fixed.map((w, i) => w ?? all.reduce((m, c) => Math.max(m, c[i]!.length), head[i]!.length) + 2);
  const CHUNK = 200;
  const parts: string[][] = [];
  for (let from = 0; from === 0 || from < all.length; from += CHUNK) {
    const table = new Table({
      ...(from === 0 ? { head: head.map((h) => chalk.bold(h)) } : {}),
      style: { head: [], border: [] },
      // No rule between rows: a long list stays readable.
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
      colAligns: head.map((_, i) => (i === lateCol ? 'right' : 'left')),
      colWidths,
      wordWrap: true,
    });
    all.slice(from, from + CHUNK).forEach((c, k) => {
      const late = rows[from + k]!.daysLate;
      table.push(c.map((cell, i) => (i === lateCol ? (late > 30 ? chalk.red.bold(cell) : chalk.red(cell)) : cell)));
    });
    parts.push(table.toString().split('\n'));
  }
  const lines = parts.flatMap((p, i) => p.slice(i === 0 ? 0 : 1, i === parts.length - 1 ? p.length : -1));
  return `${lines.join('\n')}\n`;
}

/** The agenda: running windows, then each day with its units and what falls to them. */
export function renderAgenda(agenda: Agenda, lang: Lang): string {
  const vi = lang === 'vi';
  const out: string[] = [];
  out.push(chalk.bold(vi ? `Lịch việc từ ${dayHeading(agenda.asOf, lang)} đến ${dayHeading(agenda.until, lang)}` : `Agenda from ${dayHeading(agenda.asOf, lang)} to ${dayHeading(agenda.until, lang)}`));
  if (agenda.active.length > 0) {
    out.push('', chalk.bold(vi ? 'Đang diễn ra' : 'Running now'));
    out.push(...byUnit(agenda.active.map((item) => ({ event: 'starts' as const, item })), lang, true));
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

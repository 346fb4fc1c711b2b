// plan collect's edit of one plan file: every recorded item applied to the
// text in turn (results, statuses, submissions), so the file is written once
// or not at all. A report already recorded for the same unit, period and year
// is left alone when identical, replaced when the new one is newer, kept when
// the new one is older. Pure: text in, text and what happened out.
import { yaml } from '../vendor/libraries.js';
import { concreteUnits } from './assignments.js';
import type { CalendarDate } from './dates.js';
import { compareDates, formatVi, parseDateText } from './dates.js';
import type { Localized } from './diagnostic.js';
import { localized } from './diagnostic.js';
import type { CollectItem, SubmissionItem, TaskItem } from './collect.js';
import type { EditResult, TaskEdit } from './edit.js';
import { appendListLines, applyTaskEdit, findDutyPath, findTaskPath, listEntryColumn, replaceListItem } from './edit.js';
import { LINE_WIDTH, RESULT_KEYS, STRINGIFY_OPTIONS, SUBMISSION_KEYS, TASK_KEYS, DUTY_KEYS } from './format.js';
import type { UnitRegistry } from './units.js';

export type ItemOutcome = 'new' | 'replaced' | 'same' | 'older';

export interface AppliedItem {
  item: CollectItem;
  outcome: ItemOutcome;
  /** The date of the record it replaced or kept. */
  recorded?: CalendarDate;
}

/**
 * An entry of a list as the lines fmt would write (dates and numbers quoted, long text as a block), for a list whose
 * "- " stands at `column`: folded to fit there (folded at column 0, a result's text ran past fmt's width, and the
 * pre-commit hook's plan fmt --check refused the commit after plan collect --apply).
 */
function entryLines(entry: Record<string, unknown>, quoted: readonly string[], column: number): string[] {
  const doc = new (yaml().Document)([entry]);
  yaml().visit(doc, {
    Pair(_, pair) {
      if (!yaml().isScalar(pair.key) || !yaml().isScalar(pair.value) || typeof pair.value.value !== 'string') return;
      const key = String(pair.key.value);
      const value = pair.value.value;
      if (quoted.includes(key)) pair.value.type = 'QUOTE_DOUBLE';
      else if (value.includes('\n')) pair.value.type = 'BLOCK_LITERAL';
      // Long text, or a "key: value" line (keys two past the "- ") yaml would fold: a block, as fmt writes it.
      else if (value.length > LINE_WIDTH - 20 || column + 2 + key.length + 2 + value.length >= LINE_WIDTH - 1) pair.value.type = 'BLOCK_FOLDED';
    },
  });
  return doc
    .toString({ ...STRINGIFY_OPTIONS, lineWidth: STRINGIFY_OPTIONS.lineWidth - column })
    .replace(/\n$/, '')
    .split('\n');
}

/** By name: under --apply the plan is loaded again (under the lock) with its own registry. */
function sameUnit(written: unknown, item: CollectItem, registry: UnitRegistry): boolean {
  return typeof written === 'string' && registry.lookup(written)?.name === item.unit.name;
}

function resultEntry(i: TaskItem): Record<string, unknown> {
  const e: Record<string, unknown> = { unit: i.unit.name, period: i.period, year: i.year };
  if (i.report) e.report = i.report;
  e.date = formatVi(i.date);
  if (i.status) e.status = i.status;
  if (i.done) e.done = formatVi(i.done);
  if (i.text) e.text = i.text;
  if (i.evidence.length) e.evidence = i.evidence.map((ev) => ({ number: ev.number, ...(ev.date ? { date: formatVi(ev.date) } : {}), ...(ev.title ? { title: ev.title } : {}) }));
  return Object.fromEntries(Object.entries(e).sort(([a], [b]) => RESULT_KEYS.indexOf(a as never) - RESULT_KEYS.indexOf(b as never)));
}

/** Where an item's record already is: the list entry for the same unit and period (results) or year (submissions). */
function existing(text: string, listPath: readonly (string | number)[], match: (entry: Record<string, unknown>) => boolean): { index: number; entry: Record<string, unknown> } | undefined {
  const list = yaml().parseDocument(text, { version: '1.2' }).getIn(listPath, true);
  if (!yaml().isSeq(list)) return undefined;
  for (let index = 0; index < list.items.length; index++) {
    const node = list.items[index];
    if (!yaml().isMap(node)) continue;
    const entry = node.toJSON() as Record<string, unknown>;
    if (match(entry)) return { index, entry };
  }
  return undefined;
}

function compareRecorded(entry: Record<string, unknown>, wanted: Record<string, unknown>, date: CalendarDate): { outcome: ItemOutcome; recorded?: CalendarDate } {
  if (JSON.stringify(entry) === JSON.stringify(wanted)) return { outcome: 'same' };
  const recorded = typeof entry.date === 'string' ? parseDateText(entry.date) : undefined;
  if (recorded && compareDates(recorded, date) > 0) return { outcome: 'older', recorded };
  return { outcome: 'replaced', ...(recorded ? { recorded } : {}) };
}

function applyResult(text: string, i: TaskItem, registry: UnitRegistry): { result: EditResult; outcome: ItemOutcome; recorded?: CalendarDate } {
  const taskPath = findTaskPath(text, i.task.id);
  if (!taskPath) return { result: { ok: false, reason: localized(`không có nhiệm vụ "${i.task.id}" trong tệp`, `no task "${i.task.id}" in the file`) }, outcome: 'new' };
  const wanted = resultEntry(i);
  const lines = entryLines(wanted, ['date', 'done', 'report'], listEntryColumn(text, taskPath, 'results'));
  const found = existing(text, [...taskPath, 'results'], (e) => sameUnit(e.unit, i, registry) && e.period === i.period && e.year === i.year);
  if (!found) return { result: appendListLines(text, taskPath, 'results', lines, TASK_KEYS), outcome: 'new' };
  const cmp = compareRecorded(found.entry, wanted, i.date);
  if (cmp.outcome !== 'replaced') return { result: { ok: true, text }, ...cmp };
  return { result: replaceListItem(text, [...taskPath, 'results'], found.index, lines), ...cmp };
}

/** The lead unit's status goes on the task (or on its own progress entry when several units lead). */
function applyStatus(text: string, i: TaskItem, registry: UnitRegistry): EditResult {
  if (i.role !== 'lead' || !i.status) return { ok: true, text };
  const edit: TaskEdit = { taskId: i.task.id, status: i.status, ...(i.done ? { done: formatVi(i.done) } : {}) };
  if (concreteUnits(i.task.lead, registry).length > 1) edit.unit = { name: i.unit.name, matches: (written) => sameUnit(written, i, registry) };
  return applyTaskEdit(text, edit);
}

function applySubmissionItem(text: string, i: SubmissionItem, registry: UnitRegistry): { result: EditResult; outcome: ItemOutcome; recorded?: CalendarDate } {
  const dutyPath = findDutyPath(text, i.duty.id);
  if (!dutyPath) return { result: { ok: false, reason: localized(`không có nghĩa vụ báo cáo "${i.duty.id}" trong tệp`, `no reporting duty "${i.duty.id}" in the file`) }, outcome: 'new' };
  const wanted: Record<string, unknown> = { unit: i.unit.name, date: formatVi(i.date) };
  if (i.year !== i.date.year) wanted.year = i.year;
  if (i.number) wanted.number = i.number;
  const sorted = Object.fromEntries(Object.entries(wanted).sort(([a], [b]) => SUBMISSION_KEYS.indexOf(a as never) - SUBMISSION_KEYS.indexOf(b as never)));
  const lines = entryLines(sorted, ['date', 'number'], listEntryColumn(text, dutyPath, 'submissions'));
  const yearOf = (e: Record<string, unknown>) => (typeof e.year === 'number' ? e.year : typeof e.date === 'string' ? parseDateText(e.date)?.year : undefined);
  const found = existing(text, [...dutyPath, 'submissions'], (e) => sameUnit(e.unit, i, registry) && yearOf(e) === i.year);
  if (!found) return { result: appendListLines(text, dutyPath, 'submissions', lines, DUTY_KEYS), outcome: 'new' };
  const cmp = compareRecorded(found.entry, sorted, i.date);
  if (cmp.outcome !== 'replaced') return { result: { ok: true, text }, ...cmp };
  return { result: replaceListItem(text, [...dutyPath, 'submissions'], found.index, lines), ...cmp };
}

/**
 * Apply the items of one plan, oldest report first so that a newer one wins.
 * Fails whole (nothing changes) if any step cannot be written.
 */
export function applyCollected(text: string, items: readonly CollectItem[], registry: UnitRegistry): { ok: true; text: string; applied: AppliedItem[] } | { ok: false; reason: Localized } {
  const ordered = [...items].sort((a, b) => compareDates(a.date, b.date));
  let out = text;
  const applied: AppliedItem[] = [];
  for (const item of ordered) {
    const step = item.kind === 'task' ? applyResult(out, item, registry) : applySubmissionItem(out, item, registry);
    if (!step.result.ok) return step.result;
    out = step.result.text;
    if (item.kind === 'task' && (step.outcome === 'new' || step.outcome === 'replaced')) {
      const status = applyStatus(out, item, registry);
      if (!status.ok) return status;
      out = status.text;
    }
    applied.push({ item, outcome: step.outcome, ...(step.recorded ? { recorded: step.recorded } : {}) });
  }
  return { ok: true, text: out, applied };
}

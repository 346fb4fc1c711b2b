// Pieces every generated document shares (sheets and reports): how a plan is
// cited, a deadline as written and as resolved, the dated place line. Pure.
import type { CalendarDate, PartialDate } from './dates.js';
import type { Deadline } from './deadline.js';
import type { Due, Plan, PlanSpan, Status, Task } from './model.js';
import { isNoTimeInSource } from './model.js';
import type { ScheduleOptions, TimedOccurrence } from './schedule.js';
import { parentMap, progressFor, resolveTimed, unitCompletion } from './schedule.js';
import type { Unit, UnitRegistry } from './units.js';

/** A plan as a document cites it; `index` is its 1-based place among the plans given. */
export interface PlanRef {
  index: number;
  plan: Plan;
  /** As written, e.g. "05/KH-UBND" or the seed's bare "/KH-UBND". */
  number: string;
  /** "ngày 05 tháng 02 năm 2024"; missing parts as "…". */
  dateLong: string;
  issuer: string;
  title: string;
  shortTitle: string;
}

export function planRef(plan: Plan, index: number): PlanRef {
  return {
    index,
    plan,
    number: plan.number,
    dateLong: longDate(plan.date),
    issuer: plan.issuer.name,
    title: plan.title,
    shortTitle: shortTitle(plan.title),
  };
}

/** The title cut at a word boundary (about 60 characters), for table rows. */
export function shortTitle(title: string, max = 60): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 20 ? cut.slice(0, space) : cut.slice(0, max)).replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * "ngày 05 tháng 02 năm 2024" (Nghị định 30/2020: leading zero for days under 10
 * and for months 1 and 2). Unknown parts print as "…", as clerks leave them.
 */
export function longDate(d: PartialDate | CalendarDate | undefined): string {
  if (!d) return 'ngày … tháng … năm …';
  const day = d.day === undefined ? '…' : String(d.day).padStart(2, '0');
  const month = d.month === undefined ? '…' : d.month <= 2 ? String(d.month).padStart(2, '0') : String(d.month);
  return `ngày ${day} tháng ${month} năm ${d.year}`;
}

/** How dates are read: the working calendar and the repository's "trước ngày" setting (as buildSchedule). */
export type DueRules = ScheduleOptions;

/** A deadline as written, and what it resolves to. */
export interface DueView {
  text: string;
  /** The deadline is (or includes) "thường xuyên". */
  ongoing: boolean;
  /** Written dates with their effective ones (moved past days off), as the schedule has them. */
  occurrences: readonly TimedOccurrence[];
  /** An event deadline whose event has no date yet. */
  eventPending: boolean;
  /** The text did not parse (plan check reports it). */
  invalid: boolean;
}

const NO_DUE: DueView = { text: '', ongoing: false, occurrences: [], eventPending: false, invalid: false };

/** `span`: the plan, or its date with the one year a report is about. */
export function viewDue(due: Due | undefined, span: PlanSpan, rules: DueRules, eventDate?: CalendarDate): DueView {
  if (!due) return NO_DUE;
  if (!due.parsed.ok) return { ...NO_DUE, text: due.text, invalid: true };
  const d = due.parsed.deadline;
  const occurrences = resolveTimed(d, span, { ...rules, ...(eventDate ? { eventDate } : {}) });
  return { text: due.text, ongoing: hasKind(d, 'ongoing'), occurrences, eventPending: hasKind(d, 'event') && !occurrences.some((o) => o.source.kind === 'event'), invalid: false };
}

/** A task's deadline in a document: as read, or a time kept as written (dueText) with no computed day; none when the source gives none. */
export function taskDue(task: Task, span: PlanSpan, rules: DueRules): DueView {
  return task.due || !task.dueText || isNoTimeInSource(task.dueText) ? viewDue(task.due, span, rules, task.eventDate) : { ...NO_DUE, text: task.dueText };
}

function hasKind(d: Deadline, kind: 'ongoing' | 'event'): boolean {
  if (d.kind === kind) return true;
  return d.kind === 'combined' && d.parts.some((p) => hasKind(p, kind));
}

/** The last limit of a deadline (undefined for ongoing-only or undated ones); its `effective` is the last day allowed. */
export function lastDue(view: DueView): TimedOccurrence | undefined {
  const dues = view.occurrences.filter((o) => o.kind !== 'peak');
  return dues[dues.length - 1];
}

const parentsOf = new WeakMap<Plan, ReadonlyMap<Task, Task>>();

/**
 * The status a unit reports for a task, by the schedule's completion rules:
 * done or stopped when the task (or a parent) is, when every deliverable has
 * its evidence, or when the unit's own progress entry (or its group's) says
 * so; otherwise that progress entry's status, else the task's.
 */
export function unitStatus(plan: Plan, task: Task, unit: Unit | undefined, registry: UnitRegistry): Status {
  let parents = parentsOf.get(plan);
  if (!parents) parentsOf.set(plan, (parents = parentMap(plan)));
  const completed = unitCompletion(task, unit, registry, parents);
  if (completed) return completed.how === 'stopped' ? 'stopped' : 'done';
  if (unit) {
    const entries = progressFor(task, unit, registry);
    const own = entries.find((p) => registry.lookup(p.unit.text) === unit) ?? entries[0];
    if (own) return own.status;
  }
  return task.status;
}

/** The names a task's references stand for (canonical where known), without the unit itself. */
export function otherNames(refs: Task['lead'], self: Unit | undefined, registry: UnitRegistry): string[] {
  const out: string[] = [];
  for (const ref of refs) {
    const entry = registry.lookup(ref.text);
    if (entry && entry === self) continue;
    // The group the unit is given the task through ("UBND các xã, thị trấn" on a commune's sheet) is the unit itself, not another.
    if (self && entry?.kind === 'group' && registry.expand(entry).includes(self)) continue;
    const name = entry?.name ?? ref.text;
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

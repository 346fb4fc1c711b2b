// Deadlines in time: every task and reporting duty resolved into concrete
// occurrences per responsible unit, with the effective date (Bộ luật Dân sự
// 2015, Điều 148: a limit ending on a day off ends on the next working day)
// and whether that unit has already done it. Pure: "today" is an argument.
//
// Who carries a deadline:
// - a task: each concrete lead unit (a group stands for its members); support
//   units do not, the lead units answer for the deadline. A task whose leads
//   are all vague phrases gets one unit-less occurrence, so it is not lost.
// - a duty: each concrete unit that owes it; a submission recorded for the
//   unit and the reporting year fulfils the occurrence of that year.
// A task is done for a unit when it (or a parent task) is done or stopped,
// when the unit's own progress entry is done or stopped, or when every
// deliverable has its evidence.
import type { CalendarDate } from './dates.js';
import { addDays, compareDates, daysBetween, formatIso, toEpochDay } from './dates.js';
import type { Deadline, Occurrence } from './deadline.js';
import { resolveDeadline, resolveDeadlineWith } from './deadline.js';
import type { Localized } from './diagnostic.js';
import type { Due, Duty, Plan, PlanSpan, Submission, Task, UnitProgress } from './model.js';
import { allTasks, planStart, resolveOptions } from './model.js';
import { compareTaskIds, viCollator } from './text.js';
import type { Unit, UnitRegistry } from './units.js';
import type { WorkCalendar } from './workdays.js';
import { effectiveDue } from './workdays.js';
import { concreteUnits, dutyOwers } from './assignments.js';

export type ItemKind = 'task' | 'duty';

export interface Completion {
  how: 'status' | 'stopped' | 'progress' | 'evidence' | 'submission';
  date?: CalendarDate;
  /** The document sent (submissions). */
  number?: string;
}

/** One due date of one task or duty, for one unit. */
export interface ScheduledItem {
  plan: Plan;
  kind: ItemKind;
  task?: Task;
  duty?: Duty;
  id: string;
  title: string;
  /** The unit that carries the deadline; absent when the task names no concrete lead unit. */
  unit?: Unit;
  /** 'due': a time limit; 'window': active between start and due, due at its end; 'peak': active only, never late. */
  occurrence: Occurrence['kind'];
  start?: CalendarDate;
  /** The date as the plan writes it. */
  written: CalendarDate;
  /** When the limit really ends: the written date, or the next working day after a day off. */
  effective: CalendarDate;
  moved: boolean;
  /** What the written day is ("15/11/2025 là thứ Bảy"); meaningful when moved. */
  movedReason?: Localized;
  /** The year the occurrence belongs to (a duty's reporting year). */
  year: number;
  /** Stable key of the occurrence within its task or duty: "due-2024-0". */
  key: string;
  /** The deadline part this occurrence came from. */
  source: Deadline;
  completed?: Completion;
}

export interface Schedule {
  items: ScheduledItem[];
  /** Tasks with an ongoing deadline ("thường xuyên"): never late, reported on every period. */
  ongoing: { plan: Plan; task: Task }[];
  /** Event-conditioned deadlines whose event date the plan does not record yet. */
  undated: { plan: Plan; kind: ItemKind; id: string; title: string; text: string }[];
}

export interface ScheduleOptions {
  calendar: WorkCalendar;
  /** Read "trước ngày X" as X − 1 (repository setting). */
  strictBefore?: boolean;
}

/** An occurrence with the day its limit really ends (a peak never moves: it is not a limit). */
export interface TimedOccurrence extends Occurrence {
  effective: CalendarDate;
  moved: boolean;
  /** What the written day is ("15/11/2025 là thứ Bảy"); set when moved. */
  movedReason?: Localized;
}

/** A resolved limit as JSON gives it (show --json, diff --json). */
export interface ResolvedDate {
  kind: string;
  start?: string;
  /** The day it really ends (ISO). */
  due: string;
  /** The day written, when a day off moved it. */
  written?: string;
}

export function resolvedDateJson(o: TimedOccurrence): ResolvedDate {
  return { kind: o.kind, ...(o.start ? { start: formatIso(o.start) } : {}), due: formatIso(o.effective), ...(o.moved ? { written: formatIso(o.due) } : {}) };
}

/** A deadline's limits in the order people read them: the deadline itself first, a peak window after it. */
export function deadlineFirst<T extends { kind: string }>(occurrences: readonly T[]): T[] {
  return [...occurrences.filter((o) => o.kind !== 'peak'), ...occurrences.filter((o) => o.kind === 'peak')];
}

/**
 * The one place a deadline becomes dates: resolved over the plan's years with
 * the repository's reading of "trước ngày", each limit carried past days off;
 * a recurring limit due before the plan's date does not exist (a plan cannot
 * ask for a report before it was signed). Sheets, reports and show call this
 * too, so every output agrees with overdue.
 */
export function resolveTimed(deadline: Deadline, span: PlanSpan, opts: ScheduleOptions & { eventDate?: CalendarDate }): readonly TimedOccurrence[] {
  // resolveDeadline remembers the occurrences per phrase, years, rules and plan date (one shared list for each):
  // the days they really end are remembered per list and calendar.
  return timedFor(resolveDeadline(deadline, span.years, resolveOptions(span, opts.strictBefore, opts.eventDate)), opts.calendar);
}

/** A shared list of occurrences with the days they really end in this calendar (one shared list per list and calendar). */
function timedFor(occurrences: readonly Occurrence[], calendar: WorkCalendar): readonly TimedOccurrence[] {
  let calendars = timedCache.get(occurrences);
  if (calendars === undefined) timedCache.set(occurrences, (calendars = new WeakMap<WorkCalendar, TimedOccurrence[]>()));
  let timed = calendars.get(calendar);
  if (!timed) calendars.set(calendar, (timed = withEffectiveDays(occurrences, calendar)));
  return timed;
}

const timedCache = new WeakMap<readonly Occurrence[], WeakMap<WorkCalendar, TimedOccurrence[]>>();

function withEffectiveDays(occurrences: readonly Occurrence[], calendar: WorkCalendar): TimedOccurrence[] {
  // Every field in one order (start and movedReason undefined when absent): the checks and the summary read
  // these in their hottest loops, and one object shape keeps those reads monomorphic.
  return occurrences.map((occ) => {
    if (occ.kind === 'peak') return { kind: occ.kind, due: occ.due, start: occ.start, source: occ.source, effective: occ.due, moved: false, movedReason: undefined };
    const eff = effectiveDue(occ.due, calendar);
    return { kind: occ.kind, due: occ.due, start: occ.start, source: occ.source, effective: eff.date, moved: eff.moved, movedReason: eff.moved ? eff.reason : undefined };
  });
}

/** A due's limits as dueLimits resolved them, and with the days they end in `calendar` (dueTimedLimits). */
interface DueLimits {
  eventDate: CalendarDate | undefined;
  occurrences: readonly Occurrence[];
  calendar: WorkCalendar | undefined;
  timed: readonly TimedOccurrence[] | undefined;
}

// The limits of the dues of the plan asked about last, for one reading of "trước ngày": the checks and the
// summary ask about one plan's dues before the next plan's. A Map per plan, not a WeakMap keyed by each due
// (a province's 30,000 weak keys cost the garbage collector more than resolving them again).
let limitsSpan: PlanSpan | undefined;
let limitsStrict = false;
let limitsSince: CalendarDate | undefined;
let limitsOfDue = new Map<Due, DueLimits>();

/**
 * resolveDeadline of a task's or duty's due over its plan (resolveOptions), remembered: plan check's deadline
 * checks, its day-off check and its summary each ask for every task, and making the options and the phrase's
 * key again cost more than the answer. `span` is the due's plan; a readable due only (`due.parsed.ok`).
 */
export function dueLimits(due: Due, span: PlanSpan, strictBefore: boolean | undefined, eventDate: CalendarDate | undefined): readonly Occurrence[] {
  return dueEntry(due, span, !!strictBefore, eventDate).occurrences;
}

/** resolveTimed of a task's or duty's due (with its task's event date), remembered as dueLimits is. */
export function dueTimedLimits(due: Due, span: PlanSpan, opts: ScheduleOptions, eventDate: CalendarDate | undefined): readonly TimedOccurrence[] {
  const entry = dueEntry(due, span, !!opts.strictBefore, eventDate);
  if (entry.calendar !== opts.calendar || entry.timed === undefined) {
    entry.timed = timedFor(entry.occurrences, opts.calendar);
    entry.calendar = opts.calendar;
  }
  return entry.timed;
}

function dueEntry(due: Due, span: PlanSpan, strictBefore: boolean, eventDate: CalendarDate | undefined): DueLimits {
  const parsed = due.parsed;
  if (!parsed.ok) throw new Error('dueLimits: an unreadable due');
  if (span !== limitsSpan || strictBefore !== limitsStrict) {
    limitsSpan = span;
    limitsStrict = strictBefore;
    limitsSince = planStart(span);
    limitsOfDue = new Map();
  }
  let entry = limitsOfDue.get(due);
  if (entry === undefined || entry.eventDate !== eventDate) {
    // resolveDeadline(…, resolveOptions(span, strictBefore, eventDate)), without the options object.
    const occurrences = resolveDeadlineWith(parsed.deadline, span.years, strictBefore, eventDate, limitsSince);
    entry = { eventDate, occurrences, calendar: undefined, timed: undefined };
    limitsOfDue.set(due, entry);
  }
  return entry;
}

export function buildSchedule(plans: readonly Plan[], registry: UnitRegistry, opts: ScheduleOptions): Schedule {
  const schedule: Schedule = { items: [], ongoing: [], undated: [] };
  for (const plan of plans) {
    const parents = parentMap(plan);
    for (const task of allTasks(plan)) {
      if (!task.due?.parsed.ok) continue;
      const deadline = task.due.parsed.deadline;
      const occurrences = dueTimedLimits(task.due, plan, opts, task.eventDate);
      if (hasOngoing(deadline)) schedule.ongoing.push({ plan, task });
      if (occurrences.length === 0) {
        if (hasEvent(deadline)) schedule.undated.push({ plan, kind: 'task', id: task.id, title: task.title, text: task.due.text });
        continue;
      }
      // A parent without lead units hands its work to its children.
      if (task.lead.length === 0) continue;
      const units: (Unit | undefined)[] = concreteUnits(task.lead, registry);
      if (units.length === 0) units.push(undefined);
      for (const [occ, key] of keyed(occurrences)) {
        const timing = timingOf(occ);
        for (const unit of units) {
          const completed = unitCompletion(task, unit, registry, parents);
          schedule.items.push({
            plan,
            kind: 'task',
            task,
            id: task.id,
            title: task.title,
            ...(unit ? { unit } : {}),
            ...timing,
            key,
            year: occ.due.year,
            source: occ.source,
            ...(completed ? { completed } : {}),
          });
        }
      }
    }
    for (const duty of plan.duties) {
      if (!duty.due.parsed.ok) continue;
      const deadline = duty.due.parsed.deadline;
      const occurrences = dueTimedLimits(duty.due, plan, opts, undefined);
      if (occurrences.length === 0) {
        if (hasEvent(deadline)) schedule.undated.push({ plan, kind: 'duty', id: duty.id, title: duty.title, text: duty.due.text });
        continue;
      }
      const list = keyed(occurrences);
      for (const unit of dutyOwers(duty, registry)) {
        const matched = matchSubmissions(
          list.map(([o]) => o),
          unitSubmissions(duty, unit, registry),
        );
        list.forEach(([occ, key], i) => {
          const s = matched[i];
          schedule.items.push({
            plan,
            kind: 'duty',
            duty,
            id: duty.id,
            title: duty.title,
            unit,
            ...timingOf(occ),
            key,
            year: occ.due.year,
            source: occ.source,
            ...(s ? { completed: { how: 'submission', date: s.date, ...(s.number ? { number: s.number } : {}) } } : {}),
          });
        });
      }
    }
  }
  return schedule;
}

/** The completion that holds first: one without a date holds always. */
function earliest(a: Completion | undefined, b: Completion | undefined): Completion | undefined {
  if (!a || !b) return a ?? b;
  if (!a.date) return a;
  if (!b.date) return b;
  return compareDates(a.date, b.date) <= 0 ? a : b;
}

function timingOf(occ: TimedOccurrence): Pick<ScheduledItem, 'occurrence' | 'start' | 'written' | 'effective' | 'moved' | 'movedReason'> {
  return {
    occurrence: occ.kind,
    ...(occ.start ? { start: occ.start } : {}),
    written: occ.due,
    effective: occ.effective,
    moved: occ.moved,
    ...(occ.movedReason ? { movedReason: occ.movedReason } : {}),
  };
}

/** Stable keys: kind, year, and the rank among occurrences of that kind in that year. */
function keyed<O extends Occurrence>(occurrences: readonly O[]): [O, string][] {
  const seen = new Map<string, number>();
  return occurrences.map((o) => {
    const base = `${o.kind}-${o.due.year}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return [o, `${base}-${n}`];
  });
}

function hasOngoing(d: Deadline): boolean {
  return d.kind === 'ongoing' || (d.kind === 'combined' && d.parts.some(hasOngoing));
}

function hasEvent(d: Deadline): boolean {
  return d.kind === 'event' || (d.kind === 'combined' && d.parts.some(hasEvent));
}

/** Each task's parent task, for completion rules that look upwards. */
export function parentMap(plan: Plan): Map<Task, Task> {
  const map = new Map<Task, Task>();
  for (const t of allTasks(plan)) for (const c of t.tasks) map.set(c, t);
  return map;
}

/** Done for every unit: the task or a parent is done or stopped, or every deliverable is evidenced. */
export function taskCompletion(task: Task, parents?: ReadonlyMap<Task, Task>): Completion | undefined {
  for (let t: Task | undefined = task; t; t = parents?.get(t)) {
    const done = statusCompletion(t);
    if (done) return done;
  }
  return evidenceCompletion(task);
}

/** Done or stopped by the task's own status. */
function statusCompletion(t: Task): Completion | undefined {
  if (t.status === 'done') return { how: 'status', ...(t.done ? { date: t.done } : {}) };
  if (t.status === 'stopped') return { how: 'stopped' };
  return undefined;
}

/** Done because every deliverable is evidenced: on the last evidence's date. */
function evidenceCompletion(task: Task): Completion | undefined {
  if (!allDelivered(task)) return undefined;
  const dates = task.outputs.flatMap((o) => o.evidence.flatMap((e) => (e.date ? [e.date] : [])));
  const last = dates.sort(compareDates).at(-1);
  return { how: 'evidence', ...(last ? { date: last } : {}) };
}

/** Every deliverable has at least one document that fulfils it. */
export function allDelivered(task: Task): boolean {
  return task.outputs.length > 0 && task.outputs.every((o) => o.evidence.length > 0);
}

/** The progress entries that speak for a unit (naming it, or a group it belongs to). */
export function progressFor(task: Task, unit: Unit, registry: UnitRegistry): UnitProgress[] {
  return task.progress.filter((p) => {
    const entry = registry.lookup(p.unit.text);
    return entry ? registry.expand(entry).includes(unit) : false;
  });
}

/**
 * Done for this unit: the task is done for everyone (taskCompletion), or the
 * unit's own progress entry says done or stopped; the earlier holds.
 */
export function unitCompletion(task: Task, unit: Unit | undefined, registry: UnitRegistry, parents?: ReadonlyMap<Task, Task>): Completion | undefined {
  return earliest(taskCompletion(task, parents), unit ? unitProgressCompletion(task, unit, registry) : undefined);
}

function unitProgressCompletion(task: Task, unit: Unit, registry: UnitRegistry): Completion | undefined {
  for (const p of progressFor(task, unit, registry)) {
    if (p.status === 'done') return { how: 'progress', ...(p.done ? { date: p.done } : {}) };
    if (p.status === 'stopped') return { how: 'stopped' };
  }
  return undefined;
}

/** The submissions a unit recorded for a duty. */
export function unitSubmissions(duty: Duty, unit: Unit, registry: UnitRegistry): Submission[] {
  return duty.submissions.filter((s) => registry.lookup(s.unit.text) === unit);
}

/** The reporting year a submission answers: `year` when given, else the year of its date. */
export function submissionYear(s: Submission): number {
  return s.year ?? s.date.year;
}

/**
 * Pair submissions with occurrences: each submission, in date order, fulfils
 * the earliest still open occurrence of its reporting year.
 * Returns, per occurrence index, the submission that fulfils it.
 */
export function matchSubmissions(occurrences: readonly Occurrence[], submissions: readonly Submission[]): (Submission | undefined)[] {
  const out: (Submission | undefined)[] = occurrences.map(() => undefined);
  const sorted = [...submissions].sort((a, b) => compareDates(a.date, b.date));
  for (const s of sorted) {
    const year = submissionYear(s);
    const i = occurrences.findIndex((o, k) => o.kind !== 'peak' && o.due.year === year && !out[k]);
    if (i !== -1) out[i] = s;
  }
  return out;
}

// ---------------------------------------------------------------- views

export interface OverdueItem {
  item: ScheduledItem;
  daysLate: number;
}

/**
 * Not yet done on asOf: never completed, or completed on a later day (a past
 * --as-of sees the plan as it stood then). A completion without a date counts.
 */
export function openOn(item: ScheduledItem, asOf: CalendarDate): boolean {
  return !item.completed || (item.completed.date !== undefined && compareDates(item.completed.date, asOf) > 0);
}

/** Whether an occurrence is a time limit that can be missed. */
function isLimit(item: ScheduledItem): boolean {
  return item.occurrence === 'due' || item.occurrence === 'window';
}

function lateOn(i: ScheduledItem, asOf: CalendarDate): boolean {
  return isLimit(i) && openOn(i, asOf) && compareDates(i.effective, asOf) < 0;
}

function dueBetween(i: ScheduledItem, asOf: CalendarDate, until: CalendarDate): boolean {
  return isLimit(i) && openOn(i, asOf) && compareDates(i.effective, asOf) >= 0 && compareDates(i.effective, until) <= 0;
}

/** Every occurrence open on asOf whose effective date is before it, most late first. */
export function overdue(schedule: Schedule, asOf: CalendarDate): OverdueItem[] {
  const late = schedule.items.filter((i) => lateOn(i, asOf)).map((item) => ({ item, daysLate: daysBetween(item.effective, asOf) }));
  const compare = itemComparator(late.map((o) => o.item));
  return late.sort((a, b) => b.daysLate - a.daysLate || compare(a.item, b.item));
}

/** Open occurrences whose effective date falls between asOf and asOf + days (both included). */
export function dueSoon(schedule: Schedule, asOf: CalendarDate, days: number): ScheduledItem[] {
  const until = addDays(asOf, days);
  return schedule.items.filter((i) => dueBetween(i, asOf, until)).sort((a, b) => compareDates(a.effective, b.effective) || compareItems(a, b));
}

// The time limits of a schedule as plain numbers, three per distinct limit: the
// epoch day it really ends, the day it was closed (NEVER_CLOSED when open,
// CLOSED_UNDATED when done without a date), and how many items share both (the
// units of one occurrence mostly do). Enough to count what is overdue or due
// soon as of any day, and small enough to keep in the content cache.
const NEVER_CLOSED = 2 ** 31 - 1;
const CLOSED_UNDATED = -(2 ** 31);

export function deadlineRows(schedule: Schedule): number[] {
  const rows = deadlineCounter();
  for (const i of schedule.items) if (isLimit(i)) rows.add(toEpochDay(i.effective), i.completed, 1);
  return rows.rows;
}

/** Rows counted one item at a time: an item's limit (epoch day) and completion. */
function deadlineCounter(): { rows: number[]; add(effective: number, completed: Completion | undefined, items: number): void } {
  const rows: number[] = [];
  // Where each (effective, closed) pair's count is in rows; one number keys the pair (epoch days fit in 2^20).
  const at = new Map<number, number>();
  return {
    rows,
    add(effective, completed, items) {
      const closed = !completed ? NEVER_CLOSED : completed.date ? toEpochDay(completed.date) : CLOSED_UNDATED;
      const pair = effective * 2 ** 33 + (closed - CLOSED_UNDATED);
      const k = at.get(pair);
      if (k !== undefined) rows[k]! += items;
      else {
        at.set(pair, rows.length + 2);
        rows.push(effective, closed, items);
      }
    },
  };
}

/** What plan check's summary needs of one plan: its counts and its time limits (deadlineRows). */
export interface PlanSummary {
  tasks: number;
  duties: number;
  deadlines: number[];
}

/** A plan's summary (a plan's schedule items depend on it, the units and the options alone). */
export function summarizePlan(plan: Plan, registry: UnitRegistry, opts: ScheduleOptions): PlanSummary {
  let tasks = 0;
  const count = (list: readonly Task[]) => {
    for (const t of list) {
      tasks++;
      count(t.tasks);
    }
  };
  for (const g of plan.groups) count(g.tasks);
  return { tasks, duties: plan.duties.length, deadlines: planDeadlineRows(plan, registry, opts) };
}

/**
 * deadlineRows(buildSchedule([plan], …)) without making the schedule: the same
 * occurrences, units and completions in the same order, but no item objects,
 * and each unit's completion of a task found once, not once per occurrence
 * (it does not depend on the occurrence). test/core/schedule-fast.test.ts holds the two equal.
 */
export function planDeadlineRows(plan: Plan, registry: UnitRegistry, opts: ScheduleOptions): number[] {
  const { rows, add } = deadlineCounter();
  // The tasks in allTasks' order, each with what its nearest done or stopped ancestor says (taskCompletion's
  // walk upwards, carried down instead: no map of parents).
  const visit = (tasks: readonly Task[], inherited: Completion | undefined) => {
    for (const task of tasks) {
      const own = statusCompletion(task) ?? inherited;
      if (task.due?.parsed.ok && task.lead.length > 0) taskRows(task, own);
      visit(task.tasks, own);
    }
  };
  const taskRows = (task: Task, byStatus: Completion | undefined) => {
    const occurrences = dueTimedLimits(task.due!, plan, opts, task.eventDate);
    if (!occurrences.some(isLimitOccurrence)) return;
    const done = byStatus ?? evidenceCompletion(task);
    const units = concreteUnits(task.lead, registry);
    // Without progress entries every unit's completion is the task's: counted once for all of them.
    if (task.progress.length === 0 || units.length === 0) {
      const n = Math.max(units.length, 1);
      for (const occ of occurrences) if (isLimitOccurrence(occ)) add(toEpochDay(occ.effective), done, n);
      return;
    }
    const completions = units.map((unit) => earliest(done, unitProgressCompletion(task, unit, registry)));
    for (const occ of occurrences) {
      if (!isLimitOccurrence(occ)) continue;
      const effective = toEpochDay(occ.effective);
      for (const completed of completions) add(effective, completed, 1);
    }
  };
  for (const g of plan.groups) visit(g.tasks, undefined);
  for (const duty of plan.duties) {
    if (!duty.due.parsed.ok) continue;
    const occurrences = dueTimedLimits(duty.due, plan, opts, undefined);
    if (!occurrences.some(isLimitOccurrence)) continue;
    const owers = dutyOwers(duty, registry);
    // Nothing submitted (a province's 2,000 duties, owed by some 20 units each): every unit's limits are open, counted once for all.
    if (duty.submissions.length === 0) {
      if (owers.length > 0) for (const occ of occurrences) if (isLimitOccurrence(occ)) add(toEpochDay(occ.effective), undefined, owers.length);
      continue;
    }
    for (const unit of owers) {
      const matched = matchSubmissions(occurrences, unitSubmissions(duty, unit, registry));
      occurrences.forEach((occ, i) => {
        if (!isLimitOccurrence(occ)) return;
        const s = matched[i];
        add(toEpochDay(occ.effective), s ? { how: 'submission', date: s.date } : undefined, 1);
      });
    }
  }
  return rows;
}

function isLimitOccurrence(occ: Occurrence): boolean {
  return occ.kind === 'due' || occ.kind === 'window';
}

/** How many items overdue() and dueSoon() list, from deadlineRows, without making or sorting the lists (plan check's summary). */
export function countDeadlines(rows: readonly number[], asOf: CalendarDate, days: number): { overdue: number; dueSoon: number } {
  const day = toEpochDay(asOf);
  const until = day + days;
  let late = 0;
  let soon = 0;
  for (let k = 0; k < rows.length; k += 3) {
    const effective = rows[k]!;
    // Open on asOf (openOn): never closed, or closed after it.
    if (rows[k + 1]! <= day) continue;
    if (effective < day) late += rows[k + 2]!;
    else if (effective <= until) soon += rows[k + 2]!;
  }
  return { overdue: late, dueSoon: soon };
}

export type AgendaEvent = 'due' | 'starts';

export interface AgendaEntry {
  event: AgendaEvent;
  item: ScheduledItem;
}

export interface AgendaDay {
  date: CalendarDate;
  entries: AgendaEntry[];
}

export interface Agenda {
  asOf: CalendarDate;
  until: CalendarDate;
  /** Windows and peaks already running on asOf. */
  active: ScheduledItem[];
  days: AgendaDay[];
}

/**
 * What falls due between asOf and asOf + days (both included), by day: open
 * limits on their effective date, windows and peaks on the day they start;
 * plus the windows and peaks running on asOf.
 */
export function buildAgenda(schedule: Schedule, asOf: CalendarDate, days: number): Agenda {
  const until = addDays(asOf, days);
  const inRange = (d: CalendarDate) => compareDates(d, asOf) >= 0 && compareDates(d, until) <= 0;
  const byDay = new Map<number, AgendaDay>();
  const add = (date: CalendarDate, entry: AgendaEntry) => {
    const k = date.year * 10000 + date.month * 100 + date.day;
    let day = byDay.get(k);
    if (!day) byDay.set(k, (day = { date, entries: [] }));
    day.entries.push(entry);
  };
  const active: ScheduledItem[] = [];
  for (const item of schedule.items) {
    if (!openOn(item, asOf)) continue;
    if (item.start && item.occurrence !== 'due') {
      const running = compareDates(item.start, asOf) < 0 && compareDates(item.written, asOf) >= 0;
      if (running) active.push(item);
      else if (inRange(item.start)) add(item.start, { event: 'starts', item });
    }
    if (isLimit(item) && inRange(item.effective)) add(item.effective, { event: 'due', item });
  }
  const sortedDays = [...byDay.values()].sort((a, b) => compareDates(a.date, b.date));
  for (const d of sortedDays) d.entries.sort((a, b) => compareItems(a.item, b.item) || (a.event === b.event ? 0 : a.event === 'starts' ? -1 : 1));
  active.sort((a, b) => compareDates(a.written, b.written) || compareItems(a, b));
  return { asOf, until, active, days: sortedDays };
}

/** Plan file, tasks before duties, task id, unit name (Vietnamese order). */
export function compareItems(a: ScheduledItem, b: ScheduledItem): number {
  return compareItemsBy(viCollator.compare, a, b);
}

/**
 * compareItems for a long list: the plan files and unit names are put in
 * Vietnamese order once, and the sort compares their ranks, not the strings
 * (Intl.Collator is most of the time of sorting 100,000 rows).
 */
export function itemComparator(items: readonly ScheduledItem[]): (a: ScheduledItem, b: ScheduledItem) => number {
  const names = new Set<string>();
  for (const i of items) names.add(i.plan.file).add(i.unit?.name ?? '');
  const sorted = [...names].sort(viCollator.compare);
  const rank = new Map<string, number>();
  sorted.forEach((name, k) => {
    rank.set(name, k > 0 && viCollator.compare(sorted[k - 1]!, name) === 0 ? rank.get(sorted[k - 1]!)! : k);
  });
  return (a, b) => compareItemsBy((x, y) => rank.get(x)! - rank.get(y)!, a, b);
}

function compareItemsBy(compareText: (x: string, y: string) => number, a: ScheduledItem, b: ScheduledItem): number {
  return (
    compareText(a.plan.file, b.plan.file) ||
    (a.kind === b.kind ? 0 : a.kind === 'task' ? -1 : 1) ||
    (a.kind === 'task' ? compareTaskIds(a.id, b.id) : a.plan.duties.indexOf(a.duty!) - b.plan.duties.indexOf(b.duty!)) ||
    compareDates(a.written, b.written) ||
    compareText(a.unit?.name ?? '', b.unit?.name ?? '')
  );
}

/** Keep only the items of the given units. */
export function forUnits(schedule: Schedule, units: ReadonlySet<Unit>): Schedule {
  return { ...schedule, items: schedule.items.filter((i) => i.unit !== undefined && units.has(i.unit)) };
}

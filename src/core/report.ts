// The skeleton of a "Báo cáo kết quả thực hiện Kế hoạch" as data: for one
// unit, what it was given in the period; consolidated, every task of the plan
// and who has and has not sent its report. People write only the results.
import type { CalendarDate } from './dates.js';
import { compareDates, daysBetween } from './dates.js';
import type { DueRules, DueView, PlanRef } from './document.js';
import { lastDue, otherNames, planRef, taskDue, unitStatus, viewDue } from './document.js';
import type { Party } from './issuing.js';
import { addresseeName, assumedSuperior, overdueDays, partyOfUnit, planDrafter, planIssuer, recipientFor } from './issuing.js';
import type { Duty, Output, Plan, Status, Task } from './model.js';
import { allTasks } from './model.js';
import type { PeriodCode, ReportingPeriod } from './periods.js';
import { dutyForPeriod, periodMonths, reportingPeriod } from './periods.js';
import type { TimedOccurrence } from './schedule.js';
import { matchSubmissions, unitSubmissions } from './schedule.js';
import { buildAssignments, concreteUnits, dutyOwers } from './assignments.js';
import { compareTaskIds, viCollator } from './text.js';
import type { Unit, UnitRegistry } from './units.js';

export interface ReportTask {
  plan: PlanRef;
  id: string;
  title: string;
  role: 'lead' | 'support';
  lead: string[];
  support: string[];
  due: DueView;
  /** Deliverables with the documents that fulfil them. */
  outputs: Output[];
  status: Status;
  /** Still open after the period: not done or stopped, and due later or ongoing. */
  openAfter: boolean;
  /**
   * Days late from the earliest of the limits shown (periodDue) passed at the period's data cut-off, or on the day the
   * report is made when earlier (0: not late): the lateness the row's dates explain.
   */
  overdue: number;
  /** Consolidated: what units reported on it for the period (plan collect), lead units first. */
  results: ReportedTaskResult[];
}

export interface ReportedTaskResult {
  unit: string;
  role: 'lead' | 'support';
  text?: string;
  status?: Status;
}

/** The task's recorded results for the report's period, lead units first, then by name. */
function periodResults(task: Task, period: ReportingPeriod, registry: UnitRegistry): ReportedTaskResult[] {
  const leads = concreteUnits(task.lead, registry);
  return task.results
    .filter((r) => r.period === period.code && r.year === period.year)
    .map((r) => {
      const entry = registry.lookup(r.unit.text);
      const role: 'lead' | 'support' = entry?.kind === 'unit' && leads.includes(entry) ? 'lead' : 'support';
      return { unit: entry?.name ?? r.unit.text, role, ...(r.text ? { text: r.text } : {}), ...(r.status ? { status: r.status } : {}) };
    })
    .sort((a, b) => (a.role === b.role ? viCollator.compare(a.unit, b.unit) : a.role === 'lead' ? -1 : 1));
}

export interface SenderRow {
  unit: Unit;
  sent?: CalendarDate;
  number?: string;
  /** Sent after the effective due date (the written one carried past days off). */
  late: boolean;
}

export interface Report {
  kind: 'unit' | 'consolidated';
  /** Who issues and signs the report: the unit, or the plan's issuer for the consolidated one. */
  author: Party;
  /** The unit drafting the consolidated report for the issuer ("Lưu: VT, TP."). */
  drafter?: Party;
  /** "Kính gửi": the duty's recipient as this unit writes it, or the plan's reportTo. */
  to: string[];
  plans: PlanRef[];
  /** The plan's own place line, used only when the author's data has none. */
  planPlace: string;
  madeOn: CalendarDate;
  period: ReportingPeriod;
  /** The plan's own due date for this period's report, when a duty says so: written and effective. */
  planDue?: { duty: Duty; due: TimedOccurrence /** Where the units send it, as a clerk writes it (recipientFor). */; to: string };
  /** A unit's report made after that due date, not yet sent: how many days late it is on the day it is made. */
  lateDays?: number;
  tasks: ReportTask[];
  /** Consolidated: who owes the period's report, sent or not. */
  senders: SenderRow[];
}

export interface ReportOptions extends DueRules {
  period: PeriodCode;
  year: number;
  madeOn: CalendarDate;
}

/** A task belongs to a period unless it ended before it (done) or starts after it. */
function inPeriod(t: Pick<ReportTask, 'due' | 'status'>, p: ReportingPeriod): boolean {
  if (t.due.ongoing) return true;
  const last = lastDue(t.due)?.effective;
  if (!last) return true;
  const starts = t.due.occurrences.map((o) => o.start ?? o.due);
  const first = starts.reduce((a, b) => (compareDates(a, b) <= 0 ? a : b), starts[0]!);
  if (compareDates(first, p.to) > 0) return false;
  if (compareDates(last, p.from) < 0 && (t.status === 'done' || t.status === 'stopped')) return false;
  return true;
}

/**
 * The limits a report names: those that fall in its period's months ("trước ngày 20 hằng tháng" in a report of quý I is
 * 20/01, 20/02 and 20/03, not the year's twelve), all of them when none does; a peak window is kept as written.
 */
function periodDue(due: DueView, p: ReportingPeriod): DueView {
  const months = periodMonths(p);
  const inside = (o: TimedOccurrence) => o.kind === 'peak' || (compareDates(o.start ?? o.due, months.to) <= 0 && compareDates(o.due, months.from) >= 0);
  const kept = due.occurrences.filter(inside);
  return kept.length === due.occurrences.length || !kept.some((o) => o.kind !== 'peak') ? due : { ...due, occurrences: kept };
}

function openAfter(t: Pick<ReportTask, 'due' | 'status'>, p: ReportingPeriod): boolean {
  if (t.status === 'done' || t.status === 'stopped') return false;
  const last = lastDue(t.due)?.effective;
  return t.due.ongoing || !last || compareDates(last, p.to) > 0;
}

/** The period's report duty, resolved in the report's year (a plan's years may not reach it). */
function periodDuty(plans: readonly Plan[], code: PeriodCode, year: number, registry: UnitRegistry, rules: DueRules): (NonNullable<Report['planDue']> & { plan: Plan; view: DueView }) | undefined {
  for (const plan of plans) {
    const duty = dutyForPeriod(plan, code);
    if (!duty) continue;
    const view = viewDue(duty.due, { years: { from: year, to: year }, ...(plan.date ? { date: plan.date } : {}) }, rules);
    const due = lastDue(view);
    if (due) return { plan, duty, due, to: recipientFor(duty.to, undefined, plan, registry), view };
  }
  return undefined;
}

/**
 * The day lateness is counted on: a report states the period up to its data
 * cut-off, so a report made later (or for a past year) does not count the
 * months since; one made before the cut-off counts to the day it is made.
 */
function lateAsOfDay(period: ReportingPeriod, madeOn: CalendarDate): CalendarDate {
  return compareDates(madeOn, period.to) < 0 ? madeOn : period.to;
}

export function buildUnitReport(plans: readonly Plan[], registry: UnitRegistry, unit: Unit, opts: ReportOptions): Report {
  const period = reportingPeriod(opts.period, opts.year);
  const lateAsOf = lateAsOfDay(period, opts.madeOn);
  const mine = buildAssignments(plans, registry).find((a) => a.unit === unit);
  const rows: { plan: Plan; row: Omit<ReportTask, 'plan'> }[] = [];
  for (const a of [...(mine?.lead ?? []), ...(mine?.support ?? [])]) {
    const due = taskDue(a.task, a.plan, opts);
    const shown = periodDue(due, period);
    const status = unitStatus(a.plan, a.task, unit, registry);
    const row: Omit<ReportTask, 'plan'> = {
      id: a.task.id,
      title: a.task.title,
      role: a.role,
      lead: otherNames(a.task.lead, undefined, registry),
      support: otherNames(a.task.support, undefined, registry),
      due,
      outputs: a.task.outputs,
      status,
      openAfter: false,
      results: [],
      overdue: overdueDays(shown, status, lateAsOf),
    };
    row.openAfter = openAfter(row, period);
    if (inPeriod(row, period)) rows.push({ plan: a.plan, row: { ...row, due: shown } });
  }
  // The period's report is the one this unit owes, else one of the plans it has tasks in.
  const owed = plans.filter((p) => mine?.duties.some((d) => d.plan === p));
  const withTasks = plans.filter((p) => rows.some((r) => r.plan === p));
  const dutyIn = (ps: readonly Plan[]) => periodDuty(ps, opts.period, opts.year, registry, opts);
  const found = dutyIn(owed) ?? dutyIn(withTasks) ?? dutyIn(plans);
  // The report cites only the plans it reports on (as a unit's sheet does): a workspace's
  // other plans give this unit nothing to report. Numbered 1… in the report's own order.
  const cited = plans.filter((p) => withTasks.includes(p) || (found?.plan === p && owed.includes(p)));
  const refs = new Map((cited.length ? cited : plans).map((p, i) => [p, planRef(p, i + 1)]));
  const tasks: ReportTask[] = rows.map((r) => ({ plan: refs.get(r.plan)!, ...r.row }));
  tasks.sort((x, y) => x.plan.index - y.plan.index || (x.role === y.role ? 0 : x.role === 'lead' ? -1 : 1) || compareTaskIds(x.id, y.id));
  const first = [...refs.keys()][0]!;
  const author = partyOfUnit(unit, registry, assumedSuperior(unit, first.issuer));
  const lateDays = found ? daysLate(found, unit, registry, opts.madeOn) : 0;
  return {
    kind: 'unit',
    author,
    to: found ? [recipientFor(found.duty.to, unit, found.plan, registry)] : toIssuer(first, unit, registry),
    ...(found ? { planDue: { duty: found.duty, due: found.due, to: found.to } } : {}),
    ...(lateDays > 0 ? { lateDays } : {}),
    plans: [...refs.values()],
    planPlace: first.place,
    madeOn: opts.madeOn,
    period,
    tasks,
    senders: [],
  };
}

type PeriodDuty = NonNullable<ReturnType<typeof periodDuty>>;

/** The unit's submission of the period's report, paired with occurrences as the schedule pairs them (plan overdue agrees). */
function sentFor(found: PeriodDuty, unit: Unit, registry: UnitRegistry) {
  return matchSubmissions(found.view.occurrences, unitSubmissions(found.duty, unit, registry))[found.view.occurrences.indexOf(found.due)];
}

/** The period's report, when this unit owes it and has not sent it: days from its due date (effective) to the day it is made. */
function daysLate(found: PeriodDuty, unit: Unit, registry: UnitRegistry, madeOn: CalendarDate): number {
  if (!dutyOwers(found.duty, registry).includes(unit) || sentFor(found, unit, registry)) return 0;
  return Math.max(0, daysBetween(found.due.effective, madeOn));
}

/**
 * Where a unit's report goes when no duty of the period says: to the body that issued the plan and gave it the
 * work (a report with no "Kính gửi" at all reached no one); none when the unit is that body.
 */
function toIssuer(plan: Plan, unit: Unit, registry: UnitRegistry): string[] {
  return registry.lookup(plan.issuer.name) === unit ? [] : [addresseeName(plan.issuer.name, plan, registry)];
}

export function buildConsolidatedReport(plans: readonly Plan[], registry: UnitRegistry, opts: ReportOptions): Report {
  const period = reportingPeriod(opts.period, opts.year);
  const lateAsOf = lateAsOfDay(period, opts.madeOn);
  const tasks: ReportTask[] = [];
  plans.forEach((plan, i) => {
    const ref = planRef(plan, i + 1);
    for (const task of allTasks(plan)) {
      // Parent headings without their own units are covered by their sub-items.
      if (task.lead.length === 0 && task.tasks.length > 0) continue;
      const due = taskDue(task, plan, opts);
      const shown = periodDue(due, period);
      const status = unitStatus(plan, task, undefined, registry);
      const row: ReportTask = {
        plan: ref,
        id: task.id,
        title: task.title,
        role: 'lead',
        lead: otherNames(task.lead, undefined, registry),
        support: otherNames(task.support, undefined, registry),
        due,
        outputs: task.outputs,
        status,
        openAfter: false,
        results: periodResults(task, period, registry),
        overdue: overdueDays(shown, status, lateAsOf),
      };
      row.openAfter = openAfter(row, period);
      tasks.push({ ...row, due: shown });
    }
  });
  tasks.sort((x, y) => x.plan.index - y.plan.index || compareTaskIds(x.id, y.id));
  const found = periodDuty(plans, opts.period, opts.year, registry, opts);
  const planDue = found ? { duty: found.duty, due: found.due, to: found.to } : undefined;
  const senders: SenderRow[] = [];
  if (found) {
    for (const unit of dutyOwers(found.duty, registry)) {
      const sent = sentFor(found, unit, registry);
      senders.push({
        unit,
        ...(sent ? { sent: sent.date } : {}),
        ...(sent?.number ? { number: sent.number } : {}),
        late: sent ? compareDates(sent.date, found.due.effective) > 0 : false,
      });
    }
  }
  const first = plans[0]!;
  const drafter = planDrafter(first, registry);
  return {
    kind: 'consolidated',
    author: planIssuer(first, registry),
    ...(drafter ? { drafter: partyOfUnit(drafter, registry) } : {}),
    to: first.reportTo.map((to) => addresseeName(to, first, registry)),
    plans: plans.map((p, i) => planRef(p, i + 1)),
    planPlace: first.place,
    madeOn: opts.madeOn,
    period,
    ...(planDue ? { planDue } : {}),
    tasks,
    senders,
  };
}

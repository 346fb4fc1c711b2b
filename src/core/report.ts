// The skeleton of a "Báo cáo kết quả thực hiện Kế hoạch" as data: for one
// unit, what it was given in the period; consolidated, every task of the plan
// and who has and has not sent its report. People write only the results.
import type { CalendarDate } from './dates.js';
import { compareDates } from './dates.js';
import type { DueView, PlanRef } from './document.js';
import { lastDue, otherNames, planRef, unitStatus, viewDue } from './document.js';
import type { Duty, Plan, Signer, Status } from './model.js';
import { allTasks } from './model.js';
import type { PeriodCode, ReportingPeriod } from './periods.js';
import { dutyForPeriod, reportingPeriod, submissionYear } from './periods.js';
import { buildAssignments, concreteUnits } from './assignments.js';
import { compareTaskIds } from './text.js';
import type { Unit, UnitRegistry } from './units.js';

export interface ReportTask {
  plan: PlanRef;
  id: string;
  title: string;
  role: 'lead' | 'support';
  lead: string[];
  support: string[];
  due: DueView;
  outputs: string[];
  status: Status;
  /** Still open after the period: not done or stopped, and due later or ongoing. */
  openAfter: boolean;
}

export interface SenderRow {
  unit: Unit;
  sent?: CalendarDate;
  number?: string;
  late: boolean;
}

export interface Report {
  kind: 'unit' | 'consolidated';
  /** Who writes the report: the unit, or the plan's issuer for the consolidated one. */
  author: { parent?: string; name: string };
  /** Recipient for "Kính gửi" (the duty's "to"), when known. */
  to?: string;
  plans: PlanRef[];
  place: string;
  madeOn: CalendarDate;
  period: ReportingPeriod;
  /** The plan's own due date for this period's report, when a duty says so. */
  planDue?: { duty: Duty; date: CalendarDate };
  tasks: ReportTask[];
  signer?: Signer;
  /** Consolidated: who owes the period's report, sent or not. */
  senders: SenderRow[];
}

export interface ReportOptions {
  period: PeriodCode;
  year: number;
  madeOn: CalendarDate;
}

/** A task belongs to a period unless it ended before it (done) or starts after it. */
function inPeriod(t: Pick<ReportTask, 'due' | 'status'>, p: ReportingPeriod): boolean {
  if (t.due.ongoing) return true;
  const last = lastDue(t.due);
  if (!last) return true;
  const starts = t.due.occurrences.map((o) => o.start ?? o.due);
  const first = starts.reduce((a, b) => (compareDates(a, b) <= 0 ? a : b), starts[0]!);
  if (compareDates(first, p.to) > 0) return false;
  if (compareDates(last, p.from) < 0 && (t.status === 'done' || t.status === 'stopped')) return false;
  return true;
}

function openAfter(t: Pick<ReportTask, 'due' | 'status'>, p: ReportingPeriod): boolean {
  if (t.status === 'done' || t.status === 'stopped') return false;
  const last = lastDue(t.due);
  return t.due.ongoing || !last || compareDates(last, p.to) > 0;
}

function firstDuty(plans: readonly Plan[], code: PeriodCode, year: number): Report['planDue'] {
  for (const plan of plans) {
    const duty = dutyForPeriod(plan, code);
    if (!duty) continue;
    const due = viewDue(duty.due, { ...plan, years: { from: year, to: year } });
    const date = lastDue(due);
    if (date) return { duty, date };
  }
  return undefined;
}

export function buildUnitReport(plans: readonly Plan[], registry: UnitRegistry, unit: Unit, opts: ReportOptions): Report {
  const period = reportingPeriod(opts.period, opts.year);
  const refs = new Map(plans.map((p, i) => [p, planRef(p, i + 1)]));
  const mine = buildAssignments(plans, registry).find((a) => a.unit === unit);
  const tasks: ReportTask[] = [];
  for (const a of [...(mine?.lead ?? []), ...(mine?.support ?? [])]) {
    const row: ReportTask = {
      plan: refs.get(a.plan)!,
      id: a.task.id,
      title: a.task.title,
      role: a.role,
      lead: otherNames(a.task.lead, undefined, registry),
      support: otherNames(a.task.support, undefined, registry),
      due: viewDue(a.task.due, a.plan, a.task.eventDate),
      outputs: a.task.outputs.map((o) => o.text),
      status: unitStatus(a.task, unit, registry),
      openAfter: false,
    };
    row.openAfter = openAfter(row, period);
    if (inPeriod(row, period)) tasks.push(row);
  }
  tasks.sort((x, y) => x.plan.index - y.plan.index || (x.role === y.role ? 0 : x.role === 'lead' ? -1 : 1) || compareTaskIds(x.id, y.id));
  const first = plans[0]!;
  const planDue = firstDuty(plans, opts.period, opts.year);
  return {
    kind: 'unit',
    author: { parent: first.issuer.name, name: unit.name },
    ...(planDue ? { to: planDue.duty.to, planDue } : {}),
    plans: [...refs.values()],
    place: first.place,
    madeOn: opts.madeOn,
    period,
    tasks,
    senders: [],
  };
}

export function buildConsolidatedReport(plans: readonly Plan[], registry: UnitRegistry, opts: ReportOptions): Report {
  const period = reportingPeriod(opts.period, opts.year);
  const tasks: ReportTask[] = [];
  plans.forEach((plan, i) => {
    const ref = planRef(plan, i + 1);
    for (const task of allTasks(plan)) {
      // Parent headings without their own units are covered by their sub-items.
      if (task.lead.length === 0 && task.tasks.length > 0) continue;
      const row: ReportTask = {
        plan: ref,
        id: task.id,
        title: task.title,
        role: 'lead',
        lead: otherNames(task.lead, undefined, registry),
        support: otherNames(task.support, undefined, registry),
        due: viewDue(task.due, plan, task.eventDate),
        outputs: task.outputs.map((o) => o.text),
        status: task.status,
        openAfter: false,
      };
      row.openAfter = openAfter(row, period);
      tasks.push(row);
    }
  });
  tasks.sort((x, y) => x.plan.index - y.plan.index || compareTaskIds(x.id, y.id));
  const planDue = firstDuty(plans, opts.period, opts.year);
  const senders: SenderRow[] = [];
  if (planDue) {
    const duty = planDue.duty;
    for (const unit of concreteUnits(duty.by, registry)) {
      const sent = duty.submissions
        .filter((s) => registry.lookup(s.unit.text) === unit && submissionYear(s) === opts.year)
        .sort((a, b) => compareDates(a.date, b.date))[0];
      senders.push({
        unit,
        ...(sent ? { sent: sent.date } : {}),
        ...(sent?.number ? { number: sent.number } : {}),
        late: sent ? compareDates(sent.date, planDue.date) > 0 : false,
      });
    }
  }
  const first = plans[0]!;
  return {
    kind: 'consolidated',
    author: { ...(first.issuer.parent ? { parent: first.issuer.parent } : {}), name: first.issuer.name },
    plans: plans.map((p, i) => planRef(p, i + 1)),
    place: first.place,
    madeOn: opts.madeOn,
    period,
    ...(planDue ? { planDue } : {}),
    tasks,
    ...(first.signer ? { signer: first.signer } : {}),
    senders,
  };
}

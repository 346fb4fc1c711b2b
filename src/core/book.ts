// The Excel tracking book (plan book) as data: for one reporting period, a
// sheet per unit with the same tasks its report would list (core/report.ts)
// and the period's report duty, plus the markers plan collect needs to read a
// returned book the way it reads a returned report. Pure.
import type { CalendarDate } from './dates.js';
import { lastDue } from './document.js';
import type { Plan, Status } from './model.js';
import type { PeriodCode } from './periods.js';
import type { DueRules } from './document.js';
import type { ReportTask } from './report.js';
import { buildUnitReport } from './report.js';
import type { MarkedPlan } from './report-markers.js';
import { fileName } from './report-markers.js';
import { buildAssignments } from './assignments.js';
import type { Unit, UnitRegistry } from './units.js';

export interface BookTaskRow {
  kind: 'task';
  /** Index into the book's plans. */
  plan: number;
  id: string;
  title: string;
  role: 'lead' | 'support';
  dueText: string;
  written?: CalendarDate;
  effective?: CalendarDate;
  status: Status;
}

export interface BookDutyRow {
  kind: 'duty';
  plan: number;
  id: string;
  title: string;
  dueText: string;
  written?: CalendarDate;
  effective?: CalendarDate;
  sent?: CalendarDate;
  number?: string;
}

export type BookRow = BookTaskRow | BookDutyRow;

export interface BookSheet {
  unit: Unit;
  rows: BookRow[];
}

export interface Book {
  plans: MarkedPlan[];
  period: PeriodCode;
  year: number;
  /** The day the book was made: overdue is judged by the day it is opened, this is its record date. */
  madeOn: CalendarDate;
  sheets: BookSheet[];
}

function taskRow(t: ReportTask, plans: readonly Plan[]): BookTaskRow {
  const last = lastDue(t.due);
  return {
    kind: 'task',
    plan: plans.indexOf(t.plan.plan),
    id: t.id,
    title: t.title,
    role: t.role,
    dueText: t.due.text,
    ...(last ? { written: last.due, effective: last.effective } : {}),
    status: t.status,
  };
}

export function buildBook(plans: readonly Plan[], registry: UnitRegistry, opts: DueRules & { period: PeriodCode; year: number; madeOn: CalendarDate; units?: readonly Unit[] }): Book {
  const units = opts.units ?? buildAssignments(plans, registry).map((a) => a.unit);
  const sheets: BookSheet[] = [];
  for (const unit of units) {
    const report = buildUnitReport(plans, registry, unit, opts);
    const rows: BookRow[] = report.tasks.map((t) => taskRow(t, plans));
    if (report.planDue) {
      const { duty, due } = report.planDue;
      const plan = plans.findIndex((p) => p.duties.includes(duty));
      const sent = duty.submissions.find((s) => registry.lookup(s.unit.text) === unit && (s.year ?? s.date.year) === opts.year);
      rows.push({
        kind: 'duty',
        plan,
        id: duty.id,
        title: duty.title,
        dueText: duty.due.text,
        written: due.due,
        effective: due.effective,
        ...(sent ? { sent: sent.date } : {}),
        ...(sent?.number ? { number: sent.number } : {}),
      });
    }
    if (rows.length) sheets.push({ unit, rows });
  }
  return { plans: plans.map((p) => ({ file: fileName(p.file), number: p.number })), period: opts.period, year: opts.year, madeOn: opts.madeOn, sheets };
}

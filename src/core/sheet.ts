// A unit's assignment sheet (phiếu giao nhiệm vụ) as data: every task it leads
// or supports across the given plans, and the reports it owes. Who owes what
// comes from buildAssignments; this only orders and shapes it for rendering.
import type { CalendarDate } from './dates.js';
import type { DueRules, DueView, PlanRef } from './document.js';
import { NO_DUE, otherNames, planRef, unitStatus, viewDue } from './document.js';
import type { Output, Plan, Signer, Status, Submission } from './model.js';
import type { DutyAssignment, TaskAssignment, UnitAssignments } from './assignments.js';
import { buildAssignments } from './assignments.js';
import { unitSubmissions } from './schedule.js';
import { uniqueSlugs } from './slug.js';
import { compareTaskIds } from './text.js';
import type { Unit, UnitRegistry } from './units.js';

export interface SheetTask {
  plan: PlanRef;
  id: string;
  title: string;
  role: 'lead' | 'support';
  /** The group the plan names when it does not name the unit itself. */
  via?: string;
  otherLead: string[];
  otherSupport: string[];
  due: DueView;
  /** Deliverables, each with the documents that fulfil it (none yet: empty evidence). */
  outputs: Output[];
  status: Status;
}

export interface SheetDuty {
  plan: PlanRef;
  id: string;
  title: string;
  to: string;
  due: DueView;
  /** This unit's recorded submissions for the duty. */
  submissions: Submission[];
}

export interface Sheet {
  unit: Unit;
  /** File name without extension. */
  slug: string;
  /** The plans this sheet draws on, in the order given. */
  plans: PlanRef[];
  /** The first plan's issuer heads the sheet. */
  issuer: Plan['issuer'];
  place: string;
  signer?: Signer;
  /** The day the sheet is made (--as-of). */
  madeOn: CalendarDate;
  lead: SheetTask[];
  support: SheetTask[];
  duties: SheetDuty[];
}

export interface SheetOptions extends DueRules {
  madeOn: CalendarDate;
  /** Only these units (default: every unit with something to do). */
  only?: readonly Unit[];
}

/** File names for every unit of the registry, stable whichever sheets a run writes. */
export function sheetSlugs(registry: UnitRegistry): Map<Unit, string> {
  const slugs = uniqueSlugs(registry.units.map((u) => u.name));
  return new Map(registry.units.map((u, i) => [u, slugs[i]!]));
}

export function buildSheets(plans: readonly Plan[], registry: UnitRegistry, opts: SheetOptions): Sheet[] {
  const refs = new Map(plans.map((p, i) => [p, planRef(p, i + 1)]));
  const slugs = sheetSlugs(registry);
  return buildAssignments(plans, registry)
    .filter((a) => !opts.only || opts.only.includes(a.unit))
    .map((a) => buildSheet(a, refs, slugs.get(a.unit) ?? 'don-vi', registry, opts));
}

function buildSheet(a: UnitAssignments, refs: Map<Plan, PlanRef>, slug: string, registry: UnitRegistry, opts: SheetOptions): Sheet {
  const lead = sortByPlanAndId(a.lead.map((t) => sheetTask(t, a.unit, refs, registry, opts)));
  const support = sortByPlanAndId(a.support.map((t) => sheetTask(t, a.unit, refs, registry, opts)));
  const duties = a.duties.map((d) => sheetDuty(d, a.unit, refs, registry, opts)).sort((x, y) => x.plan.index - y.plan.index);
  const used = [...new Set([...lead, ...support, ...duties].map((r) => r.plan))].sort((x, y) => x.index - y.index);
  const first = used[0]!.plan;
  return {
    unit: a.unit,
    slug,
    plans: used,
    issuer: first.issuer,
    place: first.place,
    ...(first.signer ? { signer: first.signer } : {}),
    madeOn: opts.madeOn,
    lead,
    support,
    duties,
  };
}

function sheetTask(t: TaskAssignment, unit: Unit, refs: Map<Plan, PlanRef>, registry: UnitRegistry, rules: DueRules): SheetTask {
  const named = registry.lookup(t.via.text);
  return {
    plan: refs.get(t.plan)!,
    id: t.task.id,
    title: t.task.title,
    role: t.role,
    ...(named && named !== unit ? { via: named.name } : {}),
    otherLead: otherNames(t.task.lead, unit, registry),
    otherSupport: otherNames(t.task.support, unit, registry),
    // A time kept as written (dueText) still shows on the unit's sheet, with no computed day.
    due: t.task.due || !t.task.dueText ? viewDue(t.task.due, t.plan.years, rules, t.task.eventDate) : { ...NO_DUE, text: t.task.dueText },
    outputs: t.task.outputs,
    status: unitStatus(t.plan, t.task, unit, registry),
  };
}

function sheetDuty(d: DutyAssignment, unit: Unit, refs: Map<Plan, PlanRef>, registry: UnitRegistry, rules: DueRules): SheetDuty {
  return {
    plan: refs.get(d.plan)!,
    id: d.duty.id,
    title: d.duty.title,
    to: d.duty.to,
    due: viewDue(d.duty.due, d.plan.years, rules),
    submissions: unitSubmissions(d.duty, unit, registry),
  };
}

/** By plan, then by the document's own numbering (1.6.d < 1.6.đ < 1.7 < 1.10). */
function sortByPlanAndId(rows: SheetTask[]): SheetTask[] {
  return rows.sort((x, y) => x.plan.index - y.plan.index || compareTaskIds(x.id, y.id));
}

export interface SheetCounts {
  lead: number;
  support: number;
  duties: number;
}

export function sheetCounts(s: Sheet): SheetCounts {
  return { lead: s.lead.length, support: s.support.length, duties: s.duties.length };
}

// A unit's assignment sheet (phiếu giao nhiệm vụ) as data: every task it leads
// or supports across the given plans, and the reports it owes. Who owes what
// comes from buildAssignments; this only orders and shapes it for rendering.
import type { CalendarDate } from './dates.js';
import { compareDates, daysBetween } from './dates.js';
import type { DueRules, DueView, PlanRef } from './document.js';
import { otherNames, planRef, taskDue, unitStatus, viewDue } from './document.js';
import type { Party } from './issuing.js';
import { addresseeName, overdueDays, partyOfUnit, planDrafter, planIssuer, recipientFor } from './issuing.js';
import type { Output, Plan, Status, Submission } from './model.js';
import type { DutyAssignment, TaskAssignment, UnitAssignments } from './assignments.js';
import { buildAssignments } from './assignments.js';
import { matchSubmissions, unitSubmissions } from './schedule.js';
import { uniqueSlugs } from './slug.js';
import { compareTaskIds } from './text.js';
import type { Unit, UnitRegistry } from './units.js';
import { aboveIssuer } from './units.js';

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
  /** Days past the last limit on the day the sheet is made (0: not late). */
  overdue: number;
}

export interface SheetDuty {
  plan: PlanRef;
  id: string;
  title: string;
  to: string;
  due: DueView;
  /** This unit's recorded submissions for the duty. */
  submissions: Submission[];
  /** Days since the earliest limit passed with nothing sent for it, on the day the sheet is made (0: none). */
  overdue: number;
}

export interface Sheet {
  unit: Unit;
  /** The unit as "Kính gửi" names it: its full name (addresseeName). */
  addressee: string;
  /** File name without extension. */
  slug: string;
  /** The plans this sheet draws on, in the order given. */
  plans: PlanRef[];
  /** The first plan's issuer sends the sheet (a Công văn) and signs it. */
  from: Party;
  /** The unit drafting for the issuer (its symbol: "…/UBND-TP", "Lưu: VT, TP."). */
  drafter?: Party;
  /** The plan's own place line, used only when the issuer's data has none. */
  planPlace: string;
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

/** A unit the plans name but cannot give work to, so it gets no sheet. */
export interface UnitOutside {
  unit: Unit;
  /** The issuer whose authority it is outside of. */
  issuer: Plan['issuer'];
}

export interface SheetSet {
  sheets: Sheet[];
  outside: UnitOutside[];
}

/** Whether every plan naming the unit is issued by a body below it (check warns lead-outside-authority). */
function outsideAuthority(a: UnitAssignments): Plan['issuer'] | undefined {
  const plans = new Set([...a.lead, ...a.support, ...a.duties].map((x) => x.plan));
  return [...plans].every((p) => aboveIssuer(a.unit.level, p.issuer.level)) ? [...plans][0]?.issuer : undefined;
}

export function buildSheets(plans: readonly Plan[], registry: UnitRegistry, opts: SheetOptions): SheetSet {
  const refs = new Map(plans.map((p, i) => [p, planRef(p, i + 1)]));
  const slugs = sheetSlugs(registry);
  const out: SheetSet = { sheets: [], outside: [] };
  for (const a of buildAssignments(plans, registry)) {
    if (opts.only && !opts.only.includes(a.unit)) continue;
    const issuer = outsideAuthority(a);
    if (issuer) out.outside.push({ unit: a.unit, issuer });
    else out.sheets.push(buildSheet(a, refs, slugs.get(a.unit) ?? 'don-vi', registry, opts));
  }
  return out;
}

function buildSheet(a: UnitAssignments, refs: Map<Plan, PlanRef>, slug: string, registry: UnitRegistry, opts: SheetOptions): Sheet {
  const lead = sortByPlanAndId(a.lead.map((t) => sheetTask(t, a.unit, refs, registry, opts)));
  const support = sortByPlanAndId(a.support.map((t) => sheetTask(t, a.unit, refs, registry, opts)));
  const duties = a.duties.map((d) => sheetDuty(d, a.unit, refs, registry, opts)).sort((x, y) => x.plan.index - y.plan.index);
  const used = [...new Set([...lead, ...support, ...duties].map((r) => r.plan))].sort((x, y) => x.index - y.index);
  const first = used[0]!.plan;
  const drafter = planDrafter(first, registry);
  return {
    unit: a.unit,
    addressee: addresseeName(a.unit.name, first, registry),
    slug,
    plans: used,
    from: planIssuer(first, registry),
    ...(drafter ? { drafter: partyOfUnit(drafter, registry) } : {}),
    planPlace: first.place,
    madeOn: opts.madeOn,
    lead,
    support,
    duties,
  };
}

function sheetTask(t: TaskAssignment, unit: Unit, refs: Map<Plan, PlanRef>, registry: UnitRegistry, opts: SheetOptions): SheetTask {
  const named = registry.lookup(t.via.text);
  const due = taskDue(t.task, t.plan, opts);
  const status = unitStatus(t.plan, t.task, unit, registry);
  return {
    plan: refs.get(t.plan)!,
    id: t.task.id,
    title: t.task.title,
    role: t.role,
    ...(named && named !== unit ? { via: named.name } : {}),
    otherLead: otherNames(t.task.lead, unit, registry),
    otherSupport: otherNames(t.task.support, unit, registry),
    due,
    outputs: t.task.outputs,
    status,
    overdue: overdueDays(due, status, opts.madeOn),
  };
}

function sheetDuty(d: DutyAssignment, unit: Unit, refs: Map<Plan, PlanRef>, registry: UnitRegistry, opts: SheetOptions): SheetDuty {
  const due = viewDue(d.duty.due, d.plan, opts);
  const submissions = unitSubmissions(d.duty, unit, registry);
  // Submissions pair with limits as the schedule pairs them (plan overdue agrees).
  const sent = matchSubmissions(due.occurrences, submissions);
  const missed = due.occurrences.find((o, i) => o.kind !== 'peak' && !sent[i] && compareDates(o.effective, opts.madeOn) < 0);
  return {
    plan: refs.get(d.plan)!,
    id: d.duty.id,
    title: d.duty.title,
    to: recipientFor(d.duty.to, unit, d.plan, registry),
    due,
    submissions,
    overdue: missed ? daysBetween(missed.effective, opts.madeOn) : 0,
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

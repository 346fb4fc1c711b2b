// Who owes what: tasks a concrete unit leads or supports (directly or through a
// group) and the reporting duties it must send, across every given plan.
// Sheets, reports and the deadline views all ask this one question here.
import type { Duty, Plan, Task, UnitRef } from './model.js';
import { allTasks } from './model.js';
import type { Unit, UnitRegistry } from './units.js';
import { viCollator } from './text.js';

export interface TaskAssignment {
  plan: Plan;
  task: Task;
  role: 'lead' | 'support';
  /** The reference in the plan that names the unit (itself, or a group it belongs to). */
  via: UnitRef;
}

export interface DutyAssignment {
  plan: Plan;
  duty: Duty;
  via: UnitRef;
}

export interface UnitAssignments {
  unit: Unit;
  lead: TaskAssignment[];
  support: TaskAssignment[];
  duties: DutyAssignment[];
}

/** The concrete units a list of references stands for, in order, without repeats. */
export function concreteUnits(refs: readonly UnitRef[], registry: UnitRegistry): Unit[] {
  const out: Unit[] = [];
  for (const ref of refs) {
    const entry = registry.lookup(ref.text);
    if (!entry) continue;
    for (const u of registry.expand(entry)) if (!out.includes(u)) out.push(u);
  }
  return out;
}

/** Every concrete unit with something to do, sorted by name (Vietnamese order). */
export function buildAssignments(plans: readonly Plan[], registry: UnitRegistry): UnitAssignments[] {
  const byUnit = new Map<Unit, UnitAssignments>();
  const slot = (u: Unit) => {
    let a = byUnit.get(u);
    if (!a) byUnit.set(u, (a = { unit: u, lead: [], support: [], duties: [] }));
    return a;
  };
  // Each concrete unit behind a list of references, once, with the reference that names it.
  const eachUnit = (refs: readonly UnitRef[], skip: Set<Unit>, visit: (u: Unit, via: UnitRef) => void) => {
    for (const ref of refs) {
      const entry = registry.lookup(ref.text);
      if (!entry) continue;
      for (const u of registry.expand(entry)) {
        if (skip.has(u)) continue;
        skip.add(u);
        visit(u, ref);
      }
    }
  };
  for (const plan of plans) {
    for (const task of allTasks(plan)) {
      // A unit both leading and supporting the same task is listed once, as lead.
      const seen = new Set<Unit>();
      eachUnit(task.lead, seen, (u, via) => slot(u).lead.push({ plan, task, role: 'lead', via }));
      eachUnit(task.support, seen, (u, via) => slot(u).support.push({ plan, task, role: 'support', via }));
    }
    for (const duty of plan.duties) eachUnit(duty.by, new Set(), (u, via) => slot(u).duties.push({ plan, duty, via }));
  }
  return [...byUnit.values()].sort((a, b) => viCollator.compare(a.unit.name, b.unit.name));
}

/** The concrete units that owe a duty. */
export function dutyOwers(duty: Duty, registry: UnitRegistry): Unit[] {
  return concreteUnits(duty.by, registry);
}

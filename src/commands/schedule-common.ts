// What `plan overdue`, `plan agenda` and `plan ics` share: load the workspace
// as of a day, pick the units asked for, build the schedule.
import type { CalendarDate } from '../core/dates.js';
import type { Schedule } from '../core/schedule.js';
import { buildSchedule, forUnits } from '../core/schedule.js';
import type { Unit } from '../core/units.js';
import type { GlobalOptions } from './context.js';
import { resolveAsOf } from './context.js';
import type { Workspace } from './workspace.js';
import { loadValidWorkspace, unitsFromOption } from './workspace.js';

export interface ScheduleOptions {
  units?: string;
  unit?: string;
  asOf?: string;
}

export interface LoadedSchedule {
  ws: Workspace;
  asOf: CalendarDate;
  schedule: Schedule;
  /** The units --unit stands for (a unit, or a group's members). */
  only?: Set<Unit>;
}

/** Load, refuse plans with errors (exit 1), resolve --unit (exit 2 when unknown), build the schedule. */
export function loadSchedule(paths: readonly string[], opts: ScheduleOptions, g: GlobalOptions): LoadedSchedule {
  const asOf = resolveAsOf(g, opts.asOf);
  // The schedule views ignore what was done after asOf (records are checked against the real day, see workspace.ts).
  const ws = loadValidWorkspace(paths, opts.units ? { units: opts.units } : {}, g);
  let schedule = buildSchedule(ws.plans, ws.registry, { calendar: ws.calendar, strictBefore: ws.settings.strictBefore });
  let only: Set<Unit> | undefined;
  if (opts.unit !== undefined) {
    only = new Set(unitsFromOption(ws, opts.unit, g));
    schedule = forUnits(schedule, only);
  }
  return { ws, asOf, schedule, ...(only ? { only } : {}) };
}

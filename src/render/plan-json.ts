// plan show --json: the resolved model for tools, every deadline with the
// dates it stands for (through resolveTimed, as every other command reads it).
import { formatIso } from '../core/dates.js';
import type { Deadline } from '../core/deadline.js';
import { describeDeadline } from '../core/deadline.js';
import type { Lang } from '../core/diagnostic.js';
import type { Due, Plan, Task, UnitRef } from '../core/model.js';
import type { ScheduleOptions } from '../core/schedule.js';
import { resolvedDateJson, resolveTimed } from '../core/schedule.js';
import type { UnitRegistry } from '../core/units.js';

/** How dates are read (as buildSchedule), and the language of the reasons a date moved. */
export type DateRules = ScheduleOptions & { lang: Lang };

function canonical(refs: UnitRef[], registry: UnitRegistry): string[] {
  return refs.map((r) => registry.lookup(r.text)?.name ?? r.text);
}

/** `due` is the effective date; `written` and `movedBecause` beside it when a day off moved it (as plan overdue --json). */
function dueJson(due: Due | undefined, plan: Plan, rules: DateRules, eventDate?: Task['eventDate']): object | null {
  if (!due) return null;
  if (!due.parsed.ok) return { text: due.text, kind: 'invalid' };
  const d: Deadline = due.parsed.deadline;
  const dates = resolveTimed(d, plan, { ...rules, ...(eventDate ? { eventDate } : {}) }).map((o) => ({
    ...resolvedDateJson(o),
    ...(o.moved ? { movedBecause: o.movedReason?.[rules.lang] } : {}),
  }));
  return { text: due.text, kind: d.kind, description: describeDeadline(d, 'vi'), dates };
}

function taskJson(t: Task, plan: Plan, registry: UnitRegistry, rules: DateRules): object {
  return {
    id: t.id,
    title: t.title,
    ...(t.body ? { body: t.body } : {}),
    ...(t.points.length ? { points: t.points } : {}),
    lead: canonical(t.lead, registry),
    support: canonical(t.support, registry),
    due: dueJson(t.due, plan, rules, t.eventDate),
    outputs: t.outputs.map((o) => (o.evidence.length ? { text: o.text, evidence: o.evidence.map((e) => ({ ...e, ...(e.date ? { date: formatIso(e.date) } : {}) })) } : o.text)),
    status: t.status,
    ...(t.done ? { done: formatIso(t.done) } : {}),
    ...(t.note ? { note: t.note } : {}),
    ...(t.progress.length
      ? {
          progress: t.progress.map((p) => ({
            unit: registry.lookup(p.unit.text)?.name ?? p.unit.text,
            status: p.status,
            ...(p.done ? { done: formatIso(p.done) } : {}),
            ...(p.note ? { note: p.note } : {}),
          })),
        }
      : {}),
    tasks: t.tasks.map((c) => taskJson(c, plan, registry, rules)),
  };
}

export function planJson(p: Plan, registry: UnitRegistry, rules: DateRules): object {
  return {
    file: p.file,
    number: p.number,
    title: p.title,
    issuer: p.issuer,
    place: p.place,
    date: p.dateText,
    year: p.years.from === p.years.to ? p.years.from : null,
    years: p.years,
    groups: p.groups.map((g) => ({ id: g.id, title: g.title, tasks: g.tasks.map((t) => t.id) })),
    tasks: p.groups.flatMap((g) => g.tasks.map((t) => taskJson(t, p, registry, rules))),
    duties: p.duties.map((d) => ({
      id: d.id,
      title: d.title,
      by: canonical(d.by, registry),
      to: d.to,
      due: dueJson(d.due, p, rules),
      ...(d.period ? { period: d.period } : {}),
      submissions: d.submissions.map((s) => ({
        unit: registry.lookup(s.unit.text)?.name ?? s.unit.text,
        date: formatIso(s.date),
        ...(s.year ? { year: s.year } : {}),
        ...(s.number ? { number: s.number } : {}),
      })),
    })),
    recipients: p.recipients,
    ...(p.signer ? { signer: p.signer } : {}),
  };
}

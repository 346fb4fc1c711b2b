// A semantic diff of two versions of a plan, as data: what a reviewer needs to
// see (a task added, renumbered, its deadline moved, a unit added to it…),
// not which lines moved. Layout, quoting, comments and unit spellings that
// name the same unit ("hòa"/"hoà") are not changes. Renderers live in
// src/render/diff-*.ts. Pure.
import { type CalendarDate, formatVi, writtenDays } from './dates.js';
import type { Settings } from './settings.js';
import { daysOff, explainDay, swappedWorkingDays, type WorkCalendar } from './workdays.js';
import type { Localized } from './diagnostic.js';
import type { Due, Duty, Output, Plan, ReportedResult, ReportPeriod, Task, UnitRef } from './model.js';
import { type ResolvedDate, resolvedDateJson, resolveTimed, type ScheduleOptions } from './schedule.js';
import { allTasks } from './model.js';
import { nameKey } from './text.js';
import type { Unit, UnitEntry, UnitGroup, UnitRegistry } from './units.js';

export type ChangeKind =
  | 'plan-added'
  | 'plan-removed'
  | 'header-changed'
  | 'task-added'
  | 'task-removed'
  | 'task-renumbered'
  | 'title-changed'
  | 'deadline-changed'
  | 'lead-added'
  | 'lead-removed'
  | 'support-added'
  | 'support-removed'
  | 'outputs-changed'
  | 'status-changed'
  | 'result-changed'
  | 'duty-added'
  | 'duty-removed'
  | 'duty-changed'
  | 'unit-added'
  | 'unit-removed'
  | 'unit-renamed'
  | 'unit-changed'
  | 'setting-changed'
  | 'day-off-added'
  | 'day-off-removed'
  | 'working-day-added'
  | 'working-day-removed';

export interface PlanChange {
  kind: ChangeKind;
  /** The plan's file, relative to the repository (or as given); for units, settings and calendar changes, that data file. */
  plan: string;
  /** Task or duty id (after the change; before it for removals). */
  id?: string;
  /** For task-renumbered: the id before. */
  fromId?: string;
  title?: string;
  /** The unit, for lead/support changes, per-unit status changes and reported results. */
  unit?: string;
  /** For header-changed and duty-changed: which field. */
  field?: string;
  /** For result-changed: the reporting period and its year. */
  period?: ReportPeriod;
  year?: number;
  before?: unknown;
  after?: unknown;
  /** For deadline-changed and a duty's due: the resolved dates (DD/MM/YYYY, "→" the effective day when a day off moves it) before and after. */
  resolvedBefore?: string[];
  resolvedAfter?: string[];
  /** The same dates as show --json gives them (ISO; `due` the effective day, `written` beside it when a day off moved it). */
  datesBefore?: ResolvedDate[];
  datesAfter?: ResolvedDate[];
  /** For unit changes: the tasks and duties that name the unit (directly or through a group), per plan file. */
  affects?: Reach[];
  /** For unit-removed: the tasks and duties of the new side that still name it, now naming no unit (plan check fails on them). */
  stillNamed?: Reach[];
  /** For day-off-removed: why the day is still not a working day ("01/09/2024 là Chủ nhật"). */
  stillOff?: Localized;
  /** For unit-changed of a list (aliases, members, fullName): what the new list has that the old had not, and the reverse; before/after are the whole lists, as for every other field. */
  added?: string[];
  removed?: string[];
  /** For day-off-removed that makes a working day: the weekend working days (DD/MM/YYYY) still in calendar.yaml that made up for it (either day's name cites the other). */
  makeUpKept?: { date: string; name: string }[];
  /** For day-off and working-day changes: the day (DD/MM/YYYY); before/after hold its name. */
  date?: string;
  /** A day the law makes (named by the tool, not by calendar.yaml): its name in English. */
  nameEn?: string;
}

export interface DiffOptions {
  /** Units compare by their canonical name when the registry knows them. */
  registry?: UnitRegistry;
  /** How each side's deadlines become dates (calendar, strictBefore), as every other command reads them. */
  rulesBefore: ScheduleOptions;
  rulesAfter: ScheduleOptions;
}

/** Changes between two versions of one plan file; either side may be absent. */
export function diffPlans(file: string, before: Plan | undefined, after: Plan | undefined, opts: DiffOptions): PlanChange[] {
  if (!before && !after) return [];
  if (!before) return [{ kind: 'plan-added', plan: file, title: after!.title }];
  if (!after) return [{ kind: 'plan-removed', plan: file, title: before.title }];
  const out: PlanChange[] = compareHeaders(file, before, after);
  const pairs = matchTasks(allTasks(before), allTasks(after));
  for (const m of pairs.removed) out.push({ kind: 'task-removed', plan: file, id: m.id, title: m.title });
  for (const [b, a] of pairs.matched) {
    if (b.id !== a.id) out.push({ kind: 'task-renumbered', plan: file, id: a.id, fromId: b.id, title: a.title, before: b.id, after: a.id });
    out.push(...compareTasks(file, before, after, b, a, opts));
  }
  for (const m of pairs.added) out.push({ kind: 'task-added', plan: file, id: m.id, title: m.title });
  out.push(...compareDuties(file, before, after, opts));
  return out;
}

// ---- matching ---------------------------------------------------------------

function words(s: string): Set<string> {
  return new Set(
    nameKey(s)
      .split(/[\s,.;:()"“”]+/)
      .filter((w) => w.length > 0),
  );
}

/** Jaccard similarity of the words of two titles. */
export function titleSimilarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 && wb.size === 0) return 1;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / (wa.size + wb.size - common);
}

const SAME_TASK = 0.6;

/** Same id first; then tasks left over on both sides paired by title (renumbering). */
export function matchTasks(before: Task[], after: Task[]): { matched: [Task, Task][]; removed: Task[]; added: Task[] } {
  const afterById = new Map(after.map((t) => [t.id, t]));
  const matched: [Task, Task][] = [];
  const leftBefore: Task[] = [];
  const usedAfter = new Set<Task>();
  for (const b of before) {
    const a = afterById.get(b.id);
    // The same id now holding a different task that matches another one
    // (renumbering) is not the same task; a retitled task keeps its id.
    const elsewhere = () => before.some((o) => o !== b && titleSimilarity(o.title, a!.title) >= SAME_TASK) || after.some((o) => o !== a && titleSimilarity(o.title, b.title) >= SAME_TASK);
    if (a && (titleSimilarity(a.title, b.title) >= 0.2 || !elsewhere())) {
      matched.push([b, a]);
      usedAfter.add(a);
    } else leftBefore.push(b);
  }
  const leftAfter = after.filter((a) => !usedAfter.has(a));
  // Best pairs first, so a near-identical title wins over a loose one.
  const candidates: { b: Task; a: Task; score: number }[] = [];
  for (const b of leftBefore)
    for (const a of leftAfter) {
      const score = titleSimilarity(b.title, a.title);
      if (score >= SAME_TASK) candidates.push({ b, a, score });
    }
  candidates.sort((x, y) => y.score - x.score);
  const takenB = new Set<Task>();
  const takenA = new Set<Task>();
  for (const c of candidates) {
    if (takenB.has(c.b) || takenA.has(c.a)) continue;
    takenB.add(c.b);
    takenA.add(c.a);
    matched.push([c.b, c.a]);
  }
  const order = new Map(after.map((t, i) => [t, i]));
  matched.sort((x, y) => order.get(x[1])! - order.get(y[1])!);
  return { matched, removed: leftBefore.filter((b) => !takenB.has(b)), added: leftAfter.filter((a) => !takenA.has(a)) };
}

// ---- field comparisons -----------------------------------------------------

function clean(s: string | undefined): string {
  return (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

function unitName(ref: UnitRef, registry: UnitRegistry | undefined): string {
  return registry?.lookup(ref.text)?.name ?? clean(ref.text);
}

function unitChanges(file: string, task: Task, role: 'lead' | 'support', b: UnitRef[], a: UnitRef[], registry: UnitRegistry | undefined): PlanChange[] {
  const key = (r: UnitRef) => nameKey(unitName(r, registry));
  const bKeys = new Set(b.map(key));
  const aKeys = new Set(a.map(key));
  const out: PlanChange[] = [];
  for (const r of a) if (!bKeys.has(key(r))) out.push({ kind: `${role}-added`, plan: file, id: task.id, title: task.title, unit: unitName(r, registry) });
  for (const r of b) if (!aKeys.has(key(r))) out.push({ kind: `${role}-removed`, plan: file, id: task.id, title: task.title, unit: unitName(r, registry) });
  return out;
}

/** The dates a deadline stands for, through resolveTimed like every other command: as text (DD/MM/YYYY) and as show --json gives them. */
function resolvedDates(due: Due | undefined, plan: Plan, rules: ScheduleOptions, eventDate?: Task['eventDate']): { text: string[]; iso: ResolvedDate[] } {
  if (!due?.parsed.ok) return { text: [], iso: [] };
  const occurrences = resolveTimed(due.parsed.deadline, plan, { ...rules, ...(eventDate ? { eventDate } : {}) });
  return {
    text: occurrences.map((o) => {
      const written = o.start && o.kind !== 'due' ? `${formatVi(o.start)}–${formatVi(o.due)}` : formatVi(o.due);
      return o.moved ? `${written} → ${formatVi(o.effective)}` : written;
    }),
    iso: occurrences.map(resolvedDateJson),
  };
}

/** A change's dates before and after, in both forms. */
function datesOf(before: { text: string[]; iso: ResolvedDate[] }, after: { text: string[]; iso: ResolvedDate[] }) {
  return { resolvedBefore: before.text, resolvedAfter: after.text, datesBefore: before.iso, datesAfter: after.iso };
}

/** The header fields that say which plan it is and which years its deadlines fall in. */
function headerFields(p: Plan): Record<string, string> {
  return {
    year: p.years.from === p.years.to ? String(p.years.from) : `${p.years.from}–${p.years.to}`,
    number: clean(p.number),
    date: clean(p.dateText),
    place: clean(p.place),
    issuer: clean([p.issuer.parent, p.issuer.name].filter(Boolean).join(' / ')),
    title: clean(p.title),
  };
}

function compareHeaders(file: string, b: Plan, a: Plan): PlanChange[] {
  const fb = headerFields(b);
  const fa = headerFields(a);
  return Object.keys(fa)
    .filter((field) => fb[field] !== fa[field])
    .map((field) => ({ kind: 'header-changed' as const, plan: file, field, before: fb[field], after: fa[field] }));
}

function outputsText(outputs: Output[]): string[] {
  return outputs.map((o) => clean(o.text) + (o.evidence.length ? ` [${o.evidence.map((e) => clean(e.number) + (e.date ? ` ${formatVi(e.date)}` : '')).join('; ')}]` : ''));
}

/**
 * Whether two readings of the same words end on the same days. Only the day a limit really ends binds a unit:
 * strictBefore turning "trước ngày 10/03" from Sunday 10/03 into Saturday 09/03 still ends on Monday 11/03.
 */
function sameEffectiveDates(a: readonly ResolvedDate[], b: readonly ResolvedDate[]): boolean {
  return a.length === b.length && a.every((x, i) => x.kind === b[i]!.kind && x.start === b[i]!.start && x.due === b[i]!.due);
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function compareTasks(file: string, pb: Plan, pa: Plan, b: Task, a: Task, opts: DiffOptions): PlanChange[] {
  const out: PlanChange[] = [];
  const base = { plan: file, id: a.id, title: a.title };
  if (clean(b.title) !== clean(a.title)) out.push({ kind: 'title-changed', ...base, before: clean(b.title), after: clean(a.title) });
  const dueB = clean(b.due?.text);
  const dueA = clean(a.due?.text);
  const datesBefore = resolvedDates(b.due, pb, opts.rulesBefore, b.eventDate);
  const datesAfter = resolvedDates(a.due, pa, opts.rulesAfter, a.eventDate);
  // Same words but another plan year or event date also moves the dates.
  if (dueB !== dueA || !sameEffectiveDates(datesBefore.iso, datesAfter.iso)) {
    out.push({ kind: 'deadline-changed', ...base, before: b.due ? dueB : null, after: a.due ? dueA : null, ...datesOf(datesBefore, datesAfter) });
  }
  out.push(...unitChanges(file, a, 'lead', b.lead, a.lead, opts.registry));
  out.push(...unitChanges(file, a, 'support', b.support, a.support, opts.registry));
  const ob = outputsText(b.outputs);
  const oa = outputsText(a.outputs);
  if (!same(ob, oa)) out.push({ kind: 'outputs-changed', ...base, before: ob, after: oa });
  const stateB = stateText(b.status, b.done);
  const stateA = stateText(a.status, a.done);
  if (stateB !== stateA) out.push({ kind: 'status-changed', ...base, before: stateB, after: stateA });
  const progress = (t: Task) =>
    new Map(
      t.progress.map((p) => {
        const unit = unitName(p.unit, opts.registry);
        return [nameKey(unit), { unit, text: stateText(p.status, p.done) }];
      }),
    );
  for (const c of keyedChanges(progress(b), progress(a))) out.push({ kind: 'status-changed', ...base, unit: c.entry.unit, before: c.before, after: c.after });
  // What units reported (plan collect's results: one per unit, period and year): a result text is news even where
  // the task's status stays, and a supporting unit's answer is only there.
  const results = (t: Task) =>
    new Map(
      t.results.map((r) => {
        const unit = unitName(r.unit, opts.registry);
        return [`${nameKey(unit)}|${r.period}|${r.year}`, { unit, period: r.period, year: r.year, text: resultText(r) }];
      }),
    );
  for (const c of keyedChanges(results(b), results(a))) out.push({ kind: 'result-changed', ...base, unit: c.entry.unit, period: c.entry.period, year: c.entry.year, before: c.before, after: c.after });
  return out;
}

/**
 * What changed among entries kept by key (a unit's progress, a unit's result for a period): those whose text differs,
 * in the after order, then those that went (after: null). One that came has before: null.
 */
function keyedChanges<V extends { text: string }>(before: Map<string, V>, after: Map<string, V>) {
  const out: { entry: V; before: string | null; after: string | null }[] = [];
  for (const [k, v] of after) {
    const was = before.get(k)?.text ?? null;
    if (was !== v.text) out.push({ entry: v, before: was, after: v.text });
  }
  for (const [k, v] of before) if (!after.has(k)) out.push({ entry: v, before: v.text, after: null });
  return out;
}

/** "done 15/03/2024": a status and the day it was done, as status-changed and result-changed write it. */
function stateText(status: string, done: CalendarDate | undefined): string {
  return `${status}${done ? ` ${formatVi(done)}` : ''}`;
}

/** "done 15/03/2024; 15/BC-TP 17/05/2024: Đã ban hành …": the status first, as status-changed writes it. */
function resultText(r: ReportedResult): string {
  const state = r.status ? `${stateText(r.status, r.done)}; ` : '';
  const report = `${r.report ? `${clean(r.report)} ` : ''}${formatVi(r.date)}`;
  return `${state}${report}${r.text ? `: ${clean(r.text)}` : ''}`;
}

function dutyFields(d: Duty, registry: UnitRegistry | undefined): Record<string, string | string[]> {
  return {
    title: clean(d.title),
    by: d.by.map((r) => unitName(r, registry)),
    to: clean(d.to),
    due: clean(d.due.text),
    period: d.period ?? '',
    submissions: d.submissions.map((s) => `${unitName(s.unit, registry)} ${formatVi(s.date)}${s.year !== undefined ? ` (${s.year})` : ''}${s.number ? ` ${clean(s.number)}` : ''}`),
  };
}

function compareDuties(file: string, pb: Plan, pa: Plan, opts: DiffOptions): PlanChange[] {
  const out: PlanChange[] = [];
  const afterById = new Map(pa.duties.map((d) => [d.id, d]));
  const beforeIds = new Set(pb.duties.map((d) => d.id));
  for (const b of pb.duties) {
    const a = afterById.get(b.id);
    if (!a) {
      out.push({ kind: 'duty-removed', plan: file, id: b.id, title: b.title });
      continue;
    }
    const fb = dutyFields(b, opts.registry);
    const fa = dutyFields(a, opts.registry);
    const dates = datesOf(resolvedDates(b.due, pb, opts.rulesBefore), resolvedDates(a.due, pa, opts.rulesAfter));
    // Same words, another year or rule: the dates move all the same.
    if (fb.due === fa.due && !sameEffectiveDates(dates.datesBefore, dates.datesAfter))
      out.push({ kind: 'duty-changed', plan: file, id: a.id, title: a.title, field: 'due', before: fb.due, after: fa.due, ...dates });
    for (const field of Object.keys(fa)) {
      const x = fb[field]!;
      const y = fa[field]!;
      const equal = Array.isArray(x) && Array.isArray(y) ? same(field === 'by' ? [...x].map(nameKey).sort() : x, field === 'by' ? [...y].map(nameKey).sort() : y) : x === y;
      if (!equal) out.push({ kind: 'duty-changed', plan: file, id: a.id, title: a.title, field, before: x, after: y, ...(field === 'due' ? dates : {}) });
    }
  }
  for (const a of pa.duties) if (!beforeIds.has(a.id)) out.push({ kind: 'duty-added', plan: file, id: a.id, title: a.title });
  return out;
}

// ---- units, settings, calendar ---------------------------------------------

/** What a workspace's data files say: who the units are, and how deadlines become dates. */
export interface WorkspaceData {
  registry: UnitRegistry;
  calendar: WorkCalendar;
  settings: Settings;
  /** The files, as shown (changes are grouped under them). */
  unitsFile: string;
  calendarFile: string;
  settingsFile: string;
  /** The plans that name the units, for the affects list. */
  plans: readonly { file: string; plan: Plan }[];
}

/**
 * Changes of units.yaml, settings.yaml and calendar.yaml between two sides.
 * The deadlines they move show as each plan's deadline-changed (diffPlans with
 * rulesBefore/rulesAfter); here: which unit, setting or day changed.
 */
export function diffWorkspaceData(before: WorkspaceData, after: WorkspaceData): PlanChange[] {
  return [...diffUnits(before, after), ...diffSettings(before, after), ...diffCalendars(before, after)];
}

/** Whether a day's name cites this day ("Làm bù cho ngày 29/04/2024", "làm bù thứ Bảy 04/5"): how calendar.yaml ties a swap's two days. */
function citesDay(name: string, d: CalendarDate): boolean {
  return writtenDays(name).some((w) => w.day === d.day && w.month === d.month && (w.year === undefined || w.year === d.year));
}

type Named = Unit | UnitGroup;

function entryFields(e: Named | UnitEntry): Record<string, string | string[]> {
  if (e.kind === 'group') return { aliases: e.aliases.map(clean), members: e.members.map(clean) };
  if (e.kind === 'vague') return {};
  return {
    aliases: e.aliases.map(clean),
    level: e.level ?? '',
    symbol: clean(e.symbol),
    fullName: (e.fullName ?? []).map(clean),
    parent: clean(e.parent),
    place: clean(e.place),
    signer: e.signer ? clean([e.signer.authority, e.signer.position, e.signer.name].filter(Boolean).join(' ')) : '',
    collective: e.collective ? 'true' : '',
  };
}

/** The ids of one plan's tasks and duties that name a unit. */
export interface Reach {
  plan: string;
  tasks: string[];
  duties: string[];
}

/** Tasks and duties of these plans that reach the entry (by name, alias, or a group it belongs to). */
function naming(side: WorkspaceData, name: string): Reach[] {
  const key = nameKey(name);
  const reaches = (ref: UnitRef): boolean => {
    const entry = side.registry.lookup(ref.text);
    if (!entry) return nameKey(ref.text) === key;
    return nameKey(entry.name) === key || side.registry.expand(entry).some((u) => nameKey(u.name) === key);
  };
  const out: Reach[] = [];
  for (const { file, plan } of side.plans) {
    const tasks = allTasks(plan)
      .filter((t) => [...t.lead, ...t.support].some(reaches))
      .map((t) => t.id);
    const duties = plan.duties.filter((d) => d.by.some(reaches)).map((d) => d.id);
    if (tasks.length + duties.length > 0) out.push({ plan: file, tasks, duties });
  }
  return out;
}

/** The tasks and duties of `before` that are not in `after`, per plan. */
function lostReach(before: Reach[], after: Reach[]): Reach[] {
  return before
    .map(({ plan, tasks, duties }) => {
      const still = after.find((a) => a.plan === plan);
      return { plan, tasks: tasks.filter((id) => !still?.tasks.includes(id)), duties: duties.filter((id) => !still?.duties.includes(id)) };
    })
    .filter((a) => a.tasks.length + a.duties.length > 0);
}

function diffUnits(before: WorkspaceData, after: WorkspaceData): PlanChange[] {
  const file = after.unitsFile;
  const entries = (r: UnitRegistry): UnitEntry[] => [...r.units, ...r.groups, ...r.vague];
  const keysOf = (e: UnitEntry) => [e.name, ...(e.kind === 'vague' ? [] : e.aliases)].map(nameKey);
  const bEntries = entries(before.registry);
  const aEntries = entries(after.registry);
  const aByName = new Map(aEntries.map((e) => [nameKey(e.name), e]));
  const bNames = new Set(bEntries.map((e) => nameKey(e.name)));
  const out: PlanChange[] = [];
  const matched: [UnitEntry, UnitEntry][] = [];
  const removed: UnitEntry[] = [];
  for (const b of bEntries) {
    const a = aByName.get(nameKey(b.name));
    if (a) matched.push([b, a]);
    else removed.push(b);
  }
  const added = new Set(aEntries.filter((a) => !bNames.has(nameKey(a.name))));
  for (const b of removed) {
    // A new name that keeps the old one (or one of its aliases) among its own names is a rename.
    const bKeys = new Set(keysOf(b));
    const renamed = [...added].find((a) => a.kind === b.kind && keysOf(a).some((k) => bKeys.has(k)));
    if (renamed) {
      added.delete(renamed);
      out.push({ kind: 'unit-renamed', plan: file, before: b.name, after: renamed.name, unit: renamed.name, affects: naming(after, renamed.name) });
      matched.push([b, renamed]);
    } else {
      const stillNamed = naming(after, b.name);
      out.push({ kind: 'unit-removed', plan: file, unit: b.name, affects: naming(before, b.name), ...(stillNamed.length > 0 ? { stillNamed } : {}) });
    }
  }
  // A member renamed is the same member.
  const renamedTo = new Map(out.filter((c) => c.kind === 'unit-renamed').map((c) => [nameKey(String(c.before)), nameKey(String(c.after))]));
  const memberKey = (name: string) => renamedTo.get(nameKey(name)) ?? nameKey(name);
  for (const [b, a] of matched) {
    const fb = entryFields(b);
    const fa = entryFields(a);
    // A rename keeps the old name among the aliases (or gives up the new name as one): that is the rename, not a change of aliases.
    const isRename = nameKey(b.name) !== nameKey(a.name);
    for (const field of Object.keys(fa)) {
      const x = fb[field] ?? '';
      const y = fa[field]!;
      if (Array.isArray(x) && Array.isArray(y)) {
        const keyOf = field === 'members' ? memberKey : nameKey;
        const renameNames = isRename && field === 'aliases' ? new Set([nameKey(a.name), nameKey(b.name)]) : new Set<string>();
        const removedItems = x.filter((m) => !renameNames.has(nameKey(m)) && !y.some((n) => nameKey(n) === keyOf(m)));
        const addedItems = y.filter((n) => !renameNames.has(nameKey(n)) && !x.some((m) => keyOf(m) === nameKey(n)));
        if (removedItems.length === 0 && addedItems.length === 0) continue;
        const change: PlanChange = { kind: 'unit-changed', plan: file, unit: a.name, field, before: x, after: y, added: addedItems, removed: removedItems };
        if (field === 'members') {
          // Who a group stands for is who must do its tasks: the members who left and joined, and those tasks.
          change.affects = naming(after, a.name);
        } else if (field === 'aliases') {
          // A task written with a dropped alias no longer reaches the unit: those tasks are what the change does.
          const lost = lostReach(naming(before, b.name), naming(after, a.name));
          if (lost.length > 0) change.affects = lost;
        }
        out.push(change);
      } else if (x !== y) out.push({ kind: 'unit-changed', plan: file, unit: a.name, field, before: x, after: y });
    }
  }
  for (const a of added) out.push({ kind: 'unit-added', plan: file, unit: a.name, affects: naming(after, a.name) });
  return out;
}

function diffSettings(before: WorkspaceData, after: WorkspaceData): PlanChange[] {
  return (Object.keys(after.settings) as (keyof Settings)[])
    .filter((field) => before.settings[field] !== after.settings[field])
    .map((field) => ({ kind: 'setting-changed' as const, plan: after.settingsFile, field, before: before.settings[field], after: after.settings[field] }));
}

/** Days off and weekend working days that differ, in the years either calendar records (others follow the law on both sides). */
function diffCalendars(before: WorkspaceData, after: WorkspaceData): PlanChange[] {
  const years = [...new Set([...before.calendar.recordedYears.keys(), ...after.calendar.recordedYears.keys()])].sort((x, y) => x - y);
  const out: PlanChange[] = [];
  const compare = (kind: 'day-off' | 'working-day', b: readonly { date: CalendarDate; name: { vi: string; en: string } }[], a: typeof b) => {
    const bDays = new Map(b.map((d) => [formatVi(d.date), d]));
    const aDays = new Map(a.map((d) => [formatVi(d.date), d.name]));
    const en = (name: { vi: string; en: string }) => (name.en !== name.vi ? { nameEn: name.en } : {});
    for (const [date, { date: day, name }] of bDays) {
      if (aDays.has(date)) continue;
      // A day off removed is a working day again unless it is a weekend (or another day off) anyway.
      const now = kind === 'day-off' ? explainDay(day, after.calendar) : undefined;
      const change: PlanChange = { kind: `${kind}-removed`, plan: after.calendarFile, date, before: name.vi, after: null, ...en(name), ...(now && !now.working ? { stillOff: now.reason } : {}) };
      if (now?.working) {
        // A day off swapped against a Saturday: the Saturday worked to make up for it stays unless it goes too.
        const kept = swappedWorkingDays(day.year, after.calendar).filter((w) => citesDay(w.name.vi, day) || citesDay(name.vi, w.date));
        if (kept.length > 0) change.makeUpKept = kept.map((w) => ({ date: formatVi(w.date), name: w.name.vi }));
      }
      out.push(change);
    }
    for (const [date, name] of aDays) if (!bDays.has(date)) out.push({ kind: `${kind}-added`, plan: after.calendarFile, date, before: null, after: name.vi, ...en(name) });
  };
  for (const year of years) {
    compare('day-off', daysOff(year, before.calendar), daysOff(year, after.calendar));
    compare('working-day', swappedWorkingDays(year, before.calendar), swappedWorkingDays(year, after.calendar));
  }
  return out;
}

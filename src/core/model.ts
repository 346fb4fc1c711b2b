// The typed model every command works on: plans as validated, NFC-normalised
// data, each record carrying the YAML path it came from so any later stage can
// point back at the source.
import type { CalendarDate, PartialDate } from './dates.js';
import { parseDateText, parsePartialDate } from './dates.js';
import type { DeadlineParse, ResolveOptions } from './deadline.js';
import { parseDeadline } from './deadline.js';
import type { YamlPath } from './diagnostic.js';
import type { PlanInput, TaskInput, STATUSES, REPORT_PERIODS, LEVELS } from './schema.js';
import { detached, foldedText, nfc, rememberBounded } from './text.js';

export type Status = (typeof STATUSES)[number];
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export interface UnitRef {
  /** As written in the plan (NFC). */
  text: string;
  path: YamlPath;
}

export interface Due {
  text: string;
  parsed: DeadlineParse;
  path: YamlPath;
}

export interface Evidence {
  number: string;
  date?: CalendarDate;
  title?: string;
}

export interface Output {
  text: string;
  evidence: Evidence[];
  path: YamlPath;
}

export interface UnitProgress {
  unit: UnitRef;
  status: Status;
  done?: CalendarDate;
  note?: string;
  path: YamlPath;
}

/** What a unit reported on a task for a period (plan collect). */
export interface ReportedResult {
  unit: UnitRef;
  period: ReportPeriod;
  year: number;
  report?: string;
  date: CalendarDate;
  status?: Status;
  done?: CalendarDate;
  text?: string;
  evidence: Evidence[];
  path: YamlPath;
}

/**
 * dueText of an assignment the document gives no time at all (import writes it; a hand-written plan may too): check
 * names such tasks in one warning, not one each, and documents print no deadline for them rather than these words.
 */
export const NO_TIME_IN_SOURCE = 'không ghi trong văn bản';

/** Whether a dueText says the document gives no time (NFC, any case or spacing). */
export function isNoTimeInSource(dueText: string | undefined): boolean {
  return dueText !== undefined && foldedText(dueText) === NO_TIME_IN_SOURCE;
}

export interface Task {
  id: string;
  title: string;
  body?: string;
  points: string[];
  lead: UnitRef[];
  support: UnitRef[];
  due?: Due;
  /** The time as written when it is not (yet) a readable deadline: import keeps it here rather than guess. */
  dueText?: string;
  eventDate?: CalendarDate;
  outputs: Output[];
  status: Status;
  /** True when the file says status; false when it is the default. */
  statusGiven: boolean;
  done?: CalendarDate;
  note?: string;
  progress: UnitProgress[];
  results: ReportedResult[];
  closing?: string;
  tasks: Task[];
  groupId: string;
  parentId?: string;
  path: YamlPath;
}

export interface Group {
  id: string;
  title: string;
  body?: string;
  tasks: Task[];
  path: YamlPath;
}

export interface Submission {
  unit: UnitRef;
  date: CalendarDate;
  year?: number;
  number?: string;
  path: YamlPath;
}

export interface Duty {
  id: string;
  title: string;
  by: UnitRef[];
  to: string;
  due: Due;
  period?: ReportPeriod;
  text?: string;
  submissions: Submission[];
  path: YamlPath;
}

export interface Signer {
  authority?: string;
  position: string;
  name?: string;
}

export interface Plan {
  file: string;
  number: string;
  issuer: { parent?: string; name: string; level: (typeof LEVELS)[number] };
  place: string;
  date?: PartialDate;
  dateText: string;
  title: string;
  /** The plan's years: a single year plan has from === to. */
  years: { from: number; to: number };
  bases: string[];
  purposes: string[];
  requirements: string[];
  groups: Group[];
  duties: Duty[];
  implementation: string[];
  recipients: string[];
  signer?: Signer;
  /** The unit that drafts for the issuer, as written (its symbol follows the number: "…/UBND-TP"). */
  drafter?: string;
  /** Where the consolidated report goes ("Kính gửi"). */
  reportTo: string[];
  notes: string[];
}

/** What a plan's deadlines resolve over: its years, and its date (recurring limits start there). */
export type PlanSpan = Pick<Plan, 'years' | 'date'>;

/** The first day of a plan: its date, or the first day of the month or year a partial date names. */
export function planStart(span: PlanSpan): CalendarDate | undefined {
  const d = span.date;
  return d ? { year: d.year, month: d.month ?? 1, day: d.day ?? 1 } : undefined;
}

/** How a plan's deadlines resolve: from its first day, "trước ngày X" as X − 1 when the repository says so. */
export function resolveOptions(span: PlanSpan, strictBefore: boolean | undefined, eventDate?: CalendarDate): ResolveOptions {
  const since = planStart(span);
  return { ...(since ? { since } : {}), ...(strictBefore ? { strictBefore: true } : {}), ...(eventDate ? { eventDate } : {}) };
}

/**
 * Build the model from schema-valid input. Never fails: checks report problems. `composed`: every text of the input is
 * NFC already (its file's text is of characters NFC leaves as they are, and it has no escapes that could make others).
 */
export function buildPlan(file: string, input: PlanInput, composed = false): Plan {
  const own = composed ? asWritten : nfc;
  const date = parsePartialDate(input.date);
  const years = planYears(input, date);
  const plan: Plan = {
    file,
    number: own(input.number),
    issuer: { parent: input.issuer.parent ? own(input.issuer.parent) : undefined, name: own(input.issuer.name), level: input.issuer.level },
    place: own(input.place),
    date,
    dateText: input.date,
    title: own(input.title),
    years,
    bases: (input.bases ?? []).map(own),
    purposes: (input.purposes ?? []).map(own),
    requirements: (input.requirements ?? []).map(own),
    groups: input.groups.map((g, gi) => {
      const path = ['groups', gi];
      const id = own(g.id);
      return {
        id,
        title: own(g.title),
        body: g.body ? own(g.body) : undefined,
        tasks: g.tasks.map((t, ti) => buildTask(t, [...path, 'tasks', ti], id, undefined, own)),
        path,
      };
    }),
    duties: (input.duties ?? []).map((d, di) => {
      const path = ['duties', di];
      return {
        id: own(d.id),
        title: own(d.title),
        by: refs(d.by, path, 'by', own),
        to: own(d.to),
        due: due(d.due, [...path, 'due'], own),
        period: d.period || undefined,
        text: d.text ? own(d.text) : undefined,
        submissions: (d.submissions ?? []).flatMap((s, si) => {
          const date = parseDateText(s.date);
          if (!date) return [];
          const sp = [...path, 'submissions', si];
          return [{ unit: { text: own(s.unit), path: [...sp, 'unit'] }, date, year: s.year || undefined, number: s.number ? own(s.number) : undefined, path: sp }];
        }),
        path,
      };
    }),
    implementation: (input.implementation ?? []).map(own),
    recipients: (input.recipients ?? []).map(own),
    signer: input.signer ? buildSigner(input.signer) : undefined,
    drafter: input.drafter ? own(input.drafter) : undefined,
    reportTo: (input.reportTo ?? []).map(own),
    notes: (input.notes ?? []).map(own),
  };
  return plan;
}

export function buildSigner(input: { authority?: string | undefined; position: string; name?: string | undefined }): Signer {
  return {
    ...(input.authority ? { authority: nfc(input.authority) } : {}),
    position: nfc(input.position),
    ...(input.name ? { name: nfc(input.name) } : {}),
  };
}

function planYears(input: PlanInput, date: PartialDate | undefined): { from: number; to: number } {
  if (input.period) {
    const [a, b] = input.period.split(/\s*[-–]\s*/).map(Number);
    return { from: a!, to: b! };
  }
  const year = input.year ?? date?.year ?? 1970;
  return { from: year, to: year };
}

function buildTask(t: TaskInput, path: YamlPath, groupId: string, parentId: string | undefined, own: (text: string) => string): Task {
  const id = own(t.id);
  const done = t.done ? parseDateText(t.done) : undefined;
  const eventDate = t.eventDate ? parseDateText(t.eventDate) : undefined;
  return {
    id,
    title: own(t.title),
    body: t.body ? own(t.body) : undefined,
    points: t.points ? t.points.map(own) : [],
    lead: refs(t.lead, path, 'lead', own),
    support: refs(t.support, path, 'support', own),
    due: t.due ? due(t.due, [...path, 'due'], own) : undefined,
    dueText: t.dueText ? own(t.dueText) : undefined,
    eventDate,
    outputs: (t.outputs ?? NO_ITEMS).map((o, oi) => {
      const op = [...path, 'outputs', oi];
      if (typeof o === 'string') return { text: own(o), evidence: [], path: op };
      return {
        text: own(o.text),
        evidence: evidenceList(o.evidence, own),
        path: op,
      };
    }),
    status: t.status ?? 'todo',
    statusGiven: t.status !== undefined,
    done,
    note: t.note ? own(t.note) : undefined,
    progress: (t.progress ?? NO_ITEMS).map((p, pi) => {
      const pp = [...path, 'progress', pi];
      const pd = p.done ? parseDateText(p.done) : undefined;
      return { unit: { text: own(p.unit), path: [...pp, 'unit'] }, status: p.status, done: pd, note: p.note ? own(p.note) : undefined, path: pp };
    }),
    results: (t.results ?? NO_ITEMS).flatMap((r, ri) => {
      const rp = [...path, 'results', ri];
      const date = parseDateText(r.date);
      if (!date) return [];
      const rd = r.done ? parseDateText(r.done) : undefined;
      return [
        {
          unit: { text: own(r.unit), path: [...rp, 'unit'] },
          period: r.period,
          year: r.year,
          report: r.report ? own(r.report) : undefined,
          date,
          status: r.status || undefined,
          done: rd,
          text: r.text ? own(r.text) : undefined,
          evidence: evidenceList(r.evidence, own),
          path: rp,
        },
      ];
    }),
    closing: t.closing ? own(t.closing) : undefined,
    tasks: (t.tasks ?? NO_ITEMS).map((c, ci) => buildTask(c, [...path, 'tasks', ci], groupId, id, own)),
    groupId,
    parentId: parentId || undefined,
    path,
  };
}

function evidenceList(list: readonly { number: string; date?: string | undefined; title?: string | undefined }[] | undefined, own: (text: string) => string): Evidence[] {
  return (list ?? []).map((e) => {
    const d = e.date ? parseDateText(e.date) : undefined;
    return { number: own(e.number), date: d, title: e.title ? own(e.title) : undefined };
  });
}

/** The references of a list at `field` of `path` (the list's own path is made only for a list with references). */
function refs(list: readonly string[] | undefined, path: YamlPath, field: string, own: (text: string) => string): UnitRef[] {
  const out: UnitRef[] = [];
  if (!list || list.length === 0) return out;
  const at = [...path, field];
  // A loop, not list.map: the arrays map makes differ in kind between V8's tiers, and the rules and the summary
  // reading a task's lead met both (concreteUnits was compiled, thrown away at the other kind, and compiled again).
  for (let i = 0; i < list.length; i++) out.push({ text: own(list[i]!).trim(), path: [...at, i] });
  return out;
}

/** A text of a composed file, as it is (nfc would only test it again). */
const asWritten = (text: string): string => text;

/** An absent list of a task, read as empty (no empty array made for each of a province's 30,000 tasks). */
const NO_ITEMS: readonly never[] = [];

// A province repeats the same few hundred deadline phrases across 30,000 tasks:
// each is read once (the grammar is a pure function of the text, and its
// result is never changed by its users).
const readDeadlines = new Map<string, DeadlineParse>();
const MAX_REMEMBERED_DEADLINES = 100_000;

function readDeadline(text: string): DeadlineParse {
  let parsed = readDeadlines.get(text);
  if (parsed === undefined) {
    // Kept for the whole run: a copy of the phrase, which its parse then points into, not a piece of its file's text.
    const own = detached(text);
    parsed = parseDeadline(own);
    rememberBounded(readDeadlines, own, parsed, MAX_REMEMBERED_DEADLINES);
  }
  return parsed;
}

function due(text: string, path: YamlPath, own: (text: string) => string): Due {
  const t = own(text);
  return { text: t, parsed: readDeadline(t), path };
}

/** Every task of the plan, parents before children, in document order. */
export function allTasks(plan: Plan): Task[] {
  const out: Task[] = [];
  const walk = (tasks: Task[]) => {
    for (const t of tasks) {
      out.push(t);
      walk(t.tasks);
    }
  };
  for (const g of plan.groups) walk(g.tasks);
  return out;
}

export function isLeaf(task: Task): boolean {
  return task.tasks.length === 0;
}

export const STATUS_LABELS: Record<Status, { vi: string; en: string }> = {
  todo: { vi: 'Chưa thực hiện', en: 'Not started' },
  doing: { vi: 'Đang thực hiện', en: 'In progress' },
  done: { vi: 'Hoàn thành', en: 'Done' },
  stopped: { vi: 'Dừng', en: 'Stopped' },
};

// What a unit report carries so `plan collect` can recognise it after a person
// has edited it in Word or LibreOffice: which plans, period, year and unit it
// answers (document properties), and where each task's answer area begins
// (a bookmark on the task's heading, one at the end of the results). Visible
// text can be retyped; these survive editing. Renderers write them from the
// one report view (render/report-view.ts; DOCX: docProps/custom.xml and w:bookmarkStart;
// Markdown: HTML comments). docs/collect.md lists what must stay. Pure.
import type { Localized } from './diagnostic.js';
import { localized } from './diagnostic.js';
import type { Status } from './model.js';
import { STATUS_LABELS } from './model.js';
import type { PeriodCode } from './periods.js';
import { PERIOD_CODES } from './periods.js';
import type { Report } from './report.js';

/** Bookmark and property names: ASCII letters, digits, underscores (Word's limit is 40 characters). */
export const PROPERTY_PREFIX = 'kehoach.';
export const END_BOOKMARK = 'kehoach_end';
const TASK_BOOKMARK = /^kehoach_task_(\d+)$/;

export interface MarkedPlan {
  /** File name of the plan (no folders: the clerk's checkout may live anywhere). */
  file: string;
  number: string;
}

export interface MarkedTask {
  /** Index into `plans`. */
  plan: number;
  id: string;
  /**
   * The unit's status printed in the document when it was made (absent in documents made before it was kept): a
   * status left as printed is not news when the plan has moved on since (another report recorded more).
   */
  printed?: Status;
}

export interface ReportMarkers {
  kind: 'unit-report';
  plans: MarkedPlan[];
  period: PeriodCode;
  year: number;
  unit: string;
  /** In document order; task i's heading carries bookmark taskBookmark(i). */
  tasks: MarkedTask[];
}

export interface DocProperty {
  name: string;
  value: string;
}

export function fileName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

export function taskBookmark(index: number): string {
  return `kehoach_task_${index + 1}`;
}

/** The task index a bookmark name stands for, if it is one of ours. */
export function bookmarkTask(name: string): number | undefined {
  const m = TASK_BOOKMARK.exec(name);
  return m ? Number(m[1]) - 1 : undefined;
}

export function reportMarkers(r: Report): ReportMarkers {
  const plans = r.plans.map((p) => ({ file: fileName(p.plan.file), number: p.number }));
  return {
    kind: 'unit-report',
    plans,
    period: r.period.code,
    year: r.period.year,
    unit: r.author.name,
    tasks: r.tasks.map((t) => ({ plan: t.plan.index - 1, id: t.id, printed: t.status })),
  };
}

/** One text property per field (Word shows them under File › Properties › Custom). */
export function markerProperties(m: ReportMarkers): DocProperty[] {
  return [
    { name: `${PROPERTY_PREFIX}kind`, value: m.kind },
    { name: `${PROPERTY_PREFIX}plans`, value: JSON.stringify(m.plans) },
    { name: `${PROPERTY_PREFIX}period`, value: m.period },
    { name: `${PROPERTY_PREFIX}year`, value: String(m.year) },
    { name: `${PROPERTY_PREFIX}unit`, value: m.unit },
    // [plan, id, printed status]: readers that know only [plan, id] ignore the third.
    { name: `${PROPERTY_PREFIX}tasks`, value: JSON.stringify(m.tasks.map((t) => (t.printed ? [t.plan, t.id, t.printed] : [t.plan, t.id]))) },
  ];
}

/** A task as its markers name it; a printed status only when it is one (an unknown word is no status). */
export function markedTask(plan: number, id: string, printed: unknown): MarkedTask {
  return { plan, id, ...(typeof printed === 'string' && Object.hasOwn(STATUS_LABELS, printed) ? { printed: printed as Status } : {}) };
}

/** The markers back from a document's properties, or why they cannot be read. */
export function readMarkerProperties(props: ReadonlyMap<string, string>): { ok: true; markers: ReportMarkers } | { ok: false; reason: Localized } {
  const get = (k: string) => props.get(`${PROPERTY_PREFIX}${k}`);
  const kind = get('kind');
  if (kind === undefined)
    return {
      ok: false,
      reason: localized('không có dấu nhận biết của báo cáo do plan report lập (thuộc tính kehoach.* đã mất)', 'no markers of a report written by plan report (the kehoach.* properties are gone)'),
    };
  if (kind !== 'unit-report') return { ok: false, reason: localized(`không phải báo cáo của một đơn vị (kehoach.kind = "${kind}")`, `not a unit's report (kehoach.kind = "${kind}")`) };
  try {
    const plans = JSON.parse(get('plans') ?? '') as unknown;
    const tasks = JSON.parse(get('tasks') ?? '') as unknown;
    const period = get('period') as PeriodCode;
    const year = Number(get('year'));
    const unit = get('unit') ?? '';
    const plansOk = Array.isArray(plans) && plans.every((p) => p && typeof p.file === 'string' && typeof p.number === 'string');
    const tasksOk = Array.isArray(tasks) && tasks.every((t) => Array.isArray(t) && Number.isInteger(t[0]) && t[0] >= 0 && t[0] < (plansOk ? plans.length : 0) && typeof t[1] === 'string');
    if (!plansOk || !tasksOk || !PERIOD_CODES.includes(period) || !Number.isInteger(year) || !unit) throw new Error('bad markers');
    return {
      ok: true,
      markers: { kind, plans: plans as MarkedPlan[], period, year, unit, tasks: (tasks as [number, string, unknown?][]).map(([plan, id, printed]) => markedTask(plan, id, printed)) },
    };
  } catch {
    return { ok: false, reason: localized('dấu nhận biết của báo cáo (thuộc tính kehoach.*) bị sửa hỏng', 'the report markers (kehoach.* properties) were damaged') };
  }
}

// Markdown has no properties or bookmarks: HTML comments stand for them (invisible when rendered).
const MD_PROPERTIES = /<!--\s*kehoach:properties\s+(\{[\s\S]*?\})\s*-->/;
const MD_BOOKMARK = /^<!--\s*kehoach:bookmark\s+(\w+)\s*-->$/;

export function markdownProperties(props: readonly DocProperty[]): string {
  // "--" cannot occur inside an HTML comment; JSON escapes keep the text intact.
  const json = JSON.stringify(Object.fromEntries(props.map((p) => [p.name, p.value]))).replace(/--/g, '-\\u002d');
  return `<!-- kehoach:properties ${json} -->`;
}

export function markdownBookmark(name: string): string {
  return `<!-- kehoach:bookmark ${name} -->`;
}

export function readMarkdownProperties(text: string): Map<string, string> {
  const m = MD_PROPERTIES.exec(text);
  if (!m) return new Map();
  try {
    const obj = JSON.parse(m[1]!) as Record<string, unknown>;
    return new Map(Object.entries(obj).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return new Map([[`${PROPERTY_PREFIX}kind`, 'damaged']]);
  }
}

/** The bookmark a Markdown line stands for, if it is one of ours. */
export function markdownBookmarkName(line: string): string | undefined {
  return MD_BOOKMARK.exec(line.trim())?.[1];
}

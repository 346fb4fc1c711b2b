// plan collect, the pure part: what a returned unit report says (read from
// its paragraphs and markers), and what of it may be recorded in the plans
// under the rules a clerk expects. Readers (src/collect/) turn files into
// ReturnedDocument; core/collect-edit.ts turns the items into one edit per plan.
import type { CalendarDate } from './dates.js';
import { compareDates, formatVi, isValidDate, parseDateText } from './dates.js';
import type { Localized } from './diagnostic.js';
import { localized } from './diagnostic.js';
import { parseStatusWord } from './edit.js';
import type { Duty, Evidence, Plan, ReportedResult, Status, Task } from './model.js';
import { allTasks } from './model.js';
import type { PeriodCode } from './periods.js';
import { dutyForPeriod } from './periods.js';
import type { MarkedTask, ReportMarkers } from './report-markers.js';
import { bookmarkTask, END_BOOKMARK, fileName, readMarkerProperties } from './report-markers.js';
import { concreteUnits, dutyOwers } from './assignments.js';
import { foldedText } from './text.js';
import { unitStatus } from './document.js';
import type { Unit, UnitRegistry } from './units.js';

export interface ReturnedParagraph {
  text: string;
  /** Bookmarks starting in this paragraph. */
  bookmarks: string[];
}

export interface ReturnedDocument {
  properties: ReadonlyMap<string, string>;
  paragraphs: ReturnedParagraph[];
}

/** A status as the unit wrote it: the word, and what it means when understood. */
export interface StatusAnswer {
  text: string;
  status?: Status;
}

export interface TaskAnswer {
  task: MarkedTask;
  status?: StatusAnswer;
  done?: CalendarDate;
  /** A completion date written in a form that is not a date. */
  badDone?: string;
  text?: string;
  evidence: Evidence[];
  /** Deliverables whose box the unit ticked (☑, ☒, ✓, ✔, [x]), as written after the box. */
  ticked?: string[];
}

export interface ReturnedReport {
  markers: ReportMarkers;
  number?: string;
  date?: CalendarDate;
  answers: TaskAnswer[];
  /** Tasks the markers list whose heading bookmark is gone. */
  lost: MarkedTask[];
  /** The document is itself the period's report (a returned book says so only when its report row is sent). */
  sent: boolean;
}

// Lines of the skeleton that are not the unit's answer (Vietnamese and English labels).
const STATUS_LINE = /^\s*(tình trạng|trạng thái|status)\s*:\s*(.*)$/iu;
const DONE_LINE = /^\s*(ngày hoàn thành|hoàn thành ngày|completed on|completion date)\s*:?\s*(.*)$/iu;
const SKELETON_LINE = /^\s*(thời hạn|sản phẩm|đơn vị chủ trì|due|deliverables|outputs|lead units?)\s*:|^\s*☐|^\s*\[[^\]]*\]\s*$/iu;
// A deliverable's box ticked: Word's ☒ (Insert › Symbol), ☑, a check mark; Markdown's [x] reads as ☑.
const TICKED_LINE = /^\s*[☑☒✓✔]\s*(.*)$/u;
const NUMBER_LINE = /^\s*số\s*:\s*(.*)$/iu;
const LONG_DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
const SHORT_DATE = /\b(\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2})\b/u;

/** A date written as 15/03/2024, 2024-03-15 or "ngày 15 tháng 3 năm 2024". */
export function findDate(text: string): { date?: CalendarDate; found: boolean } {
  const long = LONG_DATE.exec(text);
  if (long) {
    const [y, m, d] = [Number(long[3]), Number(long[2]), Number(long[1])];
    return isValidDate(y, m, d) ? { date: { year: y, month: m, day: d }, found: true } : { found: true };
  }
  const short = SHORT_DATE.exec(text);
  if (short) {
    const date = parseDateText(short[1]!);
    return date ? { date, found: true } : { found: true };
  }
  return { found: false };
}

/** "Hoàn thành ngày 15/03/2024", "Đang thực hiện", "Done (2024-03-15)". */
function readStatus(value: string): { status: StatusAnswer; done?: CalendarDate; badDone?: string } {
  const date = findDate(value);
  const word = value
    .replace(LONG_DATE, ' ')
    .replace(SHORT_DATE, ' ')
    .replace(/\b(ngày|vào|on|since)\b/giu, ' ')
    .replace(/[()[\].,;:–-]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  const status = parseStatusWord(word);
  return {
    status: { text: value.trim(), ...(status ? { status } : {}) },
    ...(date.date ? { done: date.date } : {}),
    ...(date.found && !date.date ? { badDone: value.trim() } : {}),
  };
}

const EVIDENCE =
  /(?:(Kế hoạch|Quyết định|Báo cáo|Công văn|Thông báo|Chỉ thị|Nghị quyết|Hướng dẫn|Tờ trình|Văn bản)\s+)?số\s+(\d+[\p{L}\d]*\/[\p{L}\d][\p{L}\d.\-/]*[\p{L}\d])(?:\s*,?\s*ngày\s+(\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?/giu;

/** Documents a result text names: "Kế hoạch số 12/KH-UBND ngày 01/03/2024". */
export function findEvidence(text: string): Evidence[] {
  const out: Evidence[] = [];
  for (const m of text.matchAll(EVIDENCE)) {
    const number = m[2]!;
    if (out.some((e) => e.number === number)) continue;
    const date = m[3] ? (findDate(`ngày ${m[3]}`).date ?? parseDateText(m[3])) : undefined;
    out.push({ number, ...(date ? { date } : {}), ...(m[1] ? { title: m[1] } : {}) });
  }
  return out;
}

/** Read a returned document into what it answers, or say why it is not one of our reports. */
export function readReturnedReport(doc: ReturnedDocument): { ok: true; report: ReturnedReport } | { ok: false; reason: Localized } {
  const marked = readMarkerProperties(doc.properties);
  if (!marked.ok) return marked;
  const markers = marked.markers;
  const paragraphs = doc.paragraphs;
  // Where each task's area starts; it ends at the next task or the end bookmark.
  const starts: { at: number; index: number }[] = [];
  let end = paragraphs.length;
  paragraphs.forEach((p, at) => {
    for (const b of p.bookmarks) {
      const index = bookmarkTask(b);
      if (index !== undefined && index < markers.tasks.length && !starts.some((s) => s.index === index)) starts.push({ at, index });
      if (b === END_BOOKMARK && end === paragraphs.length) end = at;
    }
  });
  starts.sort((a, b) => a.at - b.at);
  if (starts.length === 0 && markers.tasks.length > 0) {
    return { ok: false, reason: localized('không còn dấu nhận biết nhiệm vụ nào (các tiêu đề nhiệm vụ đã bị xoá hoặc chép lại)', 'no task markers left (the task headings were deleted or retyped)') };
  }
  const head = paragraphs.slice(0, starts[0]?.at ?? end);
  let number: string | undefined;
  let date: CalendarDate | undefined;
  for (const p of head) {
    for (const line of p.text.split('\n')) {
      const n = NUMBER_LINE.exec(line);
      // "Số:    /BC-" left as printed has no number yet.
      if (n && number === undefined && /\d/.test(n[1]!)) number = n[1]!.replace(/\s+/gu, '');
      if (!date) date = findDate(line).date;
    }
  }
  const answers: TaskAnswer[] = starts.map((s, i) => {
    const stop = Math.min(starts[i + 1]?.at ?? end, end < s.at ? paragraphs.length : end);
    return readAnswer(markers.tasks[s.index]!, paragraphs.slice(s.at + 1, stop));
  });
  const lost = markers.tasks.filter((_, i) => !starts.some((s) => s.index === i));
  return { ok: true, report: { markers, ...(number ? { number } : {}), ...(date ? { date } : {}), answers, lost, sent: true } };
}

/** A status cell or line as a unit filled it: "Hoàn thành ngày 15/03/2024", "Đang thực hiện". */
export function readStatusAnswer(task: MarkedTask, statusText: string, doneText: string, note: string): TaskAnswer {
  const answer: TaskAnswer = { task, evidence: [] };
  if (statusText.trim()) {
    const read = readStatus(statusText);
    answer.status = read.status;
    if (read.done) answer.done = read.done;
    if (read.badDone) answer.badDone = read.badDone;
  }
  if (doneText.trim()) {
    const found = findDate(doneText);
    if (found.date) answer.done = found.date;
    else answer.badDone = doneText.trim();
  }
  if (note.trim()) {
    answer.text = note.trim();
    answer.evidence = findEvidence(answer.text);
  }
  return answer;
}

function readAnswer(task: MarkedTask, area: ReturnedParagraph[]): TaskAnswer {
  const answer: TaskAnswer = { task, evidence: [] };
  const text: string[] = [];
  for (const p of area) {
    for (const raw of p.text.split('\n')) {
      const line = raw.replace(/\s+/gu, ' ').trim();
      if (!line) continue;
      const s = STATUS_LINE.exec(line);
      // "Tình trạng:" emptied says nothing (no status), rather than a status not understood.
      if (s && !s[2]!.trim()) continue;
      if (s) {
        const read = readStatus(s[2]!);
        answer.status = read.status;
        if (read.done) answer.done = read.done;
        if (read.badDone) answer.badDone = read.badDone;
        continue;
      }
      const d = DONE_LINE.exec(line);
      if (d) {
        const found = findDate(d[2]!);
        if (found.date) answer.done = found.date;
        else if (d[2]!.trim() && !/^\[.*\]$/u.test(d[2]!.trim())) answer.badDone = d[2]!.trim();
        continue;
      }
      const ticked = TICKED_LINE.exec(line);
      if (ticked) {
        if (ticked[1]) (answer.ticked ??= []).push(ticked[1]);
        continue;
      }
      if (SKELETON_LINE.test(line)) continue;
      text.push(line);
    }
  }
  if (text.length) {
    answer.text = text.join('\n');
    answer.evidence = findEvidence(answer.text);
  }
  return answer;
}

// ---- what may be recorded ------------------------------------------------

/** A result to record: what the plan keeps (ReportedResult) for a known unit, task and role. */
export interface TaskItem extends Omit<ReportedResult, 'unit' | 'period' | 'path'> {
  kind: 'task';
  plan: Plan;
  task: Task;
  unit: Unit;
  role: 'lead' | 'support';
  period: PeriodCode;
}

export interface SubmissionItem {
  kind: 'submission';
  plan: Plan;
  duty: Duty;
  unit: Unit;
  year: number;
  date: CalendarDate;
  number?: string;
}

export type CollectItem = TaskItem | SubmissionItem;

export interface Refusal {
  /** The part of the file it is about: "nhiệm vụ 1.2", or none for the whole file. */
  where?: Localized;
  message: Localized;
}

export interface CollectedFile {
  unit?: Unit;
  period?: PeriodCode;
  year?: number;
  number?: string;
  date?: CalendarDate;
  items: CollectItem[];
  refusals: Refusal[];
}

export interface CollectRules {
  plans: readonly Plan[];
  registry: UnitRegistry;
  asOf: CalendarDate;
  /** Only reports for this period/year/unit (command-line filters). */
  period?: PeriodCode;
  year?: number;
  unit?: Unit;
}

const taskWhere = (id: string): Localized => localized(`nhiệm vụ ${id}`, `task ${id}`);

/** Match a read report against the plans; every problem is a refusal of its item (or the file). */
export function collectReport(r: ReturnedReport, rules: CollectRules): CollectedFile {
  const m = r.markers;
  const refuse = (message: Localized): CollectedFile => ({ refusals: [{ message }], items: [] });
  const unit = rules.registry.lookup(m.unit);
  if (unit?.kind !== 'unit') return refuse(localized(`báo cáo của "${m.unit}", không phải một đơn vị trong danh mục`, `a report of "${m.unit}", which is not a unit in the units file`));
  const concrete = rules.registry.expand(unit)[0]!;
  if (rules.unit && rules.unit !== concrete)
    return refuse(localized(`báo cáo của ${concrete.name}, không phải của ${rules.unit.name} (--unit)`, `a report of ${concrete.name}, not of ${rules.unit.name} (--unit)`));
  if (rules.period && rules.period !== m.period)
    return refuse(localized(`báo cáo kỳ ${m.period}, không phải kỳ ${rules.period} (--period)`, `a report for period ${m.period}, not ${rules.period} (--period)`));
  if (rules.year !== undefined && rules.year !== m.year) return refuse(localized(`báo cáo năm ${m.year}, không phải năm ${rules.year} (--year)`, `a report for ${m.year}, not ${rules.year} (--year)`));
  const plans = m.plans.map((p) => rules.plans.find((q) => fileName(q.file) === p.file && q.number === p.number));
  const missing = m.plans.filter((_, i) => !plans[i]);
  if (missing.length) {
    const names = missing.map((p) => `${p.file} (${p.number})`).join(', ');
    return refuse(localized(`báo cáo cho kế hoạch khác: không có ${names} trong các kế hoạch đã đọc`, `a report for another plan: ${names} is not among the plans read`));
  }
  const date = r.date;
  const base = { unit: concrete, period: m.period, year: m.year, ...(r.number ? { number: r.number } : {}), ...(date ? { date } : {}) };
  if (!date)
    return {
      ...base,
      items: [],
      refusals: [{ message: localized('không đọc được ngày của báo cáo (dòng "…, ngày … tháng … năm …")', 'cannot read the date of the report (the "…, ngày … tháng … năm …" line)') }],
    };
  if (compareDates(date, rules.asOf) > 0) {
    return {
      ...base,
      items: [],
      refusals: [
        {
          message: localized(
            `ngày của báo cáo ${formatVi(date)} sau ngày ${formatVi(rules.asOf)} (hôm nay hoặc --as-of)`,
            `the report is dated ${formatVi(date)}, after ${formatVi(rules.asOf)} (today or --as-of)`,
          ),
        },
      ],
    };
  }
  const items: CollectItem[] = [];
  const refusals: Refusal[] = [];
  for (const lost of r.lost)
    refusals.push({
      where: taskWhere(lost.id),
      message: localized(
        'mất dấu nhận biết (tiêu đề nhiệm vụ bị xoá hoặc chép lại); không ghi gì cho nhiệm vụ này',
        'its marker is gone (the heading was deleted or retyped); nothing recorded for it',
      ),
    });
  for (const a of r.answers) {
    const plan = plans[a.task.plan]!;
    const where = taskWhere(a.task.id);
    const task = allTasks(plan).find((t) => t.id === a.task.id);
    if (!task) {
      refusals.push({ where, message: localized(`kế hoạch ${fileName(plan.file)} không có nhiệm vụ ${a.task.id}`, `plan ${fileName(plan.file)} has no task ${a.task.id}`) });
      continue;
    }
    const lead = concreteUnits(task.lead, rules.registry).includes(concrete);
    if (!lead && !concreteUnits(task.support, rules.registry).includes(concrete)) {
      refusals.push({ where, message: localized(`${concrete.name} không chủ trì, không phối hợp nhiệm vụ này`, `${concrete.name} neither leads nor supports this task`) });
      continue;
    }
    if (a.status && !a.status.status) {
      refusals.push({
        where,
        message: localized(
          `không hiểu tình trạng "${a.status.text}" (viết Hoàn thành, Đang thực hiện, Chưa thực hiện hoặc Dừng)`,
          `status "${a.status.text}" not understood (write Hoàn thành, Đang thực hiện, Chưa thực hiện or Dừng; Done, In progress, Not started)`,
        ),
      });
      continue;
    }
    if (a.badDone) {
      refusals.push({ where, message: localized(`ngày hoàn thành "${a.badDone}" không phải một ngày`, `completion date "${a.badDone}" is not a date`) });
      continue;
    }
    if (a.done && compareDates(a.done, rules.asOf) > 0) {
      refusals.push({
        where,
        message: localized(
          `ngày hoàn thành ${formatVi(a.done)} sau ngày ${formatVi(rules.asOf)} (hôm nay hoặc --as-of)`,
          `completion date ${formatVi(a.done)} is after ${formatVi(rules.asOf)} (today or --as-of)`,
        ),
      });
      continue;
    }
    // Boxes ticked by the unit are its answer, kept in the result text; a box the report printed ticked (the
    // deliverable had its documents already) is not. The plan marks a deliverable done only by its documents, so a tick
    // is kept as words.
    const ticked = (a.ticked ?? []).filter((t) => !task.outputs.some((o) => o.evidence.length > 0 && foldedText(t).startsWith(foldedText(o.text))));
    const text = [...ticked.map((t) => `☑ ${t}`), ...(a.text ? [a.text] : [])].join('\n') || undefined;
    let status = a.status?.status;
    const now = unitStatus(plan, task, concrete, rules.registry);
    // A status left as the document printed it, where the plan has moved on since (another report or book recorded
    // more), is not an answer: recording it would undo what was recorded. Only its text, if any, is news.
    if (status !== undefined && status === a.task.printed && status !== now && !a.done) status = undefined;
    // A completion date alone means done, as in plan set.
    if (!status && a.done) status = 'done';
    const done = status === 'done' ? (a.done ?? date) : undefined;
    // A status left as the skeleton printed it, with nothing written, says nothing new.
    if (!text && !a.done && (!status || status === now)) continue;
    items.push({
      kind: 'task',
      plan,
      task,
      unit: concrete,
      role: lead ? 'lead' : 'support',
      period: m.period,
      year: m.year,
      ...(r.number ? { report: r.number } : {}),
      date,
      ...(status ? { status } : {}),
      ...(done ? { done } : {}),
      ...(text ? { text } : {}),
      evidence: a.evidence,
    });
  }
  // The report itself answers the plan's duty for the period.
  for (const plan of r.sent ? new Set(plans as Plan[]) : []) {
    const duty = dutyForPeriod(plan, m.period);
    if (duty && !dutyOwers(duty, rules.registry).includes(concrete)) {
      refusals.push({ message: localized(`${concrete.name} không phải gửi "${duty.title}": không ghi lần gửi`, `${concrete.name} does not owe "${duty.title}": no submission recorded`) });
    } else if (duty) items.push({ kind: 'submission', plan, duty, unit: concrete, year: m.year, date, ...(r.number ? { number: r.number } : {}) });
  }
  return { ...base, items, refusals };
}

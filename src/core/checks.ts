// Cross-field rules over the parsed model: one small function per rule, run in
// order over every plan. Rules read the model only and return diagnostics.
import type { CalendarDate } from './dates.js';
import { compareDates, formatVi } from './dates.js';
import type { Occurrence } from './deadline.js';
import { resolveDeadline } from './deadline.js';
import type { Diagnostic, Localized, YamlPath } from './diagnostic.js';
import { localized } from './diagnostic.js';
import type { Due, Duty, Plan, Task, UnitRef } from './model.js';
import { allTasks, isLeaf, isNoTimeInSource, NO_TIME_IN_SOURCE, planStart, resolveOptions } from './model.js';
import { dueLimits } from './schedule.js';
import { countEn, detached, isLegalLetter, isRomanGroupId, LEGAL_LETTERS, looseKey, nameKey, rememberBounded } from './text.js';
import type { Level, Unit, UnitGroup, UnitRegistry } from './units.js';
import { aboveIssuer, isCollective, nameProblemMessage, suggestHelp } from './units.js';
import { nameProblem } from './confusables.js';
import { PROGRESS_CHECKS } from './progress-checks.js';

export interface CheckContext {
  registry: UnitRegistry;
  /** Where the units came from, for messages ("not in plans/units.yaml"). */
  unitsFile: string;
  /** Today, for rules about the future (completion dates, submissions). */
  today?: CalendarDate;
  strictBefore?: boolean;
}

/**
 * A rule: `tasks` is allTasks(plan), walked once for all the rules by runChecks (each rule walking the tree itself
 * had V8 compile that recursive walk into every rule's optimised code, a tenth of a cold province check's compiling).
 */
export type Check = (plan: Plan, ctx: CheckContext, tasks: readonly Task[]) => Diagnostic[];

const warn = (plan: Plan, path: YamlPath, code: string, vi: string, en: string, help?: [string, string]): Diagnostic => ({
  file: plan.file,
  severity: 'warning',
  code,
  path,
  message: localized(vi, en),
  ...(help ? { help: localized(help[0], help[1]) } : {}),
});

const error = (plan: Plan, path: YamlPath, code: string, vi: string, en: string, help?: [string, string]): Diagnostic => ({
  ...warn(plan, path, code, vi, en, help),
  severity: 'error',
});

export const checkDuplicateIds: Check = (plan, _ctx, tasks) => {
  const out: Diagnostic[] = [];
  const seen = new Map<string, Task>();
  for (const t of tasks) {
    const prev = seen.get(t.id);
    if (prev)
      out.push(
        error(plan, [...t.path, 'id'], 'duplicate-id', `số thứ tự "${t.id}" bị trùng (đã có ở nhiệm vụ "${short(prev.title)}")`, `id "${t.id}" is used twice (already on "${short(prev.title)}")`, [
          'mỗi nhiệm vụ cần một số thứ tự riêng',
          'give every task its own id',
        ]),
      );
    else seen.set(t.id, t);
  }
  const groups = new Set<string>();
  for (const g of plan.groups) {
    if (groups.has(g.id)) out.push(error(plan, [...g.path, 'id'], 'duplicate-id', `số nhóm "${g.id}" bị trùng`, `group id "${g.id}" is used twice`));
    groups.add(g.id);
  }
  const duties = new Set<string>();
  for (const d of plan.duties) {
    if (duties.has(d.id)) out.push(error(plan, [...d.path, 'id'], 'duplicate-id', `mã nghĩa vụ "${d.id}" bị trùng`, `duty id "${d.id}" is used twice`));
    duties.add(d.id);
  }
  return out;
};

const SEGMENT = /^(\d+|[a-zđ])$/iu;
const LETTER = /^\p{L}$/u;
const DIGITS = /^\d+$/;

/** Whether an id split at its dots has an empty piece ("", ".1", "1.", "1..2"). */
function hasEmptySegment(id: string): boolean {
  return id.length === 0 || id.startsWith('.') || id.endsWith('.') || id.includes('..');
}

export const checkIdNumbering: Check = (plan) => {
  const out: Diagnostic[] = [];
  const visit = (tasks: Task[], parentId: string, romanGroup: string | undefined) => {
    let prevRank = -1;
    let prevSeg = '';
    // The same for every item of the list (30,000 tasks in a province): made once.
    const parentPrefix = parentId ? `${parentId}.` : undefined;
    const romanPrefix = romanGroup ? `${romanGroup}.` : undefined;
    for (const t of tasks) {
      // Under a Roman section the items are numbered afresh ("1", "2") or after the section ("III.1").
      const expectedPrefix = parentPrefix ?? (romanPrefix !== undefined && t.id.startsWith(romanPrefix) ? romanPrefix : '');
      const lastDot = t.id.lastIndexOf('.');
      const seg = t.id.slice(lastDot + 1);
      const continues = t.id.startsWith(expectedPrefix) && t.id.indexOf('.', expectedPrefix.length) === -1;
      const freshUnderRoman = romanGroup !== undefined && lastDot === -1;
      if (!SEGMENT.test(seg) || hasEmptySegment(t.id)) {
        out.push(
          error(plan, [...t.path, 'id'], 'malformed-id', `số thứ tự "${t.id}" không đúng dạng`, `id "${t.id}" is malformed`, [
            'dùng số và chữ cái cách nhau bằng dấu chấm: "1.6", "1.6.a", "1.6.đ"',
            'use numbers and letters separated by dots: "1.6", "1.6.a", "1.6.đ"',
          ]),
        );
      } else if (!continues && !freshUnderRoman) {
        out.push(
          error(plan, [...t.path, 'id'], 'id-numbering', `số thứ tự "${t.id}" không nối tiếp số của mục cha "${parentId}"`, `id "${t.id}" does not continue its parent's number "${parentId}"`, [
            `viết "${expectedPrefix}${seg}"`,
            `write "${expectedPrefix}${seg}"`,
          ]),
        );
      } else if (LETTER.test(seg) && !isLegalLetter(seg)) {
        out.push(
          error(plan, [...t.path, 'id'], 'illegal-letter', `chữ "${seg}" không dùng để đánh số mục (không có f, j, w, z)`, `letter "${seg}" is not used for sub-items (no f, j, w, z)`, [
            `thứ tự: ${LEGAL_LETTERS.join(', ')}`,
            `order: ${LEGAL_LETTERS.join(', ')}`,
          ]),
        );
      } else {
        const rank = DIGITS.test(seg) ? Number(seg) : LEGAL_LETTERS.indexOf(seg.toLowerCase() as (typeof LEGAL_LETTERS)[number]);
        if (rank <= prevRank)
          out.push(
            warn(plan, [...t.path, 'id'], 'id-order', `mục "${t.id}" đứng sau "${prevSeg}" nhưng số thứ tự không tăng`, `item "${t.id}" comes after "${prevSeg}" but its number does not increase`),
          );
        prevRank = rank;
        prevSeg = t.id;
      }
      visit(t.tasks, t.id, undefined);
    }
  };
  for (const g of plan.groups) visit(g.tasks, isRomanGroupId(g.id) ? '' : g.id, isRomanGroupId(g.id) ? g.id : undefined);
  return out;
};

/** Every unit reference in a plan: tasks (lead, support, progress, results) in order, then duties (by, submissions). */
function unitRefs(plan: Plan, tasks: readonly Task[]): UnitRef[] {
  const out: UnitRef[] = [];
  for (const t of tasks) {
    for (const ref of t.lead) out.push(ref);
    for (const ref of t.support) out.push(ref);
    for (const p of t.progress) out.push(p.unit);
    for (const r of t.results) out.push(r.unit);
  }
  for (const d of plan.duties) {
    for (const ref of d.by) out.push(ref);
    for (const s of d.submissions) out.push(s.unit);
  }
  return out;
}

export const checkUnknownUnits: Check = (plan, ctx, tasks) => {
  const out: Diagnostic[] = [];
  const refs = unitRefs(plan, tasks);
  refs.forEach((ref, i) => {
    if (ctx.registry.lookup(ref.text)) return;
    // A spoofed or pasted name that looks like a real one: say so, not just "unknown".
    const problem = nameProblem(ref.text);
    if (problem) {
      out.push({ file: plan.file, severity: 'error', path: ref.path, ...nameProblemMessage(ref.text, problem) });
      return;
    }
    // In a flow list "[UBND các xã, thị trấn]" the comma splits one name in two.
    const joined = [refs[i - 1], refs[i + 1]]
      .filter((other): other is UnitRef => !!other && sameList(other, ref))
      .map((other) => (refs.indexOf(other) < i ? `${other.text}, ${ref.text}` : `${ref.text}, ${other.text}`))
      .find((name) => ctx.registry.lookup(name));
    if (joined) {
      out.push(
        error(plan, ref.path, 'unknown-unit', `đơn vị "${ref.text}" không có trong ${ctx.unitsFile}`, `unit "${ref.text}" is not in ${ctx.unitsFile}`, [
          `tên có dấu phẩy phải đặt trong ngoặc kép: "${joined}"`,
          `a name with a comma must be quoted: "${joined}"`,
        ]),
      );
      return;
    }
    const near = ctx.registry.suggest(ref.text);
    out.push({
      ...error(plan, ref.path, 'unknown-unit', `đơn vị "${ref.text}" không có trong ${ctx.unitsFile}`, `unit "${ref.text}" is not in ${ctx.unitsFile}`),
      ...(near.length
        ? suggestHelp(ref.text, near)
        : { help: localized(`thêm "${ref.text}" vào ${ctx.unitsFile} (units, groups hoặc vague)`, `add "${ref.text}" to ${ctx.unitsFile} (units, groups or vague)`) }),
    });
  });
  return out;
};

function sameList(a: UnitRef, b: UnitRef): boolean {
  return a.path.length === b.path.length && a.path.slice(0, -1).every((seg, i) => seg === b.path[i]);
}

export const checkLeafUnits: Check = (plan, _ctx, tasks) =>
  tasks
    .filter((t) => isLeaf(t) && t.lead.length === 0)
    .map((t) =>
      error(plan, [...t.path, 'id'], 'missing-lead', `nhiệm vụ ${t.id} chưa có cơ quan chủ trì`, `task ${t.id} has no lead unit`, [
        'thêm "lead: [...]" (nhiệm vụ có mục con mới được bỏ trống)',
        'add "lead: [...]" (only tasks with sub-items may omit it)',
      ]),
    );

export const checkDeadlines: Check = (plan, ctx, tasks) => {
  const out: Diagnostic[] = [];
  // Assignments the document gives no time: one warning names them all (a plan may hold dozens), not one each.
  const untimed = tasks.filter((t) => !t.due && isNoTimeInSource(t.dueText));
  if (untimed.length > 0) {
    const named = namedTasks(untimed.map((t) => t.id));
    const many = untimed.length > 1;
    const each = many ? { vi: `các nhiệm vụ đó đều ghi "dueText: ${NO_TIME_IN_SOURCE}"; `, en: `each of them says "dueText: ${NO_TIME_IN_SOURCE}"; ` } : { vi: '', en: '' };
    out.push(
      warn(
        plan,
        [...untimed[0]!.path, 'dueText'],
        'unread-deadline',
        `${untimed.length} nhiệm vụ không ghi thời gian trong văn bản (${named.vi}); không tính quá hạn`,
        `${countEn(untimed.length, 'task')} ${many ? 'have' : 'has'} no time in the source document (${named.en}); ${many ? 'they are' : 'it is'} never overdue`,
        [`${each.vi}khi đã có thời hạn, ghi "due: …" và bỏ dueText`, `${each.en}once a deadline is set, write "due: …" and remove dueText`],
      ),
    );
  }
  // The untimed tasks are named in the one warning above; every other limit has problems of its own to find.
  const since = planStart(plan);
  for (const t of tasks) if (t.due || !isNoTimeInSource(t.dueText)) checkDue(plan, ctx, since, t, t.due, out);
  for (const d of plan.duties) checkDue(plan, ctx, since, d, d.due, out);
  return out;
};

/** What checkDue reports of a readable due: the first limit outside the plan's years, the first before its date, none on or after it. */
interface DueProblems {
  outside: Occurrence | undefined;
  early: Occurrence | undefined;
  neverDue: boolean;
}

/** DueProblems of a readable due, undefined when there is nothing to report (most dues: no words made, no object). */
function dueProblems(due: Due, plan: Plan, ctx: CheckContext, eventDate: CalendarDate | undefined, since: CalendarDate | undefined): DueProblems | undefined {
  let outside: Occurrence | undefined;
  let early: Occurrence | undefined;
  let limit = false;
  for (const o of dueLimits(due, plan, ctx.strictBefore, eventDate)) {
    if (!outside && (o.due.year < plan.years.from || o.due.year > plan.years.to)) outside = o;
    if (o.kind === 'peak') continue;
    limit = true;
    // A recurring limit before the plan's date is not resolved at all; a dated one is the plan's own words, so say it.
    if (!early && since && compareDates(o.due, since) < 0) early = o;
  }
  const neverDue = !!since && !limit;
  return outside || early || neverDue ? { outside, early, neverDue } : undefined;
}

/** checkDeadlines' words for one task's or duty's deadline. */
function checkDue(plan: Plan, ctx: CheckContext, since: CalendarDate | undefined, owner: Task | Duty, due: Due | undefined, out: Diagnostic[]): void {
  const task = 'tasks' in owner ? owner : undefined;
  if (!due) {
    if (task?.dueText) {
      // Kept as written by import: the task is in the plan, but no day can be computed for it.
      out.push(
        warn(
          plan,
          [...task.path, 'dueText'],
          'unread-deadline',
          `nhiệm vụ ${task.id}: thời gian "${short(task.dueText)}" chưa đọc được thành thời hạn; không tính quá hạn`,
          `task ${task.id}: the time "${short(task.dueText)}" is not a readable deadline; it is never overdue`,
          ['đối chiếu văn bản gốc rồi ghi "due: …" (ví dụ "due: năm 2026") và bỏ dueText', 'check the source, write "due: …" (e.g. "due: năm 2026") and remove dueText'],
        ),
      );
    } else if (task && isLeaf(task)) {
      out.push(
        error(plan, [...task.path, 'id'], 'missing-deadline', `nhiệm vụ ${task.id} chưa có thời hạn`, `task ${task.id} has no deadline`, [
          'thêm "due: …", ví dụ "due: năm 2024" hoặc "due: thường xuyên"',
          'add "due: …", e.g. "due: năm 2024" or "due: thường xuyên"',
        ]),
      );
    }
    return;
  }
  const parsed = due.parsed;
  if (!parsed.ok) {
    out.push({ file: plan.file, severity: 'error', code: 'invalid-deadline', path: due.path, message: parsed.message, help: parsed.help });
    return;
  }
  const found = dueProblems(due, plan, ctx, task?.eventDate, since);
  if (!found) return;
  const { outside, early } = found;
  if (found.neverDue) {
    // Every year's limit fell before the plan's date: the work is never due (a wrong year, or a missing period).
    const dropped = resolveDeadline(parsed.deadline, plan.years, resolveOptions({ years: plan.years }, ctx.strictBefore, task?.eventDate)).find((o) => o.kind !== 'peak');
    if (dropped)
      out.push(
        warn(
          plan,
          due.path,
          'deadline-before-plan',
          `thời hạn "${due.text}" (${formatVi(dropped.due)}) ở trước ngày ban hành kế hoạch (${plan.dateText}); trong ${planSpanVi(plan)} không có lần nào đến hạn`,
          `deadline "${due.text}" (${formatVi(dropped.due)}) is before the plan's date (${plan.dateText}); it is never due in ${planSpanEn(plan)}`,
          ['kiểm tra năm hoặc giai đoạn của kế hoạch (year, period) và thời hạn', 'check the plan’s year or period (year, period) and the deadline'],
        ),
      );
  }
  if (early && !outside)
    out.push(
      warn(
        plan,
        due.path,
        'deadline-before-plan',
        `thời hạn "${due.text}" (${formatVi(early.due)}) ở trước ngày ban hành kế hoạch (${plan.dateText})`,
        `deadline "${due.text}" (${formatVi(early.due)}) is before the plan's date (${plan.dateText})`,
        ['đối chiếu văn bản gốc: ngày, năm của thời hạn và ngày ban hành', 'check the source: the day and year of the deadline, and the plan’s date'],
      ),
    );
  if (outside) {
    out.push(
      warn(
        plan,
        due.path,
        'deadline-outside-period',
        `thời hạn "${due.text}" (${formatVi(outside.due)}) nằm ngoài ${planSpanVi(plan)} của kế hoạch`,
        `deadline "${due.text}" (${formatVi(outside.due)}) falls outside ${planSpanEn(plan)} of the plan`,
      ),
    );
  }
}

const planSpanVi = ({ years }: Plan) => (years.from === years.to ? `năm ${years.from}` : `giai đoạn ${years.from}-${years.to}`);
const planSpanEn = ({ years }: Plan) => (years.from === years.to ? `the year ${years.from}` : `the period ${years.from}-${years.to}`);

// Many real plans name no deliverable for any task: one warning per plan names them all (an imported
// province's plans gave 235 warnings, one per task, and buried everything else check said).
export const checkOutputs: Check = (plan, _ctx, tasks) => {
  const bare = tasks.filter((t) => isLeaf(t) && t.outputs.length === 0);
  if (bare.length === 0) return [];
  const at = [...bare[0]!.path, 'id'];
  if (bare.length === 1)
    return [
      warn(plan, at, 'missing-outputs', `nhiệm vụ ${bare[0]!.id} chưa ghi sản phẩm`, `task ${bare[0]!.id} lists no deliverables`, [
        'thêm "outputs: [...]" để đơn vị biết phải nộp gì',
        'add "outputs: [...]" so units know what to deliver',
      ]),
    ];
  const named = namedTasks(bare.map((t) => t.id));
  return [
    warn(plan, at, 'missing-outputs', `${bare.length} nhiệm vụ chưa ghi sản phẩm (${named.vi})`, `${countEn(bare.length, 'task')} list no deliverables (${named.en})`, [
      'thêm "outputs: [...]" vào từng nhiệm vụ đó để đơn vị biết phải nộp gì',
      'add "outputs: [...]" to each of them so units know what to deliver',
    ]),
  ];
};

/** The tasks one warning stands for, and, when there are several, the one it is shown at (the first): how to find the others. */
function namedTasks(ids: readonly string[]): Localized {
  const all = ids.join(', ');
  return ids.length > 1 ? { vi: `${all}; ở đây là nhiệm vụ ${ids[0]}`, en: `${all}; shown here: task ${ids[0]}` } : { vi: all, en: all };
}

export const checkLeadAuthority: Check = (plan, ctx, tasks) => {
  const out: Diagnostic[] = [];
  for (const t of tasks) {
    for (const ref of t.lead) {
      const entry = ctx.registry.lookup(ref.text);
      if (!entry || entry.kind === 'vague') continue;
      const outside = aboveIssuerWords(entry, ctx.registry, plan.issuer.level);
      if (!outside) continue;
      out.push(
        warn(
          plan,
          ref.path,
          'lead-outside-authority',
          `${outside.vi}; kế hoạch của ${plan.issuer.name} không giao chủ trì cho ${outside.whom.vi} được`,
          `${outside.en}; a plan of ${plan.issuer.name} cannot direct ${outside.whom.en} to lead`,
          ['kiểm tra lại văn bản gốc (có thể chép từ kế hoạch cấp trên)', 'check the source text (it may be copied from a higher-level plan)'],
        ),
      );
    }
  }
  return out;
};

/**
 * What a lead above the issuer is, said as units.yaml describes it: one unit of that level, a name
 * for many units written at that level ("UBND các huyện, thành phố", level province: the districts
 * a province addresses, none of them a province), or a group with such a member.
 */
function aboveIssuerWords(entry: Unit | UnitGroup, registry: UnitRegistry, issuer: Level): (Localized & { whom: Localized }) | undefined {
  // Most leads are within the issuer's authority: asked first, before any words are made (a province has 30,000 leads).
  if (entry.kind === 'unit' && !aboveIssuer(entry.level, issuer)) return undefined;
  const name = `"${entry.name}"`;
  if (entry.kind === 'group') {
    const above = registry.expand(entry).filter((u) => aboveIssuer(u.level, issuer));
    if (above.length === 0) return undefined;
    const level = LEVEL_NAMES[above[0]!.level!];
    const list = above.map((u) => u.name).join(', ');
    return {
      vi: `nhóm ${name} có đơn vị cấp ${level.vi}: ${list}`,
      en: `group ${name} includes ${level.en}-level units: ${list}`,
      whom: localized('đơn vị cấp trên', 'them'),
    };
  }
  const level = LEVEL_NAMES[entry.level!];
  if (isCollective(entry))
    return {
      vi: `${name} là cách gọi chung các đơn vị mà văn bản cấp ${level.vi} giao việc (units.yaml ghi level: ${entry.level}), không phải một đơn vị cấp ${level.vi}`,
      en: `${name} names the many units a ${level.en}-level document addresses (units.yaml: level ${entry.level}), not one ${level.en}-level unit`,
      whom: localized('các đơn vị này', 'them'),
    };
  return { vi: `${name} là đơn vị cấp ${level.vi}`, en: `${name} is a ${level.en}-level unit`, whom: localized('đơn vị cấp trên', 'it') };
}

const LEVEL_NAMES: Record<Level, { vi: string; en: string }> = {
  central: { vi: 'trung ương', en: 'central' },
  province: { vi: 'tỉnh', en: 'province' },
  district: { vi: 'huyện', en: 'district' },
  commune: { vi: 'xã', en: 'commune' },
};

export const checkHeader: Check = (plan) => {
  const out: Diagnostic[] = [];
  if (/^\s*\//.test(plan.number)) {
    out.push(
      warn(plan, ['number'], 'incomplete-number', `số văn bản "${plan.number}" chưa có số`, `document number "${plan.number}" has no number yet`, [
        'điền số khi văn bản được ban hành, ví dụ "05/KH-UBND"',
        'fill it in when the document is issued, e.g. "05/KH-UBND"',
      ]),
    );
  }
  if (!plan.date || plan.date.day === undefined) {
    out.push(
      warn(plan, ['date'], 'incomplete-date', `ngày ban hành "${plan.dateText}" chưa đủ ngày, tháng`, `issue date "${plan.dateText}" lacks a day or month`, [
        'điền ngày ký khi văn bản được ban hành',
        'fill in the signing date when the document is issued',
      ]),
    );
  }
  const place = plan.place.trim();
  const candidate = placeMisspelt(plan.issuer.name, place);
  if (candidate !== undefined)
    out.push(
      warn(plan, ['place'], 'place-spelling', `địa danh "${place}" khác dấu với tên cơ quan ban hành "${candidate}"`, `place "${place}" differs in diacritics from the issuer's "${candidate}"`, [
        `có phải là "${candidate}"?`,
        `did you mean "${candidate}"?`,
      ]),
    );
  return out;
};

/** The words of the issuer's name that the place spells with other tones ("Sơn Đông" for Sơn Động), if any. */
function placeMisspelt(issuer: string, place: string): string | undefined {
  // A province's thousand plans have a few issuers and places: each pair is compared once.
  const pair = `${issuer}\u0000${place}`;
  let found = misspeltPlaces.get(pair);
  if (found === undefined) {
    found = null;
    const issuerWords = issuer.split(/\s+/);
    const n = place.split(/\s+/).length;
    for (let i = 0; i + n <= issuerWords.length; i++) {
      const candidate = issuerWords.slice(i, i + n).join(' ');
      if (looseKey(candidate) === looseKey(place) && nameKey(candidate) !== nameKey(place)) {
        found = detached(candidate);
        break;
      }
    }
    rememberBounded(misspeltPlaces, detached(pair), found, 1000);
  }
  return found ?? undefined;
}

const misspeltPlaces = new Map<string, string | null>();

const COMPLETION_DATE: [string, string] = ['ngày hoàn thành', 'completion date'];
const SUBMISSION_DATE: [string, string] = ['ngày gửi', 'submission date'];

/** Completion dates and submissions cannot lie in the future. */
export const checkProgressDates: Check = (plan, ctx, tasks) => {
  const out: Diagnostic[] = [];
  const today = ctx.today;
  if (!today) return out;
  // The field's path and the words are made only for an error (a province has 30,000 tasks, few with a date).
  const future = (d: CalendarDate | undefined, path: YamlPath, field: string, what: [string, string]) => {
    if (d && compareDates(d, today) > 0)
      out.push(error(plan, [...path, field], 'date-in-future', `${what[0]} ${formatVi(d)} ở sau hôm nay (${formatVi(today)})`, `${what[1]} ${formatVi(d)} is after today (${formatVi(today)})`));
  };
  for (const t of tasks) {
    future(t.done, t.path, 'done', COMPLETION_DATE);
    for (const p of t.progress) future(p.done, p.path, 'done', COMPLETION_DATE);
  }
  for (const d of plan.duties) for (const s of d.submissions) future(s.date, s.path, 'date', SUBMISSION_DATE);
  return out;
};

/** The rules `plan check` runs, in order. */
export const PLAN_CHECKS: Check[] = [
  checkHeader,
  checkDuplicateIds,
  checkIdNumbering,
  checkUnknownUnits,
  checkLeafUnits,
  checkDeadlines,
  checkOutputs,
  checkLeadAuthority,
  checkProgressDates,
  ...PROGRESS_CHECKS,
];

export function runChecks(plan: Plan, ctx: CheckContext, checks: readonly Check[] = PLAN_CHECKS): Diagnostic[] {
  // A loop, not flatMap: most checks find nothing in most plans (a province checks 1000 plans with 16 rules).
  const out: Diagnostic[] = [];
  const tasks = allTasks(plan);
  for (const check of checks) for (const d of check(plan, ctx, tasks)) out.push(d);
  return out;
}

function short(s: string): string {
  return s.length > 50 ? `${s.slice(0, 47)}…` : s;
}

// Rules about progress recorded in a plan: task status and completion dates,
// per-unit progress, submissions of reporting duties, evidence, and deadlines
// that fall on a day off. Future dates are checkProgressDates' (checks.ts).
// Only types come from checks.ts: checks.ts imports this module's list.
import { concreteUnits, dutyOwers } from './assignments.js';
import { formatVi } from './dates.js';
import type { Diagnostic, Localized, YamlPath } from './diagnostic.js';
import { localized } from './diagnostic.js';
import type { Check } from './checks.js';
import type { Due, Duty, Plan, Task, UnitProgress } from './model.js';
import type { TimedOccurrence } from './schedule.js';
import { allDelivered, dueLimits, dueTimedLimits, submissionYear } from './schedule.js';
import { detached, rememberBounded } from './text.js';
import type { Unit } from './units.js';
import type { WorkCalendar } from './workdays.js';

const diag = (plan: Plan, severity: 'error' | 'warning', path: YamlPath, code: string, vi: string, en: string, help?: Localized): Diagnostic => ({
  file: plan.file,
  severity,
  code,
  path,
  message: localized(vi, en),
  ...(help ? { help } : {}),
});

/** A submission names one concrete unit that owes the duty. */
export const checkSubmissionUnits: Check = (plan, ctx) => {
  const out: Diagnostic[] = [];
  for (const duty of plan.duties) {
    const owers = dutyOwers(duty, ctx.registry);
    for (const s of duty.submissions) {
      const entry = ctx.registry.lookup(s.unit.text);
      if (!entry) continue; // unknown-unit says it already
      if (entry.kind !== 'unit') {
        out.push(
          diag(
            plan,
            'error',
            s.unit.path,
            'submission-not-a-unit',
            `"${s.unit.text}" không phải một đơn vị cụ thể: mỗi lần gửi ghi cho một đơn vị`,
            `"${s.unit.text}" is not a single unit: record each submission for one unit`,
            localized('ghi một dòng cho mỗi đơn vị đã gửi', 'add one entry per unit that sent it'),
          ),
        );
      } else if (!owers.includes(entry)) {
        out.push(
          diag(
            plan,
            'error',
            s.unit.path,
            'submission-unit-not-owing',
            `${entry.name} không phải gửi "${duty.title}"`,
            `${entry.name} does not owe "${duty.title}"`,
            localized(`các đơn vị phải gửi: ${duty.by.map((r) => r.text).join('; ')}`, `units that owe it: ${duty.by.map((r) => r.text).join('; ')}`),
          ),
        );
      }
    }
  }
  return out;
};

/** A submission answers a reporting year of the duty, and a unit sends each occurrence once. */
export const checkSubmissionYears: Check = (plan, ctx) => {
  const out: Diagnostic[] = [];
  for (const duty of plan.duties) {
    if (!duty.due.parsed.ok) continue;
    const occurrences = dueLimits(duty.due, plan, ctx.strictBefore, undefined).filter((o) => o.kind !== 'peak');
    if (occurrences.length === 0) continue;
    const perYear = new Map<number, number>();
    for (const o of occurrences) perYear.set(o.due.year, (perYear.get(o.due.year) ?? 0) + 1);
    const sent = new Map<string, number>();
    for (const s of duty.submissions) {
      const year = submissionYear(s);
      const entry = ctx.registry.lookup(s.unit.text);
      if (!perYear.has(year)) {
        const years = [...perYear.keys()].join(', ');
        out.push(
          diag(
            plan,
            'warning',
            s.year !== undefined ? [...s.path, 'year'] : [...s.path, 'date'],
            'submission-year-outside',
            `lần gửi ngày ${formatVi(s.date)} thuộc kỳ năm ${year}, nhưng "${duty.title}" chỉ có kỳ năm ${years}`,
            `the submission of ${formatVi(s.date)} answers ${year}, but "${duty.title}" is due only in ${years}`,
            localized(`nếu là báo cáo gửi muộn của năm trước, ghi thêm "year: ${year - 1}"`, `if it is a late report for the year before, add "year: ${year - 1}"`),
          ),
        );
        continue;
      }
      if (!entry) continue;
      const key = `${entry.name}\u0000${year}`;
      const n = (sent.get(key) ?? 0) + 1;
      sent.set(key, n);
      if (n > perYear.get(year)!) {
        out.push(
          diag(
            plan,
            'warning',
            s.path,
            'duplicate-submission',
            `${entry.name} đã được ghi là gửi "${duty.title}" kỳ năm ${year}`,
            `${entry.name} is already recorded as sending "${duty.title}" for ${year}`,
            localized('xoá dòng thừa, hoặc ghi "year" nếu là kỳ khác', 'remove the extra entry, or set "year" if it answers another year'),
          ),
        );
      }
    }
  }
  return out;
};

/** A progress entry speaks for a unit the task is assigned to, once. */
export const checkProgressUnits: Check = (plan, ctx, tasks) => {
  const out: Diagnostic[] = [];
  for (const task of tasks) {
    if (task.progress.length === 0) continue;
    const onTask = new Set<Unit>(concreteUnits([...task.lead, ...task.support], ctx.registry));
    const seen = new Set<Unit>();
    for (const p of task.progress) {
      const entry = ctx.registry.lookup(p.unit.text);
      if (!entry) continue;
      const units = ctx.registry.expand(entry);
      if (units.length === 0 || !units.some((u) => onTask.has(u))) {
        out.push(
          diag(
            plan,
            'error',
            p.unit.path,
            'progress-unit-not-on-task',
            `"${p.unit.text}" không chủ trì, không phối hợp nhiệm vụ ${task.id}`,
            `"${p.unit.text}" neither leads nor supports task ${task.id}`,
            localized(`đơn vị của nhiệm vụ: ${[...task.lead, ...task.support].map((r) => r.text).join('; ')}`, `units of the task: ${[...task.lead, ...task.support].map((r) => r.text).join('; ')}`),
          ),
        );
        continue;
      }
      const twice = units.find((u) => seen.has(u));
      if (twice)
        out.push(
          diag(
            plan,
            'warning',
            p.unit.path,
            'duplicate-progress',
            `tiến độ của ${twice.name} trong nhiệm vụ ${task.id} được ghi hai lần`,
            `progress of ${twice.name} on task ${task.id} is recorded twice`,
          ),
        );
      for (const u of units) seen.add(u);
    }
  }
  return out;
};

/** Status done goes with a completion date, and a completion date with status done. */
export const checkDoneDates: Check = (plan, _ctx, tasks) => {
  const out: Diagnostic[] = [];
  // The owner's words are made only for a warning (a province has 30,000 tasks).
  const rule = (task: Task, progress: UnitProgress | undefined, status: Task['status'], done: unknown, path: YamlPath) => {
    // Nothing to say (status done with a date, or neither): asked before any closure or words are made.
    if ((status === 'done') === !!done) return;
    const owner = (): [string, string] => (progress ? [`${progress.unit.text} (nhiệm vụ ${task.id})`, `${progress.unit.text} (task ${task.id})`] : ownerWords(task));
    if (status === 'done' && !done) {
      const [vi, en] = owner();
      out.push(
        diag(
          plan,
          'warning',
          [...path, 'status'],
          'done-without-date',
          `${vi} hoàn thành nhưng chưa ghi ngày hoàn thành`,
          `${en} is done but has no completion date`,
          localized('thêm "done: DD/MM/YYYY"', 'add "done: DD/MM/YYYY"'),
        ),
      );
    }
    if (status !== 'done' && done) {
      const [vi, en] = owner();
      out.push(
        diag(
          plan,
          'warning',
          [...path, 'done'],
          'done-date-without-status',
          `${vi} có ngày hoàn thành nhưng tình trạng không phải "done"`,
          `${en} has a completion date but its status is not "done"`,
          localized('ghi "status: done", hoặc xoá ngày hoàn thành', 'set "status: done", or remove the completion date'),
        ),
      );
    }
  };
  for (const t of tasks) {
    rule(t, undefined, t.status, t.done, t.path);
    for (const p of t.progress) rule(t, p, p.status, p.done, p.path);
  }
  return out;
};

/** Every deliverable has its evidence while the task is not recorded as done. */
export const checkDeliveredStatus: Check = (plan, _ctx, tasks) =>
  tasks
    .filter((t) => allDelivered(t) && (t.status === 'todo' || t.status === 'doing'))
    .map((t) =>
      diag(
        plan,
        'warning',
        [...t.path, 'outputs'],
        'deliverables-delivered',
        `mọi sản phẩm của nhiệm vụ ${t.id} đã có văn bản chứng minh nhưng tình trạng chưa là hoàn thành`,
        `every deliverable of task ${t.id} has its evidence but the task is not marked done`,
        localized('ghi "status: done" và "done: DD/MM/YYYY"', 'set "status: done" and "done: DD/MM/YYYY"'),
      ),
    );

/** The rules above, run by `plan check` after the structural ones. */
export const PROGRESS_CHECKS: Check[] = [checkSubmissionUnits, checkSubmissionYears, checkProgressUnits, checkDoneDates, checkDeliveredStatus];

/**
 * One object for every such warning: a province has eleven thousand of them, and
 * a worker thread's results (src/io/parallel.ts) then carry its text once per file, not once per warning.
 */
const DAY_OFF_HELP = localized(
  'theo Bộ luật Dân sự 2015, Điều 148, hạn chuyển sang ngày làm việc kế tiếp; ghi rõ ngày nếu muốn hạn khác',
  'under the Civil Code 2015, Article 148, the limit moves to the next working day; write another date if that is not meant',
);

/**
 * A day-off warning's message: the owner's words, then what it says of the moved limit. The timed occurrences are
 * shared by every due of the same phrase, years and calendar, so each message is made once for its occurrence and
 * owner (a province's 11,906 such warnings have ~3,300 distinct messages), as one object (sharedMessage keeps it so).
 */
function dayOffMessage(owner: Task | Duty, o: TimedOccurrence): Localized {
  let known = dayOffMessages.get(o);
  if (known === undefined) {
    known = new Map();
    rememberBounded(dayOffMessages, o, known, 10_000);
  }
  // A task by its number, a duty by its title: apart, as "1" may be either.
  const key = 'tasks' in owner ? owner.id : `\u0000${owner.title}`;
  let message = known.get(key);
  if (message === undefined) {
    const reason = o.movedReason!;
    const written = formatVi(o.due);
    const effective = formatVi(o.effective);
    const [vi, en] = ownerWords(owner);
    message = localized(
      `${vi}: hạn ghi ${written} rơi vào ngày nghỉ (${reason.vi}); hạn thực tế là ${effective}`,
      `${en}: the written limit ${written} falls on a day off (${reason.en}); it really ends on ${effective}`,
    );
    known.set(detached(key), message);
  }
  return message;
}

const dayOffMessages = new Map<TimedOccurrence, Map<string, Localized>>();

/** How a day-off warning names a task (by its number) or a duty (by its title). */
function ownerWords(owner: Task | Duty): [string, string] {
  return 'tasks' in owner ? [`nhiệm vụ ${owner.id}`, `task ${owner.id}`] : [`"${owner.title}"`, `"${owner.title}"`];
}

/**
 * A deadline whose written day is a day off: the limit moves to the next
 * working day (Bộ luật Dân sự 2015, Điều 148). Say so, never move it silently.
 */
export function checkDeadlinesOnDaysOff(calendar: WorkCalendar): Check {
  return (plan, ctx, tasks) => {
    const out: Diagnostic[] = [];
    const opts = { calendar, strictBefore: !!ctx.strictBefore };
    // The owner's words are made only for a warning (a province has 30,000 tasks and 11,000 such warnings).
    const visit = (owner: Task | Duty, due: Due, eventDate: Task['eventDate']) => {
      if (!due.parsed.ok) return;
      // The schedule's own occurrences (resolveTimed), each with the day it really ends, remembered per due.
      for (const o of dueTimedLimits(due, plan, opts, eventDate)) {
        if (o.kind === 'peak' || !o.moved) continue;
        out.push({ file: plan.file, severity: 'warning', code: 'deadline-on-day-off', path: due.path, message: dayOffMessage(owner, o), help: DAY_OFF_HELP });
      }
    };
    for (const t of tasks) if (t.due) visit(t, t.due, t.eventDate);
    for (const d of plan.duties) visit(d, d.due, undefined);
    return out;
  };
}

// The last pass of recognition: whatever the layouts found, the tasks are made
// into what `plan check` accepts without inventing anything. A time the
// deadline grammar cannot read is kept as written (dueText); a leaf that names
// no lead unit is not an assignment and goes back into its parent's text;
// repeated or broken numbers are renumbered with a note. Every change is a
// note with its source line. Pure.
import { parseDeadline } from '../core/deadline.js';
import type { Localized } from '../core/diagnostic.js';
import { localized } from '../core/diagnostic.js';
import { NO_TIME_IN_SOURCE } from '../core/model.js';
import type { PlanInput, TaskInput } from '../core/schema.js';
import { isLegalLetter, isRomanGroupId } from '../core/text.js';
import { capitalize } from './words.js';

type Group = PlanInput['groups'][number];
export type Note = (line: number, text: string, reason: Localized) => void;

/**
 * A time phrase as the grammar wants it: trailing full stops, commas and
 * semicolons, wrapping or unbalanced parentheses and "(dự kiến)" style asides
 * removed; the phrase itself untouched. Returns the first reading the grammar
 * accepts, or the tidied phrase when none does.
 */
export function readableDue(phrase: string): { due?: string; asWritten: string } {
  const tidy = (s: string) =>
    s
      .replace(/\s+/g, ' ')
      .replace(/[\s.;,:]+$/u, '')
      .replace(/^[\s:;,-]+/u, '')
      .trim();
  const base = tidy(phrase);
  const candidates = [
    base,
    tidy(base.replace(/^\((.*)\)$/u, '$1')),
    tidy(base.replace(/\)+$/u, '')),
    tidy(base.replace(/^\(+/u, '')),
    tidy(base.replace(/\s*\([^()]*\)\s*$/u, '')),
    tidy(base.replace(/\s*\([^()]*\)/gu, ' ')),
  ];
  for (const c of candidates) if (c && parseDeadline(c).ok) return { due: c, asWritten: base };
  return { asWritten: base };
}

export interface FinalizeContext {
  note: Note;
  /** Source line of a task (for notes). */
  lineOf: (task: TaskInput) => number;
  /** A task was copied with changes: what is known about the original holds for the copy. */
  carry: (from: TaskInput, to: TaskInput) => void;
  /** The lead, or the deadline, of a task came from an enclosing item. */
  inherited: (task: TaskInput, field: 'lead' | 'due') => void;
  /** Whether a task's time also closes the items below it (a time line does; a phrase inside its sentence does not). */
  passesTime: (task: TaskInput) => boolean;
  /** Groups to put after the others once numbered (an appendix after the signature). */
  last?: (group: Group) => boolean;
  /** The time a plan gives its one event ("Thời gian: 1,5 ngày (bắt đầu từ … ngày 06/7/2026)"): work with no time of its own takes it. */
  planTime?: string;
}

export function finalizeGroups(groups: Group[], ctx: FinalizeContext): Group[] {
  // A time kept as written is noted once the tasks have their final numbers ("III.3", not the "3" it had before).
  const unread = new WeakSet<TaskInput>();
  const tracking: FinalizeContext = {
    ...ctx,
    carry: (from, to) => {
      ctx.carry(from, to);
      if (unread.has(from)) unread.add(to);
    },
  };
  const settled = groups.map((g) => {
    const group = { ...g };
    group.tasks = g.tasks.flatMap((t) => settle(t, [], tracking, unread, (text) => (group.body = group.body ? `${group.body}\n${text}` : text)));
    return { late: ctx.last?.(g) ?? false, group };
  });
  // Numbered in the order found, then placed (a stable sort: the others keep their order).
  renumber(
    settled.map((x) => x.group),
    tracking,
  );
  const out = settled.sort((a, b) => Number(a.late) - Number(b.late)).map((x) => x.group);
  const noteUnread = (t: TaskInput) => {
    if (unread.has(t))
      ctx.note(ctx.lineOf(t), t.dueText!, localized(`nhiệm vụ ${t.id}: thời gian chưa đọc được; giữ nguyên văn ở dueText`, `task ${t.id}: the time is not readable; kept as written under dueText`));
    t.tasks?.forEach(noteUnread);
  };
  for (const g of out) g.tasks.forEach(noteUnread);
  return out;
}

/**
 * A task with its deadline made readable and its leaves made assignments.
 * Returns [] when the task assigns nothing (its text went to `keepText`).
 */
function settle(task: TaskInput, ancestors: TaskInput[], ctx: FinalizeContext, unread: WeakSet<TaskInput>, keepText: (text: string) => void): TaskInput[] {
  const t: TaskInput = { ...task };
  ctx.carry(task, t);
  const line = ctx.lineOf(task);
  if (t.due !== undefined) {
    const read = readableDue(t.due);
    if (read.due) t.due = read.due;
    else {
      delete t.due;
      if (read.asWritten) {
        t.dueText = read.asWritten;
        unread.add(t);
      }
    }
  }
  if (t.tasks?.length) {
    const kids: TaskInput[] = [];
    for (const c of t.tasks) kids.push(...settle(c, [...ancestors, t], ctx, unread, (text) => (t.closing = t.closing ? `${t.closing}\n${text}` : text)));
    if (kids.length) t.tasks = kids;
    else delete t.tasks;
  }
  // A title made from what follows "Sở Tư pháp:" ("thường xuyên rà soát …") starts a sentence, as the document would write it.
  // (t is this pass's copy, known to ctx and `unread` by identity: changed in place.)
  const asTask = (): TaskInput[] => {
    // Not a list letter the title kept ("f) Chủ trì …").
    if (/^\p{Ll}(?![.)])/u.test(t.title)) t.title = capitalize(t.title);
    return [t];
  };
  if (t.tasks?.length) return asTask();
  // A leaf: it must name who leads it, else it is text of its parent.
  if (!t.lead?.length) {
    const owner = [...ancestors].reverse().find((a) => a.lead?.length);
    if (owner) {
      t.lead = [...owner.lead!];
      ctx.inherited(t, 'lead');
    } else {
      const text = [t.title, t.body, ...(t.points ?? []).map((p) => `- ${p}`)].filter(Boolean).join('\n');
      keepText(`${t.id}. ${text}`);
      if (t.due || t.dueText)
        ctx.note(
          line,
          `${t.id}. ${t.title}`,
          localized('mục có thời gian nhưng không nêu đơn vị chủ trì; giữ trong nội dung, không thành nhiệm vụ', 'item with a time but no lead unit; kept as text, not a task'),
        );
      return [];
    }
  }
  if (t.due === undefined && t.dueText === undefined) {
    // A time line of a parent item closes all its sub-items.
    const owner = [...ancestors].reverse().find((a) => (a.due !== undefined || a.dueText !== undefined) && ctx.passesTime(a));
    const planDue = owner || ctx.planTime === undefined ? undefined : readableDue(ctx.planTime);
    if (owner?.due) t.due = owner.due;
    else if (planDue) Object.assign(t, planDue.due ? { due: planDue.due } : { dueText: planDue.asWritten });
    else t.dueText = owner?.dueText ?? NO_TIME_IN_SOURCE;
    if (owner || planDue) ctx.inherited(t, 'due');
  }
  return asTask();
}

const SEGMENT = /^(\d+|[a-zđ])$/iu;

/**
 * Ids unique in the plan and continuing their parent's number, as check wants:
 * a group whose ids repeat an earlier group's is numbered after the groups
 * before it (its tasks prefixed with that number); a sub-item that does not
 * continue its parent's number gets the parent's number in front.
 */
function renumber(groups: Group[], ctx: FinalizeContext): void {
  const seen = new Set<string>();
  const groupIds = new Set<string>();
  groups.forEach((g, gi) => {
    // A Roman group whose tasks are numbered "4.1", "4.2" (a table's own numbering) is group 4.
    const shared = /^(\d+)\./.exec(g.tasks[0]?.id ?? '')?.[1];
    if (isRomanGroupId(g.id) && shared && !groupIds.has(shared) && g.tasks.every((t) => t.id.startsWith(`${shared}.`))) g.id = shared;
    g.tasks = g.tasks.map((t, i) => continueParent(t, i, isRomanGroupId(g.id) ? '' : g.id, ctx));
    const ids = collectIds(g.tasks);
    const clash = ids.some((id) => seen.has(id)) || groupIds.has(g.id) || ids.length !== new Set(ids).size;
    if (clash) {
      // A Roman section ("III. Tổ chức thực hiện") keeps its number and puts it before its tasks' ("III.2").
      const keepsRoman = isRomanGroupId(g.id) && !groupIds.has(g.id) && !ids.some((id) => seen.has(`${g.id}.${id}`));
      let n = gi + 1;
      while (groupIds.has(String(n)) || ids.some((id) => seen.has(`${n}.${id}`))) n++;
      const gid = keepsRoman ? g.id : String(n);
      const prefix = isRomanGroupId(g.id) || !/^\d+$/.test(g.id) ? '' : `${g.id}.`;
      if (!keepsRoman)
        ctx.note(
          g.tasks[0] ? ctx.lineOf(g.tasks[0]) : 1,
          g.title,
          localized(
            `số thứ tự của nhóm "${g.id}" trùng với phần khác; nhóm được đánh số ${gid}, các nhiệm vụ ${gid}.…`,
            `the numbers of group "${g.id}" repeat others; the group is numbered ${gid}, its tasks ${gid}.…`,
          ),
        );
      const reid = (t: TaskInput, i: number, parent: string): TaskInput => {
        const own = prefix && t.id.startsWith(prefix) ? t.id.slice(prefix.length) : t.id;
        const last = own.split('.').pop()!;
        const id = `${parent}.${SEGMENT.test(last) ? last : String(i + 1)}`;
        const copy = { ...t, id, ...(t.tasks ? { tasks: t.tasks.map((c, ci) => reid(c, ci, id)) } : {}) };
        ctx.carry(t, copy);
        return copy;
      };
      g.id = gid;
      g.tasks = g.tasks.map((t, i) => reid(t, i, gid));
      // Letters and numbers repeated inside the group itself: count them again.
      if (new Set(collectIds(g.tasks)).size !== collectIds(g.tasks).length) g.tasks = g.tasks.map((t, i) => sequential(t, i, gid, ctx));
    }
    groupIds.add(g.id);
    for (const id of collectIds(g.tasks)) seen.add(id);
  });
}

function sequential(t: TaskInput, i: number, parent: string, ctx: FinalizeContext): TaskInput {
  const id = `${parent}.${i + 1}`;
  const copy = { ...t, id, ...(t.tasks ? { tasks: t.tasks.map((c, ci) => sequential(c, ci, id, ctx)) } : {}) };
  ctx.carry(t, copy);
  return copy;
}

function continueParent(t: TaskInput, i: number, parent: string, ctx: FinalizeContext): TaskInput {
  const prefix = parent ? `${parent}.` : '';
  const rest = t.id.slice(prefix.length);
  const ok = t.id.startsWith(prefix) && rest !== '' && !rest.includes('.') && SEGMENT.test(rest) && (!/^\p{L}$/u.test(rest) || isLegalLetter(rest.toLowerCase()));
  let id = t.id;
  if (!ok) {
    const last = t.id.split('.').pop() ?? '';
    const seg = SEGMENT.test(last) && (!/^\p{L}$/u.test(last) || isLegalLetter(last.toLowerCase())) ? last : String(i + 1);
    id = `${prefix}${seg}`;
    ctx.note(ctx.lineOf(t), t.title, localized(`số thứ tự "${t.id}" không nối tiếp mục cha; đã ghi "${id}"`, `number "${t.id}" does not continue its parent's; wrote "${id}"`));
  }
  const copy = { ...t, id, ...(t.tasks ? { tasks: t.tasks.map((c, ci) => continueParent(c, ci, id, ctx)) } : {}) };
  ctx.carry(t, copy);
  return copy;
}

function collectIds(tasks: TaskInput[]): string[] {
  return tasks.flatMap((t) => [t.id, ...collectIds(t.tasks ?? [])]);
}

// Scoring an import against expected assignments written by reading the
// document (test/fixtures/import/expected/*.yaml): a task is right when its
// lead units and its time as written match. Names and times are compared
// folded (case, diacritics, punctuation, spaces), so "UBND" and "Ủy ban nhân
// dân" still differ: the score is about what the plan says, not spelling.
import type { PlanInput, TaskInput } from '../../src/core/schema.js';
import { NO_TIME_IN_SOURCE } from '../../src/core/model.js';
import { fold } from '../../src/import/words.js';

export interface ExpectedTask {
  id: string;
  title: string;
  lead: string[];
  support?: string[];
  due: string | null;
}

export interface TaskScore {
  id: string;
  found?: string;
  lead: boolean;
  support: boolean;
  due: boolean;
  got?: { lead: string[]; due: string | null };
}

const key = (s: string) =>
  fold(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const sameSet = (a: string[], b: string[]) => {
  const x = new Set(a.map(key));
  const y = new Set(b.map(key));
  return x.size === y.size && [...x].every((k) => y.has(k));
};

function leaves(groups: PlanInput['groups']): TaskInput[] {
  const out: TaskInput[] = [];
  const walk = (ts: TaskInput[]) => {
    for (const t of ts) {
      if (t.tasks?.length) walk(t.tasks);
      else out.push(t);
    }
  };
  for (const g of groups) walk(g.tasks);
  return out;
}

export function scoreImport(plan: PlanInput, expected: ExpectedTask[]): { right: number; total: number; tasks: TaskScore[] } {
  const all = leaves(plan.groups);
  const used = new Set<TaskInput>();
  const tasks = expected.map((e): TaskScore => {
    // By the number first, else by the title's words (numbering may be counted differently).
    const t =
      all.find((x) => !used.has(x) && x.id === e.id && key([x.title, x.body ?? ''].join(' ')).includes(key(e.title))) ??
      all.find((x) => !used.has(x) && key([x.title, x.body ?? ''].join(' ')).includes(key(e.title))) ??
      all.find((x) => !used.has(x) && x.id === e.id);
    if (!t) return { id: e.id, lead: false, support: false, due: false };
    used.add(t);
    const due = t.due ?? (t.dueText && t.dueText !== NO_TIME_IN_SOURCE ? t.dueText : null);
    return {
      id: e.id,
      found: t.id,
      lead: sameSet(t.lead ?? [], e.lead),
      support: sameSet(t.support ?? [], e.support ?? []),
      due: e.due === null ? due === null : due !== null && key(due) === key(e.due),
      got: { lead: t.lead ?? [], due },
    };
  });
  return { right: tasks.filter((t) => t.lead && t.due).length, total: expected.length, tasks };
}

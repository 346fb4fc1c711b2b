// A plan's schedule in the compact form the overdue view reads: the texts once
// per plan, then a fixed number of plain numbers per item. Kept in the content
// cache beside each plan file's result, so a warm `plan overdue` reads one
// file of numbers and builds neither models nor the 186,000 schedule items of
// a province. The list it gives is overdue()'s, item for item (a property test
// holds the two to the same answer).
import type { CalendarDate } from './dates.js';
import { fromEpochDay, toEpochDay } from './dates.js';
import type { Plan } from './model.js';
import type { Schedule, ScheduledItem } from './schedule.js';
import { compareTaskIds, viCollator } from './text.js';
import type { StoreCodec } from './cache.js';
import type { Unit } from './units.js';

export interface PlanRows {
  file: string;
  number: string;
  /** Ids, titles, unit names, keys and the reasons a limit moved, referred to by index. */
  texts: string[];
  /**
   * The items in the schedule's order, in runs: the HEAD numbers an occurrence's
   * items share, how many items follow, then two numbers per item (its unit,
   * the day it was closed). The units of one occurrence make one run.
   */
  items: number[];
}

// The numbers an occurrence's items share.
const KIND = 0; // 0 task, 1 duty
const ID = 1;
const TITLE = 2;
const DUTY_INDEX = 3; // a duty's place among the plan's duties (tasks: 0)
const OCCURRENCE = 4;
const START = 5; // NO_DAY when there is no start
const WRITTEN = 6;
const EFFECTIVE = 7;
const MOVED = 8; // 0 or 1
const REASON_VI = 9; // NONE when not given
const REASON_EN = 10;
const YEAR = 11;
const KEY = 12;
const HEAD = 13;
// Then the count, and per item:
const UNIT = 0; // NONE: no concrete unit
const CLOSED = 1; // when it was done: see closedCode

const NONE = -1;
// The sentinels lie outside any real epoch day.
const NO_DAY = -(2 ** 31);
// Closed: 0 never, 1 without a date, else on a day (epoch day + 2 from 1970 on; earlier days as they are, negative).
const OPEN = 0;
const CLOSED_UNDATED = 1;
const closedCode = (i: ScheduledItem) =>
  !i.completed ? OPEN : !i.completed.date ? CLOSED_UNDATED : toEpochDay(i.completed.date) >= 0 ? toEpochDay(i.completed.date) + 2 : toEpochDay(i.completed.date);
/** Not yet closed on this epoch day (openOn): never closed, or closed on a later day. */
const openOnDay = (code: number, day: number) => code === OPEN || (code !== CLOSED_UNDATED && (code >= 2 ? code - 2 : code) > day);
const OCCURRENCES: ScheduledItem['occurrence'][] = ['due', 'window', 'peak'];

/** One plan's schedule items (buildSchedule of that plan alone) as rows. */
export function planRows(plan: Plan, schedule: Schedule): PlanRows {
  const texts: string[] = [];
  const numbers = new Map<string, number>();
  const text = (s: string) => {
    let n = numbers.get(s);
    if (n === undefined) {
      numbers.set(s, (n = texts.length));
      texts.push(s);
    }
    return n;
  };
  const items: number[] = [];
  // Where the current run's count is.
  let run = -1;
  for (const i of schedule.items) {
    const head = [
      i.kind === 'task' ? 0 : 1,
      text(i.id),
      text(i.title),
      i.kind === 'duty' ? plan.duties.indexOf(i.duty!) : 0,
      OCCURRENCES.indexOf(i.occurrence),
      i.start ? toEpochDay(i.start) : NO_DAY,
      toEpochDay(i.written),
      toEpochDay(i.effective),
      i.moved ? 1 : 0,
      i.movedReason ? text(i.movedReason.vi) : NONE,
      i.movedReason ? text(i.movedReason.en) : NONE,
      i.year,
      text(i.key),
    ];
    if (run === -1 || head.some((n, k) => items[run - HEAD + k] !== n)) {
      items.push(...head, 0);
      run = items.length - 1;
    }
    items[run]!++;
    items.push(i.unit ? text(i.unit.name) : NONE, closedCode(i));
  }
  return { file: plan.file, number: plan.number, texts, items };
}

/** Kept rows, as far as can be told without trusting them: every run whole, every text there. */
export function isPlanRows(value: unknown): value is PlanRows {
  if (value === null || typeof value !== 'object') return false;
  const { file, number, texts, items } = value as PlanRows;
  if (typeof file !== 'string' || typeof number !== 'string' || !Array.isArray(texts) || !Array.isArray(items)) return false;
  if (!texts.every((t) => typeof t === 'string') || !items.every((n) => Number.isInteger(n))) return false;
  const isText = (n: number) => n >= 0 && n < texts.length;
  let r = 0;
  while (r < items.length) {
    const n = items[r + HEAD]!;
    if (!(n >= 1) || r + HEAD + 1 + 2 * n > items.length) return false;
    if (![ID, TITLE, KEY].every((f) => isText(items[r + f]!)) || OCCURRENCES[items[r + OCCURRENCE]!] === undefined) return false;
    if ([REASON_VI, REASON_EN].some((f) => items[r + f]! !== NONE && !isText(items[r + f]!))) return false;
    for (let k = r + HEAD + 1; k < r + HEAD + 1 + 2 * n; k += 2) if (items[k + UNIT]! !== NONE && !isText(items[k + UNIT]!)) return false;
    r += HEAD + 1 + 2 * n;
  }
  return true;
}

/** The rows store's values: the plans' rows, their texts kept once for the whole store (unit names, ids, keys repeat across plans). */
export const PLAN_ROWS: StoreCodec<PlanRows> = {
  accept(value, texts): value is PlanRows {
    if (value === null || typeof value !== 'object' || !Array.isArray((value as PlanRows).texts)) return false;
    const rows = value as PlanRows;
    if (rows.texts.some((t) => typeof t === 'number')) {
      if (!rows.texts.every((t) => typeof t === 'number' && typeof texts[t] === 'string')) return false;
      rows.texts = rows.texts.map((t) => texts[t as unknown as number] as string);
    }
    return isPlanRows(rows);
  },
  intern(rows, intern) {
    return { ...rows, texts: rows.texts.map(intern) };
  },
};

/** What the overdue view reads of a scheduled item (a ScheduledItem is one). */
export type ItemView = Pick<ScheduledItem, 'kind' | 'id' | 'title' | 'occurrence' | 'start' | 'written' | 'effective' | 'moved' | 'movedReason' | 'year' | 'key'> & {
  plan: Pick<Plan, 'file' | 'number'>;
  unit?: Pick<Unit, 'name'>;
};

export interface OverdueRow {
  item: ItemView;
  daysLate: number;
}

/**
 * The overdue list, read by index: an array (overdue()'s), or overdueFromRows's
 * list that makes each row when asked for, so a province's 150,000 rows never
 * all live at once.
 */
export interface OverdueList {
  readonly length: number;
  at(index: number): OverdueRow | undefined;
}

/**
 * overdue() from rows: every limit open on asOf whose effective day is before
 * it, most late first, then plan file, tasks before duties, task id, written
 * day, unit (Vietnamese order) — compared as numbers: the names are ranked once.
 * `units`: only the items of these unit names (--unit).
 */
export function overdueFromRows(plans: readonly PlanRows[], asOf: CalendarDate, units?: ReadonlySet<string>): OverdueList {
  const day = toEpochDay(asOf);
  // The late items in the schedule's order (the sort is stable, as overdue()'s): their plan, run and item.
  const planOf: number[] = [];
  const runAt: number[] = [];
  const itemAt: number[] = [];
  plans.forEach((p, pi) => {
    const n = p.items;
    for (let r = 0; r < n.length; r += HEAD + 1 + 2 * n[r + HEAD]!) {
      // A peak is never late.
      if (n[r + OCCURRENCE]! === 2 || n[r + EFFECTIVE]! >= day) continue;
      for (let k = r + HEAD + 1, end = k + 2 * n[r + HEAD]!; k < end; k += 2) {
        if (!openOnDay(n[k + CLOSED]!, day)) continue;
        if (units && (n[k + UNIT]! === NONE || !units.has(p.texts[n[k + UNIT]!]!))) continue;
        planOf.push(pi);
        runAt.push(r);
        itemAt.push(k);
      }
    }
  });
  const count = runAt.length;
  const text = (i: number, at: number) => {
    const p = plans[planOf[i]!]!;
    const n = p.items[at];
    return n === NONE ? '' : p.texts[n!]!;
  };
  const head = (i: number, field: number) => plans[planOf[i]!]!.items[runAt[i]! + field]!;
  const unitNames: string[] = [];
  const taskIds: string[] = [];
  for (let i = 0; i < count; i++) {
    unitNames.push(text(i, itemAt[i]! + UNIT));
    if (head(i, KIND) === 0) taskIds.push(text(i, runAt[i]! + ID));
  }
  const nameRank = ranks([...plans.map((p) => p.file), ...unitNames], viCollator.compare);
  const idRank = ranks(taskIds, compareTaskIds);
  // The sort keys, most significant first, all numbers: most late first, plan file, tasks before duties,
  // task id or duty, written day, unit.
  const late = new Float64Array(count);
  const keys = Array.from({ length: 6 }, () => new Float64Array(count));
  const [byLate, byPlan, byKind, byOrder, byWritten, byUnit] = keys as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const planRanks = plans.map((p) => nameRank.get(p.file)!);
  for (let i = 0; i < count; i++) {
    late[i] = day - head(i, EFFECTIVE);
    byLate[i] = -late[i]!;
    byPlan[i] = planRanks[planOf[i]!]!;
    byKind[i] = head(i, KIND);
    byOrder[i] = byKind[i] === 0 ? idRank.get(text(i, runAt[i]! + ID))! : head(i, DUTY_INDEX);
    byWritten[i] = head(i, WRITTEN);
    byUnit[i] = nameRank.get(unitNames[i]!)!;
  }
  const sorted = stableOrder(count, keys);
  const planViews = plans.map((p) => ({ file: p.file, number: p.number }));
  const dates = new Map<number, CalendarDate>();
  const date = (epoch: number) => {
    let d = dates.get(epoch);
    if (!d) dates.set(epoch, (d = fromEpochDay(epoch)));
    return d;
  };
  // The items of one run share everything but the unit.
  const runViews = new Map<number, Omit<ItemView, 'unit'>>();
  const runView = (i: number): Omit<ItemView, 'unit'> => {
    const pi = planOf[i]!;
    const r = runAt[i]!;
    // Runs of different plans never share a number: plans are far fewer than 2^20 and runs shorter than 2^32 numbers.
    const id = pi * 2 ** 32 + r;
    let view = runViews.get(id);
    if (view) return view;
    const p = plans[pi]!;
    const n = p.items;
    const t = p.texts;
    view = {
      plan: planViews[pi]!,
      kind: n[r + KIND]! === 0 ? 'task' : 'duty',
      id: t[n[r + ID]!]!,
      title: t[n[r + TITLE]!]!,
      occurrence: OCCURRENCES[n[r + OCCURRENCE]!]!,
      start: n[r + START]! !== NO_DAY ? date(n[r + START]!) : undefined,
      written: date(n[r + WRITTEN]!),
      effective: date(n[r + EFFECTIVE]!),
      moved: n[r + MOVED]! === 1,
      movedReason: n[r + REASON_VI]! !== NONE ? { vi: t[n[r + REASON_VI]!]!, en: t[n[r + REASON_EN]!]! } : undefined,
      year: n[r + YEAR]!,
      key: t[n[r + KEY]!]!,
    };
    runViews.set(id, view);
    return view;
  };
  const unitViews = new Map<string, { name: string }>();
  const unitView = (name: string) => {
    let view = unitViews.get(name);
    if (!view) unitViews.set(name, (view = { name }));
    return view;
  };
  return {
    length: count,
    at(k) {
      if (!(k >= 0 && k < count)) return undefined;
      const i = sorted[k]!;
      const v = runView(i);
      const unit = plans[planOf[i]!]!.items[itemAt[i]! + UNIT]! === NONE ? undefined : unitView(unitNames[i]!);
      // One shape for every row (made when asked for, gone once written).
      const item: ItemView = {
        plan: v.plan,
        kind: v.kind,
        id: v.id,
        title: v.title,
        unit,
        occurrence: v.occurrence,
        start: v.start,
        written: v.written,
        effective: v.effective,
        moved: v.moved,
        movedReason: v.movedReason,
        year: v.year,
        key: v.key,
      };
      return { item, daysLate: late[i]! };
    },
  };
}

/**
 * The order of items 0..count-1 by these integer keys (most significant first,
 * ascending), ties kept in item order: Array.prototype.sort's stable order,
 * by one counting sort per key from the least significant (linear in the
 * items when the keys' ranges are small, as ranks and days are).
 */
export function stableOrder(count: number, keys: readonly Float64Array[]): number[] {
  let order = Int32Array.from({ length: count }, (_, i) => i);
  let next = new Int32Array(count);
  for (let k = keys.length - 1; k >= 0; k--) {
    const key = keys[k]!;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < count; i++) {
      min = Math.min(min, key[i]!);
      max = Math.max(max, key[i]!);
    }
    if (count === 0 || max - min > 4 * count + 65536) {
      // A key too widely spread for counting (days centuries apart): a comparison sort, as stable.
      return Array.from({ length: count }, (_, i) => i).sort((a, b) => {
        for (const key of keys) if (key[a] !== key[b]) return key[a]! - key[b]!;
        return 0;
      });
    }
    const starts = new Int32Array(max - min + 2);
    for (let i = 0; i < count; i++) starts[key[i]! - min + 1]!++;
    for (let v = 1; v < starts.length; v++) starts[v]! += starts[v - 1]!;
    for (let i = 0; i < count; i++) {
      const item = order[i]!;
      next[starts[key[item]! - min]!++] = item;
    }
    [order, next] = [next, order];
  }
  return Array.from(order);
}

/** Each distinct text's place in the order `compare` puts them in; texts it holds equal share a place. */
function ranks(texts: readonly string[], compare: (a: string, b: string) => number): Map<string, number> {
  const sorted = [...new Set(texts)].sort(compare);
  const rank = new Map<string, number>();
  sorted.forEach((s, k) => {
    rank.set(s, k > 0 && compare(sorted[k - 1]!, s) === 0 ? rank.get(sorted[k - 1]!)! : k);
  });
  return rank;
}

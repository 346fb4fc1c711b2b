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
import type { Unit } from './units.js';

export interface PlanRows {
  file: string;
  number: string;
  /**
   * Ids, titles, unit names, keys and the reasons a limit moved, referred to by
   * index (the plans read from one rows store share the store's whole table).
   */
  texts: readonly string[];
  /**
   * The items in the schedule's order, in runs: the HEAD numbers an occurrence's
   * items share, how many items follow, then two numbers per item (its unit,
   * the day it was closed). The units of one occurrence make one run. All of
   * them 32-bit integers (a rows store keeps them as such).
   */
  items: readonly number[] | Int32Array;
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

/** Whole rows as kept, as far as can be told without trusting them: every run whole, every text there (one pass, no calls per number). The rows store checks its runs with arePlanItems instead; this is the whole-value check for tests and other callers. */
export function isPlanRows(value: unknown): value is PlanRows {
  if (value === null || typeof value !== 'object') return false;
  const { file, number, texts, items } = value as PlanRows;
  if (typeof file !== 'string' || typeof number !== 'string' || !Array.isArray(texts) || !(Array.isArray(items) || items instanceof Int32Array)) return false;
  for (let t = 0; t < texts.length; t++) if (typeof texts[t] !== 'string') return false;
  return arePlanItems(items, texts.length);
}

/** isPlanRows' check of the runs, for rows whose texts were checked already (a store's table shared by every plan). */
export function arePlanItems(items: ArrayLike<number>, textCount: number): boolean {
  // A text's index, or NONE where allowed.
  const isText = (n: unknown, orNone: boolean) => typeof n === 'number' && ((n >= 0 && n < textCount && n % 1 === 0) || (orNone && n === NONE));
  let r = 0;
  while (r < items.length) {
    for (let f = r; f < r + HEAD && f < items.length; f++) if (!isInt32(items[f])) return false;
    const n = items[r + HEAD];
    if (typeof n !== 'number' || !(n >= 1) || n % 1 !== 0 || r + HEAD + 1 + 2 * n > items.length) return false;
    if (!isText(items[r + ID], false) || !isText(items[r + TITLE], false) || !isText(items[r + KEY], false) || OCCURRENCES[items[r + OCCURRENCE]!] === undefined) return false;
    if (!isText(items[r + REASON_VI], true) || !isText(items[r + REASON_EN], true)) return false;
    for (let k = r + HEAD + 1, end = k + 2 * n; k < end; k += 2) if (!isText(items[k + UNIT], true) || !isInt32(items[k + CLOSED])) return false;
    r += HEAD + 1 + 2 * n;
  }
  return true;
}

const isInt32 = (n: unknown) => typeof n === 'number' && (n | 0) === n;

/**
 * A plan's items with every text index (ids, titles, reasons, keys, units) given
 * by `to`, as 32-bit integers; NONE stays NONE. For a store that keeps the texts
 * of all its plans in one table. The items must be whole runs (isPlanRows).
 */
export function mapRowTexts(items: ArrayLike<number>, to: (text: number) => number): Int32Array {
  const mapped = Int32Array.from(items);
  const text = (at: number) => {
    if (mapped[at] !== NONE) mapped[at] = to(mapped[at]!);
  };
  for (let r = 0; r < mapped.length; r += HEAD + 1 + 2 * mapped[r + HEAD]!) {
    for (const field of [ID, TITLE, REASON_VI, REASON_EN, KEY]) text(r + field);
    for (let k = r + HEAD + 1, end = k + 2 * mapped[r + HEAD]!; k < end; k += 2) text(k + UNIT);
  }
  return mapped;
}

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
  /**
   * The occurrence row `index` belongs to: rows with the same number differ in
   * nothing but their unit, so a renderer can keep what it made of one row for
   * the next. Without it every row is its own.
   */
  occurrence?(index: number): number;
  /** Row `index`'s unit name (none: no concrete unit), without making the row. */
  unitName?(index: number): string | undefined;
}

/**
 * Walk the list for a renderer that keeps what an occurrence's rows share:
 * `occurrence(row)` when row k is the first of its occurrence (the list's
 * shortcut; without it every row is its own), then `unit(name, k)` for every
 * row, without making the row.
 */
export function eachOverdueRow(items: OverdueList, occurrence: (first: OverdueRow) => void, unit: (name: string | undefined, k: number) => void): void {
  let current: number | undefined;
  for (let k = 0; k < items.length; k++) {
    const now = occurrenceOf(items, k);
    if (now !== current) {
      current = now;
      occurrence(items.at(k)!);
    }
    unit(unitNameOf(items, k), k);
  }
}

/** Row k's occurrence (the list's shortcut; without it every row is its own). */
export const occurrenceOf = (items: OverdueList, k: number): number => (items.occurrence ? items.occurrence(k) : -1 - k);

/** Row k's unit name, without making the row when the list can say it. */
export const unitNameOf = (items: OverdueList, k: number): string | undefined => (items.unitName ? items.unitName(k) : items.at(k)!.item.unit?.name);

/**
 * overdue() from rows: every limit open on asOf whose effective day is before
 * it, most late first, then plan file, tasks before duties, task id, written
 * day, unit (Vietnamese order) — compared as numbers: the names are ranked once.
 * `units`: only the items of these unit names (--unit).
 *
 * The items of one occurrence (a run) share every key but the unit, so the
 * runs are sorted (a province has 20,000 late runs for 150,000 rows), then
 * the items of each run, or of runs that tie on every key, by unit.
 */
export function overdueFromRows(plans: readonly PlanRows[], asOf: CalendarDate, units?: ReadonlySet<string>): OverdueList {
  const day = toEpochDay(asOf);
  // Texts compared across plans (unit names, task ids) get one number each, ranked once at the end.
  const unitNames = new TextNumbers();
  const taskIds = new TextNumbers();
  // The late runs in the schedule's order (the sort is stable, as overdue()'s): their plan, where they
  // start among the plan's numbers, their task id's number, and their first late item among the items below;
  // then the late items, run by run: their run, and their unit's number. Typed arrays as large as the plans
  // could need (two numbers an item, HEAD + 3 a run), filled in place: no growing, no push.
  let room = 0;
  for (const p of plans) room += p.items.length;
  const planOfRun = new Int32Array(Math.floor(room / (HEAD + 3)) + 1);
  const startOfRun = new Int32Array(planOfRun.length);
  const idOfRun = new Int32Array(planOfRun.length);
  const firstOfRun = new Int32Array(planOfRun.length + 1);
  const runOfItem = new Int32Array(Math.floor(room / 2));
  const unitOfItem = new Int32Array(runOfItem.length);
  let runs = 0;
  let count = 0;
  for (let pi = 0; pi < plans.length; pi++) {
    const p = plans[pi]!;
    const n = p.items;
    const unitOf = unitNames.forPlan(p.texts);
    const idOf = taskIds.forPlan(p.texts);
    for (let r = 0; r < n.length; r += HEAD + 1 + 2 * n[r + HEAD]!) {
      // A peak is never late.
      if (n[r + OCCURRENCE]! === 2 || n[r + EFFECTIVE]! >= day) continue;
      const first = count;
      for (let k = r + HEAD + 1, end = k + 2 * n[r + HEAD]!; k < end; k += 2) {
        if (!openOnDay(n[k + CLOSED]!, day)) continue;
        const unit = n[k + UNIT]!;
        if (units && (unit === NONE || !units.has(p.texts[unit]!))) continue;
        runOfItem[count] = runs;
        unitOfItem[count++] = unitOf(unit);
      }
      if (count === first) continue;
      planOfRun[runs] = pi;
      startOfRun[runs] = r;
      firstOfRun[runs] = first;
      idOfRun[runs++] = n[r + KIND]! === 0 ? idOf(n[r + ID]!) : 0;
    }
  }
  firstOfRun[runs] = count;
  // The run keys, most significant first: most late first (the earliest effective day), plan file, tasks
  // before duties, task id or duty, written day.
  const planRank = ranks(
    plans.map((p) => p.file),
    viCollator.compare,
  );
  const unitRank = ranks(unitNames.texts, viCollator.compare);
  const idRank = ranks(taskIds.texts, compareTaskIds);
  const keys = Array.from({ length: 5 }, () => new Int32Array(runs));
  const [byEffective, byPlan, byKind, byOrder, byWritten] = keys as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  for (let run = 0; run < runs; run++) {
    const n = plans[planOfRun[run]!]!.items;
    const r = startOfRun[run]!;
    byEffective[run] = n[r + EFFECTIVE]!;
    byPlan[run] = planRank[planOfRun[run]!]!;
    byKind[run] = n[r + KIND]!;
    byOrder[run] = n[r + KIND]! === 0 ? idRank[idOfRun[run]!]! : n[r + DUTY_INDEX]!;
    byWritten[run] = n[r + WRITTEN]!;
  }
  const runOrder = stableOrder(runs, keys);
  // Then the items: runs that tie on every key (rare) are one group, its items in schedule order, sorted by unit.
  const rows = new Int32Array(count);
  const unitRankOf = (item: number) => unitRank[unitOfItem[item]!]!;
  let filled = 0;
  for (let s = 0; s < runs; ) {
    let e = s + 1;
    while (e < runs && sameKeys(keys, runOrder[s]!, runOrder[e]!)) e++;
    const start = filled;
    for (let g = s; g < e; g++) {
      const run = runOrder[g]!;
      for (let i = firstOfRun[run]!; i < firstOfRun[run + 1]!; i++) rows[filled++] = i;
    }
    // Stable by unit (the items' numbers follow the schedule's order): insertion for the usual few units.
    if (filled - start > 64) rows.subarray(start, filled).sort((a, b) => unitRankOf(a) - unitRankOf(b) || a - b);
    else
      for (let g = start + 1; g < filled; g++) {
        const item = rows[g]!;
        const rank = unitRankOf(item);
        let at = g;
        for (; at > start && unitRankOf(rows[at - 1]!) > rank; at--) rows[at] = rows[at - 1]!;
        rows[at] = item;
      }
    s = e;
  }
  const planViews = plans.map((p) => ({ file: p.file, number: p.number }));
  const dates = new Map<number, CalendarDate>();
  const date = (epoch: number) => {
    let d = dates.get(epoch);
    if (!d) dates.set(epoch, (d = fromEpochDay(epoch)));
    return d;
  };
  // The items of one run share everything but the unit.
  const runViews: (Omit<ItemView, 'unit'> | undefined)[] = [];
  const runView = (run: number): Omit<ItemView, 'unit'> => {
    let view = runViews[run];
    if (view) return view;
    const pi = planOfRun[run]!;
    const r = startOfRun[run]!;
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
    runViews[run] = view;
    return view;
  };
  const unitName = (i: number) => (unitOfItem[i] === unitNames.none ? undefined : unitNames.texts[unitOfItem[i]!]!);
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
      const i = rows[k]!;
      const v = runView(runOfItem[i]!);
      const name = unitName(i);
      // One shape for every row (made when asked for, gone once written).
      const item: ItemView = {
        plan: v.plan,
        kind: v.kind,
        id: v.id,
        title: v.title,
        unit: name === undefined ? undefined : unitView(name),
        occurrence: v.occurrence,
        start: v.start,
        written: v.written,
        effective: v.effective,
        moved: v.moved,
        movedReason: v.movedReason,
        year: v.year,
        key: v.key,
      };
      return { item, daysLate: day - byEffective[runOfItem[i]!]! };
    },
    occurrence: (k) => runOfItem[rows[k]!]!,
    unitName: (k) => unitName(rows[k]!),
  };
}

function sameKeys(keys: readonly Int32Array[], a: number, b: number): boolean {
  for (const key of keys) if (key[a] !== key[b]) return false;
  return true;
}

/**
 * Texts of several plans numbered once: a plan's text (by its index in the
 * plan's table) gets the number of the first equal text seen. NONE (no text)
 * has a number of its own, ranked as the empty text. One plan at a time.
 */
class TextNumbers {
  readonly texts: string[] = [];
  /** NONE's number (-1 until one is asked for). */
  none = -1;
  private readonly numbers = new Map<string, number>();
  // The current plan's numbers by text index, valid where `stamp` holds the plan's turn (no array per plan).
  private numberOf = new Int32Array(256);
  private stamp = new Int32Array(256);
  private turn = 0;
  private lastTexts: readonly string[] | undefined;

  /** The numbering of one plan's texts (valid until the next plan's is asked for). */
  forPlan(planTexts: readonly string[]): (index: number) => number {
    // Plans read from one store share its table: the numbers found for the last plan hold for this one.
    if (planTexts !== this.lastTexts) this.turn++;
    this.lastTexts = planTexts;
    const turn = this.turn;
    if (this.numberOf.length < planTexts.length) {
      this.numberOf = new Int32Array(planTexts.length * 2);
      this.stamp = new Int32Array(planTexts.length * 2);
    }
    const { numberOf, stamp } = this;
    return (index) => {
      if (index === NONE) {
        if (this.none === -1) this.none = this.texts.push('') - 1;
        return this.none;
      }
      if (stamp[index] === turn) return numberOf[index]!;
      const text = planTexts[index]!;
      let number = this.numbers.get(text);
      if (number === undefined) {
        number = this.texts.push(text) - 1;
        this.numbers.set(text, number);
      }
      stamp[index] = turn;
      numberOf[index] = number;
      return number;
    };
  }
}

/**
 * The order of items 0..count-1 by these integer keys (most significant first,
 * ascending), ties kept in item order: Array.prototype.sort's stable order,
 * by one counting sort per key from the least significant (linear in the
 * items when the keys' ranges are small, as ranks and days are).
 */
export function stableOrder(count: number, keys: readonly Int32Array[]): Int32Array {
  let order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  let next = new Int32Array(count);
  for (let k = keys.length - 1; k >= 0; k--) {
    const key = keys[k]!;
    let min = 0;
    let max = 0;
    for (let i = 0; i < count; i++) {
      const v = key[i]!;
      if (i === 0 || v < min) min = v;
      if (i === 0 || v > max) max = v;
    }
    if (max - min > 4 * count + 65536) {
      // A key too widely spread for counting (days centuries apart): a comparison sort, as stable.
      return Int32Array.from(order).sort((a, b) => {
        for (const key of keys) if (key[a] !== key[b]) return key[a]! - key[b]!;
        return a - b;
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
  return order;
}

/** Each text's place in the order `compare` puts them in (by its index); texts it holds equal share a place. */
function ranks(texts: readonly string[], compare: (a: string, b: string) => number): Int32Array {
  const order = texts.map((_, i) => i).sort((a, b) => compare(texts[a]!, texts[b]!));
  const rank = new Int32Array(texts.length);
  order.forEach((t, k) => {
    rank[t] = k > 0 && compare(texts[order[k - 1]!]!, texts[t]!) === 0 ? rank[order[k - 1]!]! : k;
  });
  return rank;
}

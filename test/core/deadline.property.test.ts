import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, formatVi } from '../../src/core/dates.js';
import type { Deadline, Point, Window } from '../../src/core/deadline.js';
import { describeDeadline, parseDeadline, resolveDeadline } from '../../src/core/deadline.js';

const RUNS = { seed: 20240205, numRuns: 300 };
const pad = (n: number) => String(n).padStart(2, '0');

const validDate = fc
  .record({ year: fc.integer({ min: 1950, max: 2150 }), month: fc.integer({ min: 1, max: 12 }), dayRaw: fc.nat() })
  .map(({ year, month, dayRaw }) => ({ year, month, day: 1 + (dayRaw % daysInMonth(year, month)) }));

type Marker = 'truoc' | 'cham-nhat' | undefined;

type Ymd = { year: number; month: number; day: number };

/** Ways clerks write one dated day, with the prefix's meaning. */
const DATED_FORMS: [(d: Ymd) => string, Marker][] = [
  [(d) => `${pad(d.day)}/${pad(d.month)}/${d.year}`, undefined],
  [(d) => `${d.day}/${d.month}/${d.year}`, undefined],
  [(d) => `${d.day}-${d.month}-${d.year}`, undefined],
  [(d) => `${pad(d.day)}.${pad(d.month)}.${d.year}`, undefined],
  [(d) => `ngày ${pad(d.day)}/${pad(d.month)}/${d.year}`, undefined],
  [(d) => `ngày ${d.day} tháng ${d.month} năm ${d.year}`, undefined],
  [(d) => `vào ngày ${d.day}/${pad(d.month)}/${d.year}`, undefined],
  [(d) => `ngày ${d.day}/${d.month} năm ${d.year}`, undefined],
  [(d) => `trước ngày ${pad(d.day)}/${pad(d.month)}/${d.year}`, 'truoc'],
  [(d) => `trước ${d.day}/${d.month}/${d.year}`, 'truoc'],
  [(d) => `trước ngày ${d.day} tháng ${d.month} năm ${d.year}`, 'truoc'],
  [(d) => `chậm nhất ngày ${pad(d.day)}/${pad(d.month)}/${d.year}`, 'cham-nhat'],
  [(d) => `chậm nhất là ngày ${d.day}/${d.month}/${d.year}`, 'cham-nhat'],
  [(d) => `hạn chót: ${pad(d.day)}-${pad(d.month)}-${d.year}`, 'cham-nhat'],
];

/** Case, spacing, final punctuation and Unicode form must not change the reading. */
const decoration = fc.record({
  upper: fc.boolean(),
  spaces: fc.boolean(),
  trailing: fc.constantFrom('', '.', ';', ' .'),
  nfd: fc.boolean(),
});

function decorate(text: string, how: { upper: boolean; spaces: boolean; trailing: string; nfd: boolean }): string {
  let s = how.upper ? text.toUpperCase() : text;
  if (how.spaces) s = `  ${s.replace(/ /g, '   ')} `;
  s += how.trailing;
  return how.nfd ? s.normalize('NFD') : s.normalize('NFC');
}

describe('written dates parse to exactly that date', () => {
  it('a dated day, in every written form', () => {
    fc.assert(
      fc.property(validDate, fc.integer({ min: 0, max: DATED_FORMS.length - 1 }), decoration, (date, k, how) => {
        const [render, marker] = DATED_FORMS[k]!;
        const text = decorate(render(date), how);
        const r = parseDeadline(text);
        expect(r.ok, text).toBe(true);
        if (!r.ok) return;
        const d = r.deadline;
        expect(d.kind).toBe('by');
        if (d.kind !== 'by') return;
        expect(d.point).toEqual({ unit: 'day', year: date.year, month: date.month, day: date.day });
        expect(d.marker).toBe(marker);
        expect(d.before).toBe(marker ? true : undefined);
        const occ = resolveDeadline(d, { from: 2000, to: 2001 });
        expect(occ.map((o) => formatVi(o.due))).toEqual([formatVi(date)]);
      }),
      RUNS,
    );
  });

  it('a day every year, never with day and month swapped', () => {
    const yearless = fc.record({ month: fc.integer({ min: 1, max: 12 }), dayRaw: fc.nat() }).map(({ month, dayRaw }) => ({ month, day: 1 + (dayRaw % (month === 2 ? 29 : daysInMonth(2001, month))) }));
    const forms: ((d: { month: number; day: number }) => string)[] = [
      (d) => `${d.day}/${d.month}`,
      (d) => `${pad(d.day)}/${pad(d.month)}`,
      (d) => `trước ngày ${d.day}/${d.month}`,
      (d) => `trước ${pad(d.day)}/${pad(d.month)}`,
      (d) => `ngày ${d.day} tháng ${d.month}`,
      (d) => `trước ngày ${d.day} tháng ${d.month}`,
      (d) => `hằng năm, ngày ${pad(d.day)}/${pad(d.month)}`,
    ];
    fc.assert(
      fc.property(yearless, fc.integer({ min: 0, max: forms.length - 1 }), decoration, (date, k, how) => {
        const text = decorate(forms[k]!(date), how);
        const r = parseDeadline(text);
        expect(r.ok, text).toBe(true);
        if (!r.ok || r.deadline.kind !== 'by') throw new Error(`not a day: ${text}`);
        expect(r.deadline.point).toEqual({ unit: 'day', month: date.month, day: date.day });
        const occ = resolveDeadline(r.deadline, { from: 2024, to: 2026 });
        expect(occ.map((o) => [o.due.day, o.due.month])).toEqual([2024, 2025, 2026].map((y) => [Math.min(date.day, daysInMonth(y, date.month)), date.month]));
      }),
      RUNS,
    );
  });

  it('an impossible date is refused and the offending piece is pointed at', () => {
    const impossible = fc.oneof(
      // A day past the end of its month.
      fc
        .record({ year: fc.integer({ min: 1950, max: 2150 }), month: fc.integer({ min: 1, max: 12 }), extra: fc.nat() })
        .map(({ year, month, extra }) => {
          const max = daysInMonth(year, month);
          return { year, month, day: max + 1 + (extra % (31 - max + 1)) };
        })
        .filter((d) => d.day <= 39),
      // A month that does not exist.
      fc.record({ year: fc.integer({ min: 1950, max: 2150 }), month: fc.integer({ min: 13, max: 99 }), day: fc.integer({ min: 1, max: 28 }) }),
    );
    fc.assert(
      fc.property(impossible, fc.constantFrom('', 'ngày ', 'trước ngày ', 'chậm nhất ngày '), (d, prefix) => {
        const written = `${pad(d.day)}/${pad(d.month)}/${d.year}`;
        const text = `${prefix}${written}`;
        const r = parseDeadline(text);
        expect(r.ok, text).toBe(false);
        if (r.ok) return;
        expect(r.message.vi).toContain(`“${text}”`);
        expect(r.offset).toBe(prefix.length);
        expect(text.slice(r.offset!, r.offset! + r.length!)).toBe(written);
      }),
      RUNS,
    );
  });
});

/** Any well-formed answer: a deadline that resolves and describes, or an error inside the text. */
function checkWellFormed(text: string): void {
  const r = parseDeadline(text);
  if (r.ok) {
    resolveDeadline(r.deadline, { from: 2023, to: 2025 }, { eventDate: { year: 2024, month: 2, day: 29 }, strictBefore: true });
    expect(describeDeadline(r.deadline, 'vi').length).toBeGreaterThan(0);
    expect(describeDeadline(r.deadline, 'en').length).toBeGreaterThan(0);
    return;
  }
  expect(r.message.vi.length).toBeGreaterThan(0);
  expect(r.message.en.length).toBeGreaterThan(0);
  expect(r.help.vi.length).toBeGreaterThan(0);
  if (r.offset !== undefined) {
    expect(r.offset).toBeGreaterThanOrEqual(0);
    expect(r.offset + (r.length ?? 0)).toBeLessThanOrEqual(text.length);
  }
}

describe('parseDeadline never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (s) => {
        checkWellFormed(s);
      }),
      RUNS,
    );
  });

  it('on soups of the grammar’s own words', () => {
    const vocab = [
      'ngày',
      'tháng',
      'năm',
      'quý',
      'Quý',
      'trước',
      'từ',
      'đến',
      'hết',
      'và',
      'cao điểm',
      'thường xuyên',
      'hằng',
      'hàng',
      'định kỳ',
      'sau khi',
      'khi',
      'theo',
      'trong',
      'trong vòng',
      'kể từ',
      'làm việc',
      'chậm nhất',
      'là',
      'đầu',
      'cuối',
      'giữa',
      'nửa',
      'giai đoạn',
      'các năm tiếp theo',
      'lần',
      'giờ',
      'h',
      'I',
      'II',
      'IV',
      'V',
      '0',
      '1',
      '2',
      '5',
      '6',
      '05',
      '12',
      '13',
      '29',
      '31',
      '32',
      '2023',
      '2024',
      '1800',
      '99999',
      '/',
      '-',
      '–',
      '.',
      ',',
      ';',
      ':',
      '(',
      ')',
      '*',
      '"',
      'trong đó',
      'thời gian thực hiện',
    ];
    const soup = fc.array(fc.tuple(fc.constantFrom(...vocab), fc.constantFrom('', ' ', '  ')), { maxLength: 14 }).map((xs) => xs.map(([w, sp]) => w + sp).join(''));
    fc.assert(
      fc.property(soup, (s) => {
        checkWellFormed(s);
      }),
      { ...RUNS, numRuns: 600 },
    );
  });
});

// ------------------------------------------------ describe → parse round trip

const dayPoint = (year?: number) =>
  fc.record({ month: fc.integer({ min: 1, max: 12 }), dayRaw: fc.nat() }).map(({ month, dayRaw }): Point => {
    const max = year === undefined ? (month === 2 ? 29 : daysInMonth(2001, month)) : daysInMonth(year, month);
    const day = 1 + (dayRaw % max);
    return year === undefined ? { unit: 'day', month, day } : { unit: 'day', year, month, day };
  });

function pointArb(dated: boolean): fc.Arbitrary<Point> {
  const withYear = (f: (y?: number) => fc.Arbitrary<Point>) => (dated ? fc.integer({ min: 2000, max: 2100 }).chain((y) => f(y)) : f(undefined));
  const options: fc.Arbitrary<Point>[] = [
    withYear(dayPoint),
    withYear((y) => fc.integer({ min: 1, max: 12 }).map((month): Point => (y === undefined ? { unit: 'month', month } : { unit: 'month', year: y, month }))),
    withYear((y) => fc.constantFrom<1 | 2 | 3 | 4>(1, 2, 3, 4).map((quarter): Point => (y === undefined ? { unit: 'quarter', quarter } : { unit: 'quarter', year: y, quarter }))),
    withYear((y) => fc.constantFrom<1 | 2>(1, 2).map((h): Point => (y === undefined ? { unit: 'half', half: h } : { unit: 'half', year: y, half: h }))),
  ];
  if (dated) options.push(fc.integer({ min: 2000, max: 2100 }).map((year): Point => ({ unit: 'year', year })));
  return fc.oneof(...options);
}

function startKey(p: Point, y: number): number {
  const year = p.year ?? y;
  switch (p.unit) {
    case 'day':
      return year * 10000 + p.month * 100 + p.day;
    case 'month':
      return year * 10000 + p.month * 100 + 1;
    case 'quarter':
      return year * 10000 + ((p.quarter - 1) * 3 + 1) * 100 + 1;
    case 'half':
      return year * 10000 + (p.half === 1 ? 101 : 701);
    case 'year':
      return year * 10000 + 101;
  }
}

function endKey(p: Point, y: number): number {
  const year = p.year ?? y;
  switch (p.unit) {
    case 'day':
      return year * 10000 + p.month * 100 + p.day;
    case 'month':
      return year * 10000 + p.month * 100 + daysInMonth(year, p.month);
    case 'quarter':
      return year * 10000 + p.quarter * 300 + 31;
    case 'half':
      return year * 10000 + (p.half === 1 ? 630 : 1231);
    case 'year':
      return year * 10000 + 1231;
  }
}

const datedWindow = fc.tuple(pointArb(true), pointArb(true)).map(([a, b]): Window => {
  // Order the ends so the window does not finish before it starts.
  const [from, to] = startKey(a, 0) > endKey(b, 0) ? [b, a] : [a, b];
  return { kind: 'window', text: '', from, to };
});

const yearlessWindow = fc.tuple(pointArb(false), pointArb(false)).map(([from, to]): Window => ({ kind: 'window', text: '', from, to }));

const byArb = fc
  .tuple(fc.oneof(pointArb(true), pointArb(false)), fc.constantFrom<Marker>(undefined, 'truoc', 'cham-nhat'))
  .map(([point, marker]): Deadline => (marker ? { kind: 'by', text: '', point, before: true, marker } : { kind: 'by', text: '', point }));

const ongoingArb = fc.constantFrom('thường xuyên', 'liên tục', 'các năm tiếp theo').map((text): Deadline => ({ kind: 'ongoing', text }));

const simpleArb: fc.Arbitrary<Deadline> = fc.oneof(byArb, datedWindow, yearlessWindow);

const combinedArb = fc
  .tuple(fc.array(fc.oneof(byArb, datedWindow, yearlessWindow, ongoingArb), { minLength: 1, maxLength: 4 }), fc.option(datedWindow, { nil: undefined }))
  .filter(([parts, peak]) => parts.length >= 2 || peak !== undefined)
  .map(([parts, peak]): Deadline => (peak ? { kind: 'combined', text: '', parts, peak } : { kind: 'combined', text: '', parts }));

function withoutText(d: Deadline): unknown {
  const { text: _t, ...rest } = d;
  if (d.kind === 'combined') {
    return { ...rest, parts: d.parts.map(withoutText), ...(d.peak ? { peak: withoutText(d.peak) } : {}) };
  }
  return rest;
}

describe('describeDeadline (vi) reads back', () => {
  it('to the same deadline', () => {
    fc.assert(
      fc.property(fc.oneof(simpleArb, combinedArb), (d) => {
        const vi = describeDeadline(d, 'vi');
        const r = parseDeadline(vi);
        expect(r.ok, vi).toBe(true);
        if (!r.ok) return;
        expect(withoutText(r.deadline), vi).toEqual(withoutText(d));
      }),
      RUNS,
    );
  });
});

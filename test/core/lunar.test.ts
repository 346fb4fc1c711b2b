import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type CalendarDate, daysBetween, formatVi, weekday } from '../../src/core/dates.js';
import { leapMonthOf, lunarNewYear, lunarToSolar, lunarYearName, solarToLunar } from '../../src/core/lunar.js';

const date = (day: number, month: number, year: number): CalendarDate => ({ year, month, day });

describe('mùng 1 Tết (Vietnam, UTC+7)', () => {
  it.each([
    [2007, date(17, 2, 2007), 6], // China (UTC+8): 18/02/2007
    [1985, date(21, 1, 1985), 1], // China (UTC+8): 20/02/1985
    [2024, date(10, 2, 2024), 6],
    [2025, date(29, 1, 2025), 3],
    [2026, date(17, 2, 2026), 2],
    [2027, date(6, 2, 2027), 6],
  ])('%i: %o', (year, expected, expectedWeekday) => {
    expect(lunarToSolar(year, 1, 1)).toEqual(expected);
    expect(lunarNewYear(year)).toEqual(expected);
    expect(weekday(expected)).toBe(expectedWeekday);
    expect(solarToLunar(expected)).toEqual({ year, month: 1, day: 1, leap: false });
  });
});

describe('Giỗ Tổ Hùng Vương (10/3 âm lịch)', () => {
  it.each([
    [2023, date(29, 4, 2023), 6], // after leap month 2: made up with 30/4 in 2023
    [2024, date(18, 4, 2024), 4],
    [2025, date(7, 4, 2025), 1],
    [2026, date(26, 4, 2026), 0],
  ])('%i: %o', (year, expected, expectedWeekday) => {
    expect(lunarToSolar(year, 3, 10)).toEqual(expected);
    expect(weekday(expected)).toBe(expectedWeekday);
  });
});

describe('leap months and impossible dates', () => {
  it('knows the leap months of recent years', () => {
    expect(leapMonthOf(2020)).toBe(4);
    expect(leapMonthOf(2023)).toBe(2);
    expect(leapMonthOf(2024)).toBeUndefined();
    expect(leapMonthOf(2025)).toBe(6);
  });

  it('converts a leap month both ways', () => {
    expect(lunarToSolar(2023, 2, 1, true)).toEqual(date(22, 3, 2023));
    expect(lunarToSolar(2023, 2, 1)).toEqual(date(20, 2, 2023));
    expect(solarToLunar(date(22, 3, 2023))).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(lunarToSolar(2020, 4, 1, true)).toEqual(date(23, 5, 2020));
  });

  it('refuses a leap month the year does not have', () => {
    expect(lunarToSolar(2024, 2, 1, true)).toBeUndefined();
    expect(lunarToSolar(2023, 3, 1, true)).toBeUndefined();
  });

  it('refuses day 30 of a 29-day month (Giáp Thìn had no 30 Tết)', () => {
    expect(lunarToSolar(2024, 12, 29)).toEqual(date(28, 1, 2025));
    expect(lunarToSolar(2024, 12, 30)).toBeUndefined();
    expect(lunarToSolar(2023, 12, 30)).toEqual(date(9, 2, 2024)); // Quý Mão did
  });

  it('finds the month of 07/05/2054, where the published code says day 0', () => {
    expect(solarToLunar(date(7, 5, 2054))).toEqual({ year: 2054, month: 3, day: 30, leap: false });
    expect(lunarToSolar(2054, 3, 30)).toEqual(date(7, 5, 2054));
    expect(solarToLunar(date(8, 5, 2054))).toEqual({ year: 2054, month: 4, day: 1, leap: false });
  });

  it('refuses out-of-range values', () => {
    expect(lunarToSolar(2024, 13, 1)).toBeUndefined();
    expect(lunarToSolar(2024, 0, 1)).toBeUndefined();
    expect(lunarToSolar(2024, 1, 0)).toBeUndefined();
    expect(lunarToSolar(2024, 1, 31)).toBeUndefined();
    expect(lunarToSolar(2024, 1.5, 1)).toBeUndefined();
  });

  it('gives the last months of a lunar year to that year, though they fall in the next solar year', () => {
    expect(solarToLunar(date(9, 2, 2024))).toEqual({ year: 2023, month: 12, day: 30, leap: false });
    expect(solarToLunar(date(1, 1, 2024))).toEqual({ year: 2023, month: 11, day: 20, leap: false });
  });
});

describe('lunarYearName', () => {
  it('names years by Can Chi', () => {
    expect(lunarYearName(2024)).toBe('Giáp Thìn');
    expect(lunarYearName(2025)).toBe('Ất Tỵ');
    expect(lunarYearName(2026)).toBe('Bính Ngọ');
    expect(lunarYearName(1985)).toBe('Ất Sửu');
  });
});

describe('properties, 1950-2100', () => {
  const solarDate = fc.integer({ min: 0, max: daysBetween(date(1, 1, 1950), date(31, 12, 2100)) }).map((n) => addDays(date(1, 1, 1950), n));

  it('solar → lunar → solar is the identity', () => {
    fc.assert(
      fc.property(solarDate, (d) => {
        const l = solarToLunar(d);
        expect(lunarToSolar(l.year, l.month, l.day, l.leap)).toEqual(d);
      }),
      { seed: 20240210, numRuns: 3000 },
    );
  });

  it('lunar → solar → lunar is the identity for days 1-29', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 29 }), (year, month, day) => {
        const d = lunarToSolar(year, month, day);
        expect(d).toBeDefined();
        expect(solarToLunar(d as CalendarDate)).toEqual({ year, month, day, leap: false });
      }),
      { seed: 17022007, numRuns: 2000 },
    );
  });

  it('walks day by day: months of 29 or 30 days, 12 or 13 months a year, Tết from 21/01 to 20/02', () => {
    // Each day's checks are plain comparisons, and what fails is listed with its day for one expect at the
    // end: two expect() calls for each of 55,000 days were three quarters of the walk's CPU time.
    const problems: string[] = [];
    let previous = solarToLunar(date(31, 12, 1949));
    let monthsThisYear: number | undefined; // counted from the first Tết met
    let leapYears = 0;
    for (let d = date(1, 1, 1950); d.year <= 2100; d = addDays(d, 1)) {
      const l = solarToLunar(d);
      const fail = (what: string) => problems.push(`${formatVi(d)}: ${what}`);
      const back = lunarToSolar(l.year, l.month, l.day, l.leap);
      if (!isDeepStrictEqual(back, d)) fail(`lunarToSolar(${JSON.stringify(l)}) gives ${JSON.stringify(back)}`);
      if (l.day === 1) {
        if (previous.day !== 29 && previous.day !== 30) fail(`the month before ends on day ${previous.day}`);
        if (l.month === 1 && !l.leap) {
          if (monthsThisYear !== undefined) {
            if (monthsThisYear !== 12 && monthsThisYear !== 13) fail(`lunar year ${previous.year} has ${monthsThisYear} months`);
            if ((monthsThisYear === 13) !== (leapMonthOf(previous.year) !== undefined)) fail(`lunar year ${previous.year}: ${monthsThisYear} months, leap month ${leapMonthOf(previous.year)}`);
            if (monthsThisYear === 13) leapYears++;
          }
          monthsThisYear = 0;
          if (l.year !== previous.year + 1) fail(`Tết of lunar year ${l.year} after lunar year ${previous.year}`);
          if (!(d.month === 1 ? d.day >= 21 : d.month === 2 && d.day <= 20)) fail('Tết outside 21/01–20/02');
        } else if (l.year !== previous.year) {
          fail(`month ${l.month} of lunar year ${l.year} after lunar year ${previous.year}`);
        }
        if (monthsThisYear !== undefined) monthsThisYear++;
      } else if (l.year !== previous.year || l.month !== previous.month || l.leap !== previous.leap || l.day !== previous.day + 1) {
        fail(`${JSON.stringify(l)} follows ${JSON.stringify(previous)}`);
      }
      previous = l;
    }
    expect(problems).toEqual([]);
    // 7 leap months every 19 years (Metonic cycle): about 55 in 150 years.
    expect(leapYears).toBeGreaterThanOrEqual(53);
    expect(leapYears).toBeLessThanOrEqual(57);
  });
});

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addDays, type CalendarDate, compareDates, daysBetween, formatVi, weekday } from '../../src/core/dates.js';
import {
  buildWorkCalendar,
  type CalendarFileInput,
  calendarFile,
  checkCalendarFile,
  daysOff,
  effectiveDue,
  explainDay,
  isWorkingDay,
  nextWorkingDay,
  swappedWorkingDays,
  type WorkCalendar,
} from '../../src/core/workdays.js';

const date = (day: number, month: number, year: number): CalendarDate => ({ year, month, day });

/** Every date from `from` to `to`, both included. */
function range(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const out: CalendarDate[] = [];
  for (let d = from; compareDates(d, to) <= 0; d = addDays(d, 1)) out.push(d);
  return out;
}

const offDates = (year: number, cal: WorkCalendar) => daysOff(year, cal).map((o) => formatVi(o.date));

const shippedText = readFileSync(new URL('../../plans/calendar.yaml', import.meta.url), 'utf8');
const shippedParse = calendarFile.zod().safeParse(parse(shippedText));
const shipped = buildWorkCalendar(shippedParse.success ? shippedParse.data : undefined);
const lawOnly = buildWorkCalendar();

describe('plans/calendar.yaml', () => {
  it('parses with the schema and passes the checks', () => {
    expect(shippedParse.error?.issues).toBeUndefined();
    expect(checkCalendarFile(shippedParse.data as CalendarFileInput, 'plans/calendar.yaml')).toEqual([]);
    expect([...shipped.recordedYears.keys()]).toEqual([2024, 2025, 2026]);
    expect(shipped.recordedYears.get(2026)).toMatch(/Chưa ghi/);
  });
});

describe('days off fixed by law (no data)', () => {
  it('makes up a holiday on a weekend on the next working day: 01/01/2022 was a Saturday', () => {
    expect(weekday(date(1, 1, 2022))).toBe(6);
    expect(isWorkingDay(date(3, 1, 2022), lawOnly)).toBe(false);
    expect(isWorkingDay(date(4, 1, 2022), lawOnly)).toBe(true);
    const makeUp = daysOff(2022, lawOnly).find((o) => formatVi(o.date) === '03/01/2022');
    expect(makeUp?.name.vi).toBe('Nghỉ bù Tết Dương lịch (01/01/2022 là thứ Bảy)');
    expect(makeUp?.source).toBe('law');
  });

  it('places Tết on the last day of the lunar year and mùng 1-4, with make-up days', () => {
    // 2024: 30 Tết = Fri 09/02, mùng 1 = Sat 10/02; Sat and Sun made up on Wed 14 and Thu 15.
    expect(offDates(2024, lawOnly).filter((s) => s.endsWith('/02/2024'))).toEqual(['09/02/2024', '10/02/2024', '11/02/2024', '12/02/2024', '13/02/2024', '14/02/2024', '15/02/2024']);
    expect(daysOff(2024, lawOnly).find((o) => formatVi(o.date) === '09/02/2024')?.name.vi).toBe('Tết Nguyên đán Giáp Thìn (30 tháng Chạp)');
    // 2025: the last day of Giáp Thìn was 29 tháng Chạp (28/01).
    expect(daysOff(2025, lawOnly).find((o) => formatVi(o.date) === '28/01/2025')?.name.vi).toBe('Tết Nguyên đán Ất Tỵ (29 tháng Chạp)');
  });

  it('gives Giỗ Tổ and 30/4 on a weekend two make-up days after 01/5 (2023: off 29/4-03/5)', () => {
    const days = offDates(2023, lawOnly).filter((s) => /\/0[45]\/2023$/.test(s));
    expect(days).toEqual(['29/04/2023', '30/04/2023', '01/05/2023', '02/05/2023', '03/05/2023']);
    expect(isWorkingDay(date(4, 5, 2023), lawOnly)).toBe(true);
  });

  it('adds one day to Quốc khánh from 2021, joining the weekend', () => {
    const september = (year: number) => offDates(year, lawOnly).filter((s) => s.endsWith(`/09/${year}`));
    expect(september(2019)).toEqual(['02/09/2019']); // Bộ luật Lao động 2012: one day
    expect(september(2021)).toEqual(['02/09/2021', '03/09/2021']); // Thursday: with Friday 03/9
    expect(september(2022)).toEqual(['01/09/2022', '02/09/2022']);
    expect(september(2023)).toEqual(['01/09/2023', '02/09/2023', '04/09/2023']); // Sat 02/9 made up Mon 04/9
    expect(september(2024)).toEqual(['01/09/2024', '02/09/2024', '03/09/2024']); // Sun 01/9 made up Tue 03/9
    expect(september(2025)).toEqual(['01/09/2025', '02/09/2025']);
  });

  it('gives 11 weekdays off a year from 2021: each holiday on a weekend is made up once', () => {
    for (let year = 2021; year <= 2100; year++) {
      const off = daysOff(year, lawOnly);
      const holidays = off.filter((o) => !o.name.vi.startsWith('Nghỉ bù'));
      const weekdaysOff = off.filter((o) => weekday(o.date) !== 0 && weekday(o.date) !== 6);
      expect(holidays.length, `${year}`).toBe(11);
      expect(weekdaysOff.length, `${year}`).toBe(11);
    }
  });

  it('keeps days off in date order and computes each year once', () => {
    const off = daysOff(2030, lawOnly);
    for (let i = 1; i < off.length; i++) {
      expect(compareDates(off[i - 1]!.date, off[i]!.date)).toBeLessThan(0);
    }
    expect(daysOff(2030, lawOnly)).toBe(off);
  });
});

describe('days off announced in plans/calendar.yaml', () => {
  it('Tết 2024: 08/02-14/02 replaces the default placement', () => {
    for (const d of range(date(8, 2, 2024), date(14, 2, 2024))) expect(isWorkingDay(d, shipped), formatVi(d)).toBe(false);
    expect(isWorkingDay(date(7, 2, 2024), shipped)).toBe(true);
    expect(isWorkingDay(date(15, 2, 2024), shipped)).toBe(true); // a make-up day by default, a working day in fact
    expect(daysOff(2024, shipped).find((o) => formatVi(o.date) === '10/02/2024')).toMatchObject({
      source: 'announced',
      name: { vi: 'Nghỉ Tết Giáp Thìn' },
    });
  });

  it('Tết 2025: 25/01-02/02, and Monday 03/02 is a working day', () => {
    for (const d of range(date(25, 1, 2025), date(2, 2, 2025))) expect(isWorkingDay(d, shipped), formatVi(d)).toBe(false);
    expect(isWorkingDay(date(24, 1, 2025), shipped)).toBe(true);
    expect(isWorkingDay(date(3, 2, 2025), shipped)).toBe(true);
    expect(isWorkingDay(date(3, 2, 2025), lawOnly)).toBe(false);
  });

  it('Tết 2026: 14/02-22/02', () => {
    for (const d of range(date(14, 2, 2026), date(22, 2, 2026))) expect(isWorkingDay(d, shipped), formatVi(d)).toBe(false);
    expect(isWorkingDay(date(13, 2, 2026), shipped)).toBe(true);
    expect(isWorkingDay(date(23, 2, 2026), shipped)).toBe(true);
  });

  it('swaps 29/04/2024 with Saturday 04/05/2024, and 02/05/2025 with Saturday 26/04/2025', () => {
    expect(isWorkingDay(date(29, 4, 2024), shipped)).toBe(false);
    expect(isWorkingDay(date(4, 5, 2024), shipped)).toBe(true);
    expect(isWorkingDay(date(2, 5, 2024), shipped)).toBe(true);
    expect(swappedWorkingDays(2024, shipped).map((w) => formatVi(w.date))).toEqual(['04/05/2024']);
    expect(isWorkingDay(date(2, 5, 2025), shipped)).toBe(false);
    expect(isWorkingDay(date(26, 4, 2025), shipped)).toBe(true);
    expect(isWorkingDay(date(5, 5, 2025), shipped)).toBe(true);
  });

  it('Quốc khánh 2024 on 02-03/09, 2025 on 01-02/09', () => {
    expect(isWorkingDay(date(3, 9, 2024), shipped)).toBe(false);
    expect(isWorkingDay(date(4, 9, 2024), shipped)).toBe(true);
    expect(isWorkingDay(date(1, 9, 2025), shipped)).toBe(false);
    expect(isWorkingDay(date(3, 9, 2025), shipped)).toBe(true);
  });

  it('lets a recorded break containing the holiday replace all its computed days', () => {
    const cal = buildWorkCalendar(calendarFile.zod().parse({ years: { 2027: { off: [{ from: '03/02/2027', to: '07/02/2027' }] } } }));
    // mùng 1 Đinh Mùi = Sat 06/02/2027 is inside: mùng 3-4 (08-09/02) and the make-up days are not computed.
    expect(isWorkingDay(date(8, 2, 2027), cal)).toBe(true);
    expect(isWorkingDay(date(8, 2, 2027), lawOnly)).toBe(false);
    // A break without the holiday's own day adds to the computed days.
    const swapOnly = buildWorkCalendar(calendarFile.zod().parse({ years: { 2027: { off: [{ date: '04/02/2027' }] } } }));
    expect(offDates(2027, swapOnly).filter((s) => s.endsWith('/02/2027'))).toEqual(['04/02/2027', ...offDates(2027, lawOnly).filter((s) => s.endsWith('/02/2027'))]);
  });

  it('still computes the holidays a year does not record (Giỗ Tổ 2026, a Sunday, made up on Monday 27/04)', () => {
    expect(isWorkingDay(date(27, 4, 2026), shipped)).toBe(false);
    expect(isWorkingDay(date(18, 4, 2024), shipped)).toBe(false);
    expect(isWorkingDay(date(7, 4, 2025), shipped)).toBe(false);
  });
});

describe('effectiveDue (Bộ luật Dân sự 2015, Điều 148(5))', () => {
  it('keeps a working day', () => {
    expect(effectiveDue(date(20, 5, 2024), shipped)).toEqual({
      date: date(20, 5, 2024),
      moved: false,
      reason: { vi: '20/05/2024 là ngày làm việc', en: '20/05/2024 is a working day' },
    });
  });

  it('moves a Saturday to Monday', () => {
    expect(effectiveDue(date(15, 11, 2025), shipped)).toEqual({
      date: date(17, 11, 2025),
      moved: true,
      reason: { vi: '15/11/2025 là thứ Bảy', en: '15/11/2025 is a Saturday' },
    });
  });

  it('moves a Sunday to Monday', () => {
    const due = effectiveDue(date(19, 5, 2024), shipped);
    expect(due.date).toEqual(date(20, 5, 2024));
    expect(due.reason.vi).toBe('19/05/2024 là Chủ nhật');
  });

  it('moves a day inside the Tết break past its end', () => {
    const due = effectiveDue(date(10, 2, 2024), shipped);
    expect(due).toMatchObject({ date: date(15, 2, 2024), moved: true });
    expect(due.reason.vi).toBe('10/02/2024 là ngày nghỉ Tết Giáp Thìn');
    expect(effectiveDue(date(10, 2, 2024), lawOnly).date).toEqual(date(16, 2, 2024));
  });

  it('moves 30/4 past 01/5 and any swapped day', () => {
    expect(effectiveDue(date(30, 4, 2024), shipped).date).toEqual(date(2, 5, 2024));
    expect(effectiveDue(date(30, 4, 2025), shipped).date).toEqual(date(5, 5, 2025));
    expect(effectiveDue(date(30, 4, 2026), shipped).date).toEqual(date(4, 5, 2026));
  });

  it('names the holiday', () => {
    expect(effectiveDue(date(1, 5, 2024), lawOnly)).toEqual({
      date: date(2, 5, 2024),
      moved: true,
      reason: {
        vi: '01/05/2024 là ngày Quốc tế Lao động (01/5)',
        en: '01/05/2024 is a day off: International Labour Day (1 May)',
      },
    });
    expect(effectiveDue(date(3, 1, 2022), lawOnly).reason.vi).toBe('03/01/2022 là ngày nghỉ bù Tết Dương lịch (01/01/2022 là thứ Bảy)');
    expect(effectiveDue(date(2, 9, 2026), lawOnly).reason.vi).toBe('02/09/2026 là ngày nghỉ Quốc khánh (02/9)');
  });

  it('keeps a Saturday worked in a swap', () => {
    expect(effectiveDue(date(4, 5, 2024), shipped)).toMatchObject({ date: date(4, 5, 2024), moved: false });
    expect(explainDay(date(4, 5, 2024), shipped).reason.vi).toBe('04/05/2024 là ngày làm việc (Làm bù cho ngày 29/04/2024)');
  });

  it('ends on the first working day on or after the written day, whatever the day', () => {
    const start = date(1, 1, 2020);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: daysBetween(start, date(31, 12, 2035)) }), (n) => {
        const d = addDays(start, n);
        const due = effectiveDue(d, shipped);
        expect(isWorkingDay(due.date, shipped)).toBe(true);
        expect(due.moved).toBe(compareDates(due.date, d) > 0);
        expect(nextWorkingDay(d, shipped)).toEqual(due.date);
        for (let x = d; compareDates(x, due.date) < 0; x = addDays(x, 1)) expect(isWorkingDay(x, shipped)).toBe(false);
      }),
      { seed: 1482015, numRuns: 1000 },
    );
  });
});

describe('the calendar.yaml schema', () => {
  const errors = (data: unknown) =>
    calendarFile
      .zod()
      .safeParse(data)
      .error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

  it('accepts a day, a range, a note, and an empty file', () => {
    expect(
      errors({
        years: {
          2030: {
            note: 'x',
            off: [
              { date: '05/02/2030', name: 'Nghỉ' },
              { from: '01/02/2030', to: '2030-02-03' },
            ],
            work: [],
          },
        },
      }),
    ).toEqual([]);
    expect(errors({})).toEqual([]);
  });

  it('refuses impossible dates, mixed and half ranges, reversed ranges, unknown keys and bad years', () => {
    expect(errors({ years: { 2024: { off: [{ date: '31/02/2024' }] } } })).toEqual([expect.stringMatching(/^years\.2024\.off\.0\.date: ngày không hợp lệ/)]);
    expect(errors({ years: { 2024: { off: [{ date: '01/02/2024', from: '01/02/2024', to: '02/02/2024' }] } } })).toEqual([expect.stringMatching(/không ghi cả hai/)]);
    expect(errors({ years: { 2024: { off: [{ from: '01/02/2024' }] } } })).toEqual([expect.stringMatching(/thiếu ngày/)]);
    expect(errors({ years: { 2024: { off: [{ from: '05/02/2024', to: '01/02/2024' }] } } })).toEqual(['years.2024.off.0.to: ngày cuối ("to") đứng trước ngày đầu ("from")']);
    expect(errors({ years: { 2024: { holidays: [] } } })).toEqual(['years.2024: khóa không dùng được trong một năm: holidays (chỉ dùng off, work, note)']);
    expect(errors({ years: { 2024: { off: [{ day: '01/02/2024' }] } } })).toEqual([
      'years.2024.off.0: khóa không dùng được trong một ngày hoặc khoảng ngày: day (chỉ dùng date, from, to, name)',
      'years.2024.off.0: thiếu ngày: ghi "date", hoặc cả "from" và "to"',
    ]);
    expect(errors({ years: [] })).toEqual([expect.stringMatching(/^years: years phải là một bảng/)]);
    expect(errors({ years: { 24: {} } })).toEqual(['years.24: năm viết bằng 4 chữ số, ví dụ 2024']);
    expect(errors({ years: { 2024: { off: [{ date: 5 }] } } })).toEqual([expect.stringMatching(/DD\/MM\/YYYY/)]);
  });

  it('reads YAML as a clerk writes it (dates in flow maps stay strings)', () => {
    const data = parse('years:\n  2027:\n    off: [{from: 05/02/2027, to: 10/02/2027, name: "Nghỉ Tết Đinh Mùi"}]\n');
    const parsed = calendarFile.zod().parse(data);
    const cal = buildWorkCalendar(parsed);
    expect(isWorkingDay(date(5, 2, 2027), cal)).toBe(false);
    expect(isWorkingDay(date(11, 2, 2027), cal)).toBe(true);
    expect(isWorkingDay(date(11, 2, 2027), lawOnly)).toBe(false); // default: 05/02 + mùng 1-4 + make-ups
  });
});

describe('checkCalendarFile', () => {
  it('reports a day both off and worked, a date under the wrong year, a weekday "worked", a long range', () => {
    const data = calendarFile.zod().parse({
      years: {
        2024: {
          off: [{ date: '04/05/2024' }, { date: '29/04/2025' }, { from: '01/06/2024', to: '30/06/2024' }],
          work: [{ date: '04/05/2024' }, { date: '07/05/2024' }],
        },
      },
    });
    const found = checkCalendarFile(data, 'plans/calendar.yaml').map((d) => [d.code, d.severity, d.path?.join('.')]);
    expect(found).toEqual([
      ['calendar-date-outside-year', 'warning', 'years.2024.off.1'],
      ['calendar-long-range', 'warning', 'years.2024.off.2'],
      ['calendar-off-and-work', 'error', 'years.2024.work.0'],
      ['calendar-work-on-working-day', 'warning', 'years.2024.work.1'],
    ]);
  });
});

// Working days in Vietnam: public holidays, days off, and where a deadline
// really ends.
//
// The law fixes the holidays (Bộ luật Lao động 2019, Điều 112): 01/01, Tết
// Nguyên đán (5 days), Giỗ Tổ Hùng Vương (10/3 âm lịch), 30/4, 01/5, and
// Quốc khánh 02/9 with one adjacent day. A holiday on a weekend is made up on
// the next working day (Điều 111). The exact Tết break and the swaps (a weekday
// off against a Saturday worked) are announced each year, so they are data:
// plans/calendar.yaml, parsed by the command layer and passed in here.
//
// Bộ luật Dân sự 2015, Điều 148(5): a time limit whose last day is a day off
// ends at the end of the next working day (effectiveDue).

import type * as z from 'zod';
import { zod } from '../vendor/libraries.js';
import { type CalendarDate, addDays, formatVi, fromEpochDay, parseDateText, toEpochDay, weekday, weekdayName } from './dates.js';
import { type Diagnostic, type Localized, localized } from './diagnostic.js';
import { lunarNewYear, lunarYearName, solarToLunar, lunarToSolar } from './lunar.js';
import { both, isText, listOf, recordOf, strictRecord, type FileSchema, type Fits } from './shape.js';

// ---------------------------------------------------------------------------
// File format: plans/calendar.yaml

/** Vietnamese messages for the object-level issues clerks meet (zod's own are English). */
function objectError(what: string, keys: string) {
  return (issue: { code?: string; keys?: string[] }) => {
    if (issue.code === 'unrecognized_keys') {
      return `khóa không dùng được trong ${what}: ${(issue.keys ?? []).join(', ')} (chỉ dùng ${keys})`;
    }
    if (issue.code === 'invalid_type') return `${what} phải là một bảng khóa: giá trị (${keys})`;
    return undefined;
  };
}

/** The zod schema of calendar.yaml, built when a file does not fit the structural pass below (it words the mistakes). */
function makeCalendarSchema() {
  const z = zod();
  const dayText = z.string({ error: 'ngày phải viết dạng DD/MM/YYYY, ví dụ 08/02/2024' }).refine((s) => parseDateText(s) !== undefined, {
    error: 'ngày không hợp lệ: viết dạng DD/MM/YYYY (ví dụ 08/02/2024), và phải là ngày có thật',
  });

  const calendarEntrySchema = z
    .strictObject(
      {
        date: dayText.optional().describe('Một ngày, dạng DD/MM/YYYY'),
        from: dayText.optional().describe('Ngày đầu của khoảng (tính cả ngày này), dạng DD/MM/YYYY'),
        to: dayText.optional().describe('Ngày cuối của khoảng (tính cả ngày này), dạng DD/MM/YYYY'),
        name: z.string().min(1).optional().describe('Tên như trong thông báo: "Nghỉ Tết Giáp Thìn", "Nghỉ hoán đổi", "Làm bù cho ngày 29/04"'),
      },
      { error: objectError('một ngày hoặc khoảng ngày', 'date, from, to, name') },
    )
    .superRefine((entry, ctx) => {
      if (entry.date !== undefined) {
        if (entry.from !== undefined || entry.to !== undefined) {
          ctx.addIssue({ code: 'custom', message: 'ghi "date" cho một ngày, hoặc "from" và "to" cho một khoảng, không ghi cả hai' });
        }
        return;
      }
      if (entry.from === undefined || entry.to === undefined) {
        ctx.addIssue({ code: 'custom', message: 'thiếu ngày: ghi "date", hoặc cả "from" và "to"' });
        return;
      }
      const from = parseDateText(entry.from);
      const to = parseDateText(entry.to);
      if (from && to && toEpochDay(to) < toEpochDay(from)) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'ngày cuối ("to") đứng trước ngày đầu ("from")' });
      }
    })
    .describe('Một ngày ({date}) hoặc một khoảng ngày liền nhau ({from, to}), kèm tên');

  const calendarYearSchema = z
    .strictObject(
      {
        off: z
          .array(calendarEntrySchema)
          .optional()
          .describe(
            'Ngày nghỉ theo thông báo (kể cả ngày nghỉ hoán đổi). Khoảng nghỉ chứa ngày lễ chính ' + '(01/01, mùng 1 Tết, 10/3 âm lịch, 30/4, 01/5, 02/9) thay cho cách tính mặc định của ngày lễ đó',
          ),
        work: z.array(calendarEntrySchema).optional().describe('Ngày làm bù theo thông báo: ngày cuối tuần phải đi làm'),
        note: z.string().min(1).optional().describe('Ghi chú: văn bản thông báo, phần nào chưa ghi'),
      },
      { error: objectError('một năm', 'off, work, note') },
    )
    .describe('Ngày nghỉ, ngày làm bù của một năm');

  return z
    .strictObject(
      {
        years: z
          .record(z.string().regex(/^\d{4}$/), calendarYearSchema, {
            error: (issue) => (issue.code === 'invalid_key' ? 'năm viết bằng 4 chữ số, ví dụ 2024' : issue.code === 'invalid_type' ? 'years phải là một bảng năm: giá trị, ví dụ "2024:"' : undefined),
          })
          .optional()
          .describe('Theo từng năm: ngày nghỉ và ngày làm bù đã được thông báo'),
      },
      { error: objectError('tệp lịch', 'years') },
    )
    .describe('Lịch ngày nghỉ, ngày làm bù của cơ quan hành chính (plans/calendar.yaml)');
}

let calendarSchema: ReturnType<typeof makeCalendarSchema> | undefined;

export type CalendarFileInput = z.output<ReturnType<typeof makeCalendarSchema>>;
export type CalendarEntry = NonNullable<NonNullable<CalendarFileInput['years']>[string]['off']>[number];

// The structural pass of the schemas above (see shape.ts), superRefine included.
const fitsDay: Fits = (v) => typeof v === 'string' && parseDateText(v) !== undefined;
const fitsEntry = both(strictRecord({}, { date: fitsDay, from: fitsDay, to: fitsDay, name: isText }), (e) => {
  if (e.date !== undefined) return e.from === undefined && e.to === undefined;
  return e.from !== undefined && e.to !== undefined && toEpochDay(parseDateText(e.to as string)!) >= toEpochDay(parseDateText(e.from as string)!);
});
const fitsYear = strictRecord({}, { off: listOf(fitsEntry), work: listOf(fitsEntry), note: isText });

/** calendar.yaml: the schema above, and its structural pass. */
export const calendarFile: FileSchema<CalendarFileInput> = {
  fits: strictRecord({}, { years: recordOf(/^\d{4}$/, fitsYear) }),
  zod: () => (calendarSchema ??= makeCalendarSchema()),
};

// ---------------------------------------------------------------------------
// The calendar

export type DayOffSource = 'law' | 'announced';

export interface DayOff {
  date: CalendarDate;
  name: Localized;
  /** 'law': computed from Điều 111-112; 'announced': recorded in plans/calendar.yaml. */
  source: DayOffSource;
}

export interface SwappedWorkingDay {
  date: CalendarDate;
  name: Localized;
}

export interface WorkCalendar {
  /** Announced days off, by epoch day (toEpochDay). */
  readonly announcedOff: ReadonlyMap<number, Localized>;
  /** Announced working days (weekends worked in exchange for a weekday off), by epoch day. */
  readonly announcedWork: ReadonlyMap<number, Localized>;
  /** Years present in the data file, with their note. Other years are computed from the law alone. */
  readonly recordedYears: ReadonlyMap<number, string | undefined>;
}

interface YearDays {
  off: Map<number, DayOff>;
  sorted: readonly DayOff[];
  work: readonly SwappedWorkingDay[];
}

// Per-calendar cache of computed years: a deadline report asks about tens of
// thousands of dates, and a year costs a few lunar conversions.
const yearCache = new WeakMap<WorkCalendar, Map<number, YearDays>>();

const ANNOUNCED_OFF = localized('Ngày nghỉ theo thông báo', 'Announced day off');
const ANNOUNCED_WORK = localized('Ngày làm bù theo thông báo', 'Announced working day');

function entryDays(entry: CalendarEntry): number[] {
  if (entry.date !== undefined) {
    const d = parseDateText(entry.date);
    return d ? [toEpochDay(d)] : [];
  }
  const from = entry.from !== undefined ? parseDateText(entry.from) : undefined;
  const to = entry.to !== undefined ? parseDateText(entry.to) : undefined;
  if (!from || !to) return [];
  const days: number[] = [];
  for (let n = toEpochDay(from); n <= toEpochDay(to); n++) days.push(n);
  return days;
}

/** The calendar for a repository: the law, plus what plans/calendar.yaml records (if given). */
export function buildWorkCalendar(data?: CalendarFileInput): WorkCalendar {
  const announcedOff = new Map<number, Localized>();
  const announcedWork = new Map<number, Localized>();
  const recordedYears = new Map<number, string | undefined>();
  for (const [key, record] of Object.entries(data?.years ?? {})) {
    recordedYears.set(Number(key), record.note);
    for (const entry of record.off ?? []) {
      const name = entry.name !== undefined ? localized(entry.name, entry.name) : ANNOUNCED_OFF;
      for (const n of entryDays(entry)) announcedOff.set(n, name);
    }
    for (const entry of record.work ?? []) {
      const name = entry.name !== undefined ? localized(entry.name, entry.name) : ANNOUNCED_WORK;
      for (const n of entryDays(entry)) announcedWork.set(n, name);
    }
  }
  return { announcedOff, announcedWork, recordedYears };
}

// ---------------------------------------------------------------------------
// Holidays fixed by law

interface Holiday {
  /** The holiday's own day. An announced break containing it replaces the computed days below. */
  anchor: number;
  days: { day: number; name: Localized }[];
  /** Names the holiday in a make-up day's name. */
  label: Localized;
}

const isWeekend = (n: number) => {
  const w = (n + 4) % 7; // epoch day 0 (01/01/1970) was a Thursday
  return w === 0 || w === 6;
};

function fixed(year: number, month: number, day: number, name: Localized, label: Localized): Holiday {
  const n = toEpochDay({ year, month, day });
  return { anchor: n, days: [{ day: n, name }], label };
}

/**
 * Holidays of Điều 112 for a solar year, placed by default rules:
 * - Tết: the last day of the lunar year and mùng 1-4 (the usual choice; the
 *   real break is announced each year). 4 days (last day, mùng 1-3) before
 *   2014, when Bộ luật Lao động 2012 raised it to 5.
 * - Quốc khánh: 02/9 alone before 2021; from 2021 with 01/9, or 03/9 when
 *   02/9 is a Thursday, so the break joins the weekend. This reproduces the
 *   announced choices of 2021-2025 (03/9/2021, 01/9/2022, 01/9/2023,
 *   03/9/2024 as the make-up of Sunday 01/9, 01/9/2025).
 * Years before 2007 (no Giỗ Tổ holiday) are not modelled.
 */
function statutoryHolidays(year: number): Holiday[] {
  const holidays: Holiday[] = [fixed(year, 1, 1, localized('Tết Dương lịch (01/01)', "New Year's Day (1 January)"), localized('Tết Dương lịch', "New Year's Day"))];

  const firstDay = toEpochDay(lunarNewYear(year));
  const lastDayOfYear = firstDay - 1;
  const lunarLast = solarToLunar(fromEpochDay(lastDayOfYear));
  const tetName = lunarYearName(year);
  const tetDays = [
    {
      day: lastDayOfYear,
      name: localized(`Tết Nguyên đán ${tetName} (${lunarLast.day} tháng Chạp)`, `Lunar New Year ${tetName} (last day of the lunar year)`),
    },
  ];
  const daysAfter = year >= 2014 ? 4 : 3;
  for (let i = 0; i < daysAfter; i++) {
    tetDays.push({
      day: firstDay + i,
      name: localized(`Tết Nguyên đán ${tetName} (mùng ${i + 1})`, `Lunar New Year ${tetName} (day ${i + 1})`),
    });
  }
  holidays.push({
    anchor: firstDay,
    days: tetDays,
    label: localized(`Tết Nguyên đán ${tetName}`, `Lunar New Year ${tetName}`),
  });

  const hungKings = lunarToSolar(year, 3, 10);
  if (hungKings) {
    const n = toEpochDay(hungKings);
    holidays.push({
      anchor: n,
      days: [{ day: n, name: localized('Giỗ Tổ Hùng Vương (10/3 âm lịch)', "Hung Kings' Commemoration (10/3 lunar)") }],
      label: localized('Giỗ Tổ Hùng Vương', "Hung Kings' Commemoration"),
    });
  }

  holidays.push(
    fixed(year, 4, 30, localized('Ngày Chiến thắng (30/4)', 'Reunification Day (30 April)'), localized('Ngày Chiến thắng', 'Reunification Day')),
    fixed(year, 5, 1, localized('Ngày Quốc tế Lao động (01/5)', 'International Labour Day (1 May)'), localized('Ngày Quốc tế Lao động', 'International Labour Day')),
  );

  const national = fixed(year, 9, 2, localized('Quốc khánh (02/9)', 'National Day (2 September)'), localized('Quốc khánh', 'National Day'));
  if (year >= 2021) {
    const adjacent = weekday({ year, month: 9, day: 2 }) === 4 ? 3 : 1;
    national.days.push({
      day: toEpochDay({ year, month: 9, day: adjacent }),
      name: localized(`Quốc khánh (nghỉ liền kề, 0${adjacent}/9)`, `National Day (adjacent day, ${adjacent} September)`),
    });
    national.days.sort((a, b) => a.day - b.day);
  }
  holidays.push(national);
  return holidays;
}

function computeYear(year: number, cal: WorkCalendar): YearDays {
  const start = toEpochDay({ year, month: 1, day: 1 });
  const end = toEpochDay({ year: year + 1, month: 1, day: 1 });
  const inYear = (n: number) => n >= start && n < end;
  const off = new Map<number, DayOff>();

  for (const [n, name] of cal.announcedOff) {
    if (inYear(n)) off.set(n, { date: fromEpochDay(n), name, source: 'announced' });
  }

  const computed = statutoryHolidays(year).filter((h) => !cal.announcedOff.has(h.anchor));
  const weekendHolidays: { day: number; label: Localized }[] = [];
  for (const holiday of computed) {
    for (const { day, name } of holiday.days) {
      // Should two holidays share a day (Giỗ Tổ falls by 29/4 since 1948, so not lately), they
      // give one day off, and on a weekend one make-up day: the law makes up the weekly rest day.
      if (off.has(day)) continue;
      off.set(day, { date: fromEpochDay(day), name, source: 'law' });
      if (isWeekend(day) && !cal.announcedWork.has(day)) weekendHolidays.push({ day, label: holiday.label });
    }
  }

  // Điều 111: each holiday on a weekend is made up on the next day that is still a working day,
  // taken in date order so that a run of them (Tết over a weekend) lands on consecutive weekdays.
  weekendHolidays.sort((a, b) => a.day - b.day);
  for (const { day, label } of weekendHolidays) {
    let n = day + 1;
    while (isWeekend(n) || off.has(n) || cal.announcedWork.has(n)) n++;
    const date = fromEpochDay(n);
    const original = fromEpochDay(day);
    off.set(n, {
      date,
      name: localized(
        `Nghỉ bù ${label.vi} (${formatVi(original)} là ${weekdayName(original, 'vi', { inSentence: true })})`,
        `Make-up day for ${label.en} (${formatVi(original)} is a ${weekdayName(original, 'en')})`,
      ),
      source: 'law',
    });
  }

  const sorted = [...off.values()].sort((a, b) => toEpochDay(a.date) - toEpochDay(b.date));
  const work: SwappedWorkingDay[] = [];
  for (const [n, name] of cal.announcedWork) {
    if (inYear(n)) work.push({ date: fromEpochDay(n), name });
  }
  work.sort((a, b) => toEpochDay(a.date) - toEpochDay(b.date));
  return { off, sorted, work };
}

function yearDays(year: number, cal: WorkCalendar): YearDays {
  let years = yearCache.get(cal);
  if (!years) {
    years = new Map();
    yearCache.set(cal, years);
  }
  let days = years.get(year);
  if (!days) {
    days = computeYear(year, cal);
    years.set(year, days);
  }
  return days;
}

// ---------------------------------------------------------------------------
// Queries

/**
 * Days off in a solar year other than ordinary weekends, in date order: holidays
 * (also those on a weekend), make-up days, and every day of an announced break.
 */
export function daysOff(year: number, cal: WorkCalendar): readonly DayOff[] {
  return yearDays(year, cal).sorted;
}

/** Weekend days announced as working days (làm bù) in a solar year, in date order. */
export function swappedWorkingDays(year: number, cal: WorkCalendar): readonly SwappedWorkingDay[] {
  return yearDays(year, cal).work;
}

export function isWorkingDay(d: CalendarDate, cal: WorkCalendar): boolean {
  const n = toEpochDay(d);
  if (cal.announcedWork.has(n)) return true;
  if (yearDays(d.year, cal).off.has(n)) return false;
  return !isWeekend(n);
}

/** d itself when it is a working day, otherwise the first working day after it. */
export function nextWorkingDay(d: CalendarDate, cal: WorkCalendar): CalendarDate {
  let day = d;
  while (!isWorkingDay(day, cal)) day = addDays(day, 1);
  return day;
}

export interface DayExplanation {
  working: boolean;
  /** "20/05/2024 là ngày làm việc", "15/11/2025 là thứ Bảy", "01/05/2024 là ngày Quốc tế Lao động (01/5)". */
  reason: Localized;
  /** Set when the day is a holiday, make-up or announced day off. */
  dayOff?: DayOff;
}

/** Whether d is a working day, and why. */
export function explainDay(d: CalendarDate, cal: WorkCalendar): DayExplanation {
  const n = toEpochDay(d);
  const date = formatVi(d);
  const work = cal.announcedWork.get(n);
  if (work) {
    return {
      working: true,
      reason: localized(`${date} là ngày làm việc (${work.vi})`, `${date} is a working day (${work.en})`),
    };
  }
  const dayOff = yearDays(d.year, cal).off.get(n);
  if (dayOff) return { working: false, reason: describeDayOff(date, dayOff.name), dayOff };
  if (isWeekend(n)) {
    return {
      working: false,
      reason: localized(`${date} là ${weekdayName(d, 'vi', { inSentence: true })}`, `${date} is a ${weekdayName(d, 'en')}`),
    };
  }
  return { working: true, reason: localized(`${date} là ngày làm việc`, `${date} is a working day`) };
}

/** "… là ngày Quốc tế Lao động (01/5)", "… là ngày nghỉ bù …", "… là ngày nghỉ Tết Nguyên đán …". */
function describeDayOff(date: string, name: Localized): Localized {
  const lower = name.vi.charAt(0).toLowerCase() + name.vi.slice(1);
  const vi = lower.startsWith('ngày ') ? `${date} là ${lower}` : lower.startsWith('nghỉ ') ? `${date} là ngày ${lower}` : `${date} là ngày nghỉ ${name.vi}`;
  return localized(vi, `${date} is a day off: ${name.en}`);
}

export interface EffectiveDue {
  /** The day the time limit really ends. */
  date: CalendarDate;
  /** True when the written day was a day off and the limit moved to the next working day. */
  moved: boolean;
  /** Why: what the written day is ("15/11/2025 là thứ Bảy"). */
  reason: Localized;
}

/**
 * Where a time limit ends (Bộ luật Dân sự 2015, Điều 148 khoản 5): on its last
 * day, or at the end of the next working day when that day is a day off.
 */
export function effectiveDue(d: CalendarDate, cal: WorkCalendar): EffectiveDue {
  const explanation = explainDay(d, cal);
  if (explanation.working) return { date: d, moved: false, reason: explanation.reason };
  return { date: nextWorkingDay(d, cal), moved: true, reason: explanation.reason };
}

// ---------------------------------------------------------------------------
// Checks across entries (the schema checks each entry alone)

/** Longest announced break that is still plausible; Tết breaks run 7-10 days. */
const LONGEST_PLAUSIBLE_BREAK = 16;

export function checkCalendarFile(data: CalendarFileInput, file: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const cal = buildWorkCalendar(data);
  for (const [key, record] of Object.entries(data.years ?? {})) {
    const year = Number(key);
    const checkEntries = (list: 'off' | 'work', entries: CalendarEntry[] | undefined) => {
      (entries ?? []).forEach((entry, index) => {
        const path = ['years', key, list, index];
        const days = entryDays(entry);
        if (days.length === 0) return;
        const first = fromEpochDay(days[0] as number);
        const last = fromEpochDay(days[days.length - 1] as number);
        if (first.year !== year && last.year !== year) {
          diagnostics.push({
            file,
            severity: 'warning',
            code: 'calendar-date-outside-year',
            message: localized(`ngày ${formatVi(first)} ghi trong năm ${year}`, `date ${formatVi(first)} is recorded under year ${year}`),
            help: localized('kiểm tra lại năm của ngày, hoặc chuyển sang đúng năm', 'check the year, or move the entry'),
            path,
          });
        }
        if (days.length > LONGEST_PLAUSIBLE_BREAK) {
          diagnostics.push({
            file,
            severity: 'warning',
            code: 'calendar-long-range',
            message: localized(`khoảng ${formatVi(first)} - ${formatVi(last)} dài ${days.length} ngày`, `range ${formatVi(first)} - ${formatVi(last)} is ${days.length} days long`),
            help: localized('kiểm tra lại ngày đầu và ngày cuối', 'check the first and last days'),
            path,
          });
        }
        if (list === 'work') {
          for (const n of days) {
            const date = fromEpochDay(n);
            if (cal.announcedOff.has(n)) {
              diagnostics.push({
                file,
                severity: 'error',
                code: 'calendar-off-and-work',
                message: localized(`${formatVi(date)} vừa là ngày nghỉ vừa là ngày làm bù`, `${formatVi(date)} is both a day off and a working day`),
                path,
              });
            } else if (!isWeekend(n) && !yearDays(date.year, buildLawOnly()).off.has(n)) {
              diagnostics.push({
                file,
                severity: 'warning',
                code: 'calendar-work-on-working-day',
                message: localized(`ngày làm bù ${formatVi(date)} vốn là ngày làm việc`, `working day ${formatVi(date)} is a working day anyway`),
                help: localized('ngày làm bù thường là thứ Bảy: kiểm tra lại ngày', 'swapped working days are usually Saturdays: check the date'),
                path,
              });
            }
          }
        }
      });
    };
    checkEntries('off', record.off);
    checkEntries('work', record.work);
  }
  return diagnostics;
}

let lawOnly: WorkCalendar | undefined;
/** The calendar of the law alone, shared (its cache too). */
function buildLawOnly(): WorkCalendar {
  lawOnly ??= buildWorkCalendar();
  return lawOnly;
}

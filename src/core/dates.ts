// Calendar dates without time or zone. Plans speak of days, not instants, so
// every computation here works on {year, month, day} through UTC arithmetic,
// which no machine time zone can shift.

export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

const MS_PER_DAY = 86_400_000;

export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  // The months of a year from 100 on by arithmetic (no Date object for each date a province reads); anything else
  // (years 0–99, which Date.UTC reads as 1900–1999, months out of range) as Date.UTC has it.
  if (!isPlainDay(year, month)) return new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : MONTH_DAYS[month]!;
}

const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
/** A year and month the arithmetic below reads as Date.UTC does (the day may be any integer: days count on linearly). */
const isPlainDay = (year: number, month: number) => Number.isInteger(year) && year >= 100 && year <= 200_000 && Number.isInteger(month) && month >= 1 && month <= 12;

export function toEpochDay(d: CalendarDate): number {
  const { year, month, day } = d;
  if (!isPlainDay(year, month) || !Number.isInteger(day)) return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
  // Days from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil), as Date.UTC counts
  // them, without its call (compareDates runs this twice for every comparison).
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

export function fromEpochDay(n: number): CalendarDate {
  const t = new Date(n * MS_PER_DAY);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function addDays(d: CalendarDate, n: number): CalendarDate {
  return fromEpochDay(toEpochDay(d) + n);
}

/** b − a in days. */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return toEpochDay(a) - toEpochDay(b);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: CalendarDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

const WEEKDAYS_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Thứ Hai" … "Chủ nhật"; inside a sentence "thứ Hai" (Chủ nhật keeps its capital). */
export function weekdayName(d: CalendarDate, lang: 'vi' | 'en', opts: { inSentence?: boolean } = {}): string {
  const name = (lang === 'vi' ? WEEKDAYS_VI : WEEKDAYS_EN)[weekday(d)]!;
  return opts.inSentence && lang === 'vi' ? name.replace(/^Thứ/, 'thứ') : name;
}

/** "Thứ Hai, 20/05/2024": a day as headings say it (here, not with the tables, so plan check loads no table code). */
export function dayHeading(d: CalendarDate, lang: 'vi' | 'en'): string {
  return `${weekdayName(d, lang)}, ${formatVi(d)}`;
}

// Days and months: two digits (formatVi runs for every day-off warning, four times each).
const pad = (n: number) => (n >= 0 && n < 10 ? `0${n}` : String(n));

/** 05/02/2024: the form Vietnamese documents use. */
export function formatVi(d: CalendarDate): string {
  return `${pad(d.day)}/${pad(d.month)}/${d.year}`;
}

/** 2024-02-05 */
export function formatIso(d: CalendarDate): string {
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/**
 * Reads "05/02/2024", "5/2/2024" (day first, always) or "2024-02-05".
 * Returns undefined for anything else, including impossible dates like 31/02.
 */
export function parseDateText(text: string): CalendarDate | undefined {
  const s = text.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return checked(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

function checked(year: number, month: number, day: number): CalendarDate | undefined {
  return isValidDate(year, month, day) ? { year, month, day } : undefined;
}

/** Today in Vietnam (UTC+7, no daylight saving), whatever the machine's zone. */
export function todayInVietnam(now: Date): CalendarDate {
  const t = new Date(now.getTime() + 7 * 3_600_000);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** A day a text spells with digits, its year when written. */
export interface WrittenDay {
  day: number;
  month: number;
  year?: number;
}

/** The days a text spells with digits: "01/11", "09/11/2024" (not "6/2024", a month). */
export function writtenDays(text: string): WrittenDay[] {
  return [...text.matchAll(/(?<!\d)(\d{1,2})\/(\d{1,2})(?!\d)(?:\/(\d{4})(?!\d))?/g)].map((m) => ({ day: Number(m[1]), month: Number(m[2]), ...(m[3] ? { year: Number(m[3]) } : {}) }));
}

/** A date that may lack its day or month, like the seed's "ngày … tháng 01 năm 2024". */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

export function parsePartialDate(text: string): PartialDate | undefined {
  const s = text.trim();
  const full = parseDateText(s);
  if (full) return full;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})\/(\d{4})$/.exec(s))) {
    const month = Number(m[1]);
    return month >= 1 && month <= 12 ? { year: Number(m[2]), month } : undefined;
  }
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(s))) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : undefined;
  }
  if ((m = /^(\d{4})$/.exec(s))) return { year: Number(m[1]) };
  return undefined;
}

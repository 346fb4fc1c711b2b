// The Vietnamese lunar calendar (âm lịch), computed for Vietnam's time zone.
//
// Hồ Ngọc Đức's published algorithm: new moons and the sun's longitude after
// Jean Meeus, "Astronomical Algorithms" (1998), reckoned at UTC+7. A month
// starts on the local day of its new moon; month 11 holds the winter solstice;
// in a 13-month year the first month without a major solar term is the leap
// month. Chinese-calendar libraries reckon at UTC+8 and disagree in some years
// (Tết 2007: 17/02 in Vietnam, 18/02 in China; Tết 1985: 21/01 against 20/02),
// so this file must not be replaced by one.

import { type CalendarDate, fromEpochDay, toEpochDay } from './dates.js';

const TIME_ZONE_HOURS = 7;
/** Julian day number of 01/01/1970, day 0 of `toEpochDay`. */
const JULIAN_DAY_OF_EPOCH = 2_440_588;
const SYNODIC_MONTH = 29.530588853;
/** Julian date of the new moon of 01/01/1900 (13:52 UTC), new moon number 0. */
const FIRST_NEW_MOON = 2_415_021.076998695;
const DEGREE = Math.PI / 180;

export interface LunarDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-30
  /** True in the repeated (nhuận) month of a 13-month year. */
  leap: boolean;
}

const julianDay = (d: CalendarDate): number => toEpochDay(d) + JULIAN_DAY_OF_EPOCH;
const fromJulianDay = (jd: number): CalendarDate => fromEpochDay(jd - JULIAN_DAY_OF_EPOCH);

/** Julian date (fractional, UTC) of new moon number k. */
function newMoon(k: number): number {
  const T = k / 1236.85; // Julian centuries from 1900 January 0.5
  const T2 = T * T;
  const T3 = T2 * T;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEGREE);
  const sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3) * DEGREE;
  const moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3) * DEGREE;
  const latitudeArg = (21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3) * DEGREE;
  const M = sunAnomaly;
  const Mp = moonAnomaly;
  const F = latitudeArg;
  const correction =
    (0.1734 - 0.000393 * T) * Math.sin(M) +
    0.0021 * Math.sin(2 * M) -
    0.4068 * Math.sin(Mp) +
    0.0161 * Math.sin(2 * Mp) -
    0.0004 * Math.sin(3 * Mp) +
    0.0104 * Math.sin(2 * F) -
    0.0051 * Math.sin(M + Mp) -
    0.0074 * Math.sin(M - Mp) +
    0.0004 * Math.sin(2 * F + M) -
    0.0004 * Math.sin(2 * F - M) -
    0.0006 * Math.sin(2 * F + Mp) +
    0.001 * Math.sin(2 * F - Mp) +
    0.0005 * Math.sin(2 * Mp + M);
  const deltaT = T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd + correction - deltaT;
}

/** The sun's true longitude, radians in [0, 2π), at Julian date jd. */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525; // Julian centuries from 2000-01-01 12:00 UTC
  const T2 = T * T;
  const M = (357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2) * DEGREE;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  const center = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(M) + (0.019993 - 0.000101 * T) * Math.sin(2 * M) + 0.00029 * Math.sin(3 * M);
  const L = (L0 + center) * DEGREE;
  return L - 2 * Math.PI * Math.floor(L / (2 * Math.PI));
}

/** Local day (Julian day number) of new moon number k. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + TIME_ZONE_HOURS / 24);
}

/** Which 30° sector (0-11, 0 from the March equinox) the sun is in at local midnight starting day jdn. */
function sunSector(jdn: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - TIME_ZONE_HOURS / 24) / Math.PI) * 6);
}

const month11Cache = new Map<number, number>();

/** Julian day number on which lunar month 11 (the month of the winter solstice) of solar year `year` begins. */
function lunarMonth11(year: number): number {
  const cached = month11Cache.get(year);
  if (cached !== undefined) return cached;
  const daysFromFirstNewMoon = julianDay({ year, month: 12, day: 31 }) - 2415021;
  const k = Math.floor(daysFromFirstNewMoon / SYNODIC_MONTH);
  let start = newMoonDay(k);
  // Sector ≥ 9 means the sun has passed 270° (the solstice): that month is 12, take the one before.
  if (sunSector(start) >= 9) start = newMoonDay(k - 1);
  month11Cache.set(year, start);
  return start;
}

/** Months after month 11 (starting on a11) to the leap month: the first month with no major term. */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - FIRST_NEW_MOON) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let sector = sunSector(newMoonDay(k + i));
  let previous: number;
  do {
    previous = sector;
    i++;
    sector = sunSector(newMoonDay(k + i));
  } while (sector !== previous && i < 14);
  return i - 1;
}

/** The lunar date of a solar (Gregorian) date, in Vietnam. */
export function solarToLunar(d: CalendarDate): LunarDate {
  const dayNumber = julianDay(d);
  // Start from the mean-motion estimate and step back. The published code steps
  // back once only, which gives day 0 for 07/05/2054, where the true new moon
  // falls late enough after the mean one.
  let k = Math.floor((dayNumber - FIRST_NEW_MOON) / SYNODIC_MONTH) + 1;
  let monthStart = newMoonDay(k);
  while (monthStart > dayNumber) monthStart = newMoonDay(--k);

  // The lunar "sui" year runs from one month 11 (a11) to the next (b11).
  let a11 = lunarMonth11(d.year);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = d.year;
    a11 = lunarMonth11(d.year - 1);
  } else {
    year = d.year + 1;
    b11 = lunarMonth11(d.year + 1);
  }

  const day = dayNumber - monthStart + 1;
  const monthsAfter11 = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = monthsAfter11 + 11;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    if (monthsAfter11 >= leapOffset) {
      month = monthsAfter11 + 10;
      leap = monthsAfter11 === leapOffset;
    }
  }
  if (month > 12) month -= 12;
  // Months 11 and 12 at the start of the sui belong to the lunar year before.
  if (month >= 11 && monthsAfter11 < 4) year -= 1;
  return { year, month, day, leap };
}

/**
 * The solar date of a lunar date, in Vietnam. Undefined when the lunar date does
 * not exist: a leap month the year lacks, day 30 of a 29-day month, or values out of range.
 */
export function lunarToSolar(lunarYear: number, lunarMonth: number, lunarDay: number, leapMonth = false): CalendarDate | undefined {
  if (![lunarYear, lunarMonth, lunarDay].every(Number.isInteger)) return undefined;
  if (lunarMonth < 1 || lunarMonth > 12 || lunarDay < 1 || lunarDay > 30) return undefined;

  const [a11, b11] = lunarMonth < 11 ? [lunarMonth11(lunarYear - 1), lunarMonth11(lunarYear)] : [lunarMonth11(lunarYear), lunarMonth11(lunarYear + 1)];
  const k = Math.floor(0.5 + (a11 - FIRST_NEW_MOON) / SYNODIC_MONTH);
  let offset = lunarMonth - 11;
  if (offset < 0) offset += 12;

  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    let leapMonthNumber = leapOffset - 2;
    if (leapMonthNumber < 0) leapMonthNumber += 12;
    if (leapMonth && lunarMonth !== leapMonthNumber) return undefined;
    if (leapMonth || offset >= leapOffset) offset += 1;
  } else if (leapMonth) {
    return undefined;
  }

  const monthStart = newMoonDay(k + offset);
  const monthLength = newMoonDay(k + offset + 1) - monthStart;
  if (lunarDay > monthLength) return undefined;
  return fromJulianDay(monthStart + lunarDay - 1);
}

/** Mùng 1 Tết (first day of lunar year `year`), as a solar date. */
export function lunarNewYear(year: number): CalendarDate {
  // Month 1 day 1 always exists.
  return lunarToSolar(year, 1, 1) as CalendarDate;
}

/** The leap month (1-12) of lunar year `year`, or undefined in a 12-month year. */
export function leapMonthOf(year: number): number | undefined {
  for (let month = 1; month <= 12; month++) {
    if (lunarToSolar(year, month, 1, true)) return month;
  }
  return undefined;
}

const CAN = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const CHI = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'];

/** Can Chi name of a lunar year: 2024 → "Giáp Thìn". Notices name Tết by it ("Tết Giáp Thìn"). */
export function lunarYearName(year: number): string {
  const mod = (n: number, m: number) => ((n % m) + m) % m;
  return `${CAN[mod(year + 6, 10)]} ${CHI[mod(year + 8, 12)]}`;
}

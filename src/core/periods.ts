// Reporting periods and their data cut-off (thời gian chốt số liệu) per Nghị
// định 09/2019/NĐ-CP as restated by later regulations: a period runs from the
// 15th of the month before it to the 14th of its last month.
import type { CalendarDate } from './dates.js';
import { daysInMonth } from './dates.js';
import type { Lang } from './diagnostic.js';
import type { Duty, Plan, ReportPeriod } from './model.js';
import type { Wording } from './templates.js';

export type PeriodCode = Exclude<ReportPeriod, 'month'>;
export const PERIOD_CODES: readonly PeriodCode[] = ['6m', '9m', 'year', 'q1', 'q2', 'q3', 'q4'];

export interface ReportingPeriod {
  code: PeriodCode;
  year: number;
  /** First day of the data cut-off. */
  from: CalendarDate;
  /** Last day of the data cut-off. */
  to: CalendarDate;
  /** The 9-month cut-off is not confirmed by a primary text. */
  unverified: boolean;
}

/** The last month of each period, and its first month (0 = December of the year before). */
const SPAN: Record<PeriodCode, { firstMonthBefore: number; lastMonth: number }> = {
  '6m': { firstMonthBefore: 0, lastMonth: 6 },
  '9m': { firstMonthBefore: 0, lastMonth: 9 },
  year: { firstMonthBefore: 0, lastMonth: 12 },
  q1: { firstMonthBefore: 0, lastMonth: 3 },
  q2: { firstMonthBefore: 3, lastMonth: 6 },
  q3: { firstMonthBefore: 6, lastMonth: 9 },
  q4: { firstMonthBefore: 9, lastMonth: 12 },
};

/** How a period is named to the reader ("6 tháng đầu năm 2026", "the first six months of 2026"), from its code and year. */
export type PeriodName = (code: ReportPeriod, year: number) => string;

const ENGLISH: Record<PeriodCode, (year: number) => string> = {
  '6m': (y) => `the first six months of ${y}`,
  '9m': (y) => `the first nine months of ${y}`,
  year: (y) => `the year ${y}`,
  q1: (y) => `Q1 ${y}`,
  q2: (y) => `Q2 ${y}`,
  q3: (y) => `Q3 ${y}`,
  q4: (y) => `Q4 ${y}`,
};

/**
 * Monthly reports: no reporting period of plan report (no cut-off, so not in report.txt), named here, as import reads
 * them ("hằng tháng").
 */
const MONTHLY: Record<Lang, (year: number) => string> = { vi: (y) => `hằng tháng năm ${y}`, en: (y) => `each month of ${y}` };

/**
 * Periods named in Vietnamese as the reports name them (report.txt period_*: the wording is asked for only when a
 * period is named), in English alike; "month" (monthly reports) as MONTHLY says.
 */
export function periodNamer(lang: Lang, report: () => Wording): PeriodName {
  let wording: Wording | undefined;
  return (code, year) => {
    if (code === 'month') return MONTHLY[lang](year);
    if (lang === 'en') return ENGLISH[code](year);
    wording ??= report();
    return wording.text(`period_${code}`, { year });
  };
}

/** The calendar months a period names (quý I: 01/01 to 31/03), beside its data cut-off: the days its work falls due on. */
export function periodMonths(p: Pick<ReportingPeriod, 'code' | 'year'>): { from: CalendarDate; to: CalendarDate } {
  const s = SPAN[p.code];
  return { from: { year: p.year, month: s.firstMonthBefore + 1, day: 1 }, to: { year: p.year, month: s.lastMonth, day: daysInMonth(p.year, s.lastMonth) } };
}

export function reportingPeriod(code: PeriodCode, year: number): ReportingPeriod {
  const s = SPAN[code];
  const from = s.firstMonthBefore === 0 ? { year: year - 1, month: 12, day: 15 } : { year, month: s.firstMonthBefore, day: 15 };
  return { code, year, from, to: { year, month: s.lastMonth, day: 14 }, unverified: code === '9m' };
}

/** The plan's own duty for this kind of period (the seed: 6m due 20/5, year due 15/11). */
export function dutyForPeriod(plan: Plan, code: PeriodCode): Duty | undefined {
  return plan.duties.find((d) => d.period === code);
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/dates.js';
import { formatVi } from '../../src/core/dates.js';
import type { Deadline, Point, Window } from '../../src/core/deadline.js';
import { describeDeadline, parseDeadline, resolveDeadline } from '../../src/core/deadline.js';

const YEARS = { from: 2024, to: 2025 };

function parsed(text: string): Deadline {
  const r = parseDeadline(text);
  if (!r.ok) throw new Error(`expected "${text}" to parse: ${r.message.en}`);
  return r.deadline;
}

/** Occurrences as short strings: "due:05/02/2024", "window:01/11/2024–09/11/2024". */
function dates(d: Deadline, years = YEARS, opts: { eventDate?: CalendarDate; strictBefore?: boolean } = {}): string[] {
  return resolveDeadline(d, years, opts).map((o) => `${o.kind}:${o.start ? `${formatVi(o.start)}–` : ''}${formatVi(o.due)}`);
}

const day = (day: number, month: number, year?: number): Point => (year === undefined ? { unit: 'day', month, day } : { unit: 'day', year, month, day });
const month = (month: number, year?: number): Point => (year === undefined ? { unit: 'month', month } : { unit: 'month', year, month });
const quarter = (q: 1 | 2 | 3 | 4, year?: number): Point => (year === undefined ? { unit: 'quarter', quarter: q } : { unit: 'quarter', year, quarter: q });
const half = (h: 1 | 2, year?: number): Point => (year === undefined ? { unit: 'half', half: h } : { unit: 'half', year, half: h });
const year = (y: number): Point => ({ unit: 'year', year: y });
const by = (text: string, point: Point, marker?: 'truoc' | 'cham-nhat'): Deadline => (marker ? { kind: 'by', text, point, before: true, marker } : { kind: 'by', text, point });
const win = (text: string, from: Point, to: Point): Window => ({ kind: 'window', text, from, to });

/** [as written, parsed, occurrences for 2024–2025] */
type Case = [string, Deadline, string[]];

function table(cases: Case[]) {
  it.each(cases)('%s', (text, want, occ) => {
    const d = parsed(text);
    expect(d).toEqual(want);
    expect(dates(d)).toEqual(occ);
  });
}

describe('ongoing', () => {
  table([
    ['thường xuyên', { kind: 'ongoing', text: 'thường xuyên' }, []],
    ['Thường xuyên', { kind: 'ongoing', text: 'Thường xuyên' }, []],
    ['hằng năm', { kind: 'ongoing', text: 'hằng năm' }, []],
    ['hàng năm', { kind: 'ongoing', text: 'hàng năm' }, []],
    ['định kỳ', { kind: 'ongoing', text: 'định kỳ' }, []],
    ['liên tục', { kind: 'ongoing', text: 'liên tục' }, []],
    ['thường xuyên, liên tục', { kind: 'ongoing', text: 'thường xuyên, liên tục' }, []],
    ['định kỳ 6 tháng', { kind: 'ongoing', text: 'định kỳ 6 tháng' }, []],
    ['định kì hằng quý', { kind: 'ongoing', text: 'định kì hằng quý' }, []],
  ]);
});

describe('years (Bộ luật Dân sự Điều 146 for giữa / cuối)', () => {
  table([
    ['năm 2024', by('năm 2024', year(2024)), ['due:01/01/2024–31/12/2024']],
    ['năm 2024.', by('năm 2024', year(2024)), ['due:01/01/2024–31/12/2024']],
    ['trong năm 2024', by('trong năm 2024', year(2024)), ['due:01/01/2024–31/12/2024']],
    ['2024', by('2024', year(2024)), ['due:01/01/2024–31/12/2024']],
    ['cuối năm 2024', by('cuối năm 2024', day(31, 12, 2024)), ['due:31/12/2024']],
    ['giữa năm 2024', by('giữa năm 2024', day(30, 6, 2024)), ['due:30/06/2024']],
    ['đầu năm 2025', by('đầu năm 2025', day(1, 1, 2025)), ['due:01/01/2025']],
    ['giữa tháng 6/2024', by('giữa tháng 6/2024', day(15, 6, 2024)), ['due:15/06/2024']],
    ['cuối tháng 6/2024', by('cuối tháng 6/2024', day(30, 6, 2024)), ['due:30/06/2024']],
    ['cuối tháng 2/2024', by('cuối tháng 2/2024', day(29, 2, 2024)), ['due:29/02/2024']],
    // Without a year the last day of February moves, so the month is kept.
    ['cuối tháng 2', by('cuối tháng 2', month(2)), ['due:01/02/2024–29/02/2024', 'due:01/02/2025–28/02/2025']],
    ['cuối quý I/2024', by('cuối quý I/2024', day(31, 3, 2024)), ['due:31/03/2024']],
    ['từ nay đến hết năm 2025', by('từ nay đến hết năm 2025', year(2025)), ['due:01/01/2025–31/12/2025']],
    ['Thời gian thực hiện: năm 2024.', by('Thời gian thực hiện: năm 2024', year(2024)), ['due:01/01/2024–31/12/2024']],
  ]);
});

describe('dates (day before month, always)', () => {
  table([
    ['05/02/2024', by('05/02/2024', day(5, 2, 2024)), ['due:05/02/2024']],
    ['5/2/2024', by('5/2/2024', day(5, 2, 2024)), ['due:05/02/2024']],
    ['5-2-2024', by('5-2-2024', day(5, 2, 2024)), ['due:05/02/2024']],
    ['05.02.2024', by('05.02.2024', day(5, 2, 2024)), ['due:05/02/2024']],
    ['05 / 02 / 2024', by('05 / 02 / 2024', day(5, 2, 2024)), ['due:05/02/2024']],
    ['ngày 05/02/2024', by('ngày 05/02/2024', day(5, 2, 2024)), ['due:05/02/2024']],
    ['vào ngày 05/02/2024', by('vào ngày 05/02/2024', day(5, 2, 2024)), ['due:05/02/2024']],
    ['ngày 5 tháng 2 năm 2024', by('ngày 5 tháng 2 năm 2024', day(5, 2, 2024)), ['due:05/02/2024']],
    ['trước ngày 05/02/2024', by('trước ngày 05/02/2024', day(5, 2, 2024), 'truoc'), ['due:05/02/2024']],
    ['chậm nhất ngày 05/02/2024', by('chậm nhất ngày 05/02/2024', day(5, 2, 2024), 'cham-nhat'), ['due:05/02/2024']],
    ['chậm nhất là ngày 05/02/2024', by('chậm nhất là ngày 05/02/2024', day(5, 2, 2024), 'cham-nhat'), ['due:05/02/2024']],
    ['hạn chót 05/02/2024', by('hạn chót 05/02/2024', day(5, 2, 2024), 'cham-nhat'), ['due:05/02/2024']],
    ['xong trước 05/02/2024', by('xong trước 05/02/2024', day(5, 2, 2024), 'truoc'), ['due:05/02/2024']],
    ['đến hết ngày 30/6/2024', by('đến hết ngày 30/6/2024', day(30, 6, 2024)), ['due:30/06/2024']],
    ['trước 17 giờ ngày 05/02/2024', by('trước 17 giờ ngày 05/02/2024', day(5, 2, 2024), 'truoc'), ['due:05/02/2024']],
    ['trước 05/02', by('trước 05/02', day(5, 2), 'truoc'), ['due:05/02/2024', 'due:05/02/2025']],
    ['trước ngày 20 tháng 5', by('trước ngày 20 tháng 5', day(20, 5), 'truoc'), ['due:20/05/2024', 'due:20/05/2025']],
  ]);

  it('never reads 05/02 as May', () => {
    expect(parsed('05/02')).toEqual(by('05/02', day(5, 2)));
    expect(parsed('02/05/2024')).toEqual(by('02/05/2024', day(2, 5, 2024)));
  });

  it('a written date is due once, even outside the plan years', () => {
    expect(dates(parsed('05/02/2023'), { from: 2024, to: 2026 })).toEqual(['due:05/02/2023']);
  });
});

describe('a day every year (no year written)', () => {
  table([
    ['20/5', by('20/5', day(20, 5)), ['due:20/05/2024', 'due:20/05/2025']],
    ['trước ngày 20/5', by('trước ngày 20/5', day(20, 5), 'truoc'), ['due:20/05/2024', 'due:20/05/2025']],
    ['trước ngày 15/11', by('trước ngày 15/11', day(15, 11), 'truoc'), ['due:15/11/2024', 'due:15/11/2025']],
    ['ngày 20 tháng 5', by('ngày 20 tháng 5', day(20, 5)), ['due:20/05/2024', 'due:20/05/2025']],
    ['ngày 20/5 hằng năm', by('ngày 20/5 hằng năm', day(20, 5)), ['due:20/05/2024', 'due:20/05/2025']],
    ['hằng năm, ngày 20/05', by('hằng năm, ngày 20/05', day(20, 5)), ['due:20/05/2024', 'due:20/05/2025']],
    ['hằng năm trước ngày 15/11', by('hằng năm trước ngày 15/11', day(15, 11), 'truoc'), ['due:15/11/2024', 'due:15/11/2025']],
    ['đầu năm', by('đầu năm', day(1, 1)), ['due:01/01/2024', 'due:01/01/2025']],
    // 29/02 every year: the last day of February in common years.
    ['29/2', by('29/2', day(29, 2)), ['due:29/02/2024', 'due:28/02/2025']],
  ]);

  it('repeats for every year of the plan, and not at all for an empty range', () => {
    expect(dates(parsed('20/5'), { from: 2022, to: 2024 })).toEqual(['due:20/05/2022', 'due:20/05/2023', 'due:20/05/2024']);
    expect(dates(parsed('20/5'), { from: 2025, to: 2024 })).toEqual([]);
  });
});

describe('months', () => {
  table([
    ['tháng 6/2024', by('tháng 6/2024', month(6, 2024)), ['due:01/06/2024–30/06/2024']],
    ['tháng 6 năm 2024', by('tháng 6 năm 2024', month(6, 2024)), ['due:01/06/2024–30/06/2024']],
    ['tháng 06/2024', by('tháng 06/2024', month(6, 2024)), ['due:01/06/2024–30/06/2024']],
    ['tháng 6-2024', by('tháng 6-2024', month(6, 2024)), ['due:01/06/2024–30/06/2024']],
    ['6/2024', by('6/2024', month(6, 2024)), ['due:01/06/2024–30/06/2024']],
    ['trong tháng 6', by('trong tháng 6', month(6)), ['due:01/06/2024–30/06/2024', 'due:01/06/2025–30/06/2025']],
    ['tháng 2/2024', by('tháng 2/2024', month(2, 2024)), ['due:01/02/2024–29/02/2024']],
    [
      'tháng 11, 12/2013',
      { kind: 'combined', text: 'tháng 11, 12/2013', parts: [by('tháng 11', month(11, 2013)), by('12/2013', month(12, 2013))] },
      ['due:01/11/2013–30/11/2013', 'due:01/12/2013–31/12/2013'],
    ],
    [
      'tháng 11 và tháng 12/2013',
      { kind: 'combined', text: 'tháng 11 và tháng 12/2013', parts: [by('tháng 11', month(11, 2013)), by('tháng 12/2013', month(12, 2013))] },
      ['due:01/11/2013–30/11/2013', 'due:01/12/2013–31/12/2013'],
    ],
    [
      'tháng 3, 4 và 5 năm 2024',
      { kind: 'combined', text: 'tháng 3, 4 và 5 năm 2024', parts: [by('tháng 3', month(3, 2024)), by('4', month(4, 2024)), by('5 năm 2024', month(5, 2024))] },
      ['due:01/03/2024–31/03/2024', 'due:01/04/2024–30/04/2024', 'due:01/05/2024–31/05/2024'],
    ],
  ]);
});

describe('quarters and halves', () => {
  table([
    ['quý I/2024', by('quý I/2024', quarter(1, 2024)), ['due:01/01/2024–31/03/2024']],
    ['quý 1/2024', by('quý 1/2024', quarter(1, 2024)), ['due:01/01/2024–31/03/2024']],
    ['quí 2/2024', by('quí 2/2024', quarter(2, 2024)), ['due:01/04/2024–30/06/2024']],
    ['Quý IV', by('Quý IV', quarter(4)), ['due:01/10/2024–31/12/2024', 'due:01/10/2025–31/12/2025']],
    ['trong quý 2', by('trong quý 2', quarter(2)), ['due:01/04/2024–30/06/2024', 'due:01/04/2025–30/06/2025']],
    ['quý II năm 2024', by('quý II năm 2024', quarter(2, 2024)), ['due:01/04/2024–30/06/2024']],
    ['quý III/2024', by('quý III/2024', quarter(3, 2024)), ['due:01/07/2024–30/09/2024']],
    ['trong quý 1/2019', by('trong quý 1/2019', quarter(1, 2019)), ['due:01/01/2019–31/03/2019']],
    ['hoàn thành trong quý 1/2019', by('hoàn thành trong quý 1/2019', quarter(1, 2019)), ['due:01/01/2019–31/03/2019']],
    [
      'quý I, II/2024',
      { kind: 'combined', text: 'quý I, II/2024', parts: [by('quý I', quarter(1, 2024)), by('II/2024', quarter(2, 2024))] },
      ['due:01/01/2024–31/03/2024', 'due:01/04/2024–30/06/2024'],
    ],
    ['6 tháng đầu năm', by('6 tháng đầu năm', half(1)), ['due:01/01/2024–30/06/2024', 'due:01/01/2025–30/06/2025']],
    ['6 tháng cuối năm', by('6 tháng cuối năm', half(2)), ['due:01/07/2024–31/12/2024', 'due:01/07/2025–31/12/2025']],
    ['6 tháng đầu năm 2024', by('6 tháng đầu năm 2024', half(1, 2024)), ['due:01/01/2024–30/06/2024']],
    ['6 tháng cuối năm 2024', by('6 tháng cuối năm 2024', half(2, 2024)), ['due:01/07/2024–31/12/2024']],
    ['trong 6 tháng đầu năm 2024', by('trong 6 tháng đầu năm 2024', half(1, 2024)), ['due:01/01/2024–30/06/2024']],
    ['nửa cuối năm 2025', by('nửa cuối năm 2025', half(2, 2025)), ['due:01/07/2025–31/12/2025']],
    // The month "dự kiến" in brackets only estimates when within the period: the period's end is the deadline, the
    // estimate stays in the text (it was a second part, due 31/10, overdue two months early).
    ['6 tháng cuối năm 2024 (dự kiến tháng 10/2024)', by('6 tháng cuối năm 2024 (dự kiến tháng 10/2024)', half(2, 2024)), ['due:01/07/2024–31/12/2024']],
    ['quý III/2025 (Dự kiến: tháng 8)', by('quý III/2025 (Dự kiến: tháng 8)', quarter(3, 2025)), ['due:01/07/2025–30/09/2025']],
  ]);
});

describe('windows', () => {
  table([
    ['từ ngày 01/11 đến ngày 09/11/2024', win('từ ngày 01/11 đến ngày 09/11/2024', day(1, 11, 2024), day(9, 11, 2024)), ['window:01/11/2024–09/11/2024']],
    ['01/11 - 09/11/2024', win('01/11 - 09/11/2024', day(1, 11, 2024), day(9, 11, 2024)), ['window:01/11/2024–09/11/2024']],
    ['01/11–09/11/2024', win('01/11–09/11/2024', day(1, 11, 2024), day(9, 11, 2024)), ['window:01/11/2024–09/11/2024']],
    ['ngày 01-09/11/2024', win('ngày 01-09/11/2024', day(1, 11, 2024), day(9, 11, 2024)), ['window:01/11/2024–09/11/2024']],
    ['từ ngày 01 đến ngày 09/11/2024', win('từ ngày 01 đến ngày 09/11/2024', day(1, 11, 2024), day(9, 11, 2024)), ['window:01/11/2024–09/11/2024']],
    // The start, given the end's month, would fall after the end: it is in the month before.
    ['từ ngày 25 đến ngày 05/12/2024', win('từ ngày 25 đến ngày 05/12/2024', day(25, 11, 2024), day(5, 12, 2024)), ['window:25/11/2024–05/12/2024']],
    // The start takes the end's year, or the year before when it would fall after the end.
    ['từ ngày 15/12 đến ngày 15/01/2025', win('từ ngày 15/12 đến ngày 15/01/2025', day(15, 12, 2024), day(15, 1, 2025)), ['window:15/12/2024–15/01/2025']],
    ['từ tháng 3 đến tháng 6/2024', win('từ tháng 3 đến tháng 6/2024', month(3, 2024), month(6, 2024)), ['window:01/03/2024–30/06/2024']],
    ['tháng 3-6/2024', win('tháng 3-6/2024', month(3, 2024), month(6, 2024)), ['window:01/03/2024–30/06/2024']],
    ['từ tháng 11 đến tháng 2/2025', win('từ tháng 11 đến tháng 2/2025', month(11, 2024), month(2, 2025)), ['window:01/11/2024–28/02/2025']],
    ['từ năm 2024 đến năm 2026', win('từ năm 2024 đến năm 2026', year(2024), year(2026)), ['window:01/01/2024–31/12/2026']],
    ['2024 - 2026', win('2024 - 2026', year(2024), year(2026)), ['window:01/01/2024–31/12/2026']],
    ['giai đoạn 2024-2026', win('giai đoạn 2024-2026', year(2024), year(2026)), ['window:01/01/2024–31/12/2026']],
    ['trong giai đoạn 2021 - 2025', win('trong giai đoạn 2021 - 2025', year(2021), year(2025)), ['window:01/01/2021–31/12/2025']],
    ['từ quý I đến quý III/2024', win('từ quý I đến quý III/2024', quarter(1, 2024), quarter(3, 2024)), ['window:01/01/2024–30/09/2024']],
    ['từ 01/11/2024 đến 09/11', win('từ 01/11/2024 đến 09/11', day(1, 11, 2024), day(9, 11, 2024)), ['window:01/11/2024–09/11/2024']],
    // Both ends without a year: every year; a window across New Year starts the year before.
    ['từ 15/12 đến 15/01', win('từ 15/12 đến 15/01', day(15, 12), day(15, 1)), ['window:15/12/2023–15/01/2024', 'window:15/12/2024–15/01/2025']],
    ['hằng năm, từ ngày 01/11 đến ngày 09/11', win('hằng năm, từ ngày 01/11 đến ngày 09/11', day(1, 11), day(9, 11)), ['window:01/11/2024–09/11/2024', 'window:01/11/2025–09/11/2025']],
  ]);
});

describe('a deadline with a peak', () => {
  const peakWindow = win('từ ngày 01/11 đến ngày 09/11/2024', day(1, 11, 2024), day(9, 11, 2024));
  table([
    [
      'năm 2024; cao điểm từ ngày 01/11 đến ngày 09/11/2024.',
      { kind: 'combined', text: 'năm 2024; cao điểm từ ngày 01/11 đến ngày 09/11/2024', parts: [by('năm 2024', year(2024))], peak: peakWindow },
      ['peak:01/11/2024–09/11/2024', 'due:01/01/2024–31/12/2024'],
    ],
    [
      'năm 2024; cao điểm từ ngày 01/11 đến ngày 09/11/2024',
      { kind: 'combined', text: 'năm 2024; cao điểm từ ngày 01/11 đến ngày 09/11/2024', parts: [by('năm 2024', year(2024))], peak: peakWindow },
      ['peak:01/11/2024–09/11/2024', 'due:01/01/2024–31/12/2024'],
    ],
    // A peak without a year takes the one year of the main deadline.
    [
      'năm 2024, trong đó cao điểm từ ngày 01/11 đến 09/11',
      {
        kind: 'combined',
        text: 'năm 2024, trong đó cao điểm từ ngày 01/11 đến 09/11',
        parts: [by('năm 2024', year(2024))],
        peak: win('từ ngày 01/11 đến 09/11', day(1, 11, 2024), day(9, 11, 2024)),
      },
      ['peak:01/11/2024–09/11/2024', 'due:01/01/2024–31/12/2024'],
    ],
    [
      'năm 2024 (cao điểm tháng 11)',
      { kind: 'combined', text: 'năm 2024 (cao điểm tháng 11)', parts: [by('năm 2024', year(2024))], peak: win('tháng 11', month(11, 2024), month(11, 2024)) },
      ['peak:01/11/2024–30/11/2024', 'due:01/01/2024–31/12/2024'],
    ],
  ]);
});

describe('combinations', () => {
  table([
    [
      'quý I/2024 và thường xuyên',
      { kind: 'combined', text: 'quý I/2024 và thường xuyên', parts: [by('quý I/2024', quarter(1, 2024)), { kind: 'ongoing', text: 'thường xuyên' }] },
      ['due:01/01/2024–31/03/2024'],
    ],
    [
      'năm 2024 và các năm tiếp theo',
      { kind: 'combined', text: 'năm 2024 và các năm tiếp theo', parts: [by('năm 2024', year(2024)), { kind: 'ongoing', text: 'các năm tiếp theo' }] },
      ['due:01/01/2024–31/12/2024'],
    ],
    ['năm 2024; thường xuyên', { kind: 'combined', text: 'năm 2024; thường xuyên', parts: [by('năm 2024', year(2024)), { kind: 'ongoing', text: 'thường xuyên' }] }, ['due:01/01/2024–31/12/2024']],
    [
      'quý I/2024, quý III/2024',
      { kind: 'combined', text: 'quý I/2024, quý III/2024', parts: [by('quý I/2024', quarter(1, 2024)), by('quý III/2024', quarter(3, 2024))] },
      ['due:01/01/2024–31/03/2024', 'due:01/07/2024–30/09/2024'],
    ],
    // A year written on the last day of a list dates the days before it.
    [
      'ngày 20/5 và 15/11/2024',
      { kind: 'combined', text: 'ngày 20/5 và 15/11/2024', parts: [by('ngày 20/5', day(20, 5, 2024)), by('15/11/2024', day(15, 11, 2024))] },
      ['due:20/05/2024', 'due:15/11/2024'],
    ],
    // "trước" carries over to the rest of the list.
    [
      'trước ngày 20/5 và 15/11',
      { kind: 'combined', text: 'trước ngày 20/5 và 15/11', parts: [by('trước ngày 20/5', day(20, 5), 'truoc'), by('15/11', day(15, 11), 'truoc')] },
      ['due:20/05/2024', 'due:15/11/2024', 'due:20/05/2025', 'due:15/11/2025'],
    ],
    // The seed's reporting sentence (III.1), with its conversion asterisks.
    [
      'Định kỳ 6 tháng (*trước ngày 20/5*), hàng năm (*trước ngày 15/11*)',
      {
        kind: 'combined',
        text: 'Định kỳ 6 tháng (*trước ngày 20/5*), hàng năm (*trước ngày 15/11*)',
        parts: [by('trước ngày 20/5', day(20, 5), 'truoc'), by('trước ngày 15/11', day(15, 11), 'truoc')],
      },
      ['due:20/05/2024', 'due:15/11/2024', 'due:20/05/2025', 'due:15/11/2025'],
    ],
  ]);

  it('keeps "; " between ongoing parts but merges "thường xuyên, liên tục"', () => {
    expect(parsed('thường xuyên; liên tục')).toEqual({
      kind: 'combined',
      text: 'thường xuyên; liên tục',
      parts: [
        { kind: 'ongoing', text: 'thường xuyên' },
        { kind: 'ongoing', text: 'liên tục' },
      ],
    });
    expect(parsed('thường xuyên và liên tục')).toEqual({ kind: 'ongoing', text: 'thường xuyên và liên tục' });
  });
});

describe('events', () => {
  table([
    ['sau khi được Thủ tướng Chính phủ ký ban hành', { kind: 'event', text: 'sau khi được Thủ tướng Chính phủ ký ban hành' }, []],
    ['khi có yêu cầu', { kind: 'event', text: 'khi có yêu cầu' }, []],
    ['theo yêu cầu', { kind: 'event', text: 'theo yêu cầu' }, []],
    ['ngay sau khi Kế hoạch được ban hành', { kind: 'event', text: 'ngay sau khi Kế hoạch được ban hành' }, []],
    ['sau khi Sở Tư pháp, UBND tỉnh có văn bản', { kind: 'event', text: 'sau khi Sở Tư pháp, UBND tỉnh có văn bản' }, []],
    ['trong vòng 30 ngày kể từ ngày Kế hoạch được ban hành', { kind: 'event', text: 'trong vòng 30 ngày kể từ ngày Kế hoạch được ban hành', offsetDays: 30 }, []],
    ['trong thời hạn 15 ngày kể từ ngày nhận được văn bản', { kind: 'event', text: 'trong thời hạn 15 ngày kể từ ngày nhận được văn bản', offsetDays: 15 }, []],
    ['30 ngày sau khi ký', { kind: 'event', text: '30 ngày sau khi ký', offsetDays: 30 }, []],
    ['trong vòng 30 ngày', { kind: 'event', text: 'trong vòng 30 ngày', offsetDays: 30 }, []],
    // The text names the event's date: resolvable without eventDate.
    ['trong vòng 30 ngày kể từ ngày 05/02/2024', { kind: 'event', text: 'trong vòng 30 ngày kể từ ngày 05/02/2024', offsetDays: 30, since: { year: 2024, month: 2, day: 5 } }, ['due:06/03/2024']],
    [
      'trong vòng 10 ngày làm việc kể từ ngày 05/02/2024',
      { kind: 'event', text: 'trong vòng 10 ngày làm việc kể từ ngày 05/02/2024', offsetDays: 10, workingDays: true, since: { year: 2024, month: 2, day: 5 } },
      ['due:19/02/2024'],
    ],
    // Hours: kept, and counted as the days they reach (an event on 15/3 with 24 hours is due 16/3).
    ['trong vòng 24 giờ kể từ khi xảy ra thiên tai', { kind: 'event', text: 'trong vòng 24 giờ kể từ khi xảy ra thiên tai', offsetHours: 24, offsetDays: 1 }, []],
    // "24h" is 24 giờ when it counts hours; "13h30" is a clock time.
    ['trong vòng 24h kể từ khi xảy ra thiên tai', { kind: 'event', text: 'trong vòng 24h kể từ khi xảy ra thiên tai', offsetHours: 24, offsetDays: 1 }, []],
    ['chậm nhất 48h sau khi kết thúc đợt kiểm tra', { kind: 'event', text: 'chậm nhất 48h sau khi kết thúc đợt kiểm tra', offsetHours: 48, offsetDays: 2 }, []],
    [
      'trong vòng 48 giờ kể từ ngày 05/02/2024',
      { kind: 'event', text: 'trong vòng 48 giờ kể từ ngày 05/02/2024', offsetHours: 48, offsetDays: 2, since: { year: 2024, month: 2, day: 5 } },
      ['due:07/02/2024'],
    ],
    ['trong thời hạn 03 ngày làm việc kể từ ngày nhận được đề nghị', { kind: 'event', text: 'trong thời hạn 03 ngày làm việc kể từ ngày nhận được đề nghị', offsetDays: 3, workingDays: true }, []],
    ['trong vòng 3 tháng kể từ ngày 30/11/2024', { kind: 'event', text: 'trong vòng 3 tháng kể từ ngày 30/11/2024', offsetMonths: 3, since: { year: 2024, month: 11, day: 30 } }, ['due:28/02/2025']],
  ]);

  it('is due on the event date, plus its offset, once the date is known', () => {
    const eventDate = { year: 2024, month: 3, day: 15 };
    expect(dates(parsed('sau khi được Thủ tướng Chính phủ ký ban hành'), YEARS, { eventDate })).toEqual(['due:15/03/2024']);
    expect(dates(parsed('trong vòng 30 ngày kể từ ngày Kế hoạch được ban hành'), YEARS, { eventDate })).toEqual(['due:14/04/2024']);
    expect(dates(parsed('trong thời hạn 15 ngày kể từ ngày nhận được văn bản'), YEARS, { eventDate })).toEqual(['due:30/03/2024']);
  });

  it('an hour with minutes ("13h30"), or with no event to count from ("chậm nhất 17h"), is a clock time, not hours after an event', () => {
    expect(parseDeadline('trong vòng 13h30 kể từ khi xảy ra thiên tai').ok).toBe(false);
    expect(parseDeadline('chậm nhất 17h').ok).toBe(false);
    expect(parsed('chậm nhất 17h ngày 05/02/2024')).toMatchObject({ kind: 'by', point: { unit: 'day', month: 2, day: 5, year: 2024 } });
  });

  it('an event stops at ";" so a later part still reads', () => {
    expect(parsed('khi có yêu cầu; năm 2024')).toEqual({
      kind: 'combined',
      text: 'khi có yêu cầu; năm 2024',
      parts: [{ kind: 'event', text: 'khi có yêu cầu' }, by('năm 2024', year(2024))],
    });
  });
});

describe('the seed plan (kh-pbgdpl-2024-son-dong)', () => {
  it.each([
    ['thường xuyên', []],
    ['thường xuyên.', []],
    ['năm 2024.', ['due:01/01/2024–31/12/2024']],
    ['năm 2024', ['due:01/01/2024–31/12/2024']],
    ['năm 2024; cao điểm từ ngày 01/11 đến ngày 09/11/2024.', ['peak:01/11/2024–09/11/2024', 'due:01/01/2024–31/12/2024']],
    ['trước ngày 05/02/2024', ['due:05/02/2024']],
    ['trước ngày 20/5', ['due:20/05/2024']],
    ['trước ngày 15/11', ['due:15/11/2024']],
  ])('%s', (text, occ) => {
    expect(dates(parsed(text), { from: 2024, to: 2024 })).toEqual(occ);
  });
});

describe('strict reading of "trước ngày X"', () => {
  it('is X by default and X − 1 with strictBefore', () => {
    const d = parsed('trước ngày 05/02/2024');
    expect(dates(d)).toEqual(['due:05/02/2024']);
    expect(dates(d, YEARS, { strictBefore: true })).toEqual(['due:04/02/2024']);
    expect(dates(parsed('trước ngày 01/01/2025'), YEARS, { strictBefore: true })).toEqual(['due:31/12/2024']);
    expect(dates(parsed('trước ngày 20/5'), YEARS, { strictBefore: true })).toEqual(['due:19/05/2024', 'due:19/05/2025']);
  });

  it('for a period, strictly before means the day before it starts', () => {
    expect(dates(parsed('trước tháng 6/2024'), YEARS, { strictBefore: true })).toEqual(['due:31/05/2024']);
    expect(dates(parsed('trước năm 2025'), YEARS, { strictBefore: true })).toEqual(['due:31/12/2024']);
  });

  it("before a school year is before it starts (31 August), by either reading, not the year's window", () => {
    const d = parsed('Trước năm học 2026 - 2027');
    expect(d).toEqual({ kind: 'by', text: 'Trước năm học 2026 - 2027', point: day(31, 8, 2026) });
    expect(dates(d)).toEqual(['due:31/08/2026']);
    expect(dates(d, YEARS, { strictBefore: true })).toEqual(['due:31/08/2026']);
    expect(dates(parsed('năm học 2026-2027'))).toEqual(['window:01/09/2026–31/05/2027']);
  });

  it('never moves "chậm nhất" nor an undecorated date', () => {
    expect(dates(parsed('chậm nhất ngày 05/02/2024'), YEARS, { strictBefore: true })).toEqual(['due:05/02/2024']);
    expect(dates(parsed('05/02/2024'), YEARS, { strictBefore: true })).toEqual(['due:05/02/2024']);
  });
});

describe('tolerance', () => {
  it('ignores case, extra spaces, trailing "." and ";", and NFD input', () => {
    expect(parsed('  NĂM   2024 ;  ')).toEqual(by('NĂM   2024', year(2024)));
    expect(parsed('Trước Ngày 20/5.')).toEqual(by('Trước Ngày 20/5', day(20, 5), 'truoc'));
    const nfd = 'trước ngày 15/11'.normalize('NFD');
    expect(nfd).not.toBe('trước ngày 15/11');
    expect(parsed(nfd)).toEqual(by('trước ngày 15/11', day(15, 11), 'truoc'));
  });

  it('reads text typed without diacritics', () => {
    expect(parsed('truoc ngay 20/5')).toEqual(by('truoc ngay 20/5', day(20, 5), 'truoc'));
    expect(parsed('quy I/2024')).toEqual(by('quy I/2024', quarter(1, 2024)));
  });
});

function failure(text: string) {
  const r = parseDeadline(text);
  if (r.ok) throw new Error(`expected "${text}" to be refused, got ${JSON.stringify(r.deadline)}`);
  return r;
}

describe('errors', () => {
  it.each([
    ['31/02/2024', '31/02/2024', 0, 10],
    ['29/02/2023', '29/02/2023', 0, 10],
    ['32/1', '32/1', 0, 4],
    ['15/13/2024', '15/13/2024', 0, 10],
    ['trước ngày 31/02/2024', '31/02/2024', 11, 10],
    ['từ 29/02 đến 01/03/2023', '29/02/2023', 3, 5],
    ['ngày 31 tháng 4 năm 2024', '31/04/2024', 5, 19],
  ])('impossible date %s', (text, named, offset, length) => {
    const r = failure(text);
    expect(r.message.vi).toContain(`“${text}”`);
    expect(r.message.en).toContain(`“${text}”`);
    expect(r.message.vi).toMatch(/không có thật/);
    expect(r.message.en).toMatch(/does not exist|is not a real date/);
    expect(r.message.vi).toContain(named);
    expect(r.message.en).toContain(named);
    expect(r.offset).toBe(offset);
    expect(r.length).toBe(length);
    expect(r.help.vi).toContain('thường xuyên; năm 2024; 05/02/2024; trước ngày 20/5; tháng 6/2024; quý I/2024');
    expect(r.help.en).toContain('từ ngày 01/11 đến ngày 09/11/2024');
  });

  it('names the impossible date and why', () => {
    const feb = failure('31/02/2024');
    expect(feb.message.vi).toBe('Thời hạn “31/02/2024”: ngày 31/02/2024 không có thật (tháng 2/2024 chỉ có 29 ngày).');
    expect(feb.message.en).toBe('Deadline “31/02/2024”: 31/02/2024 does not exist (February 2024 has 29 days).');
    const leap = failure('29/02/2023');
    expect(leap.message.en).toContain('February 2023 has 28 days');
    expect(failure('32/1').message.en).toContain('there is no day 32');
    expect(failure('15/13/2024').message.vi).toContain('không có tháng 13');
    expect(failure('quý V/2024').message.en).toContain('there is no quarter V');
    expect(failure('tháng 13/2024').message.en).toContain('there is no month 13');
  });

  it.each([
    ['sớm', 0, 3],
    ['asap', 0, 4],
    ['tuần sau', 0, 8],
    ['khi', 0, 3],
    ['năm 2024; xyz', 10, 3],
    ['năm 2024 và', 9, 2],
    ['năm 2024 2025', 9, 4],
  ])('unreadable %s', (text, offset, length) => {
    const r = failure(text);
    expect(r.message.vi).toContain(`Không hiểu thời hạn “${text}”`);
    expect(r.message.en).toContain(`Cannot read the deadline “${text}”`);
    expect(r.offset).toBe(offset);
    expect(r.length).toBe(length);
    expect(r.help.vi).toContain('quý I/2024');
  });

  it('points at the unread piece inside a longer phrase', () => {
    const r = failure('năm 2024; sớm');
    expect(r.message.vi).toBe('Không hiểu thời hạn “năm 2024; sớm”: không đọc được “sớm”.');
    expect(r.message.en).toBe('Cannot read the deadline “năm 2024; sớm”: “sớm” is not understood.');
  });

  it('refuses an empty deadline', () => {
    for (const text of ['', '   ', '.']) {
      const r = failure(text);
      expect(r.message.vi).toContain('để trống');
      expect(r.message.en).toContain('empty');
      expect(r.length).toBe(0);
    }
  });

  it.each(['2024/02/05', '2024-02-05', '2024.02.05', '2024-02', 'trước ngày 2024/02/05'])('refuses the year-first %s rather than guess', (text) => {
    const r = failure(text);
    expect(r.message.vi).toContain('năm trước');
    expect(r.message.en).toContain('year first');
    expect(r.help.vi).toMatch(/^Viết ngày trước, tháng sau, năm cuối/);
    const piece = text.slice(r.offset!, r.offset! + r.length!);
    expect(piece).toMatch(/^2024[-/.]02/);
  });

  it('refuses a two-digit year', () => {
    const r = failure('05/02/24');
    expect(r.message.en).toContain('must have 4 digits');
    expect([r.offset, r.length]).toEqual([0, 8]);
  });

  it('refuses a window that ends before it starts', () => {
    const r = failure('từ ngày 01/11/2024 đến ngày 09/11/2023');
    expect(r.message.en).toContain('starts (ngày 01/11/2024) after it ends (ngày 09/11/2023)');
  });

  it('refuses implausible years and a lone day', () => {
    expect(failure('năm 1800').message.en).toContain('1800 is not plausible');
    expect(failure('ngày 20').message.en).toContain('has no month');
    expect(failure('(năm 2024').message.en).toContain('never closed');
  });

  it('offsets point into the text as given, even in NFD', () => {
    const text = 'trước ngày 31/02/2024'.normalize('NFD');
    const r = failure(text);
    expect(text.slice(r.offset!, r.offset! + r.length!)).toBe('31/02/2024');
  });
});

describe('describeDeadline', () => {
  it.each([
    ['20/5', 'hằng năm, ngày 20/05', 'every year on 20/05'],
    ['trước ngày 20/5', 'hằng năm, trước ngày 20/05', 'every year by 20/05'],
    ['05/02/2024', 'ngày 05/02/2024', 'on 05/02/2024'],
    ['chậm nhất ngày 05/02/2024', 'chậm nhất ngày 05/02/2024', 'by 05/02/2024'],
    ['năm 2024', 'năm 2024', 'in 2024'],
    ['tháng 6/2024', 'tháng 06/2024', 'in June 2024'],
    ['Quý IV', 'hằng năm, quý IV', 'every year in Q4'],
    ['6 tháng đầu năm 2024', '6 tháng đầu năm 2024', 'in the first half of 2024'],
    ['thường xuyên', 'thường xuyên', 'ongoing'],
    ['hằng năm', 'hằng năm', 'ongoing (“hằng năm”)'],
    ['01/11 - 09/11/2024', 'từ ngày 01/11/2024 đến ngày 09/11/2024', 'from 01/11/2024 to 09/11/2024'],
    ['năm 2024; cao điểm từ ngày 01/11 đến ngày 09/11/2024', 'năm 2024; cao điểm từ ngày 01/11/2024 đến ngày 09/11/2024', 'in 2024; peak from 01/11/2024 to 09/11/2024'],
    ['khi có yêu cầu', 'khi có yêu cầu', 'upon an event (“khi có yêu cầu”)'],
    ['trong vòng 30 ngày kể từ ngày ký', 'trong vòng 30 ngày kể từ ngày ký', '30 days after an event (“trong vòng 30 ngày kể từ ngày ký”)'],
  ])('%s', (text, vi, en) => {
    const d = parsed(text);
    expect(describeDeadline(d, 'vi')).toBe(vi);
    expect(describeDeadline(d, 'en')).toBe(en);
  });
});

describe('resolveDeadline', () => {
  it('sorts occurrences of a combined deadline by due date', () => {
    const d = parsed('tháng 12/2024; quý I/2024; 6 tháng đầu năm 2024');
    expect(dates(d).map((s) => s.slice(-10))).toEqual(['31/03/2024', '30/06/2024', '31/12/2024']);
  });

  it('gives the source part for each occurrence', () => {
    const d = parsed('năm 2024; cao điểm từ ngày 01/11 đến ngày 09/11/2024');
    const [peak, due] = resolveDeadline(d, YEARS);
    expect(peak!.source).toEqual(win('từ ngày 01/11 đến ngày 09/11/2024', day(1, 11, 2024), day(9, 11, 2024)));
    expect(due!.source).toEqual(by('năm 2024', year(2024)));
  });

  it('repeats a yearless peak and window each year', () => {
    const d = parsed('thường xuyên; cao điểm từ ngày 01/11 đến ngày 09/11');
    expect(dates(d)).toEqual(['peak:01/11/2024–09/11/2024', 'peak:01/11/2025–09/11/2025']);
  });

  it('resolves hand-built deadlines with one year missing on a window', () => {
    const w: Window = win('x', day(15, 12), day(15, 1, 2025));
    expect(dates(w)).toEqual(['window:15/12/2024–15/01/2025']);
    const w2: Window = win('x', day(15, 12, 2024), day(15, 1));
    expect(dates(w2)).toEqual(['window:15/12/2024–15/01/2025']);
  });
});

describe('phrases from real plans (test/fixtures/deadlines/corpus-phrases.tsv)', () => {
  const rows = readFileSync(new URL('../fixtures/deadlines/corpus-phrases.tsv', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t'));
  it('holds the phrases', () => expect(rows.length).toBeGreaterThanOrEqual(38));
  it.each(rows)('%s: %s', (_source, phrase, reading, occ) => {
    const d = parsed(phrase!);
    expect(d.text).toBe(phrase!.trim().replace(/[.;]+$/, ''));
    expect(describeDeadline(d, 'vi')).toBe(reading);
    expect(dates(d, { from: 2025, to: 2026 })).toEqual(occ ? occ.split(' ') : []);
  });
});

describe('open starts, monthly and quarterly days, prose around the time', () => {
  it('"từ X" with no end is ongoing from X', () => {
    expect(parsed('Từ 01/7/2025')).toEqual({ kind: 'ongoing', text: 'Từ 01/7/2025', from: day(1, 7, 2025) });
    expect(parsed('từ quý III/2025 trở đi')).toEqual({ kind: 'ongoing', text: 'từ quý III/2025 trở đi', from: quarter(3, 2025) });
    expect(parsed('Kể từ năm 2026')).toEqual({ kind: 'ongoing', text: 'Kể từ năm 2026', from: year(2026) });
    expect(describeDeadline(parsed('Từ 01/7/2025'), 'en')).toBe('ongoing from 01/07/2025');
    // With an end it stays a window.
    expect(parsed('từ 01/7/2025 đến 31/12/2025').kind).toBe('window');
  });

  it('"hằng tháng" and "tháng cuối quý" give that day of each month, in every plan year', () => {
    const d = parsed('trước ngày 20 hằng tháng');
    expect(d).toMatchObject({ kind: 'combined', every: { unit: 'month', day: 20 } });
    expect(dates(d, { from: 2025, to: 2025 })).toHaveLength(12);
    expect(describeDeadline(d, 'en')).toBe('by day 20 of every month');
    const q = parsed('Hằng quý, trước ngày 15 của tháng cuối quý');
    expect(q).toMatchObject({ kind: 'combined', every: { unit: 'quarter', day: 15, monthInQuarter: 3 } });
    expect(describeDeadline(q, 'en')).toBe('by day 15 of the last month of each quarter');
    // The day 31 of a short month is its last day.
    expect(dates(parsed('ngày 31 hằng tháng'), { from: 2025, to: 2025 }).slice(0, 4)).toEqual(['due:31/01/2025', 'due:28/02/2025', 'due:31/03/2025', 'due:30/04/2025']);
    // Strictly before: the day before.
    expect(resolveDeadline(d, { from: 2025, to: 2025 }, { strictBefore: true }).map((o) => formatVi(o.due))[0]).toBe('19/01/2025');
  });

  it('a lone day still needs a month unless the phrase says "hằng tháng"', () => {
    expect(failure('ngày 20').message.en).toContain('has no month');
    expect(parsed('hằng tháng (ngày 20)')).toMatchObject({ every: { unit: 'month', day: 20 } });
  });

  it('reads past words before the time and says where the time starts', () => {
    const text = 'Hoàn thành đầu tư, lắp đặt và vận hành xong trước ngày 01/01/2030';
    const r = parseDeadline(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.deadline).toEqual({ kind: 'by', text, point: day(1, 1, 2030), before: true, marker: 'truoc' });
    expect(text.slice(r.prose!.offset, r.prose!.offset + r.prose!.length)).toBe('Hoàn thành đầu tư, lắp đặt và vận hành ');
    // Only a sentence that ends in a time: a trailing unreadable piece still fails, as does prose alone.
    expect(parseDeadline('năm 2024; xyz').ok).toBe(false);
    expect(parseDeadline('Tổ chức hội nghị sơ kết').ok).toBe(false);
    expect(parseDeadline('năm 2024 2025').ok).toBe(false);
    // Words that tie the time to something unread are never skipped: "trước Tết" is not "năm 2026".
    expect(parseDeadline('Trước lễ hội Bính Ngọ 2026').ok).toBe(false);
    expect(parseDeadline('Trước Tết Nguyên đán').ok).toBe(false);
    expect(parsed('Trước Tết Nguyên đán 2027')).toMatchObject({ kind: 'by', point: day(6, 2, 2027), before: true });
  });

  it('reads an event lasting N days from a dated start as a window over those days, a part day counting whole', () => {
    const text = '1,5 ngày (bắt đầu từ 13h30 thứ Hai ngày 06/7/2026)';
    expect(parsed(text)).toEqual(win(text, day(6, 7, 2026), day(7, 7, 2026)));
    expect(dates(parsed('trong 02 ngày, bắt đầu từ ngày 31/12/2026'))).toEqual(['window:31/12/2026–01/01/2027']);
    expect(dates(parsed('3 ngày, từ ngày 06/7/2026'))).toEqual(['window:06/07/2026–08/07/2026']);
    // A start with no length stays ongoing; "N ngày kể từ …" stays a limit counted from the event.
    expect(parsed('Hội nghị từ ngày 06/7/2026')).toMatchObject({ kind: 'ongoing', from: day(6, 7, 2026) });
    expect(parsed('03 ngày kể từ ngày 06/7/2026')).toMatchObject({ kind: 'event', offsetDays: 3 });
  });
});

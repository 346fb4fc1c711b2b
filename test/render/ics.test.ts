import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parsePlan, parseUnits } from '../../src/core/load.js';
import { buildSchedule } from '../../src/core/schedule.js';
import { buildWorkCalendar } from '../../src/core/workdays.js';
import { escapeText, foldLine, renderIcs } from '../../src/render/ics.js';
import { planYaml, UNITS_YAML } from '../helpers.js';

describe('RFC 5545 text', () => {
  it('escapes backslash, comma, semicolon and newlines', () => {
    expect(escapeText('a\\b, c; d\ne')).toBe('a\\\\b\\, c\\; d\\ne');
  });
  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'Tuyên truyền, phổ biến pháp luật ở cơ sở; '.repeat(6)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(3);
    for (const [i, part] of folded.entries()) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
      expect(part).not.toContain('\uFFFD');
    }
    expect(folded.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });
});

describe('renderIcs', () => {
  const units = parseUnits('units.yaml', UNITS_YAML).value!;
  const tasks = `      - id: "1.1"\n        title: "Tuyên truyền; phổ biến, giáo dục pháp luật\\\\ ở cơ sở"\n        lead: ["UBND các xã, thị trấn"]\n        due: "trước ngày 15/11/2025"\n        outputs: [x]`;
  const plan = parsePlan('plans/kh-thu.yaml', planYaml(tasks).replace('year: 2024', 'year: 2025')).value!;
  const schedule = buildSchedule([plan], units, { calendar: buildWorkCalendar() });

  it('one all-day event per occurrence on the effective date, the written one in the description', () => {
    const text = renderIcs(schedule.items, { lang: 'vi', stamp: '20250101T000000Z', perUnit: false, calendarName: 'Thử' });
    expect(text.endsWith('\r\n')).toBe(true);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e.uid).toBe('kh-thu/task/1.1/due-2025-0/all@kehoach');
    expect(e.startDate.toString()).toBe('2025-11-17');
    expect(e.endDate.toString()).toBe('2025-11-18');
    expect(e.summary).toBe('Hạn: 1.1 Tuyên truyền; phổ biến, giáo dục pháp luật\\ ở cơ sở');
    expect(e.description).toContain('Hạn ghi 15/11/2025 là ngày nghỉ (15/11/2025 là thứ Bảy); hạn thực tế 17/11/2025');
    expect(e.description).toContain('Đơn vị (2): UBND thị trấn An Châu; UBND xã An Lạc');
  });

  it('a duty is described by its title, not by the plan file’s id; a number not yet given reads "…/"', () => {
    const withDuty = parsePlan(
      'plans/kh-thu.yaml',
      planYaml(tasks, 'duties:\n  - id: bao-cao-nam\n    title: Báo cáo kết quả thực hiện năm\n    by: ["UBND xã An Lạc"]\n    to: UBND huyện\n    due: trước ngày 15/11/2025\n')
        .replace('year: 2024', 'year: 2025')
        .replace('"05/KH-UBND"', '"/KH-UBND"'),
    ).value!;
    const items = buildSchedule([withDuty], units, { calendar: buildWorkCalendar() }).items.filter((i) => i.kind === 'duty');
    expect(items.length).toBeGreaterThan(0);
    const text = renderIcs(items, { lang: 'vi', stamp: '20250101T000000Z', perUnit: false, calendarName: 'Thử' });
    const e = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    expect(e.description).toContain('Báo cáo: Báo cáo kết quả thực hiện năm');
    expect(e.description).toContain('Kế hoạch: …/KH-UBND');
    expect(e.description).not.toContain('bao-cao-nam');
  });

  it('per unit: one event each, the unit in the UID', () => {
    const text = renderIcs(schedule.items, { lang: 'en', stamp: '20250101T000000Z', perUnit: true, calendarName: 'Test' });
    const uids = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('uid')));
    expect(uids).toEqual([`kh-thu/task/1.1/due-2025-0/${encodeURIComponent('UBND thị trấn An Châu')}@kehoach`, `kh-thu/task/1.1/due-2025-0/${encodeURIComponent('UBND xã An Lạc')}@kehoach`]);
  });
});

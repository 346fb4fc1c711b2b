import { describe, expect, it } from 'vitest';
import { dayHeading, parseDateText } from '../../src/core/dates.js';
import { parsePlan, parseUnits } from '../../src/core/load.js';
import { buildAgenda, buildSchedule, overdue } from '../../src/core/schedule.js';
import { buildWorkCalendar } from '../../src/core/workdays.js';
import { renderOverdue } from '../../src/render/overdue-table.js';
import { renderAgenda } from '../../src/render/schedule-table.js';
import { planYaml, UNITS_YAML } from '../helpers.js';

const units = parseUnits('units.yaml', UNITS_YAML).value!;
const task = `      - id: "1.1"\n        title: "Việc có | dấu gạch đứng"\n        lead: ["UBND các xã, thị trấn"]\n        due: "trước ngày 15/11/2025"\n        outputs: [x]`;
const plan = parsePlan('plan.yaml', planYaml(task).replace('year: 2024', 'year: 2025')).value!;
const schedule = buildSchedule([plan], units, { calendar: buildWorkCalendar() });
const d = (s: string) => parseDateText(s)!;

describe('schedule tables', () => {
  it('weekday names in Vietnamese and English', () => {
    expect(['2024-05-19', '2024-05-20', '2024-05-25'].map((s) => dayHeading(d(s), 'vi'))).toEqual(['Chủ nhật, 19/05/2024', 'Thứ Hai, 20/05/2024', 'Thứ Bảy, 25/05/2024']);
    expect(dayHeading(d('2024-05-20'), 'en')).toBe('Monday, 20/05/2024');
  });

  it('Markdown: escaped pipes, written → effective date, one row per unit or per item', () => {
    const items = overdue(schedule, d('2025-11-20'));
    const perUnit = renderOverdue(items, { lang: 'vi', format: 'md', groupBy: 'none', showPlan: false }).trim().split('\n');
    expect(perUnit).toHaveLength(4);
    expect(perUnit[2]).toBe('| 3 | 15/11/2025 → 17/11/2025 | nhiệm vụ | 1.1 | Việc có \\| dấu gạch đứng | UBND thị trấn An Châu |');
    const perItem = renderOverdue(items, { lang: 'en', format: 'md', groupBy: 'item', showPlan: false }).trim().split('\n');
    expect(perItem).toHaveLength(3);
    expect(perItem[0]).toBe('| Days late | Due | Kind | Id | What | Unit |');
    expect(perItem[2]).toContain('| UBND thị trấn An Châu, UBND xã An Lạc |');
  });

  it('terminal table: aligned borders whatever the diacritics', () => {
    const text = renderOverdue(overdue(schedule, d('2025-11-20')), { lang: 'vi', format: 'table', groupBy: 'none', showPlan: false });
    const widths = new Set(
      text
        .trim()
        .split('\n')
        .map((l) => [...l].length),
    );
    expect(widths.size).toBe(1);
  });

  it('agenda: units with the same items share one heading, and a moved limit says so', () => {
    const text = renderAgenda(buildAgenda(schedule, d('2025-11-10'), 14), 'vi');
    expect(text).toContain('Thứ Hai, 17/11/2025\n  UBND thị trấn An Châu, UBND xã An Lạc (2 đơn vị)\n    - đến hạn (hạn ghi 15/11/2025 là ngày nghỉ): nhiệm vụ 1.1: Việc có | dấu gạch đứng');
  });
});

// plan show as text: each deadline with the days it resolves to, as show --json has them.
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/core/load.js';
import { buildWorkCalendar } from '../../src/core/workdays.js';
import { renderPlanOutline } from '../../src/render/plan-outline.js';
import { planYaml } from '../helpers.js';

const plan = parsePlan(
  'p.yaml',
  planYaml(`      - id: "1.1"
        title: Hằng tháng
        lead: [Phòng Tư pháp]
        due: trước ngày 20 hằng tháng
      - id: "1.2"
        title: Một khoảng
        lead: [Phòng Tư pháp]
        due: từ ngày 01/11 đến ngày 09/11/2024
      - id: "1.3"
        title: Thường xuyên
        lead: [Phòng Tư pháp]
        due: thường xuyên`),
).value!;
const text = (lang: 'vi' | 'en') => renderPlanOutline(plan, lang, { calendar: buildWorkCalendar(), lang });

describe('plan show: resolved dates in the outline', () => {
  it('a monthly limit lists its first days and how many there are; a Saturday moves to Monday', () => {
    // 20/04/2024 is a Saturday; January's limit (20/01/2024) is before the plan's date (05/02/2024), so there is none.
    expect(text('vi')).toContain('Thời hạn: trước ngày 20 hằng tháng → 20/02/2024; 20/03/2024; 22/04/2024 (20/04/2024 là thứ Bảy); 20/05/2024; … (11 hạn)');
    expect(text('en')).toContain('Due: trước ngày 20 hằng tháng → 20/02/2024; 20/03/2024; 22/04/2024 (20/04/2024 is a Saturday); 20/05/2024; … (11 dates)');
  });
  it('a window shows its first and last day; ongoing stays as written', () => {
    expect(text('vi')).toContain('Thời hạn: từ ngày 01/11 đến ngày 09/11/2024 → 01/11/2024–11/11/2024 (09/11/2024 là thứ Bảy)\n');
    expect(text('vi')).toContain('Thời hạn: thường xuyên\n');
  });
});

describe('plan show: the heading', () => {
  it('a number not yet given reads as documents cite it, "…/KH-UBND"', () => {
    const unnumbered = parsePlan('p.yaml', planYaml().replace(/^number: .*$/m, 'number: "/KH-UBND"')).value!;
    expect(renderPlanOutline(unnumbered, 'vi', { calendar: buildWorkCalendar(), lang: 'vi' }).split('\n')[0]).toContain('p.yaml: Kế hoạch số …/KH-UBND — ');
    expect(renderPlanOutline(unnumbered, 'en', { calendar: buildWorkCalendar(), lang: 'en' }).split('\n')[0]).toContain('Plan no. …/KH-UBND — ');
  });
});

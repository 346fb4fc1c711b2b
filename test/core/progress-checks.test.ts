import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/core/checks.js';
import { parsePlan, parseUnits } from '../../src/core/load.js';
import { checkDeadlinesOnDaysOff } from '../../src/core/progress-checks.js';
import { buildWorkCalendar } from '../../src/core/workdays.js';
import { checkYaml, codes, planYaml, UNITS_YAML } from '../helpers.js';

const today = { year: 2024, month: 12, day: 1 };

const task = (extra: string, lead = '["UBND các xã, thị trấn"]') =>
  `      - id: "1.1"\n        title: Việc\n        lead: ${lead}\n        support: [Phòng Dân tộc]\n        due: năm 2024\n        outputs: [Báo cáo]${extra}`;

const duty = (submissions: string) =>
  `duties:\n  - id: bc-6-thang\n    title: Báo cáo 6 tháng\n    by: ["UBND các xã, thị trấn"]\n    to: UBND huyện\n    due: trước ngày 20/5\n    submissions:\n${submissions}`;

describe('submissions', () => {
  it('a unit that owes the duty is fine', () => {
    expect(checkYaml(planYaml(undefined, duty('      - {unit: UBND xã An Lạc, date: "18/05/2024"}')), { today }).diagnostics).toEqual([]);
  });
  it('a unit that owes no such duty is an error at the unit', () => {
    const { diagnostics } = checkYaml(planYaml(undefined, duty('      - {unit: Phòng Tư pháp, date: "18/05/2024"}')), { today });
    expect(codes(diagnostics)).toEqual(['submission-unit-not-owing']);
    expect(diagnostics[0]!.severity).toBe('error');
    expect(diagnostics[0]!.line).toBe(planYaml(undefined, duty('')).split('\n').length);
  });
  it('a group is not one unit', () => {
    expect(codes(checkYaml(planYaml(undefined, duty('      - {unit: "UBND các xã, thị trấn", date: "18/05/2024"}')), { today }).diagnostics)).toEqual(['submission-not-a-unit']);
  });
  it('a future date is reported once, by the date rule', () => {
    expect(codes(checkYaml(planYaml(undefined, duty('      - {unit: UBND xã An Lạc, date: "18/05/2025"}')), { today }).diagnostics)).toEqual(['date-in-future', 'submission-year-outside']);
  });
  it('a second submission for the same year is a warning', () => {
    const { diagnostics } = checkYaml(planYaml(undefined, duty('      - {unit: UBND xã An Lạc, date: "18/05/2024"}\n      - {unit: UBND xã An Lạc, date: "19/05/2024"}')), { today });
    expect(codes(diagnostics)).toEqual(['duplicate-submission']);
  });
  it('a January report for the year before needs `year`', () => {
    const { diagnostics } = checkYaml(planYaml(undefined, duty('      - {unit: UBND xã An Lạc, date: "08/01/2025"}')), { today: { year: 2025, month: 2, day: 1 } });
    expect(codes(diagnostics)).toEqual(['submission-year-outside']);
    expect(diagnostics[0]!.help!.vi).toContain('year: 2024');
    expect(checkYaml(planYaml(undefined, duty('      - {unit: UBND xã An Lạc, date: "08/01/2025", year: 2024}')), { today: { year: 2025, month: 2, day: 1 } }).diagnostics).toEqual([]);
  });
});

describe('task progress', () => {
  it('progress of a lead or support unit is fine; of another unit an error', () => {
    expect(checkYaml(planYaml(task('\n        progress:\n          - {unit: UBND xã An Lạc, status: doing}\n          - {unit: Phòng Dân tộc, status: doing}')), { today }).diagnostics).toEqual([]);
    const { diagnostics } = checkYaml(planYaml(task('\n        progress:\n          - {unit: Phòng Tư pháp, status: doing}')), { today });
    expect(codes(diagnostics)).toEqual(['progress-unit-not-on-task']);
    expect(diagnostics[0]!.severity).toBe('error');
  });
  it('the same unit twice is a warning', () => {
    expect(
      codes(checkYaml(planYaml(task('\n        progress:\n          - {unit: UBND xã An Lạc, status: doing}\n          - {unit: UBND xã An Lạc, status: doing}')), { today }).diagnostics),
    ).toEqual(['duplicate-progress']);
  });
  it('done needs a date, and a date needs done', () => {
    expect(codes(checkYaml(planYaml(task('\n        status: done')), { today }).diagnostics)).toEqual(['done-without-date']);
    expect(codes(checkYaml(planYaml(task('\n        status: doing\n        done: "01/11/2024"')), { today }).diagnostics)).toEqual(['done-date-without-status']);
    expect(codes(checkYaml(planYaml(task('\n        progress:\n          - {unit: UBND xã An Lạc, status: done}')), { today }).diagnostics)).toEqual(['done-without-date']);
    expect(checkYaml(planYaml(task('\n        status: done\n        done: "01/11/2024"')), { today }).diagnostics).toEqual([]);
  });
  it('every deliverable evidenced but the task not done is a warning', () => {
    const evidenced = task('').replace('outputs: [Báo cáo]', 'outputs:\n          - text: Báo cáo\n            evidence: [{number: "12/BC-UBND", date: "10/11/2024"}]');
    expect(codes(checkYaml(planYaml(evidenced), { today }).diagnostics)).toEqual(['deliverables-delivered']);
    expect(checkYaml(planYaml(`${evidenced}\n        status: done\n        done: "10/11/2024"`), { today }).diagnostics).toEqual([]);
  });
});

describe('deadline on a day off', () => {
  const run = (due: string, year = 2025) => {
    const units = parseUnits('units.yaml', UNITS_YAML).value!;
    const plan = parsePlan('plan.yaml', planYaml(task('').replace('due: năm 2024', `due: "${due}"`)).replace('year: 2024', `year: ${year}`)).value!;
    return runChecks(plan, { registry: units, unitsFile: 'units.yaml' }, [checkDeadlinesOnDaysOff(buildWorkCalendar())]);
  };
  it('says the written date, why it is off and the effective date', () => {
    const diags = run('trước ngày 15/11/2025');
    expect(codes(diags)).toEqual(['deadline-on-day-off']);
    expect(diags[0]!.message.vi).toBe('nhiệm vụ 1.1: hạn ghi 15/11/2025 rơi vào ngày nghỉ (15/11/2025 là thứ Bảy); hạn thực tế là 17/11/2025');
    expect(diags[0]!.path).toEqual(['groups', 0, 'tasks', 0, 'due']);
  });
  it('a working day, a peak, or an ongoing task says nothing', () => {
    expect(run('trước ngày 14/11/2025')).toEqual([]);
    expect(run('năm 2024; cao điểm từ ngày 01/11 đến ngày 09/11/2024', 2024)).toEqual([]);
    expect(run('thường xuyên')).toEqual([]);
  });
});

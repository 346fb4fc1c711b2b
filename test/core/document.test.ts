// Sheets and reports read dates and completion from the schedule's rules:
// effective dates past days off, the strictBefore setting, completion by
// status, parent, progress (a unit's own or its group's) and evidence.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/dates.js';
import { formatVi, writtenDays } from '../../src/core/dates.js';
import { lastDue, unitStatus, viewDue } from '../../src/core/document.js';
import { parsePlan, parseUnits } from '../../src/core/load.js';
import type { Plan, Task } from '../../src/core/model.js';
import { allTasks } from '../../src/core/model.js';
import { buildConsolidatedReport, buildUnitReport } from '../../src/core/report.js';
import { buildBook } from '../../src/core/book.js';
import { buildSchedule } from '../../src/core/schedule.js';
import { buildSheets } from '../../src/core/sheet.js';
import type { Unit, UnitRegistry } from '../../src/core/units.js';
import { buildWorkCalendar, calendarFile } from '../../src/core/workdays.js';
import { planYaml, UNITS_YAML } from '../helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'evidence');
const LAW_ONLY = buildWorkCalendar();
const madeOn: CalendarDate = { year: 2025, month: 12, day: 1 };

function fixture(): { plan: Plan; registry: UnitRegistry } {
  const plan = parsePlan('kh-2025-minh-chung.yaml', readFileSync(path.join(FIXTURE, 'kh-2025-minh-chung.yaml'), 'utf8')).value!;
  const registry = parseUnits('units.yaml', readFileSync(path.join(FIXTURE, 'units.yaml'), 'utf8')).value!;
  return { plan, registry };
}

function inline(yaml: string): Plan {
  const p = parsePlan('p.yaml', yaml);
  if (!p.value) throw new Error(JSON.stringify(p.diagnostics));
  return p.value;
}

const task = (plan: Plan, id: string): Task => allTasks(plan).find((t) => t.id === id)!;
const dates = (view: ReturnType<typeof viewDue>) => view.occurrences.map((o) => `${formatVi(o.due)}→${formatVi(o.effective)}${o.moved ? '*' : ''}`);

describe('viewDue: the written date and the effective one', () => {
  const { plan } = fixture();
  it('a limit on a Saturday ends on the Monday after', () => {
    const v = viewDue(task(plan, '1.1').due, plan, { calendar: LAW_ONLY });
    expect(dates(v)).toEqual(['15/11/2025→17/11/2025*']);
    expect(v.occurrences[0]!.movedReason?.vi).toBe('15/11/2025 là thứ Bảy');
    expect(formatVi(lastDue(v)!.effective)).toBe('17/11/2025');
  });
  it('strictBefore reads "trước ngày 20/5" as 19/5', () => {
    expect(dates(viewDue(task(plan, '1.2').due, plan, { calendar: LAW_ONLY }))).toEqual(['20/05/2025→20/05/2025']);
    expect(dates(viewDue(task(plan, '1.2').due, plan, { calendar: LAW_ONLY, strictBefore: true }))).toEqual(['19/05/2025→19/05/2025']);
  });
  it('announced days off from calendar.yaml move a limit further', () => {
    const calendar = buildWorkCalendar(calendarFile.zod().parse({ years: { 2025: { off: [{ date: '17/11/2025', name: 'Nghỉ thử' }] } } }));
    expect(dates(viewDue(task(plan, '1.1').due, plan, { calendar }))).toEqual(['15/11/2025→18/11/2025*']);
  });
  it('the seed: "trước ngày 20/5" (a Monday) and 15/11/2024 (a Friday) do not move', () => {
    const seed = parsePlan('seed.yaml', readFileSync(path.join(ROOT, 'plans/kh-pbgdpl-2024-son-dong.yaml'), 'utf8')).value!;
    const view = (id: string) => viewDue(seed.duties.find((d) => d.id === id)!.due, seed, { calendar: LAW_ONLY });
    expect(dates(view('bao-cao-6-thang'))).toEqual(['20/05/2024→20/05/2024']);
    expect(dates(view('bao-cao-nam'))).toEqual(['15/11/2024→15/11/2024']);
  });
});

describe('sheets agree with the schedule', () => {
  for (const strictBefore of [false, true]) {
    it(`every led task's effective dates are the schedule's (strictBefore: ${strictBefore})`, () => {
      const { plan, registry } = fixture();
      const rules = { calendar: LAW_ONLY, strictBefore };
      const schedule = buildSchedule([plan], registry, rules);
      const sheets = buildSheets([plan], registry, { madeOn, ...rules }).sheets;
      let compared = 0;
      for (const s of sheets) {
        for (const t of s.lead) {
          const fromSchedule = schedule.items.filter((i) => i.kind === 'task' && i.id === t.id && i.unit === s.unit).map((i) => formatVi(i.effective));
          expect(
            t.due.occurrences.map((o) => formatVi(o.effective)),
            `${s.unit.name} ${t.id}`,
          ).toEqual(fromSchedule);
          compared += fromSchedule.length;
        }
        for (const d of s.duties) {
          const fromSchedule = schedule.items.filter((i) => i.kind === 'duty' && i.id === d.id && i.unit === s.unit).map((i) => formatVi(i.effective));
          expect(d.due.occurrences.map((o) => formatVi(o.effective))).toEqual(fromSchedule);
          compared += fromSchedule.length;
        }
      }
      expect(compared).toBeGreaterThanOrEqual(5);
    });
  }
  it('strictBefore changes the resolved date on the sheet', () => {
    const { plan, registry } = fixture();
    const due = (strictBefore: boolean) =>
      buildSheets([plan], registry, { madeOn, calendar: LAW_ONLY, strictBefore })
        .sheets.find((s) => s.unit.name === 'Phòng Tư pháp')!
        .lead.find((t) => t.id === '1.2')!
        .due.occurrences.map((o) => formatVi(o.effective));
    expect(due(false)).toEqual(['20/05/2025']);
    expect(due(true)).toEqual(['19/05/2025']);
  });
  it('deliverables keep their evidence; every deliverable evidenced makes the task done', () => {
    const { plan, registry } = fixture();
    const s = buildSheets([plan], registry, { madeOn, calendar: LAW_ONLY }).sheets.find((x) => x.unit.name === 'Phòng Tư pháp')!;
    const t11 = s.lead.find((t) => t.id === '1.1')!;
    expect(t11.outputs.map((o) => [o.text, o.evidence.map((e) => e.number)])).toEqual([
      ['Kế hoạch', ['12/KH-UBND']],
      ['Báo cáo kết quả', []],
    ]);
    expect(t11.status).toBe('todo');
    expect(s.lead.find((t) => t.id === '1.3')!.status).toBe('done');
  });
});

describe('unitStatus: the schedule completion rules', () => {
  const registry = parseUnits('units.yaml', UNITS_YAML).value!;
  const unit = (name: string) => registry.lookup(name) as Unit;
  const plan = inline(
    planYaml(`      - id: "1.1"
        title: Cha
        lead: [Phòng Tư pháp]
        due: năm 2024
        status: done
        done: 01/03/2024
        tasks:
          - id: "1.1.a"
            title: Con
            lead: [Phòng Tư pháp]
            due: năm 2024
      - id: "1.2"
        title: Nhóm xã báo xong
        lead: ["UBND các xã, thị trấn"]
        due: năm 2024
        status: doing
        progress:
          - unit: "UBND các xã, thị trấn"
            status: done
            done: 02/03/2024
      - id: "1.3"
        title: Một xã dừng, một xã đang làm
        lead: ["UBND các xã, thị trấn"]
        due: năm 2024
        progress:
          - unit: UBND xã An Lạc
            status: stopped
          - unit: UBND thị trấn An Châu
            status: doing
      - id: "1.4"
        title: Đủ minh chứng
        lead: [Phòng Dân tộc]
        due: năm 2024
        outputs:
          - text: Kế hoạch
            evidence:
              - number: 12/KH-UBND
                date: 01/03/2024`),
  );
  it('a parent done makes its sub-item done', () => {
    expect(unitStatus(plan, task(plan, '1.1.a'), unit('Phòng Tư pháp'), registry)).toBe('done');
  });
  it('a progress entry for a group speaks for each member', () => {
    expect(unitStatus(plan, task(plan, '1.2'), unit('UBND xã An Lạc'), registry)).toBe('done');
    expect(unitStatus(plan, task(plan, '1.2'), undefined, registry)).toBe('doing');
  });
  it("a unit's own entry: stopped, or its status when not finished", () => {
    expect(unitStatus(plan, task(plan, '1.3'), unit('UBND xã An Lạc'), registry)).toBe('stopped');
    expect(unitStatus(plan, task(plan, '1.3'), unit('UBND thị trấn An Châu'), registry)).toBe('doing');
  });
  it('every deliverable with its evidence is done, for the consolidated report too', () => {
    expect(unitStatus(plan, task(plan, '1.4'), undefined, registry)).toBe('done');
    const report = buildConsolidatedReport([plan], registry, { period: 'year', year: 2024, madeOn: { year: 2024, month: 12, day: 20 }, calendar: LAW_ONLY });
    expect(report.tasks.find((t) => t.id === '1.4')!.status).toBe('done');
    expect(report.tasks.find((t) => t.id === '1.2')!.status).toBe('doing');
  });
});

describe('reports: dates and late senders by the effective due date', () => {
  const { plan, registry } = fixture();
  const options = { period: 'year' as const, year: 2025, madeOn };
  it('sent on the Monday a Saturday limit moved to is on time; the day after is late', () => {
    const r = buildConsolidatedReport([plan], registry, { ...options, calendar: LAW_ONLY });
    expect(formatVi(r.planDue!.due.due)).toBe('15/11/2025');
    expect(formatVi(r.planDue!.due.effective)).toBe('17/11/2025');
    expect(r.senders.map((s) => [s.unit.name, s.sent && formatVi(s.sent), s.late])).toEqual([
      ['UBND xã An Lạc', '17/11/2025', false],
      ['UBND thị trấn An Châu', '18/11/2025', true],
    ]);
  });
  it('an announced day off on the Monday makes 18/11 on time', () => {
    const calendar = buildWorkCalendar(calendarFile.zod().parse({ years: { 2025: { off: [{ date: '17/11/2025', name: 'Nghỉ thử' }] } } }));
    const r = buildConsolidatedReport([plan], registry, { ...options, calendar });
    expect(r.senders.every((s) => !s.late)).toBe(true);
  });
  it('the unit report carries deliverables with evidence and the moved date', () => {
    const r = buildUnitReport([plan], registry, registry.lookup('Phòng Tư pháp') as Unit, { ...options, calendar: LAW_ONLY });
    const t11 = r.tasks.find((t) => t.id === '1.1')!;
    expect(t11.outputs[0]!.evidence[0]).toMatchObject({ number: '12/KH-UBND', date: { year: 2025, month: 3, day: 1 } });
    expect(formatVi(lastDue(t11.due)!.effective)).toBe('17/11/2025');
  });
});

describe('reports: lateness as of the period, not as of the day the report is made', () => {
  const registry = parseUnits('units.yaml', UNITS_YAML).value!;
  const plan = inline(
    planYaml(`      - id: "1.1"
        title: Nhiệm vụ hạn giữa kỳ
        lead: [Phòng Tư pháp]
        due: 31/05/2024
      - id: "1.2"
        title: Nhiệm vụ hạn cuối năm
        lead: [Phòng Tư pháp]
        due: năm 2024`),
  );
  const unit = registry.lookup('Phòng Tư pháp') as Unit;
  const late = (madeOn: CalendarDate) => {
    const r = buildUnitReport([plan], registry, unit, { period: '6m', year: 2024, madeOn, calendar: LAW_ONLY });
    const c = buildConsolidatedReport([plan], registry, { period: '6m', year: 2024, madeOn, calendar: LAW_ONLY });
    const days = (tasks: typeof r.tasks) => Object.fromEntries(tasks.map((t) => [t.id, t.overdue]));
    expect(days(c.tasks)).toEqual(days(r.tasks));
    return days(r.tasks);
  };
  it('made years later, a 6-month report counts to its cut-off (14/06): 14 days, and nothing for a task due at the end of the year', () => {
    expect(late({ year: 2026, month: 12, day: 2 })).toEqual({ '1.1': 14, '1.2': 0 });
    expect(late({ year: 2024, month: 7, day: 5 })).toEqual({ '1.1': 14, '1.2': 0 });
  });
  it('made before the cut-off, it counts to the day it is made', () => {
    expect(late({ year: 2024, month: 6, day: 10 })).toEqual({ '1.1': 10, '1.2': 0 });
    expect(late({ year: 2024, month: 5, day: 20 })).toEqual({ '1.1': 0, '1.2': 0 });
  });
});

describe("a report names its own period's dates", () => {
  const registry = parseUnits('units.yaml', UNITS_YAML).value!;
  const plan = inline(
    planYaml(`      - id: "1.1"
        title: Báo cáo tình hình hằng tháng
        lead: [Phòng Tư pháp]
        due: trước ngày 20 hằng tháng
      - id: "1.2"
        title: Rà soát hai đợt
        lead: [Phòng Tư pháp]
        due: trước ngày 10/6 và 10/12
      - id: "1.3"
        title: Nhiệm vụ cả năm
        lead: [Phòng Tư pháp]
        due: năm 2024`),
  );
  const unit = registry.lookup('Phòng Tư pháp') as Unit;
  const shown = (period: 'q1' | '6m' | 'q4' | 'year') => {
    const opts = { period, year: 2024, madeOn, calendar: LAW_ONLY };
    const days = (tasks: ReturnType<typeof buildUnitReport>['tasks']) => Object.fromEntries(tasks.map((t) => [t.id, t.due.occurrences.map((o) => formatVi(o.due))]));
    // The consolidated report lists every task; the unit's, those of the period (the same dates).
    const all = days(buildConsolidatedReport([plan], registry, opts).tasks);
    const unitDays = days(buildUnitReport([plan], registry, unit, opts).tasks);
    expect(all).toMatchObject(unitDays);
    return all;
  };
  it("quý I: the monthly dates of January to March (the plan is dated 05/02), not the year's; limits none of which is in it stay", () => {
    expect(shown('q1')).toEqual({
      '1.1': ['20/02/2024', '20/03/2024'],
      '1.2': ['10/06/2024', '10/12/2024'],
      '1.3': ['31/12/2024'],
    });
  });
  it('6 tháng: January to June; quý IV: October to December; the year: every date', () => {
    expect(shown('6m')['1.1']).toEqual(['20/02/2024', '20/03/2024', '20/04/2024', '20/05/2024', '20/06/2024']);
    expect(shown('6m')['1.2']).toEqual(['10/06/2024']);
    expect(shown('q4')).toMatchObject({ '1.1': ['20/10/2024', '20/11/2024', '20/12/2024'], '1.2': ['10/12/2024'] });
    expect(shown('year')['1.1']).toHaveLength(11);
  });
});

describe('a unit report cites the plans it reports on', () => {
  const registry = parseUnits('units.yaml', UNITS_YAML).value!;
  const duty = (by: string, due: string) => `duties:
  - id: "bao-cao-6-thang"
    title: "Báo cáo kết quả 6 tháng"
    period: 6m
    by: [${by}]
    to: "UBND huyện"
    due: "${due}"
`;
  // Another plan of the workspace: nothing for Phòng Tư pháp, a 6-month report owed by Phòng Dân tộc.
  const other = parsePlan(
    'a.yaml',
    planYaml(`      - id: "1"\n        title: Việc khác\n        lead: [Phòng Dân tộc]\n        due: năm 2024`, duty('Phòng Dân tộc', 'trước ngày 10/06/2024')).replace('05/KH-UBND', '01/KH-UBND'),
  ).value!;
  const mine = parsePlan('b.yaml', planYaml(undefined, duty('Phòng Tư pháp', 'trước ngày 20/06/2024')).replace('05/KH-UBND', '02/KH-UBND')).value!;
  const report = (unit: string) => buildUnitReport([other, mine], registry, registry.lookup(unit) as Unit, { period: '6m', year: 2024, madeOn, calendar: LAW_ONLY });

  it("only its own plans, numbered from 1, and the period report it owes (it cited every plan, and the first plan's date, before)", () => {
    const r = report('Phòng Tư pháp');
    expect(r.plans.map((p) => [p.index, p.number])).toEqual([[1, '02/KH-UBND']]);
    expect(r.tasks.map((t) => [t.plan.number, t.id])).toEqual([['02/KH-UBND', '1.1']]);
    expect(formatVi(r.planDue!.due.due)).toBe('20/06/2024');
    const d = report('Phòng Dân tộc');
    expect(d.plans.map((p) => p.number)).toEqual(['01/KH-UBND']);
    expect(formatVi(d.planDue!.due.due)).toBe('10/06/2024');
  });
  it('the book still places each row in its plan of the whole workspace', () => {
    const book = buildBook([other, mine], registry, { period: '6m', year: 2024, madeOn, calendar: LAW_ONLY });
    const rows = Object.fromEntries(book.sheets.map((s) => [s.unit.name, s.rows.map((r) => [r.plan, r.id])]));
    expect(rows['Phòng Tư pháp']).toEqual([
      [1, '1.1'],
      [1, 'bao-cao-6-thang'],
    ]);
    expect(rows['Phòng Dân tộc']).toEqual([
      [0, '1'],
      [0, 'bao-cao-6-thang'],
    ]);
  });
});

describe('writtenDays: the days a text spells with digits', () => {
  it('day and month, with the year when written; a month of a year is no day', () => {
    expect(writtenDays('từ ngày 01/11 đến ngày 09/11/2024')).toEqual([
      { day: 1, month: 11 },
      { day: 9, month: 11, year: 2024 },
    ]);
    expect(writtenDays('tháng 6/2024; quý I/2024')).toEqual([]);
    expect(writtenDays('Nghỉ bù 30/4 (làm bù thứ Bảy 27/4/2024)')).toEqual([
      { day: 30, month: 4 },
      { day: 27, month: 4, year: 2024 },
    ]);
    expect(writtenDays('123/45 và 1/2/24')).toEqual([{ day: 1, month: 2 }]);
  });
});

import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/dates.js';
import { formatIso, parseDateText } from '../../src/core/dates.js';
import { parsePlan, parseUnits } from '../../src/core/load.js';
import type { Plan } from '../../src/core/model.js';
import { buildAgenda, buildSchedule, dueSoon, overdue, type Schedule } from '../../src/core/schedule.js';
import type { UnitRegistry } from '../../src/core/units.js';
import { buildWorkCalendar, calendarFile } from '../../src/core/workdays.js';
import { planYaml, UNITS_YAML } from '../helpers.js';

const d = (s: string): CalendarDate => parseDateText(s)!;
const units = (): UnitRegistry => parseUnits('units.yaml', UNITS_YAML).value!;

function plan(yaml: string): Plan {
  const parsed = parsePlan('plan.yaml', yaml);
  if (!parsed.value) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed.value;
}

const LAW_ONLY = buildWorkCalendar();

function schedule(yaml: string, opts: { strictBefore?: boolean; calendar?: ReturnType<typeof buildWorkCalendar> } = {}): Schedule {
  return buildSchedule([plan(yaml)], units(), { calendar: opts.calendar ?? LAW_ONLY, ...(opts.strictBefore ? { strictBefore: true } : {}) });
}

/** One-line summaries of overdue items: "kind id unit due daysLate". */
function late(s: Schedule, asOf: string): string[] {
  return overdue(s, d(asOf)).map(({ item, daysLate }) => `${item.kind} ${item.id} ${item.unit?.name ?? '-'} ${formatIso(item.effective)} ${daysLate}`);
}

const task = (id: string, due: string, extra = '') =>
  `      - id: "${id}"\n        title: Việc ${id}\n        lead: ["UBND các xã, thị trấn"]\n        support: [Phòng Tư pháp]\n        due: "${due}"\n        outputs: [Báo cáo]${extra}`;

const duty = (id: string, due: string, extra = '') => `  - id: "${id}"\n    title: Báo cáo ${id}\n    by: ["UBND các xã, thị trấn", Phòng Dân tộc]\n    to: UBND huyện\n    due: "${due}"${extra}`;

const withDuties = (...duties: string[]) => planYaml(task('1.1', 'thường xuyên'), `duties:\n${duties.join('\n')}`);

describe('occurrences', () => {
  it('a date is due once, for every unit that owes it, and late from the next day', () => {
    const s = schedule(withDuties(duty('ke-hoach', 'trước ngày 05/02/2024')));
    expect(late(s, '2024-02-05')).toEqual([]);
    expect(late(s, '2024-01-15')).toEqual([]);
    expect(late(s, '2024-02-06')).toEqual(['duty ke-hoach Phòng Dân tộc 2024-02-05 1', 'duty ke-hoach UBND thị trấn An Châu 2024-02-05 1', 'duty ke-hoach UBND xã An Lạc 2024-02-05 1']);
  });

  it('a yearly day is due in every year of the plan period', () => {
    const yaml = withDuties(duty('bc-6-thang', 'trước ngày 20/5')).replace('year: 2024', 'period: "2024-2025"');
    const s = schedule(yaml);
    const anChau = overdue(s, d('2025-05-21')).filter((o) => o.item.unit?.name === 'UBND thị trấn An Châu');
    expect(anChau.map((o) => [formatIso(o.item.written), o.daysLate])).toEqual([
      ['2024-05-20', 366],
      ['2025-05-20', 1],
    ]);
  });

  it('"năm 2024" is due on 31/12/2024; ongoing tasks are never late', () => {
    const s = schedule(planYaml(`${task('1.1', 'năm 2024')}\n${task('1.2', 'thường xuyên')}`));
    expect(late(s, '2025-01-02')).toEqual(['task 1.1 UBND thị trấn An Châu 2024-12-31 2', 'task 1.1 UBND xã An Lạc 2024-12-31 2']);
    expect(late(s, '2030-01-01').some((l) => l.includes(' 1.2 '))).toBe(false);
    expect(s.ongoing.map((o) => o.task.id)).toEqual(['1.2']);
  });

  it('a month, quarter or half year is due on its last day', () => {
    const s = schedule(planYaml(`${task('1.1', 'tháng 6/2024')}\n${task('1.2', 'quý III/2024')}\n${task('1.3', '6 tháng đầu năm 2024')}`));
    const due = (id: string) => formatIso(s.items.find((i) => i.id === id)!.written);
    expect([due('1.1'), due('1.2'), due('1.3')]).toEqual(['2024-06-30', '2024-09-30', '2024-06-30']);
  });

  it('an event deadline has no date until the plan records the event', () => {
    const undated = schedule(planYaml(task('1.1', 'sau khi được Thủ tướng Chính phủ ký ban hành')));
    expect(undated.items).toEqual([]);
    expect(undated.undated.map((u) => u.id)).toEqual(['1.1']);
    const dated = schedule(planYaml(task('1.1', 'trong vòng 30 ngày sau khi được Thủ tướng Chính phủ ký ban hành', '\n        eventDate: "15/03/2024"')));
    expect(dated.undated).toEqual([]);
    expect(late(dated, '2024-04-16')).toEqual(['task 1.1 UBND thị trấn An Châu 2024-04-15 1', 'task 1.1 UBND xã An Lạc 2024-04-15 1']);
  });

  it('support units do not carry the deadline; a task with only vague leads keeps one unit-less item', () => {
    const vague = `      - id: "1.2"\n        title: Việc chung\n        lead: ["các cơ quan, tổ chức có liên quan"]\n        due: năm 2024\n        outputs: [x]`;
    const s = schedule(planYaml(`${task('1.1', 'năm 2024')}\n${vague}`));
    const lines = late(s, '2025-01-02');
    expect(lines.some((l) => l.includes('Phòng Tư pháp'))).toBe(false);
    expect(lines).toContain('task 1.2 - 2024-12-31 2');
  });
});

describe("the plan's date", () => {
  /** Issued 14/10/2025 for 2025–2026, as UBND xã Nam Đông's 112/KH-UBND (test/fixtures/import-unseen). */
  const signedInOctober = (...duties: string[]) =>
    withDuties(...duties)
      .replace('date: "05/02/2024"', 'date: "14/10/2025"')
      .replace('year: 2024', 'period: "2025-2026"');
  const written = (s: Schedule, id: string) => [...new Set(s.items.filter((i) => i.id === id).map((i) => formatIso(i.written)))];

  it('a yearly report due before the plan was signed does not exist; the next one does', () => {
    const s = schedule(signedInOctober(duty('bao-cao-6-thang', 'trước ngày 15/6'), duty('bao-cao-nam', 'trước ngày 15/12')));
    expect(written(s, 'bao-cao-6-thang')).toEqual(['2026-06-15']);
    expect(written(s, 'bao-cao-nam')).toEqual(['2025-12-15', '2026-12-15']);
    expect(late(s, '2025-10-20')).toEqual([]);
  });

  it('a yearly window or peak that ended before the plan is dropped; one still running is kept', () => {
    const s = schedule(signedInOctober(duty('dot-1', 'từ ngày 01/3 đến ngày 30/4'), duty('dot-2', 'từ ngày 01/9 đến ngày 30/12')));
    expect(written(s, 'dot-1')).toEqual(['2026-04-30']);
    expect(written(s, 'dot-2')).toEqual(['2025-12-30', '2026-12-30']);
  });

  it('a month or a year the plan names without a day starts on its first day', () => {
    const yaml = (date: string) => signedInOctober(duty('bao-cao-quy', 'trước ngày 30/9')).replace('date: "14/10/2025"', `date: "${date}"`);
    expect(written(schedule(yaml('09/2025')), 'bao-cao-quy')).toEqual(['2025-09-30', '2026-09-30']);
    expect(written(schedule(yaml('10/2025')), 'bao-cao-quy')).toEqual(['2026-09-30']);
  });

  it("a dated limit before the plan is the plan's own words: kept, and late (plan check warns)", () => {
    const s = schedule(signedInOctober(duty('ke-hoach', 'trước ngày 30/09/2025')));
    expect(written(s, 'ke-hoach')).toEqual(['2025-09-30']);
    expect(late(s, '2025-10-20')).toContain('duty ke-hoach Phòng Dân tộc 2025-09-30 20');
  });
});

describe('working days', () => {
  it('a limit on a Saturday ends on the next Monday; both dates are kept', () => {
    const s = schedule(planYaml(task('1.1', 'trước ngày 15/11/2025')).replace('year: 2024', 'year: 2025'));
    const item = s.items[0]!;
    expect([formatIso(item.written), formatIso(item.effective), item.moved]).toEqual(['2025-11-15', '2025-11-17', true]);
    expect(item.movedReason!.vi).toContain('thứ Bảy');
    expect(late(s, '2025-11-17')).toEqual([]);
    expect(late(s, '2025-11-18')[0]).toMatch(/2025-11-17 1$/);
  });

  it('announced days off from calendar.yaml move a limit past the whole break', () => {
    const calendar = buildWorkCalendar(calendarFile.zod().parse({ years: { '2024': { off: [{ from: '29/04/2024', to: '01/05/2024' }], work: [{ date: '04/05/2024' }] } } }));
    const s = schedule(planYaml(task('1.1', 'trước ngày 29/04/2024')), { calendar });
    expect(formatIso(s.items[0]!.effective)).toBe('2024-05-02');
    // Without the announcement 29/04/2024 is an ordinary Monday.
    expect(schedule(planYaml(task('1.1', 'trước ngày 29/04/2024'))).items[0]!.moved).toBe(false);
  });

  it('Tết (lunar calendar) moves a limit computed for any year', () => {
    // Mùng 1 Tết 2027 is Saturday 06/02/2027: the law alone gives days off around it.
    const s = schedule(planYaml(task('1.1', 'trước ngày 08/02/2027')).replace('year: 2024', 'year: 2027'));
    const item = s.items[0]!;
    expect(item.moved).toBe(true);
    expect(item.movedReason!.vi).toMatch(/Tết/);
  });

  it('the strict reading of "trước ngày" takes the day before, then skips a weekend', () => {
    const s = schedule(withDuties(duty('ke-hoach', 'trước ngày 05/02/2024')), { strictBefore: true });
    const item = s.items[0]!;
    expect(formatIso(item.written)).toBe('2024-02-04'); // a Sunday
    expect(formatIso(item.effective)).toBe('2024-02-05');
  });
});

describe('progress', () => {
  it('a unit whose own progress is done is no longer late; the others still are', () => {
    const progress = `\n        progress:\n          - unit: UBND xã An Lạc\n            status: done\n            done: "20/12/2024"`;
    const s = schedule(planYaml(task('1.1', 'năm 2024', progress)));
    expect(late(s, '2025-01-02')).toEqual(['task 1.1 UBND thị trấn An Châu 2024-12-31 2']);
  });

  it('a task done, stopped, or under a done parent is late for nobody', () => {
    for (const extra of ['\n        status: done\n        done: "01/12/2024"', '\n        status: stopped']) {
      expect(late(schedule(planYaml(task('1.1', 'năm 2024', extra))), '2025-01-02')).toEqual([]);
    }
    const parent = `      - id: "1.1"\n        title: Cha\n        status: done\n        tasks:\n${task('1.1.a', 'năm 2024').replace(/^ {6}/gm, '          ')}`;
    expect(late(schedule(planYaml(parent)), '2025-01-02')).toEqual([]);
  });

  it('a status other than done keeps the task late', () => {
    expect(late(schedule(planYaml(task('1.1', 'năm 2024', '\n        status: doing'))), '2025-01-02')).toHaveLength(2);
  });

  it('a task whose deliverables all have evidence counts as done', () => {
    const evidenced = task('1.1', 'năm 2024').replace(
      'outputs: [Báo cáo]',
      'outputs:\n          - text: Báo cáo\n            evidence:\n              - number: "12/BC-UBND"\n                date: "10/12/2024"',
    );
    const s = schedule(planYaml(evidenced));
    expect(late(s, '2025-01-02')).toEqual([]);
    expect(s.items[0]!.completed).toEqual({ how: 'evidence', date: d('2024-12-10') });
    const partly = evidenced.replace('          - text: Báo cáo', '          - Kế hoạch\n          - text: Báo cáo');
    expect(late(schedule(planYaml(partly)), '2025-01-02')).toHaveLength(2);
  });
});

describe('submissions', () => {
  const submitted = (list: string) => `\n    submissions:\n${list}`;

  it('a submission fulfils the occurrence of its unit only', () => {
    const s = schedule(withDuties(duty('bc-6-thang', 'trước ngày 20/5', submitted('      - unit: UBND xã An Lạc\n        date: "18/05/2024"\n        number: "45/BC-UBND"'))));
    expect(late(s, '2024-05-21')).toEqual(['duty bc-6-thang Phòng Dân tộc 2024-05-20 1', 'duty bc-6-thang UBND thị trấn An Châu 2024-05-20 1']);
    const anLac = s.items.find((i) => i.unit?.name === 'UBND xã An Lạc')!;
    expect(anLac.completed).toEqual({ how: 'submission', date: d('2024-05-18'), number: '45/BC-UBND' });
  });

  it('a late submission still fulfils its occurrence; `year` names the reporting year', () => {
    const yaml = withDuties(duty('bc-nam', 'trước ngày 15/11', submitted('      - unit: Phòng Dân tộc\n        date: "08/01/2025"\n        year: 2024'))).replace(
      'year: 2024\n',
      'period: "2024-2025"\n',
    );
    const s = schedule(yaml);
    const dt = late(s, '2025-01-10').filter((l) => l.includes('Phòng Dân tộc'));
    expect(dt).toEqual([]);
    // Without `year`, a January report answers the next year's occurrence.
    const noYear = schedule(yaml.replace('        year: 2024\n', '').replace(/\n {8}year: 2024$/m, ''));
    expect(late(noYear, '2025-01-10').filter((l) => l.includes('Phòng Dân tộc'))).toEqual(['duty bc-nam Phòng Dân tộc 2024-11-15 56']);
  });

  it('each submission fulfils one occurrence in its year', () => {
    const twice = withDuties(duty('bc', 'trước ngày 20/5 và trước ngày 15/11', submitted('      - unit: Phòng Dân tộc\n        date: "10/05/2024"')));
    const s = schedule(twice);
    expect(late(s, '2024-12-01').filter((l) => l.includes('Phòng Dân tộc'))).toEqual(['duty bc Phòng Dân tộc 2024-11-15 16']);
  });
});

describe('agenda and due soon', () => {
  const peakTask = task('2.1.b', 'năm 2024; cao điểm từ ngày 01/11 đến ngày 09/11/2024');

  it('a peak window starting within the horizon is listed on its first day, never late', () => {
    const s = schedule(planYaml(peakTask));
    const agenda = buildAgenda(s, d('2024-10-28'), 14);
    expect(agenda.days.map((day) => [formatIso(day.date), day.entries.map((e) => `${e.event} ${e.item.occurrence} ${e.item.unit?.name}`)])).toEqual([
      ['2024-11-01', ['starts peak UBND thị trấn An Châu', 'starts peak UBND xã An Lạc']],
    ]);
    expect(late(s, '2024-12-01')).toEqual([]);
  });

  it('a window running on the day is active; its end is due', () => {
    const s = schedule(planYaml(task('1.1', 'từ ngày 01/03 đến ngày 29/03/2024')));
    const agenda = buildAgenda(s, d('2024-03-15'), 14);
    expect(agenda.active.map((i) => i.unit?.name)).toEqual(['UBND thị trấn An Châu', 'UBND xã An Lạc']);
    expect(agenda.days.map((day) => formatIso(day.date))).toEqual(['2024-03-29']);
    expect(late(s, '2024-04-01')).toHaveLength(2);
    expect(buildAgenda(s, d('2024-04-01'), 14).active).toEqual([]);
  });

  it('due soon counts open limits from the day through N days', () => {
    const s = schedule(withDuties(duty('bc-6-thang', 'trước ngày 20/5')));
    expect(dueSoon(s, d('2024-05-06'), 14)).toHaveLength(3);
    expect(dueSoon(s, d('2024-05-05'), 14)).toHaveLength(0);
    expect(dueSoon(s, d('2024-05-21'), 14)).toHaveLength(0);
  });
});

describe('a past as-of', () => {
  it('sees what was done by that day only', () => {
    const sub = `\n    submissions:\n      - unit: UBND xã An Lạc\n        date: "25/05/2024"`;
    const s = schedule(withDuties(duty('bc-6-thang', 'trước ngày 20/5', sub)));
    expect(late(s, '2024-05-22').filter((l) => l.includes('An Lạc'))).toEqual(['duty bc-6-thang UBND xã An Lạc 2024-05-20 2']);
    expect(late(s, '2024-05-26').filter((l) => l.includes('An Lạc'))).toEqual([]);
    expect(dueSoon(s, d('2024-05-10'), 14).map((i) => i.unit?.name)).toContain('UBND xã An Lạc');
  });

  it('a task done later, but a unit done earlier, counts from the earlier day', () => {
    const extra = '\n        status: done\n        done: "20/01/2025"\n        progress:\n          - {unit: UBND xã An Lạc, status: done, done: "10/12/2024"}';
    const s = schedule(planYaml(task('1.1', 'năm 2024', extra)));
    expect(late(s, '2025-01-02')).toEqual(['task 1.1 UBND thị trấn An Châu 2024-12-31 2']);
    expect(late(s, '2025-01-21')).toEqual([]);
    // A completion without a date holds on any day.
    expect(late(schedule(planYaml(task('1.1', 'năm 2024', '\n        status: stopped'))), '2025-01-02')).toEqual([]);
  });
});

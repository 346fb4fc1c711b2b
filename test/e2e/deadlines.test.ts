// plan overdue, agenda, ics and the check summary end to end on the shipped
// seed, in process (runCli; a run in another zone than the test's is a run of
// the built binary). "Today" is always given with --as-of (or a fixed clock),
// and the machine's zone is set far from UTC+7.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { dutyOwers } from '../../src/core/assignments.js';
import { parsePlan, parseUnits } from '../../src/core/load.js';
import { allTasks } from '../../src/core/model.js';
import { planYaml, UNITS_YAML } from '../helpers.js';
import { hasStackTrace, ROOT, runCli } from './run-plan.js';

const SEED = 'plans/kh-pbgdpl-2024-son-dong.yaml';
const plan = parsePlan(SEED, readFileSync(path.join(ROOT, SEED), 'utf8')).value!;
const registry = parseUnits('plans/units.yaml', readFileSync(path.join(ROOT, 'plans/units.yaml'), 'utf8')).value!;
const owers = (dutyId: string) =>
  dutyOwers(plan.duties.find((d) => d.id === dutyId)!, registry)
    .map((u) => u.name)
    .sort();

interface Item {
  plan: string;
  kind: 'task' | 'duty';
  id: string;
  title: string;
  unit: string | null;
  due: string;
  written?: string;
  daysLate: number;
}

async function overdueJson(asOf: string, args: string[] = [], env: Record<string, string> = {}): Promise<{ asOf: string; items: Item[] }> {
  const r = await runCli(['overdue', ...args, '--as-of', asOf, '--json'], { env: { TZ: 'America/Los_Angeles', ...env } });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

function tempPlans(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-deadlines-'));
  cpSync(path.join(ROOT, 'plans'), path.join(dir, 'plans'), { recursive: true });
  return dir;
}

describe('plan overdue on the seed', () => {
  it('06/02/2024: the implementation plan duty, once per unit that owes it, 1 day late', async () => {
    const out = await overdueJson('2024-02-06');
    expect(out.asOf).toBe('2024-02-06');
    expect(out.items.every((i) => i.kind === 'duty' && i.id === 'ke-hoach' && i.due === '2024-02-05' && i.daysLate === 1)).toBe(true);
    expect(out.items.map((i) => i.unit).sort()).toEqual(owers('ke-hoach'));
    expect(out.items.length).toBeGreaterThan(20);
    expect(Object.keys(out.items[0]!)).toEqual(expect.arrayContaining(['plan', 'kind', 'id', 'title', 'unit', 'due', 'daysLate']));
  });

  it('15/01/2024: no duty is late yet', async () => {
    expect((await overdueJson('15/01/2024')).items.filter((i) => i.kind === 'duty')).toEqual([]);
  });

  it('21/05/2024: the 6-month report for every unit; a recorded submission takes its commune off', async () => {
    const before = (await overdueJson('2024-05-21')).items.filter((i) => i.id === 'bao-cao-6-thang');
    expect(before.map((i) => i.unit).sort()).toEqual(owers('bao-cao-6-thang'));
    expect(before.every((i) => i.due === '2024-05-20' && i.daysLate === 1)).toBe(true);

    const dir = tempPlans();
    const file = path.join(dir, SEED);
    const text = readFileSync(file, 'utf8');
    const marker = '    due: "trước ngày 20/5"\n    period: 6m\n';
    expect(text).toContain(marker);
    // As docs/format.md §9 documents it: a submissions list under the duty.
    writeFileSync(file, text.replace(marker, `${marker}    submissions:\n      - unit: UBND xã An Lạc\n        date: "18/05/2024"\n        number: "45/BC-UBND"\n`));
    const r = await runCli(['overdue', 'plans', '--as-of', '2024-05-21', '--json'], { cwd: dir, env: { TZ: 'Pacific/Kiritimati' } });
    expect(r.code).toBe(0);
    const after = (JSON.parse(r.stdout) as { items: Item[] }).items.filter((i) => i.id === 'bao-cao-6-thang');
    expect(after.map((i) => i.unit).sort()).toEqual(owers('bao-cao-6-thang').filter((u) => u !== 'UBND xã An Lạc'));
    // Asked about an earlier day, the later record is neither an error nor counted yet.
    const earlier = await runCli(['overdue', 'plans', '--as-of', '2024-05-17', '--json'], { cwd: dir });
    expect(earlier.code).toBe(0);
    const agenda = JSON.parse((await runCli(['agenda', 'plans', '--as-of', '2024-05-17', '--json'], { cwd: dir })).stdout);
    expect(agenda.days.flatMap((d: { items: Item[] }) => d.items).some((i: Item) => i.unit === 'UBND xã An Lạc' && i.id === 'bao-cao-6-thang')).toBe(true);
    // The recorded submission passes plan check.
    expect((await runCli(['check', 'plans', '--as-of', '2024-05-21'], { cwd: dir })).stdout).toContain(': 0 lỗi');
  });

  it('02/01/2025: every "năm 2024" task not completed, per lead unit; never a "thường xuyên" task', async () => {
    const tasks = (await overdueJson('2025-01-02')).items.filter((i) => i.kind === 'task');
    const yearly = allTasks(plan)
      .filter((t) => t.due?.text.startsWith('năm 2024') && t.lead.length > 0 && t.status !== 'done')
      .map((t) => t.id);
    const ongoing = allTasks(plan)
      .filter((t) => t.due?.text === 'thường xuyên')
      .map((t) => t.id);
    expect(ongoing.length).toBeGreaterThan(0);
    expect([...new Set(tasks.map((i) => i.id))].sort()).toEqual([...yearly].sort());
    expect(tasks.some((i) => ongoing.includes(i.id))).toBe(false);
    expect(tasks.every((i) => i.due === '2024-12-31' && i.daysLate === 2)).toBe(true);
    // Lead units only: Phòng Nông nghiệp only supports 2.4.c.
    expect(tasks.some((i) => i.id === '2.4.c' && i.unit === 'Phòng Nông nghiệp và Phát triển nông thôn')).toBe(false);
  });

  it('the answer does not depend on the machine zone', async () => {
    const a = await overdueJson('2024-05-21', [], { TZ: 'Pacific/Kiritimati' });
    const b = await overdueJson('2024-05-21', [], { TZ: 'Pacific/Pago_Pago' });
    expect(a).toEqual(b);
  });

  it('a table, a Markdown table, --unit, and usage errors', async () => {
    const table = await runCli(['overdue', '--as-of', '2024-05-21', '--unit', 'UBND xã An Lạc']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Quá hạn tính đến Thứ Ba, 21/05/2024: 2 việc');
    expect(table.stdout).toMatch(/│\s+106 │ 05\/02\/2024 │/);
    // Each row names its duty by id, as the Markdown and JSON outputs do (and as a task's row gives its number).
    expect(table.stdout).toMatch(/│ Loại\s+│ Mã\s+│ Nội dung/);
    expect(table.stdout).toMatch(/│ nghĩa vụ gửi │ ke-hoach\s+│ Kế hoạch thực hiện\s+│ UBND xã An Lạc/);
    expect(table.stdout).toMatch(/│ nghĩa vụ gửi │ bao-cao-6-thang │ Báo cáo kết quả thực hiện 6 tháng\s+│/);
    expect((await runCli(['overdue', '--as-of', '2025-01-02', '--unit', 'UBND xã An Lạc'])).stdout).toMatch(/│ nhiệm vụ\s+│ 1\.7\.a\s+│ Tổ chức bồi dưỡng/);
    const agenda = await runCli(['agenda', '--as-of', '2024-05-01', '--days', '30', '--unit', 'UBND xã An Lạc']);
    expect(agenda.stdout).toContain('đến hạn: nghĩa vụ gửi bao-cao-6-thang: Báo cáo kết quả thực hiện 6 tháng');
    expect(table.stdout).not.toMatch(/\x1b\[/);
    const md = await runCli(['overdue', '--as-of', '2024-05-21', '--format', 'md', '--group-by', 'item']);
    expect(md.stdout).toContain('| Trễ (ngày) | Hạn | Loại | Mã | Nội dung | Đơn vị |');
    expect(md.stdout).toMatch(/\| 1 \| 20\/05\/2024 \| nghĩa vụ gửi \| bao-cao-6-thang \|/);
    const unknown = await runCli(['overdue', '--unit', 'Phòng Tư Pha', '--as-of', '2024-05-21']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Phòng Tư pháp');
    expect((await runCli(['overdue', '--as-of', '31/02/2024'])).code).toBe(2);
    for (const r of [table, md, unknown]) expect(hasStackTrace(r)).toBe(false);
  });
});

describe('plan agenda on the seed', () => {
  it('28/10/2024, 14 days: the peak window 01/11–09/11/2024 of task 2.1.b', async () => {
    const r = await runCli(['agenda', '--as-of', '2024-10-28', '--days', '14'], { env: { TZ: 'Pacific/Pago_Pago' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Lịch việc từ Thứ Hai, 28/10/2024 đến Thứ Hai, 11/11/2024');
    const day = r.stdout.split('\n\n').find((block) => block.startsWith('Thứ Sáu, 01/11/2024'));
    expect(day).toContain('bắt đầu cao điểm 01/11/2024–09/11/2024: nhiệm vụ 2.1.b');
    const json = JSON.parse((await runCli(['agenda', '--as-of', '28/10/2024', '--json'])).stdout);
    const peak = json.days.flatMap((d: { items: { id: string; occurrence?: string; start?: string; due: string }[] }) => d.items).find((i: { id: string }) => i.id === '2.1.b');
    expect(peak).toMatchObject({ occurrence: 'peak', start: '2024-11-01', due: '2024-11-09' });
    expect(json.days[0].weekday).toBe('Thứ Sáu');
  });

  it('while the peak runs it is listed as running; the 15/11 report is due within 14 days', async () => {
    const r = await runCli(['agenda', '--as-of', '2024-11-04', '--unit', 'UBND xã An Lạc']);
    expect(r.stdout).toContain('Đang diễn ra');
    expect(r.stdout).toContain('cao điểm 01/11/2024–09/11/2024: nhiệm vụ 2.1.b');
    expect(r.stdout).toContain('Thứ Sáu, 15/11/2024');
    expect(r.stdout).toContain('đến hạn: nghĩa vụ gửi bao-cao-nam');
  });
});

describe('plan ics', () => {
  it('writes an iCalendar file a real parser accepts, with stable UIDs', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-ics-'));
    const file = path.join(dir, 'han.ics');
    const r = await runCli(['ics', '-o', file]);
    expect(r.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');

    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.length).toBeGreaterThan(20);
    const uids = events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    expect(events.every((e) => e.startDate.isDate)).toBe(true);

    const peak = events.find((e) => e.summary.startsWith('Cao điểm: 2.1.b'))!;
    expect(peak.startDate.toString()).toBe('2024-11-01');
    expect(peak.endDate.toString()).toBe('2024-11-10');
    const task21b = allTasks(plan).find((t) => t.id === '2.1.b')!;
    expect(peak.description).toContain(task21b.title); // commas, semicolons and diacritics survive escaping and folding
    const report = events.find((e) => e.summary === 'Hạn gửi: Báo cáo kết quả thực hiện 6 tháng')!;
    expect(report.startDate.toString()).toBe('2024-05-20');

    // Same plan, same UIDs: re-importing updates the events.
    const again = await runCli(['ics', '-o', '-']);
    const uidsAgain = new ICAL.Component(ICAL.parse(again.stdout)).getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('uid')));
    expect(uidsAgain).toEqual(uids);

    // An existing file is kept unless --force.
    const refused = await runCli(['ics', '-o', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--force');
    expect((await runCli(['ics', '-o', file, '--force'])).code).toBe(0);
  });

  it('--unit gives one event per occurrence of that unit, its name in the UID', async () => {
    const r = await runCli(['ics', '--unit', 'UBND xã An Lạc', '-o', '-']);
    const events = new ICAL.Component(ICAL.parse(r.stdout)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.length).toBeGreaterThan(3);
    expect(events.every((e) => e.uid.includes(encodeURIComponent('UBND xã An Lạc')))).toBe(true);
    expect(events.every((e) => e.summary.endsWith('(UBND xã An Lạc)'))).toBe(true);
  });
});

describe('plan check with deadlines', () => {
  it('prints the overdue and due-soon line for the day', async () => {
    const r = await runCli(['check', '--as-of', '2024-05-10']);
    expect(r.stdout).toMatch(/Tính đến 10\/05\/2024: \d+ việc quá hạn, \d+ việc đến hạn trong 14 ngày tới/);
    const json = JSON.parse((await runCli(['check', '--as-of', '2024-05-10', '--json'])).stdout);
    expect(json.summary).toMatchObject({ asOf: '2024-05-10', dueSoon: owers('bao-cao-6-thang').length, overdue: owers('ke-hoach').length });
  });

  it('says its day in its first line too, given or assumed, in Vietnamese and English', async () => {
    const firstLine = (r: { stdout: string }) => r.stdout.split('\n')[0];
    expect(firstLine(await runCli(['check', '--as-of', '2024-05-10']))).toBe('Kiểm tra kế hoạch tính đến Thứ Sáu, 10/05/2024');
    expect(firstLine(await runCli(['--lang', 'en', 'check', '--format', 'short', '--as-of', '10/05/2024']))).toBe('Checking plans as of Friday, 10/05/2024');
    const assumed = await runCli(['check'], { now: new Date('2024-05-09T18:30:00Z') });
    expect(firstLine(assumed)).toBe('Kiểm tra kế hoạch tính đến Thứ Sáu, 10/05/2024 (hôm nay; chọn ngày khác bằng --as-of)');
    expect(assumed.stdout).toContain('Tính đến 10/05/2024:');
    const en = await runCli(['--lang', 'en', 'check'], { now: new Date('2024-05-09T18:30:00Z') });
    expect(firstLine(en)).toBe('Checking plans as of Friday, 10/05/2024 (today; choose another with --as-of)');
  });

  it('--strict fails when anything is overdue, and only then on a clean plan', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-strict-'));
    writeFileSync(path.join(dir, 'units.yaml'), UNITS_YAML);
    writeFileSync(path.join(dir, 'plan.yaml'), planYaml());
    const onTime = await runCli(['check', dir, '--strict', '--as-of', '2024-12-31']);
    expect(onTime.stdout).toContain('0 lỗi, 0 cảnh báo');
    expect(onTime.code).toBe(0);
    const late = await runCli(['check', dir, '--strict', '--as-of', '2025-01-02']);
    expect(late.code).toBe(1);
    expect(late.stdout).toContain('--strict: việc quá hạn được tính là lỗi');
    expect((await runCli(['check', dir, '--as-of', '2025-01-02'])).code).toBe(0);
  });

  it('settings.yaml can choose the strict reading of "trước ngày"', async () => {
    const dir = tempPlans();
    const annual = async () => (JSON.parse((await runCli(['overdue', 'plans', '--as-of', '2024-11-15', '--json'], { cwd: dir })).stdout).items as Item[]).filter((i) => i.id === 'bao-cao-nam');
    // "trước ngày 15/11": by 15/11 inclusive by default, so nothing is late on 15/11.
    expect(await annual()).toEqual([]);
    writeFileSync(path.join(dir, 'plans', 'settings.yaml'), 'strictBefore: true\n');
    const strict = await annual();
    expect(strict.length).toBe(owers('bao-cao-nam').length);
    expect(strict.every((i) => i.due === '2024-11-14' && i.daysLate === 1)).toBe(true);
    writeFileSync(path.join(dir, 'plans', 'settings.yaml'), 'strictBefore: yes please\n');
    const bad = await runCli(['check', 'plans'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('settings.yaml');
    expect(existsSync(path.join(dir, 'plans', 'settings.yaml'))).toBe(true);
  });

  it('warns about a limit on a day off, from the law or from calendar.yaml, naming both dates', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-dayoff-'));
    writeFileSync(path.join(dir, 'units.yaml'), UNITS_YAML);
    const tasks = (due: string) => `      - id: "1.1"\n        title: Việc\n        lead: [Phòng Tư pháp]\n        due: "${due}"\n        outputs: [x]`;
    writeFileSync(path.join(dir, 'plan.yaml'), planYaml(tasks('trước ngày 29/04/2024')));
    // 29/04/2024 is an ordinary Monday by law; the 2024 announcement swapped it for Saturday 04/05.
    expect((await runCli(['check', dir, '--as-of', '2024-01-10'])).stdout).not.toContain('deadline-on-day-off');
    writeFileSync(path.join(dir, 'calendar.yaml'), 'years:\n  2024:\n    off:\n      - {from: 29/04/2024, to: 01/05/2024}\n    work:\n      - {date: 04/05/2024}\n');
    const r = await runCli(['check', dir, '--as-of', '2024-01-10']);
    expect(r.stdout).toContain('deadline-on-day-off');
    expect(r.stdout).toContain('hạn ghi 29/04/2024 rơi vào ngày nghỉ');
    expect(r.stdout).toContain('hạn thực tế là 02/05/2024');
    const late = JSON.parse((await runCli(['overdue', dir, '--as-of', '2024-05-03', '--json'])).stdout).items;
    expect(late).toEqual([expect.objectContaining({ unit: 'Phòng Tư pháp', due: '2024-05-02', written: '2024-04-29', daysLate: 1 })]);
    const table = (await runCli(['overdue', dir, '--as-of', '2024-05-03'])).stdout;
    expect(table).toContain('29/04/2024 → 02/05/2024');
  });
});

describe('plan agenda and event deadlines', () => {
  it('names the tasks still waiting for their event date', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-event-'));
    writeFileSync(path.join(dir, 'units.yaml'), UNITS_YAML);
    writeFileSync(
      path.join(dir, 'plan.yaml'),
      planYaml(`      - id: "1.1"\n        title: Việc\n        lead: [Phòng Tư pháp]\n        due: sau khi được Thủ tướng Chính phủ ký ban hành\n        outputs: [x]`),
    );
    const r = await runCli(['agenda', dir, '--as-of', '2024-03-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Chưa tính được ngày (chờ ghi eventDate):\n  - 05/KH-UBND, nhiệm vụ 1.1: Việc (thời hạn "sau khi được Thủ tướng Chính phủ ký ban hành")\n');
    expect(JSON.parse((await runCli(['agenda', dir, '--as-of', '2024-03-01', '--json'])).stdout).undated).toEqual([expect.objectContaining({ id: '1.1', kind: 'task' })]);
  });
});

// Issue 3 through the CLI (in process) on test/fixtures/evidence: a limit on a
// Saturday shows the written and the effective date, and deliverables show
// their evidence, in sheets (Markdown and DOCX), reports and plan show;
// strictBefore in settings.yaml changes the dates on sheets.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxText } from './docx-text.js';
import { needs } from '../tools.js';
import { hasStackTrace, ROOT, runCli } from './run-plan.js';

const withPandoc = needs('pandoc');

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'evidence');
const AS_OF = '2025-12-01';
const MOVED = '15/11/2025 (thứ Bảy) → 17/11/2025';
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'plan-evidence-'));

/** The fixture copied, with settings.yaml when given. */
function fixtureCopy(settings?: string): string {
  const dir = path.join(tmp(), 'plans');
  cpSync(FIXTURE, dir, { recursive: true });
  if (settings !== undefined) writeFileSync(path.join(dir, 'settings.yaml'), settings);
  return dir;
}

/** The Markdown table row of a task or duty (starts "| n | **id**" or "| n | title"). */
function row(md: string, marker: string): string {
  const line = md.split('\n').find((l) => l.startsWith('| ') && l.includes(marker));
  expect(line, marker).toBeDefined();
  return line!;
}

async function sheets(plans: string, format = 'both'): Promise<string> {
  const out = path.join(tmp(), 'out');
  const r = await runCli(['sheets', plans, '--out', out, '--format', format, '--as-of', AS_OF]);
  // Only the note on fields left blank (the fixture names no signer); no error.
  expect(r.stderr).not.toMatch(/^lỗi|^\s+at /m);
  expect(r.code).toBe(0);
  return out;
}

// Made while the file is collected: the tests below read it.
const fixtureSheets = await sheets(FIXTURE);

describe('sheets: both dates and the evidence', () => {
  const out = fixtureSheets;
  const md = readFileSync(path.join(out, 'phong-tu-phap.md'), 'utf8');

  it('Markdown: the Saturday limit with its effective date, evidence beside its deliverable', async () => {
    const r11 = row(md, '**1.1**');
    expect(r11).toContain(`trước ngày 15/11/2025<br>(${MOVED})`);
    expect(r11).toContain('- ☑ Kế hoạch: 12/KH-UBND ngày 01/03/2025<br>- Báo cáo kết quả |');
    // Overdue counted from the effective date (17/11), not the written Saturday.
    expect(r11).toContain('| Chưa thực hiện<br>quá hạn 14 ngày |');
    const r13 = row(md, '**1.3**');
    expect(r13).toContain('☑ Văn bản hướng dẫn: 35/HD-PTP ngày 12/06/2025 (Hướng dẫn đánh giá chuẩn tiếp cận pháp luật)');
    // Every deliverable evidenced: done by the schedule's rules, though the plan writes no status.
    expect(r13).toContain('| Hoàn thành |');
    // A working day stays as it was.
    expect(row(md, '**1.2**')).toContain('trước ngày 20/5<br>(20/05/2025)');
  });

  it('Markdown: a duty on the commune sheet shows both dates', async () => {
    const commune = readFileSync(path.join(out, 'ubnd-xa-an-lac.md'), 'utf8');
    const duty = row(commune, 'Báo cáo kết quả thực hiện năm');
    expect(duty).toContain(`trước ngày 15/11<br>(${MOVED})`);
    expect(duty).toContain('Đã gửi ngày 17/11/2025, số 45/BC-UBND');
  });

  withPandoc(
    'DOCX (pandoc): the same dates and evidence',
    () => {
      const text = docxText(path.join(out, 'phong-tu-phap.docx'));
      expect(text).toContain(MOVED);
      expect(text).toContain('☑ Kế hoạch: 12/KH-UBND ngày 01/03/2025');
      expect(text).toContain('35/HD-PTP ngày 12/06/2025');
    },
    60_000,
  );
});

describe('sheets: strictBefore from settings.yaml', () => {
  it('"trước ngày 20/5" is 20/05 by default and 19/05 when strictBefore is true', async () => {
    const plain = readFileSync(path.join(await sheets(fixtureCopy('strictBefore: false\n'), 'md'), 'phong-tu-phap.md'), 'utf8');
    const strict = readFileSync(path.join(await sheets(fixtureCopy('strictBefore: true\n'), 'md'), 'phong-tu-phap.md'), 'utf8');
    expect(row(plain, '**1.2**')).toContain('trước ngày 20/5<br>(20/05/2025)');
    expect(row(strict, '**1.2**')).toContain('trước ngày 20/5<br>(19/05/2025)');
    // "trước ngày 15/11/2025" strictly is Friday 14/11: a working day, nothing moves.
    expect(row(strict, '**1.1**')).toContain('trước ngày 15/11/2025<br>(14/11/2025)');
    expect(strict).not.toContain('→');
  });
});

describe('reports: both dates, evidence ticked, late by the effective date', () => {
  let unitReportDocx = '';
  it('a unit report ticks a delivered deliverable with its document', async () => {
    const out = path.join(tmp(), 'out');
    const r = await runCli(['report', FIXTURE, '--period', 'year', '--year', '2025', '--unit', 'Phòng Tư pháp', '--format', 'both', '--out', out, '--as-of', AS_OF]);
    expect(r.stderr).not.toMatch(/^lỗi|^\s+at /m);
    expect(r.code).toBe(0);
    const md = readFileSync(path.join(out, 'bao-cao-year-2025-phong-tu-phap.md'), 'utf8');
    expect(md).toContain(`Thời hạn: trước ngày 15/11/2025 (${MOVED})`);
    expect(md).toContain('- [x] Kế hoạch: 12/KH-UBND ngày 01/03/2025\n- [ ] Báo cáo kết quả');
    expect(md).toContain('- [x] Văn bản hướng dẫn: 35/HD-PTP ngày 12/06/2025');
    expect(md).toContain(`*Thời hạn gửi báo cáo kết quả thực hiện năm theo Kế hoạch: ${MOVED}.*`);
    expect(row(md, '**1.1**')).toContain('- ☑ Kế hoạch: 12/KH-UBND ngày 01/03/2025<br>- Báo cáo kết quả');
    unitReportDocx = path.join(out, 'bao-cao-year-2025-phong-tu-phap.docx');
  }, 60_000);

  withPandoc(
    'DOCX (pandoc): the same ticks and dates',
    () => {
      const text = docxText(unitReportDocx);
      expect(text).toContain('☑ Kế hoạch: 12/KH-UBND ngày 01/03/2025');
      expect(text).toContain('☐ Báo cáo kết quả');
      expect(text).toContain(MOVED);
    },
    60_000,
  );

  it('consolidated: sent on the effective date is on time, the day after is late', async () => {
    const out = path.join(tmp(), 'out');
    const r = await runCli(['report', FIXTURE, '--period', 'year', '--year', '2025', '--consolidated', '--format', 'md', '--out', out, '--as-of', AS_OF]);
    expect(r.code).toBe(0);
    const md = readFileSync(path.join(out, 'bao-cao-year-2025-tong-hop.md'), 'utf8');
    // The late senders' table is the last of the appendix.
    const late = md.slice(md.indexOf('Đơn vị gửi báo cáo muộn'));
    expect(late).toContain('muộn (1)');
    expect(late).toContain(`| UBND thị trấn An Châu | ${MOVED} | 18/11/2025 |`);
    expect(late).not.toContain('An Lạc');
  });
});

describe('plan show: both dates and the evidence', () => {
  it('the outline names the day off, the effective date and the documents', async () => {
    const r = await runCli(['show', FIXTURE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Thời hạn: trước ngày 15/11/2025 → 17/11/2025 (15/11/2025 là thứ Bảy)');
    // Every dated limit says its day, as show --json does; a date as written is not repeated.
    expect(r.stdout).toContain('Thời hạn: trước ngày 20/5 → 20/05/2025\n');
    expect(r.stdout).toContain('Thời hạn: 30/06/2025\n');
    expect(r.stdout).toContain('☑ Kế hoạch: 12/KH-UBND ngày 01/03/2025');
    expect(r.stdout).toContain('☑ Văn bản hướng dẫn: 35/HD-PTP ngày 12/06/2025 (Hướng dẫn đánh giá chuẩn tiếp cận pháp luật)');
    expect(r.stdout).toContain('trước ngày 15/11 → 17/11/2025 (15/11/2025 là thứ Bảy); gửi UBND huyện');
    // Not-yet-delivered deliverables are not listed as delivered.
    expect(r.stdout).not.toContain('☑ Báo cáo kết quả');
    const en = await runCli(['show', FIXTURE, '--lang', 'en']);
    expect(en.stdout).toContain('Due: trước ngày 15/11/2025 → 17/11/2025 (15/11/2025 is a Saturday)');
    expect(en.stdout).toContain('☑ Kế hoạch: 12/KH-UBND of 01/03/2025');
    expect(hasStackTrace(en)).toBe(false);
  });
  it('--json: the effective date, the written one beside it; strictBefore applies', async () => {
    const plan = JSON.parse((await runCli(['show', '--json', FIXTURE])).stdout).plans[0];
    const t11 = plan.tasks.find((t: { id: string }) => t.id === '1.1');
    expect(t11.due.dates).toEqual([{ kind: 'due', due: '2025-11-17', written: '2025-11-15', movedBecause: '15/11/2025 là thứ Bảy' }]);
    const strict = JSON.parse((await runCli(['show', '--json', fixtureCopy('strictBefore: true\n')])).stdout).plans[0];
    expect(strict.tasks.find((t: { id: string }) => t.id === '1.2').due.dates).toEqual([{ kind: 'due', due: '2025-05-19' }]);
  });
});

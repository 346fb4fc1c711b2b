// plan collect's rules on returned Markdown reports (no LibreOffice needed):
// every refusal with its located message and nothing recorded for it, the
// rest still recorded; a newer report replaces an older one; collecting twice
// is a no-op.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../e2e/run-plan.js';
import { hash, PLAN, workspaceCopy } from './workspace.js';

const AS_OF = '2024-06-10';

/** plan report --unit as Markdown, in a fresh copy of the plans; returns the folder and the report's text. */
async function setup(unit = 'Phòng Tư pháp'): Promise<{ dir: string; file: string; md: string }> {
  const dir = workspaceCopy();
  const r = await runCli(['report', '--period', '6m', '--year', '2024', '--unit', unit, '--format', 'md', '--out', 'gui', '--as-of', AS_OF], { cwd: dir });
  expect(r.code).toBe(0);
  const name = r.stdout.trim().split('/').pop()!;
  const file = path.join(dir, 'gui', name);
  return { dir, file, md: readFileSync(file, 'utf8') };
}

/** The report filled in: number, date, and for a task a status line and text over the placeholder. */
function fill(md: string, opts: { number?: string; date?: string; tasks: { id: string; status?: string; text?: string }[] }): string {
  let out = md;
  if (opts.number) out = out.replace(/Số: +\/BC-\S*/, `Số: ${opts.number}`);
  if (opts.date) out = out.replace(/ngày \d+ tháng \d+ năm 2024\*/, `${opts.date}*`);
  for (const t of opts.tasks) {
    const start = out.indexOf(`Nhiệm vụ ${t.id}:`);
    expect(start).toBeGreaterThan(0);
    const end = out.indexOf('<!-- kehoach:bookmark', start);
    let area = out.slice(start, end);
    if (t.status) area = area.replace(/Tình trạng: .*/, `Tình trạng: ${t.status}`);
    if (t.text) area = area.replace('*\\[Nội dung kết quả\\]*', t.text);
    out = out.slice(0, start) + area + out.slice(end);
  }
  return out;
}

function write(file: string, text: string): string {
  writeFileSync(file, text);
  return file;
}

const collect = (dir: string, args: string[]) => runCli(['collect', ...args, '--as-of', AS_OF], { cwd: dir });

describe('plan collect refuses, with a located message, and records nothing for the item', () => {
  it('a report for another plan', async () => {
    const { dir, file, md } = await setup();
    write(
      file,
      fill(md, { number: '15/BC-TP', date: 'ngày 17 tháng 5 năm 2024', tasks: [{ id: '1.6.b', status: 'Hoàn thành' }] }).replace('\\"number\\":\\"/KH-UBND\\"', '\\"number\\":\\"99/KH-UBND\\"'),
    );
    const before = hash(path.join(dir, PLAN));
    const r = await collect(dir, [file, '--apply']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:`);
    expect(r.stdout).toContain('lỗi: báo cáo cho kế hoạch khác: không có kh-pbgdpl-2024-son-dong.yaml (99/KH-UBND) trong các kế hoạch đã đọc; không ghi gì');
    expect(hash(path.join(dir, PLAN))).toBe(before);
    expect(hasStackTrace(r)).toBe(false);
  });

  it('a report for another period or year, or of another unit than asked', async () => {
    const { dir, file, md } = await setup();
    write(file, fill(md, { number: '15/BC-TP', date: 'ngày 17 tháng 5 năm 2024', tasks: [{ id: '1.6.b', status: 'Hoàn thành' }] }));
    const before = hash(path.join(dir, PLAN));
    expect((await collect(dir, [file, '--apply', '--period', 'year'])).stdout).toContain('báo cáo kỳ 6m, không phải kỳ year (--period)');
    expect((await collect(dir, [file, '--apply', '--year', '2025'])).stdout).toContain('báo cáo năm 2024, không phải năm 2025 (--year)');
    const other = await collect(dir, [file, '--apply', '--unit', 'UBND xã An Lạc']);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('báo cáo của Phòng Tư pháp, không phải của UBND xã An Lạc (--unit)');
    expect(hash(path.join(dir, PLAN))).toBe(before);
  });

  it('a unit the units file does not have', async () => {
    const { dir, file, md } = await setup();
    write(file, md.replace('"kehoach.unit":"Phòng Tư pháp"', '"kehoach.unit":"Phòng Không Có"'));
    const r = await collect(dir, [file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('báo cáo của "Phòng Không Có", không phải một đơn vị trong danh mục');
  });

  it('a task id the plan lacks, an unknown status word, a completion date after the as-of day: those tasks only', async () => {
    const { dir, file, md } = await setup();
    const filled = fill(md, {
      number: '15/BC-TP',
      date: 'ngày 17 tháng 5 năm 2024',
      tasks: [
        { id: '1.2', status: 'Gần xong', text: 'Đã kiện toàn đội ngũ.' },
        { id: '1.3', status: 'Hoàn thành ngày 20/07/2024' },
        { id: '1.6.b', status: 'Hoàn thành ngày 15/03/2024', text: 'Đã tổ chức 3 hội nghị.' },
      ],
    }).replace('[0,\\"1.4\\",', '[0,\\"9.9\\",');
    write(file, filled);
    const r = await collect(dir, [file, '--apply']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('lỗi: nhiệm vụ 1.2: không hiểu tình trạng "Gần xong"');
    expect(r.stdout).toContain('lỗi: nhiệm vụ 1.3: ngày hoàn thành 20/07/2024 sau ngày 10/06/2024 (hôm nay hoặc --as-of)');
    expect(r.stdout).toContain('lỗi: nhiệm vụ 9.9: kế hoạch kh-pbgdpl-2024-son-dong.yaml không có nhiệm vụ 9.9');
    // The rest is recorded.
    expect(r.stdout).toContain('nhiệm vụ 1.6.b (chủ trì): tình trạng Hoàn thành; hoàn thành ngày 15/03/2024');
    const plan = readFileSync(path.join(dir, PLAN), 'utf8');
    expect(plan).toContain('Đã tổ chức 3 hội nghị.');
    expect(plan).not.toContain('Đã kiện toàn đội ngũ.');
    expect(plan).not.toContain('20/07/2024');
  });

  it('a report dated after the as-of day', async () => {
    const { dir, file, md } = await setup();
    write(file, fill(md, { number: '15/BC-TP', date: 'ngày 17 tháng 6 năm 2024', tasks: [{ id: '1.6.b', status: 'Hoàn thành' }] }));
    const before = hash(path.join(dir, PLAN));
    const r = await collect(dir, [file, '--apply']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('lỗi: ngày của báo cáo 17/06/2024 sau ngày 10/06/2024 (hôm nay hoặc --as-of); không ghi gì');
    expect(hash(path.join(dir, PLAN))).toBe(before);
  });

  it('a file whose markers were lost: all of them, or one task heading retyped', async () => {
    const { dir, md } = await setup();
    const filled = fill(md, {
      number: '15/BC-TP',
      date: 'ngày 17 tháng 5 năm 2024',
      tasks: [
        { id: '1.6.b', status: 'Hoàn thành', text: 'Xong.' },
        { id: '1.3', status: 'Đang thực hiện' },
      ],
    });
    const lost = write(path.join(dir, 'gui', 'mat-dau.md'), filled.replace(/<!-- kehoach:properties .* -->\n/, ''));
    const r = await collect(dir, [lost]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('lỗi: không có dấu nhận biết của báo cáo do plan report lập (thuộc tính kehoach.* đã mất); không ghi gì');
    const retyped = write(path.join(dir, 'gui', 'go-lai.md'), filled.replace(/<!-- kehoach:bookmark kehoach_task_3 -->\n/, ''));
    const one = await collect(dir, [retyped]);
    expect(one.stdout).toContain('lỗi: nhiệm vụ 1.3: mất dấu nhận biết (tiêu đề nhiệm vụ bị xoá hoặc chép lại)');
    expect(one.stdout).toContain('nhiệm vụ 1.6.b (chủ trì): tình trạng Hoàn thành');
    const docx = write(path.join(dir, 'gui', 'hong.docx'), 'not a zip');
    expect((await collect(dir, [docx])).stdout).toContain('không đọc được tệp DOCX');
  });
});

describe('plan collect records each report once', () => {
  it('collecting twice is a no-op; a newer report from the same unit and period replaces the older, an older one is skipped', async () => {
    const { dir, file, md } = await setup('UBND xã An Lạc');
    const first = write(file, fill(md, { number: '20/BC-UBND', date: 'ngày 18 tháng 5 năm 2024', tasks: [{ id: '1.1', status: 'Đang thực hiện', text: 'Bản đầu.' }] }));
    expect((await collect(dir, [first, '--apply'])).code).toBe(0);
    const once = readFileSync(path.join(dir, PLAN), 'utf8');
    const again = await collect(dir, [first, '--apply']);
    expect(again.stdout).toContain('Đã ghi 0 mục');
    expect(readFileSync(path.join(dir, PLAN), 'utf8')).toBe(once);

    const newer = write(
      path.join(dir, 'gui', 'moi.md'),
      fill(md, { number: '21/BC-UBND', date: 'ngày 25 tháng 5 năm 2024', tasks: [{ id: '1.1', status: 'Hoàn thành ngày 24/05/2024', text: 'Bản sửa.' }] }),
    );
    const r = await collect(dir, [newer, '--apply']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('thay bản đã ghi (bản ngày 18/05/2024)');
    const plan = readFileSync(path.join(dir, PLAN), 'utf8');
    expect(plan).toContain('Bản sửa.');
    expect(plan).not.toContain('Bản đầu.');
    expect(plan).toContain('number: "21/BC-UBND"');
    expect(plan).not.toContain('20/BC-UBND');
    expect((await runCli(['check', '--as-of', AS_OF], { cwd: dir })).code).toBe(0);

    const older = await collect(dir, [first, '--apply']);
    expect(older.stdout).toContain('cũ hơn bản đã ghi, bỏ qua (bản ngày 25/05/2024)');
    expect(readFileSync(path.join(dir, PLAN), 'utf8')).toBe(plan);
  });
});

describe('plan collect refuses a file of a kind it cannot read', () => {
  it('names every kind it reads, .odt and .ods among them, in both languages; nothing recorded', async () => {
    const { dir } = await setup();
    const pdf = write(path.join(dir, 'gui', 'bao-cao.pdf'), '%PDF-1.4\n');
    const before = hash(path.join(dir, PLAN));
    const vi = await collect(dir, [pdf, '--apply']);
    expect(vi.code).toBe(1);
    expect(vi.stderr + vi.stdout).toContain('dùng .docx, .doc, .odt, .md, .xlsx, .xls hoặc .ods');
    expect(hasStackTrace(vi)).toBe(false);
    const en = await runCli(['--lang', 'en', 'collect', pdf, '--apply', '--as-of', AS_OF], { cwd: dir });
    expect(en.code).toBe(1);
    expect(en.stderr + en.stdout).toContain('use .docx, .doc, .odt, .md, .xlsx, .xls or .ods');
    expect(hasStackTrace(en)).toBe(false);
    expect(hash(path.join(dir, PLAN))).toBe(before);
  });
});

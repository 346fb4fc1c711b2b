// plan collect end to end on the shipped seed: three units' DOCX reports,
// filled as a person would and saved again by LibreOffice, read back, the
// dry run, --apply, plan check, collecting twice, and the consolidated report.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect } from 'vitest';
import { parseDocument } from 'yaml';
import { hasStackTrace, runCli } from '../e2e/run-plan.js';
import { docxText } from '../e2e/docx-text.js';
import { missingToolsLine, needs } from '../tools.js';
import { fillDocx, resaveWithLibreOffice } from './fill.js';
import { hash, PLAN, workspaceCopy } from './workspace.js';

const it = needs('libreoffice', 'pandoc');

const AS_OF = '2024-06-10';

function tasksOf(dir: string): Map<string, Record<string, unknown>> {
  const doc = parseDocument(readFileSync(path.join(dir, PLAN), 'utf8')).toJS() as { groups: { tasks: Record<string, unknown>[] }[] };
  const out = new Map<string, Record<string, unknown>>();
  const walk = (ts: Record<string, unknown>[]) => {
    for (const t of ts) {
      out.set(String(t.id), t);
      walk((t.tasks as Record<string, unknown>[] | undefined) ?? []);
    }
  };
  for (const g of doc.groups) walk(g.tasks);
  return out;
}

const RESULT_TP = 'Đã ban hành Kế hoạch số 12/KH-UBND ngày 01/03/2024 về tuyên truyền pháp luật cho người dân tộc thiểu số.';
const RESULT_TP_2 = 'Tổ chức 3 hội nghị tại xã An Lạc, Vân Sơn, Hữu Sản với 450 lượt người tham dự.';
const RESULT_TP_C = 'Đang rà soát danh sách hòa giải viên cần bồi dưỡng.';
const RESULT_AL = 'Đảng ủy xã ban hành Nghị quyết số 05-NQ/ĐU; UBND xã giao nhiệm vụ cho công chức tư pháp.';
const RESULT_VH = 'Phối hợp đưa 12 tin bài trên Đài truyền thanh huyện.';

describe('plan collect: DOCX reports of three units, filled and saved again by LibreOffice', () => {
  let dir: string;
  let files: string[];
  beforeAll(async () => {
    dir = workspaceCopy();
    if (missingToolsLine(['libreoffice', 'pandoc'])) return;
    const out = path.join(dir, 'tra-ve');
    for (const unit of ['Phòng Tư pháp', 'UBND xã An Lạc', 'Phòng Văn hóa – Thông tin']) {
      const r = await runCli(['report', '--period', '6m', '--year', '2024', '--unit', unit, '--format', 'docx', '--out', out, '--as-of', AS_OF], { cwd: dir });
      // The seed's own warnings (number, date, place spelling) are printed before writing; nothing else.
      expect(r.code).toBe(0);
      expect(r.stderr).not.toMatch(/^lỗi|^\s+at /m);
    }
    const tp = path.join(out, 'bao-cao-6m-2024-phong-tu-phap.docx');
    const al = path.join(out, 'bao-cao-6m-2024-ubnd-xa-an-lac.docx');
    const vh = path.join(out, 'bao-cao-6m-2024-phong-van-hoa-thong-tin.docx');
    await fillDocx(tp, {
      number: '15/BC-TP',
      date: 'ngày 17 tháng 5 năm 2024',
      tasks: [
        { id: '1.6.b', status: 'Hoàn thành ngày 15/03/2024', paragraphs: [RESULT_TP, RESULT_TP_2] },
        { id: '1.6.c', status: 'Đang thực hiện', paragraphs: [RESULT_TP_C] },
      ],
    });
    await fillDocx(al, { number: '20/BC-UBND', date: 'ngày 22 tháng 5 năm 2024', tasks: [{ id: '1.1', status: 'Đang thực hiện', paragraphs: [RESULT_AL] }] });
    await fillDocx(vh, { number: '7/BC-VHTT', date: 'ngày 16 tháng 5 năm 2024', tasks: [{ id: '1.6.b', status: 'Hoàn thành', paragraphs: [RESULT_VH] }] });
    files = resaveWithLibreOffice([tp, al, vh], 'docx');
  }, 240_000);

  it('the dry run says per unit and task what it would record, and changes nothing', async () => {
    const before = hash(path.join(dir, PLAN));
    const r = await runCli(['collect', ...files, '--as-of', AS_OF], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Phòng Tư pháp, kỳ 6 tháng đầu năm 2024, số 15/BC-TP, ngày 17/05/2024');
    expect(r.stdout).toMatch(/nhiệm vụ 1\.6\.b \(chủ trì\): tình trạng Hoàn thành; hoàn thành ngày 15\/03\/2024; kết quả: "Đã ban hành Kế hoạch số 12\/KH-UBND.*văn bản: 12\/KH-UBND — ghi mới/);
    expect(r.stdout).toContain('nhiệm vụ 1.6.c (chủ trì): tình trạng Đang thực hiện');
    expect(r.stdout).toContain('nhiệm vụ 1.1 (chủ trì): tình trạng Đang thực hiện');
    expect(r.stdout).toMatch(/nhiệm vụ 1\.6\.b \(phối hợp\): tình trạng Hoàn thành \(đơn vị phối hợp: chỉ ghi phần tham gia\); phần tham gia: "Phối hợp đưa 12 tin bài/);
    expect(r.stdout).toContain('gửi "Báo cáo kết quả thực hiện 6 tháng" ngày 22/05/2024 (20/BC-UBND), kỳ năm 2024 — ghi mới');
    expect(r.stdout).toContain('Chạy thử: sẽ ghi 7 mục; 0 lỗi.');
    expect(hash(path.join(dir, PLAN))).toBe(before);
  });

  it('--json gives the same for scripts', async () => {
    const r = await runCli(['collect', ...files, '--as-of', AS_OF, '--json'], { cwd: dir });
    const json = JSON.parse(r.stdout) as { applied: boolean; files: { unit: string; items: { kind: string; task?: string; role?: string; status?: string; text?: string }[] }[] };
    expect(json.applied).toBe(false);
    expect(json.files.map((f) => f.unit)).toEqual(['Phòng Tư pháp', 'UBND xã An Lạc', 'Phòng Văn hóa – Thông tin']);
    expect(json.files[0]!.items[0]).toMatchObject({ kind: 'task', task: '1.6.b', role: 'lead', status: 'done', text: `${RESULT_TP}\n${RESULT_TP_2}` });
  });

  it('--apply records statuses, dates, results and submissions; plan check passes; the consolidated report has the texts', { timeout: 300_000 }, async () => {
    const r = await runCli(['collect', ...files, '--as-of', AS_OF, '--apply'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đã ghi 7 mục; 0 lỗi.');
    const tasks = tasksOf(dir);
    // The lead's status completes the task; the supporting unit's "Hoàn thành" does not.
    expect(tasks.get('1.6.b')).toMatchObject({ status: 'done', done: '15/03/2024' });
    // Task 1.6.c has two lead units: Phòng Tư pháp's own progress entry.
    expect(tasks.get('1.6.c')!.status).toBeUndefined();
    expect(tasks.get('1.6.c')!.progress).toEqual([{ unit: 'Phòng Tư pháp', status: 'doing' }]);
    const results = tasks.get('1.6.b')!.results as Record<string, unknown>[];
    expect(results).toEqual([
      { unit: 'Phòng Văn hóa – Thông tin', period: '6m', year: 2024, report: '7/BC-VHTT', date: '16/05/2024', status: 'done', done: '16/05/2024', text: RESULT_VH },
      {
        unit: 'Phòng Tư pháp',
        period: '6m',
        year: 2024,
        report: '15/BC-TP',
        date: '17/05/2024',
        status: 'done',
        done: '15/03/2024',
        text: `${RESULT_TP}\n${RESULT_TP_2}`,
        evidence: [{ number: '12/KH-UBND', date: '01/03/2024', title: 'Kế hoạch' }],
      },
    ]);
    // Task 1.1 is led by every commune: An Lạc's own progress entry.
    expect(tasks.get('1.1')!.progress).toEqual([{ unit: 'UBND xã An Lạc', status: 'doing' }]);
    const text = readFileSync(path.join(dir, PLAN), 'utf8');
    expect(text).toContain('      - unit: UBND xã An Lạc\n        date: "22/05/2024"\n        number: "20/BC-UBND"\n');

    const check = await runCli(['check', '--as-of', AS_OF], { cwd: dir });
    expect(check.stdout + check.stderr).not.toContain('lỗi[');
    expect(check.code).toBe(0);

    const again = await runCli(['collect', ...files, '--as-of', AS_OF, '--apply'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Đã ghi 0 mục; 0 lỗi.');
    expect(again.stdout).toContain('đã ghi, không đổi');
    expect(readFileSync(path.join(dir, PLAN), 'utf8')).toBe(text);

    const out = path.join(dir, 'tong-hop');
    const rep = await runCli(['report', '--period', '6m', '--year', '2024', '--consolidated', '--out', out, '--as-of', AS_OF], { cwd: dir });
    expect(rep.stderr).not.toMatch(/^lỗi|^\s+at /m); // the seed's document warnings only
    const doc = docxText(path.join(out, 'bao-cao-6m-2024-tong-hop.docx'));
    const md = readFileSync(path.join(out, 'bao-cao-6m-2024-tong-hop.md'), 'utf8');
    for (const body of [doc, md]) {
      const t16b = body.slice(body.indexOf('Nhiệm vụ 1.6.b:'), body.indexOf('Nhiệm vụ 1.6.c:'));
      expect(t16b).toContain('Phòng Tư pháp');
      expect(t16b).toContain(RESULT_TP);
      expect(t16b).toContain(RESULT_TP_2);
      expect(t16b).toContain('Phòng Văn hóa – Thông tin');
      expect(t16b).toContain(RESULT_VH);
      const t11 = body.slice(body.indexOf('Nhiệm vụ 1.1:'), body.indexOf('Nhiệm vụ 1.2:'));
      expect(t11).toContain('UBND xã An Lạc');
      expect(t11).toContain(RESULT_AL);
    }
    // Sent late (due 20/05/2024): An Lạc on 22/05.
    // The senders' tables close the appendix after the signature: the late ones are the last.
    const late = doc.slice(doc.indexOf('Đơn vị gửi báo cáo muộn'));
    expect(late).toContain('UBND xã An Lạc');
    expect(late).toContain('22/05/2024');
    expect(late).not.toContain('Phòng Tư pháp');
    expect(hasStackTrace(rep)).toBe(false);
  });
});

// plan report end to end on the shipped seed: golden Markdown (one unit,
// consolidated), DOCX read back by pandoc, templates a clerk edits.
// UPDATE_GOLDEN=1 npx vitest run test/e2e/report.test.ts rewrites test/golden/reports/.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, ROOT, runCli, type RunResult } from './run-plan.js';
import { docxTexts } from './docx-text.js';
import { needs } from '../tools.js';

const withPandoc = needs('pandoc');

const AS_OF = '2024-06-10';
const GOLDEN = path.join(ROOT, 'test', 'golden', 'reports');
const COMMUNES = [
  'UBND thị trấn An Châu',
  'UBND thị trấn Tây Yên Tử',
  'UBND xã An Lạc',
  'UBND xã Vân Sơn',
  'UBND xã Hữu Sản',
  'UBND xã Đại Sơn',
  'UBND xã Phúc Sơn',
  'UBND xã Giáo Liêm',
  'UBND xã Cẩm Đàn',
  'UBND xã Yên Định',
  'UBND xã Dương Hưu',
  'UBND xã Long Sơn',
];

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'plan-report-'));

function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(existsSync(file), `missing golden ${name}: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** A copy of plans/ (in a new folder, returned) whose seed plan has `anchor` replaced by `replacement`. */
function plansEdited(anchor: string, replacement: string): string {
  const dir = tmp();
  cpSync(path.join(ROOT, 'plans'), path.join(dir, 'plans'), { recursive: true });
  const file = path.join(dir, 'plans', 'kh-pbgdpl-2024-son-dong.yaml');
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(anchor);
  writeFileSync(file, text.replace(anchor, replacement));
  return dir;
}

/** A copy of plans/ where UBND xã An Lạc has sent its 6-month report. */
function plansWithSubmission(): string {
  const anchor = '    period: 6m\n';
  return plansEdited(anchor, `${anchor}    submissions:\n      - unit: UBND xã An Lạc\n        date: 25/05/2024\n        number: 45/BC-UBND\n`);
}

// The three reports whose DOCX pandoc reads are made first, so that one pandoc start reads them all (docxTexts):
// a start costs more than reading a report.
const unitOut = path.join(tmp(), 'out');
const communeOut = path.join(tmp(), 'out');
let consolidatedOut = '';
const unitDocx = path.join(unitOut, 'bao-cao-6m-2024-phong-tu-phap.docx');
const communeDocx = path.join(communeOut, 'bao-cao-6m-2024-ubnd-xa-an-lac.docx');
const consolidatedDocx = () => path.join(consolidatedOut, 'bao-cao-6m-2024-tong-hop.docx');
const made: { unit?: RunResult; commune?: RunResult; consolidated?: RunResult } = {};
beforeAll(async () => {
  made.unit = await runCli(['report', '--period', '6m', '--year', '2024', '--unit', 'Phòng Tư pháp', '--format', 'both', '--out', unitOut, '--as-of', AS_OF]);
  made.commune = await runCli(['report', '--period', '6m', '--year', '2024', '--unit', 'UBND xã An Lạc', '--format', 'both', '--out', communeOut, '--as-of', '2024-07-05']);
  const consolidatedDir = plansWithSubmission();
  consolidatedOut = path.join(consolidatedDir, 'out');
  made.consolidated = await runCli(['report', 'plans', '--period', '6m', '--year', '2024', '--consolidated', '--out', consolidatedOut, '--as-of', AS_OF], {
    cwd: consolidatedDir,
  });
});

let texts: Map<string, string> | undefined;
/** A report's DOCX as pandoc reads it: the three read together the first time one is asked for. */
function docxText(file: string): string {
  if (texts === undefined) {
    const files = [unitDocx, communeDocx, consolidatedDocx()];
    const read = docxTexts(files);
    texts = new Map(files.map((f, i) => [f, read[i]!]));
  }
  return texts.get(file)!;
}

describe('plan report --unit', () => {
  const out = unitOut;
  let r: RunResult;
  beforeAll(() => {
    r = made.unit!;
  });

  it('writes the Markdown and DOCX skeleton', async () => {
    expect(r.stderr).toContain('cảnh báo[place-spelling]');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['bao-cao-6m-2024-phong-tu-phap.docx', 'bao-cao-6m-2024-phong-tu-phap.md']);
    golden('bao-cao-6m-2024-phong-tu-phap.md', readFileSync(path.join(out, 'bao-cao-6m-2024-phong-tu-phap.md'), 'utf8'));
  });

  withPandoc('DOCX text (pandoc) holds the title, the cut-off, the four sections and every led task', () => {
    const text = docxText(unitDocx);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain(
      'Kế hoạch số …/KH-UBND ngày … tháng 01 năm 2024 của UBND huyện Sơn Động về công tác phổ biến, giáo dục pháp luật; hòa giải ở cơ sở; cấp xã đạt chuẩn tiếp cận pháp luật năm 2024',
    );
    expect(text).toContain('từ ngày 15/12/2023 đến ngày 14/06/2024');
    expect(text).toContain('20/05/2024');
    for (const h of ['I. KẾT QUẢ THỰC HIỆN', 'II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN', 'III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI', 'IV. KIẾN NGHỊ, ĐỀ XUẤT']) expect(text).toContain(h);
    // Led tasks, ongoing ones (1.1, 1.10) included.
    for (const id of ['1.1', '1.10', '1.6.b', '1.6.c', '1.6.đ', '1.7.a', '1.7.b', '1.7.c', '2.1.b', '2.3.a', '2.3.b', '2.3.c', '2.4.a', '2.4.b', '2.4.c']) {
      expect(text).toContain(`Nhiệm vụ ${id}:`);
    }
    expect(text).toContain('[Nội dung kết quả]');
    expect(text).toContain('Nơi nhận:');
    // Issued by and signed for Phòng Tư pháp, under its superior (shortened, as Nghị định 30/2020 allows a
    // superior's name; its own is written out); sent to UBND huyện, not through itself.
    expect(text).toContain('UBND HUYỆN SƠN ĐỘNG PHÒNG TƯ PHÁP');
    expect(text).toContain('Số: /BC-TP');
    expect(text).toContain('Sơn Động, ngày 10 tháng 6 năm 2024');
    expect(text).toContain('Kính gửi: Ủy ban nhân dân huyện Sơn Động.');
    expect(text).not.toContain('qua Phòng Tư pháp');
    expect(text).toContain('TRƯỞNG PHÒNG');
    expect(text).not.toContain('THỦ TRƯỞNG ĐƠN VỊ');
    expect(text).toContain('[Họ và tên]');
  });
});

describe('plan report --unit for a commune', () => {
  const out = communeOut;
  let r: RunResult;
  beforeAll(() => {
    r = made.commune!;
  });

  it('is a People’s Committee’s report: no superior line, its own commune as place, symbol UBND (golden)', () => {
    expect(r.code, r.stderr).toBe(0);
    golden('bao-cao-6m-2024-ubnd-xa-an-lac.md', readFileSync(path.join(out, 'bao-cao-6m-2024-ubnd-xa-an-lac.md'), 'utf8'));
    // units.yaml gives no place, symbol nor full name: all come from the name, so none is listed as missing.
    expect(r.stderr).not.toContain('địa danh của UBND xã An Lạc');
    expect(r.stderr).not.toContain('ký hiệu của UBND xã An Lạc');
  });

  withPandoc('DOCX (pandoc): the header reads ỦY BAN NHÂN DÂN / XÃ AN LẠC, nothing of the district above it', () => {
    const text = docxText(communeDocx);
    expect(text).toContain('ỦY BAN NHÂN DÂN XÃ AN LẠC Số: /BC-UBND');
    expect(text).not.toContain('chính trị. (chủ trì)');
    expect(text).toContain('chính trị (chủ trì)');
    expect(text).not.toContain('HUYỆN SƠN ĐỘNG');
    expect(text).toContain('An Lạc, ngày 05 tháng 7 năm 2024');
    // Made on 05/07 for a report due 20/05 and not sent: said once, under the due date.
    expect(text).toContain('Thời hạn gửi báo cáo kết quả thực hiện 6 tháng theo Kế hoạch: 20/05/2024. Báo cáo lập ngày 05/07/2024, chậm 46 ngày so với thời hạn gửi.');
    // No deliverables: one wording, no box to tick for nothing.
    expect(text).toContain('Sản phẩm: (kế hoạch không ghi) [Nội dung kết quả]');
    expect(text).not.toContain('Kế hoạch không ghi sản phẩm');
    expect(text.indexOf('PHỤ LỤC')).toBeGreaterThan(text.indexOf('[Họ và tên]'));
  });

  it('a unit that has sent its report is not told it is late', async () => {
    const dir = plansWithSubmission();
    const made = path.join(dir, 'out');
    const sent = await runCli(['report', 'plans', '--period', '6m', '--year', '2024', '--unit', 'UBND xã An Lạc', '--format', 'md', '--out', made, '--as-of', '2024-07-05'], { cwd: dir });
    expect(sent.code, sent.stderr).toBe(0);
    const text = readFileSync(path.join(made, 'bao-cao-6m-2024-ubnd-xa-an-lac.md'), 'utf8');
    expect(text).toContain('Thời hạn gửi báo cáo kết quả thực hiện 6 tháng theo Kế hoạch: 20/05/2024.');
    expect(text).not.toContain('chậm');
    // Made on the due day itself: not late either.
    const onTimeOut = path.join(tmp(), 'o');
    const onTime = await runCli(['report', '--period', '6m', '--year', '2024', '--unit', 'UBND xã An Lạc', '--format', 'md', '--out', onTimeOut, '--as-of', '2024-05-20']);
    expect(onTime.code, onTime.stderr).toBe(0);
    const dueDay = readFileSync(path.join(onTimeOut, 'bao-cao-6m-2024-ubnd-xa-an-lac.md'), 'utf8');
    expect(dueDay).toContain('theo Kế hoạch: 20/05/2024.');
    expect(dueDay).not.toContain('chậm');
  });
});

describe('the year of a report', () => {
  it('a collective unit ("Các phòng chuyên môn") writes no report of its own: refused (exit 2), nothing written', async () => {
    const dir = tmp();
    cpSync(path.join(ROOT, 'plans'), path.join(dir, 'plans'), { recursive: true });
    const units = path.join(dir, 'plans', 'units.yaml');
    writeFileSync(units, readFileSync(units, 'utf8').replace('\ngroups:', '\n  - name: Các phòng chuyên môn\n    level: district\n    collective: true\ngroups:'));
    const out = path.join(dir, 'out');
    const r = await runCli(['report', path.join(dir, 'plans'), '--period', '6m', '--year', '2024', '--unit', 'Các phòng chuyên môn', '--format', 'md', '--out', out, '--as-of', AS_OF]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('"Các phòng chuyên môn" gọi chung nhiều đơn vị (collective trong units.yaml): mỗi đơn vị tự lập báo cáo của mình');
    expect(hasStackTrace(r)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });
  it('a unit named as many bodies is refused as a collective one, with or without the mark (units.yaml reads it so)', async () => {
    const dir = tmp();
    cpSync(path.join(ROOT, 'plans'), path.join(dir, 'plans'), { recursive: true });
    const units = path.join(dir, 'plans', 'units.yaml');
    writeFileSync(units, readFileSync(units, 'utf8').replace('\ngroups:', '\n  - name: Các phòng, ban thuộc UBND huyện Sơn Động\n    level: district\ngroups:'));
    const out = path.join(dir, 'out');
    const r = await runCli([
      'report',
      path.join(dir, 'plans'),
      '--period',
      '6m',
      '--year',
      '2024',
      '--unit',
      'Các phòng, ban thuộc UBND huyện Sơn Động',
      '--format',
      'md',
      '--out',
      out,
      '--as-of',
      AS_OF,
    ]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('"Các phòng, ban thuộc UBND huyện Sơn Động" gọi chung nhiều đơn vị');
    expect(existsSync(out)).toBe(false);
  });
  it("a year the plan does not cover is refused, naming the plan's year, and nothing is written; --force writes it", async () => {
    const out = path.join(tmp(), 'out');
    const r = await runCli(['report', '--period', '6m', '--year', '2031', '--unit', 'Phòng Tư pháp', '--format', 'md', '--out', out, '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('kế hoạch chỉ có năm 2024, không có năm 2031; ghi --year 2024');
    expect(existsSync(out)).toBe(false);
    const forced = await runCli(['report', '--period', '6m', '--year', '2031', '--unit', 'Phòng Tư pháp', '--format', 'md', '--out', out, '--as-of', AS_OF, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(['bao-cao-6m-2031-phong-tu-phap.md']);
  });

  it('figures after the due day are estimates only in a report made before the cut-off (14/06)', async () => {
    const made = async (asOf: string) => {
      const out = path.join(tmp(), 'out');
      const r = await runCli(['report', '--period', '6m', '--year', '2024', '--unit', 'Phòng Tư pháp', '--format', 'md', '--out', out, '--as-of', asOf]);
      expect(r.code, r.stderr).toBe(0);
      return readFileSync(path.join(out, 'bao-cao-6m-2024-phong-tu-phap.md'), 'utf8');
    };
    expect(await made('2024-06-10')).toContain('Số liệu từ sau ngày 20/05/2024 đến ngày 14/06/2024 là số liệu ước tính.');
    expect(await made('2024-07-05')).not.toContain('ước tính');
  });

  it('a defaulted year and day are said first, on stderr', async () => {
    const out = path.join(tmp(), 'out');
    const r = await runCli(['report', '--period', '6m', '--unit', 'Phòng Tư pháp', '--format', 'md', '--out', out, '--as-of', AS_OF]);
    expect(r.code, r.stderr).toBe(0);
    // First on stderr, before check's warnings about the plan's number, date and place.
    expect(r.stderr.startsWith('Giả định: năm báo cáo 2024 (năm của ngày lập; chọn năm khác bằng --year)\n')).toBe(true);
    const today = await runCli(['--lang', 'en', 'report', '--period', '6m', '--unit', 'Phòng Tư pháp', '--format', 'md', '--out', path.join(tmp(), 'out')]);
    expect(today.stderr.split('\n')[0]).toMatch(/^Assumed: report dated \d\d\/\d\d\/\d{4} \(today; choose another with --as-of\); reporting year \d{4} /);
  });
});

describe('plan report --consolidated', () => {
  it('writes the consolidated Markdown (golden) and DOCX', () => {
    const r = made.consolidated!;
    expect(r.stderr).toContain('cảnh báo[place-spelling]');
    expect(r.stderr).not.toContain('Để trống');
    expect(r.code).toBe(0);
    golden('bao-cao-6m-2024-tong-hop.md', readFileSync(path.join(consolidatedOut, 'bao-cao-6m-2024-tong-hop.md'), 'utf8'));
    expect(readdirSync(consolidatedOut).sort()).toEqual(['bao-cao-6m-2024-tong-hop.docx', 'bao-cao-6m-2024-tong-hop.md']);
  });

  withPandoc('DOCX (pandoc): the commune that sent among senders, every other among those that have not', () => {
    const text = docxText(consolidatedDocx());
    const sent = text.slice(text.indexOf('Đơn vị đã gửi báo cáo'), text.indexOf('Đơn vị chưa gửi báo cáo'));
    const notSent = text.slice(text.indexOf('Đơn vị chưa gửi báo cáo'), text.indexOf('Đơn vị gửi báo cáo muộn'));
    // The senders come last, in the appendix after the signature, below the summary table.
    const late = text.slice(text.indexOf('Đơn vị gửi báo cáo muộn'));
    const signed = text.indexOf('Tổng Thị Hương Giang');
    expect(text.indexOf('Trên đây là báo cáo')).toBeLessThan(text.indexOf('Nơi nhận:'));
    expect(text.indexOf('PHỤ LỤC')).toBeGreaterThan(signed);
    expect(text).toContain('PHỤ LỤC (Kèm theo Báo cáo số /BC-UBND ngày 10/06/2024 của UBND huyện Sơn Động) BẢNG TỔNG HỢP NHIỆM VỤ');
    expect(text.indexOf('BẢNG TỔNG HỢP NHIỆM VỤ')).toBeLessThan(text.indexOf('Đơn vị đã gửi báo cáo'));
    expect(sent).toContain('UBND xã An Lạc');
    expect(sent).toContain('45/BC-UBND');
    expect(notSent).not.toContain('UBND xã An Lạc');
    for (const c of COMMUNES.filter((c) => c !== 'UBND xã An Lạc')) {
      expect(sent).not.toContain(c);
      expect(notSent).toContain(c);
    }
    // Sent 25/05, due 20/05: late.
    expect(late).toContain('UBND xã An Lạc');
    // Issued by the plan's issuer, sent up to Sở Tư pháp (the plan's reportTo), signed by the plan's signer.
    expect(text).toContain('ỦY BAN NHÂN DÂN HUYỆN SƠN ĐỘNG Số: /BC-UBND');
    expect(text).toContain('Sơn Động, ngày 10 tháng 6 năm 2024');
    expect(text).toContain('Kính gửi: Sở Tư pháp.');
    expect(text).toContain('Như trên; - Lưu: VT, TP.');
    expect(text).toContain('KT. CHỦ TỊCH PHÓ CHỦ TỊCH Tổng Thị Hương Giang');
    expect(text).not.toContain('[Họ và tên]');
    // 20/05 is the units' deadline, not the district's own to Sở Tư pháp: said so, under who sent, not under "Kính gửi".
    const units = 'Thời hạn các đơn vị gửi báo cáo kết quả thực hiện 6 tháng về Ủy ban nhân dân huyện Sơn Động (qua Phòng Tư pháp) theo Kế hoạch: 20/05/2024.';
    expect(text).toContain(`TÌNH HÌNH GỬI BÁO CÁO KẾT QUẢ THỰC HIỆN 6 THÁNG ${units} Đơn vị đã gửi báo cáo`);
    expect(text).not.toContain('Thời hạn gửi báo cáo');
    expect(text).toContain('Số liệu từ sau ngày 20/05/2024 (thời hạn các đơn vị gửi báo cáo theo Kế hoạch) đến ngày 14/06/2024 là số liệu ước tính.');
  });
});

describe('a report on a task whose time the plan keeps as written', () => {
  it('shows it (dueText), as the sheets do: no "thời hạn: ." in section III, no empty cell in the appendix', async () => {
    const dir = plansEdited('        due: năm 2024\n\n      - id: "1.10"', '        dueText: trước mùa mưa bão\n\n      - id: "1.10"');
    const out = path.join(dir, 'out');
    const r = await runCli(['report', 'plans', '--period', '6m', '--year', '2024', '--consolidated', '--format', 'md', '--out', out, '--as-of', AS_OF], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(path.join(out, 'bao-cao-6m-2024-tong-hop.md'), 'utf8');
    const at = md.indexOf('Nhiệm vụ 1.9:');
    expect(md.slice(at, md.indexOf('Tình trạng:', at))).toContain('Thời hạn: trước mùa mưa bão');
    expect(md).toMatch(/\n- Nhiệm vụ 1\.9: [^\n]*; thời hạn: trước mùa mưa bão\.\n/);
    expect(md).not.toContain('thời hạn: .');
    expect(md.split('\n').find((l) => l.startsWith('| ') && l.includes('**1.9**'))).toContain('| trước mùa mưa bão |');
  });
});

describe('lateness of a task due every month, in the report of a quarter', () => {
  // 20/01/2024 is a Saturday: its limit is Monday 22/01. Made on 25/03, the quarter's report counts to its data
  // cut-off (14/03, Nghị định 09/2019): 52 days from 22/01, the earliest of the dates it shows that had passed, as
  // plan overdue --as-of 14/03/2024 counts that occurrence (it was 0: counted from 20/12, the year's last).
  const monthly = () =>
    plansEdited('        due: năm 2024\n        outputs:\n          - các văn bản đề xuất', '        due: trước ngày 20 hằng tháng\n        outputs:\n          - các văn bản đề xuất');

  it('counts from the earliest shown date passed at the cut-off, as plan overdue does', async () => {
    const dir = monthly();
    const out = path.join(dir, 'out');
    const r = await runCli(['report', 'plans', '--period', 'q1', '--year', '2024', '--unit', 'Phòng Tư pháp', '--format', 'md', '--out', out, '--as-of', '2024-03-25'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(path.join(out, readdirSync(out)[0]!), 'utf8');
    const row = md.split('\n').find((l) => l.startsWith('| ') && l.includes('**1.2**'))!;
    expect(row).toContain('20/01/2024');
    expect(row).toContain('quá hạn 52 ngày');
    const overdue = await runCli(['overdue', 'plans', '--unit', 'Phòng Tư pháp', '--as-of', '2024-03-14', '--format', 'json'], { cwd: dir });
    expect(overdue.code, overdue.stderr).toBe(0);
    const lates = (JSON.parse(overdue.stdout) as { items: { id: string; daysLate: number }[] }).items;
    expect(lates.filter((i) => i.id === '1.2').map((i) => i.daysLate)).toEqual([52, 23]);
  });

  it("a unit's sheet, showing the year's dates, counts from the earliest passed on the day it is made (63 on 25/03)", async () => {
    const dir = monthly();
    const out = path.join(dir, 'out');
    const r = await runCli(['sheets', 'plans', '--unit', 'Phòng Tư pháp', '--format', 'md', '--out', out, '--as-of', '2024-03-25'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const row = readFileSync(path.join(out, 'phong-tu-phap.md'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('| ') && l.includes('**1.2**'))!;
    expect(row).toContain('quá hạn 63 ngày');
  });
});

describe('templates a clerk edits', () => {
  const run = async (extra: string[]) => {
    const out = path.join(tmp(), 'out');
    const r = await runCli(['report', '--period', '6m', '--year', '2024', '--unit', 'Phòng Tư pháp', '--format', 'md', '--out', out, '--as-of', AS_OF, ...extra]);
    return { r, md: r.code === 0 ? readFileSync(path.join(out, 'bao-cao-6m-2024-phong-tu-phap.md'), 'utf8') : '' };
  };

  it('a copy with one heading reworded changes that heading and nothing else', async () => {
    const copy = path.join(tmp(), 'mau');
    cpSync(path.join(ROOT, 'templates'), copy, { recursive: true });
    const file = path.join(copy, 'vi', 'report.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('section_problems: II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN', 'section_problems: II. KHÓ KHĂN, VƯỚNG MẮC'));
    const base = await run([]);
    const changed = await run(['--templates', copy]);
    expect(changed.r.code).toBe(0);
    const a = base.md.split('\n');
    const b = changed.md.split('\n');
    expect(b.length).toBe(a.length);
    const diff = a.map((line, i) => [line, b[i]]).filter(([x, y]) => x !== y);
    expect(diff).toEqual([['## II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN', '## II. KHÓ KHĂN, VƯỚNG MẮC']]);
  });

  it('an unknown field is a located error naming the fields that exist', async () => {
    const copy = path.join(tmp(), 'mau');
    mkdirSync(copy);
    writeFileSync(path.join(copy, 'report.txt'), '# mẫu riêng\ntitle: BÁO CÁO\nopening: Thực hiện {{plan}}, {{don_vi}} báo cáo:\n');
    const { r } = await run(['--templates', copy]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('lỗi[unknown-template-field]');
    expect(r.stderr).toMatch(/report\.txt:3:\d+/);
    expect(r.stderr).toContain('{{don_vi}}');
    expect(r.stderr).toContain('{{unit}}');
    expect(hasStackTrace(r)).toBe(false);
  });
});

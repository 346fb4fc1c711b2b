// plan book end to end on the shipped seed: the workbook as LibreOffice Calc
// reads it (CSV of every sheet), its structure as exceljs reads it (real
// dates, drop-down, overdue formatting, protection, markers), then filled in
// Calc, saved again by it and collected like a returned report.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect } from 'vitest';
import { commandPath, libreOfficeProfile } from '../../src/io/libreoffice.js';
import { ROOT, runCli } from '../e2e/run-plan.js';
import { missingToolsLine, needs } from '../tools.js';
import { hash, PLAN, workspaceCopy } from './workspace.js';

const AS_OF = '2024-06-10';
const it = needs('libreoffice', 'calc');
const withUno = needs('libreoffice', 'calc', 'uno');
const PYTHON_UNO = commandPath('python3', { PATH: '/usr/bin' }) ?? 'python3';

/**
 * The district's book in one Calc session (opening its 37 sheets is most of the CPU, so once, not once to read and
 * once to save again): every sheet as Calc shows it before anyone types, as CSV text by sheet name; then typed into
 * by test/collect/lo-fill.py as a clerk of UBND xã An Lạc does and saved again as .xlsx, the returned file.
 */
let session: { dir: string; sheets: Map<string, string>; returned: string } | undefined;
function calcSession(dir: string, book: string): { sheets: Map<string, string>; returned: string } {
  if (session?.dir === dir) return session;
  const csv = path.join(dir, 'csv');
  mkdirSync(csv);
  const returned = path.join(dir, 'da-dien.xlsx');
  const spec = {
    profile: libreOfficeProfile(commandPath('soffice')!),
    jobs: [
      {
        input: book,
        before: [[path.join(csv, 'theo-doi.csv'), 'Text - txt - csv (StarCalc)', '44,34,76,1,,0,false,true,true,false,false,-1']],
        calc: {
          sheet: 'UBND xã An Lạc',
          rows: [
            { key: 'task|0|1.1', status: 'Đang thực hiện', note: 'Đã ban hành Kế hoạch số 03/KH-UBND ngày 15/01/2024.' },
            { key: 'task|0|1.7.a', status: 'Hoàn thành', done: [2024, 4, 12] },
            { key: 'duty|0|bao-cao-6-thang', status: 'Đã gửi', done: [2024, 5, 19], note: '25/BC-UBND' },
          ],
        },
        outputs: [[returned, 'Calc MS Excel 2007 XML']],
      },
    ],
  };
  try {
    writeFileSync(path.join(dir, 'fill.json'), JSON.stringify(spec));
    execFileSync(PYTHON_UNO, [path.join(ROOT, 'test', 'collect', 'lo-fill.py'), 'fill.json'], { cwd: dir, stdio: 'pipe', timeout: 240_000 });
  } finally {
    rmSync(spec.profile, { recursive: true, force: true });
  }
  // One CSV per sheet, named theo-doi-SHEET.csv.
  session = { dir, sheets: new Map(readdirSync(csv).map((f) => [f.slice('theo-doi-'.length, -4), readFileSync(path.join(csv, f), 'utf8')])), returned };
  return session;
}

describe('plan book: the Excel tracking book, read by LibreOffice Calc and collected back', () => {
  let dir: string;
  let book: string;
  beforeAll(async () => {
    dir = workspaceCopy();
    if (missingToolsLine(['libreoffice', 'calc'])) return;
    book = path.join(dir, 'theo-doi.xlsx');
    const r = await runCli(['book', '--period', '6m', '--year', '2024', '--out', book, '--as-of', AS_OF], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 120_000);

  withUno('opens in LibreOffice Calc: an overview and a sheet per unit, Vietnamese headers, dates as dd/mm/yyyy', { timeout: 300_000 }, () => {
    const { sheets } = calcSession(dir, book);
    expect(sheets.size).toBe(37);
    expect(sheets.get('Tổng hợp')).toContain('TT,Đơn vị,Chủ trì,Phối hợp,Hạn gửi báo cáo,Trang');
    expect(sheets.get('Tổng hợp')).toContain('UBND xã An Lạc,12,0,20/05/2024');
    const anLac = sheets.get('UBND xã An Lạc')!;
    expect(anLac).toContain('TT,Mã,"Nhiệm vụ, báo cáo",Vai trò,Thời hạn (như kế hoạch ghi),Hạn theo văn bản,Hạn thực tế,Tình trạng,Ngày hoàn thành / ngày gửi');
    expect(anLac).toMatch(/\n5,1\.7\.a,".*",Chủ trì,năm 2024,31\/12\/2024,31\/12\/2024,Chưa thực hiện,,,task\|0\|1\.7\.a/);
    expect(anLac).toContain('Báo cáo kết quả thực hiện 6 tháng,Báo cáo,trước ngày 20/5,20/05/2024,20/05/2024,Chưa gửi');
  });

  it('has real dates, a status drop-down, overdue formatting as of the opening day, locked structure and open answer columns', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    expect(wb.getWorksheet('kehoach')!.state).toBe('veryHidden');
    const ws = wb.getWorksheet('UBND xã An Lạc')!;
    const duty = ws.getRow(15);
    // A duty shows no id (the plan file's key, not the document's); the hidden key column keeps it for collect.
    expect(duty.getCell(2).value ?? '').toBe('');
    expect(duty.getCell(3).value).toBe('Báo cáo kết quả thực hiện 6 tháng');
    expect(duty.getCell(11).value).toBe('duty|0|bao-cao-6-thang');
    expect(duty.getCell(7).value).toEqual(new Date(Date.UTC(2024, 4, 20)));
    expect(duty.getCell(8).dataValidation).toMatchObject({ type: 'list', formulae: ['"Chưa gửi,Đã gửi"'] });
    expect(ws.getRow(3).getCell(8).dataValidation).toMatchObject({ type: 'list', formulae: ['"Chưa thực hiện,Đang thực hiện,Hoàn thành,Dừng"'] });
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cf[0]!.rules[0]!.formulae[0]).toContain('$G3<TODAY()');
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    for (const c of [1, 2, 3, 7]) expect(duty.getCell(c).protection?.locked).not.toBe(false);
    for (const c of [8, 9, 10]) expect(duty.getCell(c).protection?.locked).toBe(false);
  });

  withUno('filled in Calc, saved again by it, collected: dry run, --apply, plan check, twice is a no-op', { timeout: 300_000 }, async () => {
    const { returned } = calcSession(dir, book);

    const before = hash(path.join(dir, PLAN));
    const dry = await runCli(['collect', returned, '--as-of', AS_OF], { cwd: dir });
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`${returned} [UBND xã An Lạc]: UBND xã An Lạc, kỳ 6 tháng đầu năm 2024, số 25/BC-UBND, ngày 19/05/2024`);
    expect(dry.stdout).toContain('nhiệm vụ 1.1 (chủ trì): tình trạng Đang thực hiện; kết quả: "Đã ban hành Kế hoạch số 03/KH-UBND ngày 15/01/2024."; văn bản: 03/KH-UBND — ghi mới');
    expect(dry.stdout).toContain('nhiệm vụ 1.7.a (chủ trì): tình trạng Hoàn thành; hoàn thành ngày 12/04/2024 — ghi mới');
    expect(dry.stdout).toContain('gửi "Báo cáo kết quả thực hiện 6 tháng" ngày 19/05/2024 (25/BC-UBND), kỳ năm 2024 — ghi mới');
    expect(dry.stdout).not.toContain('Phòng Tư pháp');
    expect(hash(path.join(dir, PLAN))).toBe(before);

    const applied = await runCli(['collect', returned, '--as-of', AS_OF, '--apply'], { cwd: dir });
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Đã ghi 3 mục; 0 lỗi.');
    const text = readFileSync(path.join(dir, PLAN), 'utf8');
    expect(text).toContain('      - unit: UBND xã An Lạc\n        date: "19/05/2024"\n        number: "25/BC-UBND"\n');
    expect(text).toMatch(/- unit: UBND xã An Lạc\n\s+status: done\n\s+done: "12\/04\/2024"/);
    expect((await runCli(['check', '--as-of', AS_OF], { cwd: dir })).code).toBe(0);
    expect((await runCli(['collect', returned, '--as-of', AS_OF, '--apply'], { cwd: dir })).stdout).toContain('Đã ghi 0 mục; 0 lỗi.');
    expect(readFileSync(path.join(dir, PLAN), 'utf8')).toBe(text);
  });

  it('a book whose markers sheet is gone is refused', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    wb.removeWorksheet(wb.getWorksheet('kehoach')!.id);
    const broken = path.join(dir, 'mat-dau.xlsx');
    writeFileSync(broken, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const r = await runCli(['collect', broken, '--as-of', AS_OF], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('lỗi: không có dấu nhận biết của sổ theo dõi do plan book lập (trang "kehoach" đã mất); không ghi gì');
  });
});

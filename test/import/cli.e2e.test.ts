// `plan import` as a clerk runs it (the CLI in process): the seed as text and as DOCX
// gives the shipped plan, per `plan show --json`; DOCX from the docx library
// and from LibreOffice; legacy encodings refused; never overwrites; --write-units.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../e2e/run-plan.js';
import { fixtures, repoRoot, seedPath } from './helpers.js';
import { needs } from '../tools.js';

const withPandoc = needs('pandoc');
const withLibreOffice = needs('libreoffice');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'plan-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
// A copy of the shipped units beside the imported plans: import adds the names it finds to the units file beside its output.
const UNITS = path.join(tmp, 'units.yaml');
copyFileSync(path.join(repoRoot, 'plans/units.yaml'), UNITS);

interface JsonTask {
  id: string;
  title: string;
  lead: string[];
  support: string[];
  due: { text: string } | null;
  outputs: (string | { text: string })[];
  tasks: JsonTask[];
}
interface JsonDuty {
  id: string;
  title: string;
  by: string[];
  due: { text: string } | null;
  period?: string;
}

async function showJson(file: string, units = UNITS) {
  const r = await runCli(['show', '--json', file, '--units', units]);
  expect(r.code, r.stderr).toBe(0);
  const plan = (JSON.parse(r.stdout) as { plans: { groups: unknown[]; tasks: JsonTask[]; duties: JsonDuty[] }[] }).plans[0]!;
  const task = (t: JsonTask): object => ({
    id: t.id,
    title: t.title,
    lead: t.lead,
    support: t.support,
    due: t.due?.text ?? null,
    outputs: t.outputs.map((o) => (typeof o === 'string' ? o : o.text)),
    tasks: t.tasks.map(task),
  });
  // The shipped plan keeps "III. Tổ chức thực hiện" as text; the import also makes its assignments tasks (seed.test.ts).
  const section3 = new Set((plan.groups as { id: string; tasks: string[] }[]).find((g) => g.id === 'III')?.tasks);
  return {
    groups: plan.groups.filter((g) => (g as { id: string }).id !== 'III'),
    tasks: plan.tasks.filter((t) => !section3.has(t.id)).map(task),
    duties: plan.duties.map((d) => ({ id: d.id, title: d.title, by: d.by, due: d.due?.text ?? null, period: d.period ?? null })),
  };
}

const haveSeed = existsSync(seedPath);

const shipped = haveSeed ? await showJson(path.join(repoRoot, 'plans/kh-pbgdpl-2024-son-dong.yaml')) : undefined;

describe.skipIf(!haveSeed)('the seed', () => {
  it('imports from text to a plan that plan check accepts and that shows like the shipped one', async () => {
    const out = path.join(tmp, 'seed.yaml');
    const r = await runCli(['import', seedPath, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('35 nhiệm vụ');
    expect(r.stderr).toContain('3 nghĩa vụ báo cáo');
    // No docs/plan.schema.json above the temporary folder: no schema comment pointing nowhere.
    expect(readFileSync(out, 'utf8')).not.toContain('yaml-language-server');
    expect(readFileSync(out, 'utf8').split('\n')[0]).toMatch(/^# Nhập bằng "plan import"/);
    const check = await runCli(['check', out, '--units', UNITS, '--as-of', '2024-05-21']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(await showJson(out)).toEqual(shipped);
  });

  it('points the editor at the schema plan init wrote, from where the plan goes (-o, or plans/ when printed)', async () => {
    const project = path.join(tmp, 'with-schema');
    mkdirSync(path.join(project, 'plans'), { recursive: true });
    mkdirSync(path.join(project, 'docs'));
    writeFileSync(path.join(project, 'docs/plan.schema.json'), '{}\n');
    const out = path.join(project, 'plans/seed.yaml');
    expect((await runCli(['import', seedPath, '-o', out])).code).toBe(0);
    const written = /^# yaml-language-server: \$schema=(\S+)$/.exec(readFileSync(out, 'utf8').split('\n')[0]!);
    expect(written?.[1]).toBe('../docs/plan.schema.json');
    expect(existsSync(path.resolve(path.dirname(out), written![1]!))).toBe(true);
    const printed = await runCli(['import', seedPath], { cwd: project });
    expect(printed.stdout.split('\n')[0]).toBe('# yaml-language-server: $schema=../docs/plan.schema.json');
  });

  it('never overwrites without --force', async () => {
    const out = path.join(tmp, 'seed-twice.yaml');
    writeFileSync(out, 'do not touch\n');
    const r = await runCli(['import', seedPath, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('do not touch\n');
    expect((await runCli(['import', seedPath, '-o', out, '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('id: "1.6.đ"');
  });

  it('prints the plan on standard output when -o is left out', async () => {
    const r = await runCli(['import', seedPath]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('id: "2.4.c"');
    expect(r.stderr).toContain('35 nhiệm vụ');
  });

  it('says which lines of a decision issuing the plan it left out, in the summary and in --json', async () => {
    const decision = path.join(repoRoot, 'test/fixtures/import-unseen/ttg-qd-ke-hoach-2026.txt');
    const r = await runCli(['import', decision]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Phần quyết định ban hành kế hoạch (dòng 7–33, 3 điều) không đưa vào kế hoạch');
    expect(r.stdout).not.toContain('Điều 1.');
    const json = await runCli(['import', decision, '--json', '--lang', 'en']);
    expect(JSON.parse(json.stdout).decision).toEqual({ from: 7, to: 33, articles: 3 });
  });

  it('heads its notes as notes, not as passages it could not place: a task whose time is not read is placed', async () => {
    const r = await runCli(['import', path.join(repoRoot, 'test/fixtures/import-unseen/xa-giao-viec-cau-van-2025.txt')]);
    expect(r.code, r.stderr).toBe(0);
    // The third: "báo cáo UBND xã chậm nhất 03 ngày sau khi thiên tai kết thúc" is a report timed from an event, no duty.
    expect(r.stderr).toContain('3 ghi chú khi nhập (đã giữ trong "notes" của kế hoạch; mỗi dòng ghi lý do):');
    expect(r.stderr).toMatch(/nhiệm vụ 1\.3: thời gian chưa đọc được; giữ nguyên văn ở dueText/);
    expect(r.stderr).not.toContain('Chưa xếp được');
    const en = await runCli(['import', path.join(repoRoot, 'test/fixtures/import-unseen/xa-giao-viec-cau-van-2025.txt'), '--lang', 'en']);
    expect(en.stderr).toContain('3 import notes (kept under "notes" in the plan; each says why):');
  });

  it('tasks the document gives no time: counted once on import, named in one check warning, no deadline words on the sheets', async () => {
    const dir = path.join(tmp, 'untimed');
    mkdirSync(path.join(dir, 'plans'), { recursive: true });
    const plan = path.join(dir, 'plans/ke-hoach.yaml');
    const r = await runCli(['import', path.join(repoRoot, 'test/fixtures/import-unseen/xa-phong-ban-chu-cai-2026.txt'), '-o', plan]);
    expect(r.code, r.stderr).toBe(0);
    const untimed = (readFileSync(plan, 'utf8').match(/dueText: không ghi trong văn bản/g) ?? []).length;
    expect(untimed).toBeGreaterThan(1);
    expect(r.stderr).toContain(`${untimed} việc giao văn bản không ghi thời gian (dueText: không ghi trong văn bản; không tính quá hạn).`);
    const check = await runCli(['check', path.join(dir, 'plans')]);
    const warnings = check.stdout.split('\n').filter((l) => l.startsWith('cảnh báo[unread-deadline]'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^cảnh báo\\[unread-deadline\\]: ${untimed} nhiệm vụ không ghi thời gian trong văn bản \\(`));
    const sheets = await runCli(['sheets', path.join(dir, 'plans'), '--out', path.join(dir, 'sheets'), '--format', 'md', '--as-of', '2026-06-01']);
    expect(sheets.code, sheets.stderr).toBe(0);
    const text = readdirSync(path.join(dir, 'sheets'))
      .map((f) => readFileSync(path.join(dir, 'sheets', f), 'utf8'))
      .join('\n');
    expect(text).toContain('(kế hoạch không ghi)');
    expect(text).not.toContain('không ghi trong văn bản');
  });

  withPandoc('saved as DOCX by pandoc, imports to the same plan', async () => {
    const html = readFileSync(seedPath, 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.trim())
      .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`)
      .join('\n');
    const src = path.join(tmp, 'seed.html');
    writeFileSync(src, `<html><body>${html}</body></html>`);
    const docx = path.join(tmp, 'seed.docx');
    execFileSync('pandoc', ['-f', 'html', src, '-o', docx]);
    const out = path.join(tmp, 'seed-from-docx.yaml');
    const r = await runCli(['import', docx, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect((await runCli(['check', out, '--units', UNITS, '--as-of', '2024-05-21'])).code).toBe(0);
    expect(await showJson(out)).toEqual(shipped);
  });
});

describe('DOCX files', () => {
  it('made by the docx library: paragraphs and a task table', async () => {
    const { Document, Packer, Paragraph, Table, TableRow, TableCell, TextRun } = await import('docx');
    const p = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
    const row = (cells: string[]) => new TableRow({ children: cells.map((c) => new TableCell({ children: c.split('\n').map((x) => p(x)) })) });
    const doc = new Document({
      sections: [
        {
          children: [
            p('UBND HUYỆN SƠN ĐỘNG'),
            p('Số: 30/KH-UBND'),
            p('Sơn Động, ngày 05 tháng 02 năm 2024'),
            p('KẾ HOẠCH', true),
            p('Phòng, chống thiên tai năm 2024', true),
            p('I. NHIỆM VỤ'),
            new Table({
              rows: [
                row(['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện']),
                row(['1', 'Kiện toàn Ban Chỉ huy phòng, chống thiên tai', 'Phòng Nông nghiệp và PTNT', 'Công an huyện', 'trước ngày 15/3/2024']),
                row(['2', 'Diễn tập ứng phó lũ quét\n- Tại xã An Lạc', 'UBND xã An Lạc', 'Ban Chỉ huy Quân sự huyện', 'quý II/2024']),
              ],
            }),
            p('Nơi nhận:'),
            p('- Lưu: VT.'),
            p('KT. CHỦ TỊCH'),
            p('PHÓ CHỦ TỊCH'),
            p('Nguyễn Văn F'),
          ],
        },
      ],
    });
    const file = path.join(tmp, 'docx-lib.docx');
    writeFileSync(file, await Packer.toBuffer(doc));
    const out = path.join(tmp, 'docx-lib.yaml');
    const r = await runCli(['import', file, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const shown = await showJson(out);
    expect(shown.tasks.map((t) => [(t as { id: string }).id, (t as { lead: string[] }).lead, (t as { support: string[] }).support, (t as { due: string }).due])).toEqual([
      ['1', ['Phòng Nông nghiệp và Phát triển nông thôn'], ['Công an huyện'], 'trước ngày 15/3/2024'],
      ['2', ['UBND xã An Lạc'], ['Ban Chỉ huy Quân sự huyện'], 'quý II/2024'],
    ]);
    expect(readFileSync(out, 'utf8')).toContain('- Tại xã An Lạc');
    expect((await runCli(['check', out, '--units', UNITS, '--as-of', '2024-05-21'])).code).toBe(0);
  });

  it('saved by LibreOffice (header and signature in layout tables, tasks in a table)', async () => {
    const out = path.join(tmp, 'libreoffice.yaml');
    const units = path.join(fixtures, 'units-libreoffice.yaml');
    const r = await runCli(['import', path.join(fixtures, 'libreoffice.docx'), '-o', out, '--units', units]);
    expect(r.code, r.stderr).toBe(0);
    const shown = await showJson(out, units);
    expect(shown.tasks).toEqual([
      {
        id: '1',
        title: 'Biên soạn tài liệu bồi dưỡng',
        lead: ['Phòng Phổ biến, giáo dục pháp luật'],
        support: ['Văn phòng Sở'],
        due: 'trước ngày 30/4/2024',
        outputs: ['Tài liệu được phát hành'],
        tasks: [],
      },
      {
        id: '2',
        title: 'Tổ chức lớp bồi dưỡng cho hòa giải viên',
        lead: ['Phòng Phổ biến, giáo dục pháp luật'],
        support: ['Văn phòng Sở', 'Thanh tra Sở'],
        due: 'quý III/2024',
        outputs: ['Lớp bồi dưỡng', 'báo cáo kết quả'],
        tasks: [],
      },
    ]);
    expect(shown.duties).toEqual([{ id: 'bao-cao', title: 'Báo cáo kết quả thực hiện', by: ['Phòng Phổ biến, giáo dục pháp luật'], due: 'trước ngày 15/12/2024', period: null }]);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('parent: UBND tỉnh Bắc Giang');
    expect(text).toContain('name: Hoàng Văn E');
    expect((await runCli(['check', out, '--units', units, '--as-of', '2024-05-21'])).code).toBe(0);
  });
});

describe('refusals', () => {
  it.each([
    ['tcvn3.txt', 'TCVN3'],
    ['vni.txt', 'VNI'],
  ])('%s: exit 1, the encoding named, no output file', async (file, encoding) => {
    const out = path.join(tmp, `${file}.yaml`);
    for (const lang of ['vi', 'en']) {
      const r = await runCli(['--lang', lang, 'import', path.join(fixtures, file), '-o', out]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(encoding);
      expect(r.stderr).toMatch(lang === 'vi' ? /bảng mã cũ/ : /legacy/);
      expect(hasStackTrace(r)).toBe(false);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('a document with no tasks: exit 1, nothing written', async () => {
    const src = path.join(tmp, 'empty.txt');
    writeFileSync(src, 'KẾ HOẠCH\nMột văn bản không có nhiệm vụ nào\n');
    const out = path.join(tmp, 'empty.yaml');
    const r = await runCli(['import', src, '-o', out]);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('a missing file: exit 1, no stack trace', async () => {
    const r = await runCli(['import', path.join(tmp, 'nope.docx')]);
    expect(r.code).toBe(1);
    expect(hasStackTrace(r)).toBe(false);
  });
});

describe('unknown units', () => {
  it('are listed with their line and "did you mean" and refused by --no-write-units, then added by default so plan check passes', async () => {
    const units = path.join(tmp, 'units.yaml');
    copyFileSync(path.join(fixtures, 'units-province.yaml'), units);
    const before = readFileSync(units, 'utf8');
    const out = path.join(tmp, 'province.yaml');
    const first = await runCli(['import', path.join(fixtures, 'provincial-by-unit.txt'), '-o', out, '--units', units, '--no-write-units']);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/dòng 27: "Sở Nội vụ"\n {2}dòng 28: "UBND các huyện, thành phố"/);
    expect(first.stderr).toContain('--no-write-units');
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(units, 'utf8')).toBe(before);
    const second = await runCli(['import', path.join(fixtures, 'provincial-by-unit.txt'), '-o', out, '--units', units]);
    expect(second.code, second.stderr).toBe(0);
    const after = readFileSync(units, 'utf8');
    expect(after.startsWith(before.slice(0, before.indexOf('groups:')))).toBe(true);
    expect(after).toContain('Sở Nội vụ');
    expect((await runCli(['check', out, '--units', units, '--as-of', '2024-05-21'])).code).toBe(0);
  });
});

describe('old Word files (.doc)', () => {
  // The OLE2 magic, then nothing a reader can use: what a .doc is as far as import can tell.
  const fakeDoc = path.join(tmp, 'cu.doc');
  writeFileSync(fakeDoc, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]));

  it('without LibreOffice on the PATH: refused with advice, exit 1, nothing written', async () => {
    const out = path.join(tmp, 'cu-no-soffice.yaml');
    const r = await runCli(['import', fakeDoc, '-o', out], { env: { PATH: '' } });
    expect([r.code, existsSync(out), hasStackTrace(r)]).toEqual([1, false, false]);
    expect(r.stderr).toContain('là tệp Word cũ (.doc); mở bằng Word hoặc LibreOffice và lưu thành .docx rồi nhập lại');
  });

  withLibreOffice('with LibreOffice: a .doc LibreOffice saved from a fixture imports as the .docx does, and says it was converted', async () => {
    const dir = mkdtempSync(path.join(tmp, 'doc-'));
    const source = path.join(repoRoot, 'test/fixtures/import-unseen/xa-giao-viec-cau-van-2025.docx');
    // Saved by LibreOffice once and kept (test/fixtures/import-unseen/README.md): a start of LibreOffice less.
    const doc = path.join(repoRoot, 'test/fixtures/import-unseen/xa-giao-viec-cau-van-2025.doc');
    expect(readFileSync(doc).subarray(0, 2)).toEqual(Buffer.from([0xd0, 0xcf]));
    const out = path.join(dir, 'xa.yaml');
    const fromDoc = await runCli(['import', doc, '-o', out], { env: { PATH: process.env.PATH ?? '' } });
    expect(fromDoc.code, fromDoc.stderr).toBe(0);
    expect(fromDoc.stderr).toContain('Tệp Word cũ (.doc) đã được LibreOffice chuyển sang .docx để đọc');
    const fromDocx = await runCli(['import', source]);
    // The same tasks, units, times and duties (the text of "Tổ chức thực hiện" after it may number its items otherwise:
    // LibreOffice's .doc keeps Word's automatic numbering as a list of its own).
    const plan = (yaml: string) => yaml.slice(yaml.indexOf('\ngroups:'), yaml.indexOf('\nimplementation:'));
    expect(plan(readFileSync(out, 'utf8'))).toEqual(plan(fromDocx.stdout));
    expect(plan(fromDocx.stdout)).toContain('id: "III.3"');
  });

  it('a .doc LibreOffice cannot read is refused, exit 1, nothing written, no stack trace', async () => {
    // A stand-in for soffice that does what LibreOffice (7.4 here) does with this file: it says
    // "Error: source file could not be loaded", writes nothing and exits 0. A real start is ~5 s of CPU; the
    // test above starts the real one.
    const bin = mkdtempSync(path.join(tmp, 'soffice-'));
    const said = path.join(bin, 'args');
    writeFileSync(path.join(bin, 'soffice'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${said}'\necho 'Error: source file could not be loaded' >&2\nexit 0\n`, { mode: 0o755 });
    const out = path.join(tmp, 'cu-broken.yaml');
    const r = await runCli(['import', fakeDoc, '-o', out], { env: { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` } });
    expect([r.code, existsSync(out), hasStackTrace(r)]).toEqual([1, false, false]);
    expect(r.stderr).toContain('LibreOffice không chuyển được sang .docx (LibreOffice không ghi ra tệp .docx)');
    // Asked as the real one is: headless, to Word 2007 XML, into a folder of its own.
    const args = readFileSync(said, 'utf8').split('\n');
    expect(args).toContain('--headless');
    expect(args.slice(args.indexOf('--convert-to'), args.indexOf('--convert-to') + 2)).toEqual(['--convert-to', 'docx:MS Word 2007 XML']);
    expect(args).toContain('--outdir');
  });
});

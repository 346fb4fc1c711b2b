// plan collect on files a unit filled in LibreOffice itself (typed through its
// UNO API by test/collect/lo-fill.py: text typed over the placeholder, Shift+Enter
// lines, new paragraphs, the status picked from the drop-down, a date typed in a
// date cell) and saved as .docx/.xlsx, as Word/Excel 97–2003 .doc/.xls and as
// LibreOffice's own .odt/.ods.
// The committed ones (test/fixtures/collect-lo/README.md) are read with no
// program installed; with LibreOffice and python3-uno the same filling is done
// again now and must read the same.
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { commandPath, libreOfficeProfile } from '../../src/io/libreoffice.js';
import { hasStackTrace, ROOT, runCli } from '../e2e/run-plan.js';
import { missingToolsLine, needs } from '../tools.js';
import { writeStandInSoffice } from '../stand-in-soffice.js';
import { hash, PLAN, workspaceCopy } from './workspace.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'collect-lo');
const AS_OF = '2024-06-10';
const DOCX = 'an-lac-libreoffice.docx';
const XLSX = 'so-theo-doi-libreoffice.xlsx';
const OLD = ['an-lac-libreoffice.doc', 'so-theo-doi-libreoffice.xls', 'an-lac-libreoffice.odt', 'so-theo-doi-libreoffice.ods'];
/** The Python that has LibreOffice's uno module (Debian's python3-uno is for /usr/bin/python3, not a pyenv one). */
const PYTHON_UNO = commandPath('python3', { PATH: '/usr/bin' }) ?? 'python3';

type Task = { id: string; progress?: { unit: string; status: string; done?: string }[]; results?: Record<string, unknown>[]; tasks?: Task[] };

function task(dir: string, id: string): Task {
  const doc = parseDocument(readFileSync(path.join(dir, PLAN), 'utf8')).toJS() as { groups: { tasks: Task[] }[] };
  const all: Task[] = [];
  const walk = (ts: Task[]) => {
    for (const t of ts) {
      all.push(t);
      walk(t.tasks ?? []);
    }
  };
  for (const g of doc.groups) walk(g.tasks);
  return all.find((t) => t.id === id)!;
}

const withLibreOffice = needs('libreoffice', 'calc');

describe('plan collect: a report and a book filled and saved by LibreOffice', () => {
  let dir: string;
  beforeAll(() => {
    dir = workspaceCopy();
    for (const f of [DOCX, XLSX, ...OLD]) copyFileSync(path.join(FIXTURES, f), path.join(dir, f));
  });

  it('every answer is read, what cannot be is said with its task, and only the answers change the plan', { timeout: 120_000 }, async () => {
    const before = hash(path.join(dir, PLAN));
    const dry = await runCli(['collect', DOCX, XLSX, '--as-of', AS_OF], { cwd: dir });
    expect(hasStackTrace(dry)).toBe(false);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain(`${DOCX}: UBND xã An Lạc, kỳ 6 tháng đầu năm 2024, số 27/BC-UBND, ngày 17/05/2024`);
    expect(dry.stdout).toContain('nhiệm vụ 1.3 (chủ trì): tình trạng Hoàn thành; hoàn thành ngày 15/03/2024; kết quả: "☑ văn bản chỉ đạo Đã ban hành Kế hoạch số 12/KH-UBND');
    expect(dry.stdout).toContain('nhiệm vụ 1.4 (chủ trì): tình trạng Đang thực hiện; kết quả: "Đang rà soát văn bản cần tuyên truyền." — ghi mới');
    expect(dry.stdout).toContain('lỗi: nhiệm vụ 1.5: không hiểu tình trạng "Xong một phần" (viết Hoàn thành, Đang thực hiện, Chưa thực hiện hoặc Dừng); không ghi gì');
    expect(dry.stdout).toContain(`${XLSX} [UBND xã An Lạc]: UBND xã An Lạc, kỳ 6 tháng đầu năm 2024, số 25/BC-UBND, ngày 19/05/2024`);
    expect(dry.stdout).toContain('nhiệm vụ 1.1 (chủ trì): tình trạng Đang thực hiện; kết quả: "Đã ban hành Kế hoạch số 03/KH-UBND ngày 15/01/2024. Đang chuẩn bị hội nghị quý III."');
    expect(dry.stdout).toContain('nhiệm vụ 1.7.a (chủ trì): tình trạng Hoàn thành; hoàn thành ngày 12/04/2024 — ghi mới');
    expect(dry.stdout).toContain('lỗi: nhiệm vụ 1.7.b: ngày hoàn thành "12/13/2024" không phải một ngày; không ghi gì');
    expect(dry.stdout).toContain('Chạy thử: sẽ ghi 6 mục; 2 lỗi.');
    expect(hash(path.join(dir, PLAN))).toBe(before);

    const applied = await runCli(['collect', DOCX, XLSX, '--as-of', AS_OF, '--apply'], { cwd: dir });
    expect(applied.stdout).toContain('Đã ghi 6 mục; 2 lỗi.');
    // The text keeps its lines: Shift+Enter in Writer, a new paragraph, Ctrl+Enter in a Calc cell; the box ticked (☒) is in it.
    expect(task(dir, '1.3').results).toEqual([
      expect.objectContaining({
        unit: 'UBND xã An Lạc',
        report: '27/BC-UBND',
        status: 'done',
        done: '15/03/2024',
        text: '☑ văn bản chỉ đạo\nĐã ban hành Kế hoạch số 12/KH-UBND ngày 01/03/2024 về tuyên truyền pháp luật.\nTổ chức 2 hội nghị tại thôn Đồng Bưa, Thác Lười.\nĐăng 15 tin, bài trên trang thông tin điện tử của xã.',
        evidence: [{ number: '12/KH-UBND', date: '01/03/2024', title: 'Kế hoạch' }],
      }),
    ]);
    expect(task(dir, '1.1').results).toEqual([expect.objectContaining({ status: 'doing', text: 'Đã ban hành Kế hoạch số 03/KH-UBND ngày 15/01/2024.\nĐang chuẩn bị hội nghị quý III.' })]);
    expect(task(dir, '1.7.a').progress).toEqual([{ unit: 'UBND xã An Lạc', status: 'done', done: '12/04/2024' }]);
    // Refused answers change nothing.
    expect(task(dir, '1.5').results).toBeUndefined();
    expect(task(dir, '1.7.b').results).toBeUndefined();
    expect((await runCli(['check', '--as-of', AS_OF], { cwd: dir })).code).toBe(0);

    // Again, in either order: the book's status cells left as printed ("Chưa thực hiện") do not undo the report's answers.
    const text = readFileSync(path.join(dir, PLAN), 'utf8');
    const again = await runCli(['collect', XLSX, DOCX, '--as-of', AS_OF, '--apply'], { cwd: dir });
    expect(again.stdout).toContain('Đã ghi 0 mục; 2 lỗi.');
    expect(readFileSync(path.join(dir, PLAN), 'utf8')).toBe(text);
  });

  withLibreOffice(
    "saved as Word/Excel 97–2003 (.doc, .xls) or in LibreOffice's own format (.odt, .ods): read through LibreOffice, the same answers, in one start per target format",
    { timeout: 300_000 },
    async () => {
      // soffice first on the PATH is a script that notes each call and runs the real one; beside it the installation's
      // versionrc, where the converter reads the build id its profile needs (src/io/libreoffice.ts).
      const soffice = commandPath('soffice')!;
      const bin = mkdtempSync(path.join(os.tmpdir(), 'plan-soffice-'));
      const calls = path.join(bin, 'calls');
      writeFileSync(path.join(bin, 'soffice'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${calls}'\nexec '${soffice}' "$@"\n`);
      chmodSync(path.join(bin, 'soffice'), 0o755);
      symlinkSync(path.join(path.dirname(realpathSync(soffice)), 'versionrc'), path.join(bin, 'versionrc'));
      let r: Awaited<ReturnType<typeof runCli>>;
      try {
        r = await runCli(['collect', ...OLD, '--as-of', AS_OF], { cwd: dir, env: { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` } });
        // The four files in two starts: the Word ones to .docx, the spreadsheets to .xlsx.
        const started = readFileSync(calls, 'utf8').trim().split('\n');
        const inputs = started.map((call) => [...call.matchAll(/\.(doc|odt|xls|ods)(?= |$)/g)].map((m) => m[1]).sort());
        expect(inputs.sort()).toEqual([
          ['doc', 'odt'],
          ['ods', 'xls'],
        ]);
      } finally {
        rmSync(bin, { recursive: true, force: true });
      }
      expect(hasStackTrace(r)).toBe(false);
      expect(r.stdout).toContain(`${OLD[0]}: UBND xã An Lạc, kỳ 6 tháng đầu năm 2024, số 27/BC-UBND, ngày 17/05/2024`);
      expect(r.stdout).toContain(`${OLD[1]} [UBND xã An Lạc]: UBND xã An Lạc, kỳ 6 tháng đầu năm 2024, số 25/BC-UBND, ngày 19/05/2024`);
      expect(r.stdout).toContain(`${OLD[2]}: UBND xã An Lạc, kỳ 6 tháng đầu năm 2024, số 27/BC-UBND, ngày 17/05/2024`);
      expect(r.stdout).toContain(`${OLD[3]} [UBND xã An Lạc]: UBND xã An Lạc, kỳ 6 tháng đầu năm 2024, số 25/BC-UBND, ngày 19/05/2024`);
      for (const line of [
        'nhiệm vụ 1.3 (chủ trì): tình trạng Hoàn thành; hoàn thành ngày 15/03/2024; kết quả: "☑ văn bản chỉ đạo Đã ban hành Kế hoạch số 12/KH-UBND',
        'nhiệm vụ 1.1 (chủ trì): tình trạng Đang thực hiện; kết quả: "Đã ban hành Kế hoạch số 03/KH-UBND ngày 15/01/2024. Đang chuẩn bị hội nghị quý III."',
        'lỗi: nhiệm vụ 1.5: không hiểu tình trạng "Xong một phần"',
        'lỗi: nhiệm vụ 1.7.b: ngày hoàn thành "12/13/2024" không phải một ngày',
      ])
        expect(r.stdout.split(line)).toHaveLength(3);
      // Collected as .docx/.xlsx already (the test above): nothing new, nothing undone.
      expect(r.stdout).not.toContain('ghi mới');
      expect(r.stdout).not.toContain('thay bản');
      expect(r.stdout).toContain('Chạy thử: sẽ ghi 0 mục; 4 lỗi.');
    },
  );

  it('a file LibreOffice cannot convert is refused alone, with its reason; the others of the run are read', async () => {
    // A stand-in soffice (no LibreOffice needed): a call with a file holding CRASH fails as a whole, as a crash does;
    // a file holding NOTHING gets no output, as one LibreOffice cannot open; any other is "converted" to the committed
    // .docx/.xlsx.
    const bin = mkdtempSync(path.join(os.tmpdir(), 'plan-soffice-'));
    writeStandInSoffice(
      bin,
      `for f in $files; do
  if grep -q CRASH "$f"; then echo 'soffice crashed' >&2; exit 1; fi
done
for f in $files; do
  grep -q NOTHING "$f" && continue
  b=$(basename "$f")
  if [ "$to" = docx ]; then cp '${path.join(FIXTURES, DOCX)}' "$out/\${b%.*}.docx"; else cp '${path.join(FIXTURES, XLSX)}' "$out/\${b%.*}.xlsx"; fi
done
`,
    );
    writeFileSync(path.join(dir, 'vo.doc'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.from('CRASH')]));
    writeFileSync(path.join(dir, 'trong.odt'), 'NOTHING');
    const before = hash(path.join(dir, PLAN));
    try {
      const r = await runCli(['collect', 'vo.doc', OLD[0]!, 'trong.odt', OLD[1]!, '--as-of', AS_OF, '--apply'], { cwd: dir, env: { PATH: bin } });
      expect(hasStackTrace(r)).toBe(false);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('vo.doc:\n  lỗi: LibreOffice không chuyển được tệp Word cũ (.doc) sang .docx (soffice crashed); mở tệp và lưu thành .docx; không ghi gì');
      expect(r.stdout).toContain('trong.odt:\n  lỗi: LibreOffice không chuyển được tệp OpenDocument (.odt) sang .docx (LibreOffice không ghi ra tệp .docx); mở tệp và lưu thành .docx; không ghi gì');
      expect(r.stdout).toContain(`${OLD[0]}: UBND xã An Lạc, kỳ 6 tháng đầu năm 2024, số 27/BC-UBND, ngày 17/05/2024`);
      expect(r.stdout).toContain(`${OLD[1]} [UBND xã An Lạc]: UBND xã An Lạc, kỳ 6 tháng đầu năm 2024, số 25/BC-UBND, ngày 19/05/2024`);
      // Collected as .docx/.xlsx already (the first test): the plan is as it was.
      expect(r.stdout).toContain('Đã ghi 0 mục; 4 lỗi.');
      expect(hash(path.join(dir, PLAN))).toBe(before);
    } finally {
      rmSync(bin, { recursive: true, force: true });
      rmSync(path.join(dir, 'vo.doc'));
      rmSync(path.join(dir, 'trong.odt'));
    }
  });

  it('a .doc or .ods without LibreOffice: refused with advice, nothing recorded', async () => {
    const r = await runCli(['collect', OLD[0]!, OLD[3]!, '--as-of', AS_OF], { cwd: dir, env: { PATH: '' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${OLD[0]}:\n  lỗi: tệp Word cũ (.doc) cần LibreOffice (soffice) để đọc: cài LibreOffice, hoặc mở tệp và lưu thành .docx; không ghi gì`);
    expect(r.stdout).toContain(`${OLD[3]}:\n  lỗi: bảng tính OpenDocument (.ods) cần LibreOffice (soffice) để đọc: cài LibreOffice, hoặc mở tệp và lưu thành .xlsx; không ghi gì`);
  });
});

describe('filled by LibreOffice now, as the committed files were', () => {
  const fill = needs('libreoffice', 'calc', 'uno');
  fill('the report and the book plan makes today, as Calc reads the book, filled by test/collect/lo-fill.py, read as the committed ones', { timeout: 300_000 }, async () => {
    if (missingToolsLine(['libreoffice', 'calc', 'uno'])) return;
    const dir = workspaceCopy();
    const made = [
      await runCli(['report', '--period', '6m', '--year', '2024', '--unit', 'UBND xã An Lạc', '--format', 'docx', '--out', '.', '--as-of', '2024-05-10'], { cwd: dir }),
      // The unit's own book, as the committed one (test/fixtures/collect-lo/README.md says why).
      await runCli(['book', '--period', '6m', '--year', '2024', '--unit', 'UBND xã An Lạc', '--out', 'so-theo-doi-6m-2024.xlsx', '--as-of', '2024-05-10'], { cwd: dir }),
    ];
    for (const r of made) expect(r.code).toBe(0);
    // The committed filling, saved as .docx/.xlsx only (reading the other formats is the test above's).
    const spec = JSON.parse(readFileSync(path.join(FIXTURES, 'fill.json'), 'utf8')) as {
      profile?: string;
      jobs: { outputs: [string, string][]; calc?: unknown; inspect?: string }[];
    };
    for (const job of spec.jobs) job.outputs = job.outputs.filter(([file]) => /\.(docx|xlsx)$/.test(file));
    // And what Calc makes of the book's unit sheet before the typing.
    spec.jobs.find((j) => j.calc)!.inspect = 'calc.json';
    // The profile the converter uses (src/io/libreoffice.ts says why): with a bare one LibreOffice ran its
    // graphics self-tests first, ~5 s of CPU before it typed anything.
    spec.profile = libreOfficeProfile(commandPath('soffice')!);
    try {
      writeFileSync(path.join(dir, 'fill.json'), JSON.stringify(spec));
      execFileSync(PYTHON_UNO, [path.join(ROOT, 'test', 'collect', 'lo-fill.py'), 'fill.json'], { cwd: dir, stdio: 'pipe', timeout: 240_000 });
    } finally {
      rmSync(spec.profile, { recursive: true, force: true });
    }
    const now = await runCli(['collect', DOCX, XLSX, '--as-of', AS_OF], { cwd: dir });
    for (const f of [DOCX, XLSX]) copyFileSync(path.join(FIXTURES, f), path.join(dir, `committed-${f}`));
    const committed = await runCli(['collect', `committed-${DOCX}`, `committed-${XLSX}`, '--as-of', AS_OF], { cwd: dir });
    expect(now.stdout).toContain('Chạy thử: sẽ ghi 6 mục; 2 lỗi.');
    expect(now.stdout).toBe(committed.stdout.replaceAll('committed-', ''));

    // plan book as Calc reads it: the sheet protected with the answer columns open, a drop-down of the statuses on every
    // row, each deadline a date (a number shown dd/mm/yyyy), and the overdue rule (light red) on every row.
    const calc = JSON.parse(readFileSync(path.join(dir, 'calc.json'), 'utf8')) as {
      protected: boolean;
      rows: { key: string; dropdown: string[]; deadlineType: string; deadlineText: string; conditions: { formula: string; background: string }[]; statusLocked: boolean }[];
    };
    expect(calc.protected).toBe(true);
    expect(calc.rows.map((r) => r.key)).toContain('task|0|1.7.a');
    for (const row of calc.rows) {
      expect(row.dropdown).toEqual(row.key.startsWith('task|') ? ['Chưa thực hiện', 'Đang thực hiện', 'Hoàn thành', 'Dừng'] : ['Chưa gửi', 'Đã gửi']);
      expect(row.statusLocked).toBe(false);
      if (row.deadlineType !== 'EMPTY') expect([row.deadlineType, row.deadlineText]).toEqual(['VALUE', expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/)]);
      expect(row.conditions).toEqual([{ formula: expect.stringContaining('<TODAY()'), background: 'FFC7CE' }]);
    }
    expect(calc.rows.find((r) => r.key === 'task|0|1.7.a')).toMatchObject({ deadlineType: 'VALUE', deadlineText: '31/12/2024' });
    expect(calc.rows.find((r) => r.key === 'duty|0|bao-cao-6-thang')).toMatchObject({ deadlineType: 'VALUE', deadlineText: '20/05/2024' });
  });
});

// Import never leaves a plan that `plan check` rejects for its units: written with -o, the
// names it finds go into the units file beside the plan (made when there is none); with
// --no-write-units, unknown names refuse the write. In process (runCli), on the real corpus.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-plan.js';
import { corpusDir, fixtures } from './helpers.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'plan-import-units-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const haveCorpus = existsSync(corpusDir);
const corpus = haveCorpus
  ? readdirSync(corpusDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
  : [];

describe.skipIf(!haveCorpus)('the whole corpus into one empty folder, as a clerk starting out', () => {
  it('every plan imports, units.yaml is made and grown, and plan check reports no error', async () => {
    const plans = path.join(tmp, 'empty', 'plans');
    mkdirSync(plans, { recursive: true });
    for (const file of corpus) {
      const r = await runCli(['import', path.join(corpusDir, file), '-o', path.join(plans, file.replace(/\.txt$/, '.yaml'))]);
      expect(r.code, `${file}\n${r.stderr}`).toBe(0);
    }
    const units = readFileSync(path.join(plans, 'units.yaml'), 'utf8');
    expect(units).toMatch(/^# Danh mục đơn vị, tạo bởi plan import/);
    const check = await runCli(['check', plans, '--json']);
    const diagnostics = (JSON.parse(check.stdout) as { diagnostics: { severity: string; code: string; message: string }[] }).diagnostics;
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(check.code).toBe(0);
  });
});

describe('the units file beside the written plan', () => {
  const source = path.join(fixtures, 'provincial-by-unit.txt');

  it('is made when the folder has none, and says so', async () => {
    const dir = path.join(tmp, 'fresh');
    mkdirSync(dir);
    const r = await runCli(['import', source, '-o', path.join(dir, 'plan.yaml')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Đã tạo \d+ tên trong tệp mới .*units\.yaml/);
    expect((await runCli(['check', dir])).code).toBe(0);
  });

  it('is left alone with --no-write-units, and then nothing is written while names are unknown', async () => {
    const dir = path.join(tmp, 'refuse');
    mkdirSync(dir);
    const units = path.join(dir, 'units.yaml');
    writeFileSync(units, 'units:\n  - name: Sở Tư pháp\n');
    const r = await runCli(['import', source, '-o', path.join(dir, 'plan.yaml'), '--no-write-units']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/chưa có trong .*units\.yaml, plan check sẽ báo lỗi; không ghi tệp nào/);
    expect(readdirSync(dir)).toEqual(['units.yaml']);
    expect(readFileSync(units, 'utf8')).toBe('units:\n  - name: Sở Tư pháp\n');
  });

  it('gets another spelling of a listed unit as its alias, not a second unit', async () => {
    const dir = path.join(tmp, 'alias');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'units.yaml'), 'units:\n  - name: Sở Văn hóa, Thể thao và Du lịch\n');
    writeFileSync(
      path.join(dir, 'src.txt'),
      'KẾ HOẠCH\nThực hiện năm 2026\n\nII. NHIỆM VỤ\n1. Tổ chức hội thi\n- Cơ quan chủ trì: Sở Văn hóa Thể thao và Du lịch\n- Thời gian hoàn thành: Quý III/2026\n',
    );
    const r = await runCli(['import', path.join(dir, 'src.txt'), '-o', path.join(dir, 'plan.yaml')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'units.yaml'), 'utf8')).toBe('units:\n  - name: Sở Văn hóa, Thể thao và Du lịch\n    aliases:\n      - Sở Văn hóa Thể thao và Du lịch\n');
    expect((await runCli(['check', dir])).code).toBe(0);
  });

  it('printed to the screen, changes no file even in a folder with plans/; --write-units puts the names into plans/units.yaml', async () => {
    const dir = path.join(tmp, 'stdout');
    mkdirSync(path.join(dir, 'plans'), { recursive: true });
    const unitsBefore = 'units:\n  - name: UBND tỉnh\n';
    writeFileSync(path.join(dir, 'plans', 'units.yaml'), unitsBefore);
    const printed = await runCli(['import', source], { cwd: dir });
    expect(printed.code, printed.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'plans', 'units.yaml'), 'utf8')).toBe(unitsBefore);
    expect(readdirSync(path.join(dir, 'plans'))).toEqual(['units.yaml']);
    expect(printed.stderr).toContain('--write-units');
    const r = await runCli(['import', source, '--write-units'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(printed.stdout);
    writeFileSync(path.join(dir, 'plans', 'plan.yaml'), r.stdout);
    expect(readFileSync(path.join(dir, 'plans', 'units.yaml'), 'utf8')).toContain('Sở Nội vụ');
    expect((await runCli(['check', path.join(dir, 'plans')])).code).toBe(0);
    const elsewhere = path.join(tmp, 'stdout-no-plans');
    mkdirSync(elsewhere);
    expect((await runCli(['import', source], { cwd: elsewhere })).code).toBe(0);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('gets a name written with the official words in full as an alias of the abbreviated unit or group ("Ủy ban nhân dân" = "UBND")', async () => {
    const dir = path.join(tmp, 'abbrev');
    mkdirSync(dir);
    const before = 'units:\n  - name: UBND xã An Lạc\n  - name: UBND xã Vân Sơn\ngroups:\n  - name: UBND các xã\n    members: [UBND xã An Lạc, UBND xã Vân Sơn]\n';
    writeFileSync(path.join(dir, 'units.yaml'), before);
    writeFileSync(
      path.join(dir, 'src.txt'),
      'KẾ HOẠCH\nThực hiện năm 2026\n\nII. NHIỆM VỤ\n1. Tổ chức hội thi\n- Cơ quan chủ trì: Ủy ban nhân dân xã An Lạc\n- Cơ quan phối hợp: Ủy ban nhân dân các xã\n- Thời gian hoàn thành: Quý III/2026\n',
    );
    const r = await runCli(['import', path.join(dir, 'src.txt'), '-o', path.join(dir, 'plan.yaml')]);
    expect(r.code, r.stderr).toBe(0);
    const after = readFileSync(path.join(dir, 'units.yaml'), 'utf8');
    expect(after).toContain('  - name: UBND xã An Lạc\n    aliases:\n      - Ủy ban nhân dân xã An Lạc\n');
    expect(after).toContain('    aliases:\n      - Ủy ban nhân dân các xã\n');
    expect(after).not.toMatch(/^ {2}- name: Ủy ban nhân dân/m);
    expect((await runCli(['check', dir])).code).toBe(0);
  });
});

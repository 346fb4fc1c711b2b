import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, ROOT, runCli } from './run-plan.js';

const SEED = path.join(ROOT, 'plans', 'kh-pbgdpl-2024-son-dong.yaml');

function copyPlans(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-e2e-'));
  cpSync(path.join(ROOT, 'plans'), path.join(dir, 'plans'), { recursive: true });
  return dir;
}

describe('plan check on the shipped plans', () => {
  it('exits 0 with warnings only, and a summary line', async () => {
    const r = await runCli(['check', '--as-of', '2024-01-15']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/33 nhiệm vụ, 3 nghĩa vụ báo cáo: 0 lỗi, \d+ cảnh báo/);
    expect(r.stdout).toContain('cảnh báo[missing-outputs]: 2 nhiệm vụ chưa ghi sản phẩm (1.9, 1.10; ở đây là nhiệm vụ 1.9)');
  });
  it('speaks English with --lang en, before or after the command', async () => {
    for (const args of [
      ['--lang', 'en', 'check'],
      ['check', '--lang', 'en'],
    ]) {
      const r = await runCli([...args, '--as-of', '2024-01-15']);
      expect(r.stdout).toMatch(/33 tasks, 3 reporting duties: 0 errors/);
      expect(r.stdout).toContain('warning[lead-outside-authority]');
    }
  });
  it('--strict turns the seed warnings into a failure', async () => {
    expect((await runCli(['check', '--strict', '--as-of', '2024-01-15'])).code).toBe(1);
  });
  it('--json prints valid JSON with located diagnostics', async () => {
    const r = await runCli(['check', '--json', '--as-of', '2024-01-15']);
    const j = JSON.parse(r.stdout);
    expect(j.summary).toMatchObject({ plans: 1, tasks: 33, duties: 3, errors: 0 });
    for (const d of j.diagnostics) expect(Object.keys(d)).toEqual(expect.arrayContaining(['file', 'line', 'column', 'severity', 'code', 'message']));
  });
});

describe('plan check on broken copies', () => {
  it('an impossible date is named with file, line and column, exit 1', async () => {
    const dir = copyPlans();
    const file = path.join(dir, 'plans', 'kh-pbgdpl-2024-son-dong.yaml');
    const text = readFileSync(file, 'utf8');
    const broken = text.replace('due: "năm 2024"', 'due: "31/02/2024"').replace('due: năm 2024', 'due: "31/02/2024"');
    expect(broken).not.toBe(text);
    writeFileSync(file, broken);
    const line = broken.split('\n').findIndex((l) => l.includes('31/02/2024')) + 1;
    const r = await runCli(['check', '--format', 'short', '--as-of', '2024-01-15'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`plans/kh-pbgdpl-2024-son-dong\\.yaml:${line}:\\d+: lỗi\\[invalid-deadline\\]: .*31/02/2024`));
  });

  const cases: [string, (t: string) => string, string][] = [
    ['a typo in a key', (t) => t.replace('    title: "Nhiệm vụ trọng tâm"', '    tilte: "Nhiệm vụ trọng tâm"'), 'unknown-key'],
    ['a tab', (t) => t.replace('\n  name: "UBND huyện Sơn Động"', '\n\tname: "UBND huyện Sơn Động"'), 'tab-indent'],
    ['a duplicate key', (t) => t.replace('year: 2024', 'year: 2024\nyear: 2025'), 'duplicate-key'],
    ['broken indentation', (t) => t.replace('\n  level: district', '\n   level: district'), 'bad-indent'],
  ];
  for (const [name, mutate, code] of cases) {
    it(`${name} gets a located error, never a stack trace`, async () => {
      const dir = copyPlans();
      const file = path.join(dir, 'plans', 'kh-pbgdpl-2024-son-dong.yaml');
      const text = readFileSync(file, 'utf8');
      const broken = mutate(text);
      expect(broken).not.toBe(text);
      writeFileSync(file, broken);
      const r = await runCli(['check', '--json'], { cwd: dir });
      expect(r.code).toBe(1);
      expect(hasStackTrace(r)).toBe(false);
      const diags = JSON.parse(r.stdout).diagnostics as { code: string; line: number; column: number; file: string }[];
      const d = diags.find((x) => x.code === code);
      expect(d, JSON.stringify(diags)).toBeDefined();
      expect(d!.file).toBe('plans/kh-pbgdpl-2024-son-dong.yaml');
      expect(d!.line).toBeGreaterThan(1);
    });
  }

  it('a missing path is a clear error', async () => {
    const r = await runCli(['check', 'no/such/place']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('không tìm thấy');
    expect(hasStackTrace(r)).toBe(false);
  });
  it('wrong usage exits 2', async () => {
    expect((await runCli(['check', '--bogus'])).code).toBe(2);
    expect((await runCli(['check', '--as-of', '31/02/2024'])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
  });
});

describe('plan show', () => {
  it('--json holds each of the 33 numbered tasks once, and the 3 duties', async () => {
    const r = await runCli(['show', '--json']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout).plans[0];
    const ids: string[] = [];
    const walk = (tasks: { id: string; tasks: unknown[] }[]): void => {
      for (const t of tasks) {
        ids.push(t.id);
        walk(t.tasks as never);
      }
    };
    walk(plan.tasks);
    expect(ids).toHaveLength(33);
    expect(new Set(ids).size).toBe(33);
    expect(ids).toEqual(expect.arrayContaining(['1.1', '1.10', '1.6.a', '1.6.đ', '2.4.c']));
    expect(plan.duties.map((d: { id: string }) => d.id)).toEqual(['ke-hoach', 'bao-cao-6-thang', 'bao-cao-nam']);
    const t21b = plan.tasks.find((t: { id: string }) => t.id === '2.1').tasks.find((t: { id: string }) => t.id === '2.1.b');
    expect(t21b.lead).toEqual(['Phòng Tư pháp', 'UBND các xã, thị trấn']);
    expect(t21b.due).toMatchObject({ text: 'năm 2024; cao điểm từ ngày 01/11 đến ngày 09/11/2024', kind: 'combined' });
  });
  it('prints a readable outline without --json', async () => {
    const r = await runCli(['show']);
    expect(r.stdout).toContain('1.6.đ');
    expect(r.stdout).toContain('Nhiệm vụ trọng tâm');
  });
  it('ids stay strings: 1.10 is never 1.1', async () => {
    const text = readFileSync(SEED, 'utf8');
    expect(text).toContain('id: "1.10"');
  });
});

describe('plan schema', () => {
  it('prints valid JSON Schema with Vietnamese descriptions, equal to the shipped docs copy', async () => {
    const r = await runCli(['schema']);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toContain('draft-07');
    expect(JSON.stringify(schema)).toContain('Cơ quan, đơn vị chủ trì');
    expect(schema).toEqual(JSON.parse(readFileSync(path.join(ROOT, 'docs', 'plan.schema.json'), 'utf8')));
    expect(JSON.parse((await runCli(['schema', '--units'])).stdout)).toEqual(JSON.parse(readFileSync(path.join(ROOT, 'docs', 'units.schema.json'), 'utf8')));
  });
});

describe('the binary', () => {
  it('prints its version and help', async () => {
    expect((await runCli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('check');
  });
});

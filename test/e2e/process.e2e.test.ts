// The built binary as a process: what only a process can show. The rest of the
// suite runs the same main(argv, io) in process (test/e2e/run-plan.ts).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, hasStackTrace, ROOT, runPlan } from './run-plan.js';

const SEED = path.join(ROOT, 'plans', 'kh-pbgdpl-2024-son-dong.yaml');

// Several copies of the seed plan, so every command prints more than a pipe holds.
const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-pipe-'));
mkdirSync(path.join(dir, 'plans'));
for (const name of ['units.yaml', 'calendar.yaml']) cpSync(path.join(ROOT, 'plans', name), path.join(dir, 'plans', name));
for (let i = 1; i <= 3; i++) cpSync(SEED, path.join(dir, 'plans', `kh-${i}.yaml`));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bin/plan.js', () => {
  it('runs from another folder, and exits 0, 1 and 2 as documented', () => {
    const version = runPlan(['--version'], { cwd: os.tmpdir() });
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    // A check that exits 0 is the first of the pipelines below (its status, not head's).
    const missing = runPlan(['check', 'no/such/place'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(hasStackTrace(missing)).toBe(false);
    const wrong = runPlan(['frobnicate'], { cwd: dir });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("không có lệnh 'frobnicate'");
  });
});

describe('bin/plan.js without a build', () => {
  it('says to run npm run build (in the language asked for), exit 1, no stack trace', () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'plan-unbuilt-'));
    try {
      cpSync(path.join(ROOT, 'bin'), path.join(copy, 'bin'), { recursive: true });
      const run = (args: string[], env: Record<string, string> = {}) =>
        spawnSync(process.execPath, [path.join(copy, 'bin', 'plan.js'), ...args], { encoding: 'utf8', env: { ...process.env, PLAN_LANG: '', ...env } });
      const vi = run(['check']);
      expect(vi.status).toBe(1);
      expect(vi.stderr).toContain("chạy 'npm run build'");
      expect(hasStackTrace({ code: 1, stdout: vi.stdout, stderr: vi.stderr })).toBe(false);
      expect(run(['check', '--lang', 'en']).stderr).toContain("run 'npm run build'");
      expect(run(['check'], { PLAN_LANG: 'en' }).stderr).toContain("run 'npm run build'");
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

/** Commands that write to standard output, with arguments that make them print a lot, and their exit code. */
const WRITERS: [string[], number][] = [
  [['check', '--as-of', '2024-03-01'], 0],
  [['show', '--json'], 0],
  [['overdue', '--as-of', '2024-12-31'], 0],
  [['agenda', '--json', '--as-of', '2024-01-01', '--days', '365'], 0],
  [['ics', '-o', '-'], 0],
  [['schema'], 0],
  [['diff', 'plans/kh-1.yaml', 'plans/kh-2.yaml'], 0],
  [['--help'], 0],
];

describe('a reader that closes the pipe early (plan … | head -1)', () => {
  for (const [args, code] of WRITERS) {
    it(`plan ${args.join(' ')}: one line, no stack trace, exit ${code}`, () => {
      const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
      const r = spawnSync('bash', ['-c', `${quoted} | head -1; exit \${PIPESTATUS[0]}`], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PLAN_LANG: '' } });
      expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(code);
    });
  }
});

// Issue 13 §1: two `plan set` processes at once on one file both land (the
// built binary: locks are between processes); in process (runCli), a note
// that fmt folded can be edited, a plan keeps its mode, its symbolic link
// and its hard links, and a lock held too long is refused with a reason.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lockRetries, lockWaitSeconds } from '../../src/io/locked-edit.js';
import { BIN, hasStackTrace, ROOT, runCli, type RunResult } from './run-plan.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function workspace(tasks = 2): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-edit-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'plans'));
  cpSync(path.join(ROOT, 'plans', 'units.yaml'), path.join(dir, 'plans', 'units.yaml'));
  cpSync(path.join(ROOT, 'plans', 'calendar.yaml'), path.join(dir, 'plans', 'calendar.yaml'));
  const list = Array.from({ length: tasks }, (_, i) => `      - id: "1.${i + 1}"\n        title: "Việc số ${i + 1}"\n        lead:\n          - Phòng Tư pháp\n        due: "thường xuyên"\n`).join('');
  writeFileSync(
    path.join(dir, 'plans', 'plan.yaml'),
    `number: "12/KH-UBND"\nissuer:\n  name: "UBND huyện Sơn Động"\n  level: district\nplace: "Sơn Động"\ndate: "05/01/2024"\ntitle: "Kế hoạch thử"\nyear: 2024\ngroups:\n  - id: "1"\n    title: "Nhiệm vụ"\n    tasks:\n${list}`,
  );
  return dir;
}

function runNode(args: string[], cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, NO_COLOR: '1', PLAN_LANG: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Edits each of the two racing processes makes (on every other task of a plan of twice as many). */
const RACE_ROUNDS = 10;

/**
 * A script that runs `plan set` RACE_ROUNDS times on every other task: the built CLI (dist/, as bin/plan.js loads
 * it), loaded once, its main() called once per edit; a refusal is printed with what the command said. Each process
 * starts editing only once the other has loaded the CLI too (a file each leaves), so the edits overlap however far
 * apart the two processes started: with the lock taken out of src/io/locked-edit.ts, two rounds already lost or
 * refused edits in every one of 12 races, ten in every one of 24.
 */
function writeSetDriver(dir: string): string {
  const driver = path.join(dir, 'set-driver.mjs');
  writeFileSync(
    driver,
    `import { existsSync, writeFileSync } from 'node:fs';
import { loadCli } from ${JSON.stringify(path.join(ROOT, 'bin', 'load-cli.js'))};
const { main } = loadCli();
const first = Number(process.argv[2]);
writeFileSync('ready-' + first, '');
while (!existsSync('ready-' + (3 - first))) await new Promise((r) => setTimeout(r, 5));
// The command's standard output is not part of the race; what it says on stderr is kept for a refusal.
const sink = { write: () => {} };
for (let id = first; id <= ${2 * RACE_ROUNDS}; id += 2) {
  let said = '';
  const io = { stdout: sink, stderr: { write: (t) => void (said += t) }, env: process.env, now: () => new Date() };
  const code = await main(['set', 'plans/plan.yaml', '1.' + id, 'note=ghi chú của 1.' + id], io);
  if (code !== 0) console.log('refused 1.' + id + ' (exit ' + code + '): ' + said.trim());
}
`,
  );
  return driver;
}

function notes(file: string): Map<string, string | undefined> {
  const plan = parse(readFileSync(file, 'utf8')) as { groups: { tasks: { id: string; note?: string }[] }[] };
  return new Map(plan.groups[0]!.tasks.map((t) => [t.id, t.note]));
}

describe('plan set under faults', () => {
  it(`keeps all ${2 * RACE_ROUNDS} updates of ${RACE_ROUNDS} concurrent pairs on different tasks of one file`, async () => {
    const dir = workspace(2 * RACE_ROUNDS);
    const file = path.join(dir, 'plans', 'plan.yaml');
    // Two processes racing on one file: round i sets task 2i-1 in one and 2i in the other.
    // Each process runs `plan set` RACE_ROUNDS times in a row (the built CLI, loaded once), so
    // the race is between processes, as between two clerks, at a cost the test suite can pay.
    const driver = writeSetDriver(dir);
    const [odd, even] = await Promise.all([1, 2].map((first) => runNode([driver, String(first)], dir)));
    for (const r of [odd!, even!]) expect(r.code, r.stderr).toBe(0);
    const got = notes(file);
    const lost = Array.from({ length: 2 * RACE_ROUNDS }, (_, i) => `1.${i + 1}`).filter((id) => got.get(id) !== `ghi chú của ${id}`);
    // A loser may only ever fail loudly (the driver prints each refusal); nothing is lost silently.
    const refusals = (odd!.stdout + even!.stdout).split('\n').filter((l) => l.startsWith('refused '));
    expect(lost.length).toBeLessThanOrEqual(refusals.length);
    expect(refusals).toEqual([]);
    expect(lost).toEqual([]);
    expect(readdirSync(path.join(dir, 'plans')).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 600_000);

  it('lets two `plan set` processes started together both land', async () => {
    const dir = workspace(6);
    const file = path.join(dir, 'plans', 'plan.yaml');
    for (let i = 0; i < 3; i++) {
      const ids = [`1.${2 * i + 1}`, `1.${2 * i + 2}`];
      const rs = await Promise.all(ids.map((id) => runNode([BIN, 'set', 'plans/plan.yaml', id, `note=ghi chú của ${id}`], dir)));
      for (const r of rs) expect(r.code, r.stderr).toBe(0);
    }
    const got = notes(file);
    for (let i = 1; i <= 6; i++) expect(got.get(`1.${i}`)).toBe(`ghi chú của 1.${i}`);
  }, 120_000);

  it('edits a note that fmt folded into a block', async () => {
    const dir = workspace();
    const long = 'Ghi chú rất dài về việc kiện toàn đội ngũ báo cáo viên pháp luật huyện, cần bổ sung thêm người và tập huấn lại trong quý này';
    expect((await runCli(['set', 'plans/plan.yaml', '1.1', `note=${long}`], { cwd: dir })).code).toBe(0);
    expect((await runCli(['fmt', 'plans/plan.yaml'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(path.join(dir, 'plans', 'plan.yaml'), 'utf8')).toMatch(/note: >-\n/);
    const r = await runCli(['set', 'plans/plan.yaml', '1.1', 'note=mới'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(notes(path.join(dir, 'plans', 'plan.yaml')).get('1.1')).toBe('mới');
    expect((await runCli(['check', '--as-of', '2024-03-01'], { cwd: dir })).code).toBe(0);
  });

  it('keeps mode 664, a symbolic link and hard links', async () => {
    const dir = workspace();
    const real = path.join(dir, 'shared', 'plan.yaml');
    mkdirSync(path.join(dir, 'shared'));
    cpSync(path.join(dir, 'plans', 'plan.yaml'), real);
    rmSync(path.join(dir, 'plans', 'plan.yaml'));
    symlinkSync('../shared/plan.yaml', path.join(dir, 'plans', 'plan.yaml'));
    chmodSync(real, 0o664);

    const r = await runCli(['set', 'plans/plan.yaml', '1.1', 'status=done', 'done=15/03/2024'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(path.join(dir, 'plans', 'plan.yaml')).isSymbolicLink()).toBe(true);
    expect(statSync(real).mode & 0o777).toBe(0o664);
    expect(readFileSync(real, 'utf8')).toContain('status: done');

    linkSync(real, path.join(dir, 'shared', 'copy.yaml'));
    const h = await runCli(['set', 'plans/plan.yaml', '1.2', 'note=cả hai'], { cwd: dir });
    expect(h.code, h.stderr).toBe(0);
    expect(statSync(real).nlink).toBe(2);
    expect(readFileSync(path.join(dir, 'shared', 'copy.yaml'), 'utf8')).toContain('note: cả hai');
    expect(statSync(real).mode & 0o777).toBe(0o664);
    expect(readdirSync(path.join(dir, 'shared')).sort()).toEqual(['copy.yaml', 'plan.yaml']);
  });

  it('says why when the lock cannot be taken, and changes nothing', async () => {
    const dir = workspace();
    const file = path.join(dir, 'plans', 'plan.yaml');
    const before = readFileSync(file, 'utf8');
    // A lock held by a live process (fresh mtime) that does not go away within the wait.
    mkdirSync(path.join(dir, 'plans', '.plan.yaml.lock'));
    const keep = setInterval(() => {
      const now = new Date();
      try {
        const lock = path.join(dir, 'plans', '.plan.yaml.lock');
        utimesSync(lock, now, now);
      } catch {
        /* gone */
      }
    }, 500);
    try {
      // A one-second wait (PLAN_LOCK_WAIT) instead of the default 30 s: the same refusal, sooner.
      const started = Date.now();
      // In process: what is under test is the wait and the refusal, not a process (the lock is a folder with a fresh mtime).
      const r = await runCli(['set', 'plans/plan.yaml', '1.1', 'note=x'], { cwd: dir, env: { PLAN_LOCK_WAIT: '1' } });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(hasStackTrace(r)).toBe(false);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/đang được một lệnh khác sửa/);
      expect(readFileSync(file, 'utf8')).toBe(before);
    } finally {
      clearInterval(keep);
    }
  }, 120_000);

  it('refuses a PLAN_LOCK_WAIT that is not 0 to 3600 seconds, saying so and changing nothing', async () => {
    const dir = workspace();
    const file = path.join(dir, 'plans', 'plan.yaml');
    const before = readFileSync(file, 'utf8');
    for (const [bad, lang] of [
      ['99999999999', 'vi'],
      ['abc', 'en'],
    ] as const) {
      const r = await runCli(['set', 'plans/plan.yaml', '1.1', 'note=mới', '--lang', lang], { cwd: dir, env: { PLAN_LOCK_WAIT: bad } });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(lang === 'vi' ? `PLAN_LOCK_WAIT="${bad}" không dùng được` : `PLAN_LOCK_WAIT="${bad}" cannot be used`);
      expect(readFileSync(file, 'utf8')).toBe(before);
    }
  });

  it('tries to take the lock often enough that the shortest pauses between tries add up to the wait', () => {
    const shortest = (retries: number) => Array.from({ length: retries }, (_, i) => Math.min(10 * 2 ** i, 100)).reduce((a, b) => a + b, 0);
    for (const seconds of [0, 0.05, 1, 2.5, 30, 3600]) {
      const retries = lockRetries(seconds);
      expect(shortest(retries)).toBeGreaterThanOrEqual(seconds * 1000);
      // And no more tries than that takes.
      if (retries > 0) expect(shortest(retries - 1)).toBeLessThan(seconds * 1000);
    }
    expect(lockRetries(0)).toBe(0);
    expect(lockRetries(1)).toBe(13);
  });

  it('reads the lock wait from PLAN_LOCK_WAIT: unset or empty 30, else 0 to 3600 seconds', () => {
    expect(lockWaitSeconds({})).toBe(30);
    expect(lockWaitSeconds({ PLAN_LOCK_WAIT: '2.5' })).toBe(2.5);
    expect(lockWaitSeconds({ PLAN_LOCK_WAIT: ' 0 ' })).toBe(0);
    expect(lockWaitSeconds({ PLAN_LOCK_WAIT: '' })).toBe(30);
    expect(lockWaitSeconds({ PLAN_LOCK_WAIT: '3600' })).toBe(3600);
    for (const bad of ['-1', 'abc', 'Infinity', '1e9', '99999999999']) expect(lockWaitSeconds({ PLAN_LOCK_WAIT: bad })).toBeUndefined();
  });
});

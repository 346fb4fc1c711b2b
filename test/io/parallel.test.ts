// plan check on two threads (src/io/parallel.ts) prints what it prints on one:
// the built binary (threads are the process's own) on a small generated
// province, every file checked by the worker (PLAN_THREADS=worker: a result
// the worker does not give fails the run instead of being made up here),
// against the same run without threads (in process: the same code on one thread,
// without a second process to start); with a content cache, the entries the
// worker made serve the next runs (check warm, and overdue reading the models).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// bench/generate.js is plain JavaScript (no types).
import { generate } from '../../bench/generate.js';
import { threadsAllowed } from '../../src/io/parallel.js';
import { ROOT, hasStackTrace, runCli, runPlan } from '../e2e/run-plan.js';

const AS_OF = ['--as-of', '2024-06-30'];
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'plan-threads-'));
  generate({ seed: 15, plans: 8, out: dir });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], threads: string) => runPlan(args, { cwd: dir, env: { PLAN_THREADS: threads } });
/** The run without threads, in this process. */
const alone = (args: string[]) => runCli(args, { cwd: dir, env: { PLAN_THREADS: 'off' } });

describe('when a big check may take a worker thread', () => {
  it("by default only with three cores or more: on two, V8's own background threads already keep the second busy", () => {
    for (const mode of [undefined, 'auto']) {
      expect(threadsAllowed(mode, 1)).toBe(false);
      expect(threadsAllowed(mode, 2)).toBe(false);
      expect(threadsAllowed(mode, 3)).toBe(true);
      expect(threadsAllowed(mode, 16)).toBe(true);
    }
  });

  it('on and worker whatever the cores, off never', () => {
    for (const cores of [1, 2, 8]) {
      expect(threadsAllowed('on', cores)).toBe(true);
      expect(threadsAllowed('worker', cores)).toBe(true);
      expect(threadsAllowed('off', cores)).toBe(false);
    }
  });
});

describe('plan check with a worker thread', () => {
  for (const format of ['pretty', 'short', 'json']) {
    it(`--format ${format} is the same byte for byte`, async () => {
      const args = ['check', '--format', format, '--no-cache', ...AS_OF];
      const one = await alone(args);
      const threaded = run(args, 'worker');
      expect(threaded.stderr).toBe('');
      expect(one.stdout.length).toBeGreaterThan(1000);
      expect(threaded).toEqual(one);
    });
  }

  it('--lang en, with files that fall back to `yaml`, fail the schema or are not UTF-8, the same', async () => {
    const broken = path.join(dir, 'broken');
    mkdirSync(broken, { recursive: true });
    writeFileSync(path.join(broken, 'a-syntax.yaml'), 'title: "Kế hoạch\ntasks: [\n');
    writeFileSync(path.join(broken, 'b-anchor.yaml'), 'title: &t Kế hoạch\nsubtitle: *t\ntasks: 3\n');
    writeFileSync(path.join(broken, 'c-latin1.yaml'), Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xe9, 0x0a]));
    const args = ['check', '--lang', 'en', '--no-cache', ...AS_OF, path.join('plans', 'part-1'), 'broken'];
    const one = await alone(args);
    expect(one.code).toBe(1);
    expect(one.stdout).toContain('b-anchor.yaml:3');
    expect(run(args, 'worker')).toEqual(one);
  });

  it('fills the content cache the next runs read: check warm, overdue from the models it kept', async () => {
    const cache = mkdtempSync(path.join(os.tmpdir(), 'plan-threads-cache-'));
    try {
      const check = ['check', '--cache-location', cache, ...AS_OF];
      const cold = run(check, 'worker');
      expect(cold.stderr).toBe('');
      expect(await alone(check)).toEqual(cold);
      expect(await alone(['check', '--no-cache', ...AS_OF])).toEqual(cold);
      const overdue = ['overdue', '--format', 'md', ...AS_OF];
      expect(await alone([...overdue, '--cache-location', cache])).toEqual(await alone([...overdue, '--no-cache']));
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('a worker started while the files are read but then not needed (one big file) leaves the run as it was (PLAN_THREADS=on: the default starts none on two cores)', async () => {
    // Past 1 MB of plans read the worker starts; a single file is still checked here, and the worker stopped.
    const big = path.join(dir, 'big');
    mkdirSync(big, { recursive: true });
    const plan = readFileSync(path.join(dir, 'plans', 'part-1', 'kh-0001.yaml'), 'utf8');
    writeFileSync(path.join(big, 'kh-big.yaml'), `${'# ghi chú dài\n'.repeat(90_000)}${plan}`);
    const args = ['check', '--format', 'short', '--no-cache', ...AS_OF, '--units', path.join('plans', 'units.yaml'), 'big'];
    const one = await alone(args);
    expect(one.stdout).toContain('kh-big.yaml');
    expect(run(args, 'on')).toEqual(one);
  });

  // A bundle that throws as it loads; one that ends the thread without a word; one whose error comes later, outside
  // the checks (an 'error' event this thread would only see after its answer).
  it.each([
    ['throws as it loads', 'throw new Error("worker bundle broken");', 'Error: worker bundle broken'],
    ['exits as it loads, saying nothing', 'process.exit(3);', 'it stopped without saying why (exit code 3)'],
    [
      'throws when the work comes',
      "(function (exports, require) { exports.afterWork = () => {}; require('node:worker_threads').workerData.port.once('message', () => { throw new Error('late'); }); })",
      'it stopped without saying why (exit code 1)',
    ],
  ])('a worker bundle that %s fails a PLAN_THREADS=worker run at once, saying so (no result is made up here)', (_, bundle, why) => {
    // A copy of the package with that worker bundle.
    const pkg = mkdtempSync(path.join(os.tmpdir(), 'plan-broken-worker-'));
    try {
      for (const part of ['bin', 'dist', 'package.json']) cpSync(path.join(ROOT, part), path.join(pkg, part), { recursive: true });
      writeFileSync(path.join(pkg, 'dist', 'check-worker.cjs'), `${bundle}\n`);
      const started = Date.now();
      const r = spawnSync(process.execPath, [path.join(pkg, 'bin', 'plan.js'), '--lang', 'en', 'check', '--no-cache', ...AS_OF], {
        cwd: dir,
        env: { ...process.env, NO_COLOR: '1', PLAN_LANG: '', PLAN_THREADS: 'worker' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      // At once, not after the 30 s a worker that finishes no file is given.
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`error: the check worker (dist/check-worker.cjs, PLAN_THREADS=worker) gave no result for plans/part-1/kh-0001.yaml: ${why}\n`);
      expect(hasStackTrace({ code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr })).toBe(false);
    } finally {
      rmSync(pkg, { recursive: true, force: true });
    }
  });
});

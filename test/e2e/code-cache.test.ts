// Issue 15 (start-up): bin/plan.js loads the bundle with V8's code cache made by
// `npm run bundle` (bin/load-cli.js). The cache must be taken by the Node that
// built it, and a cache V8 refuses (corrupt, or made by another Node) must change
// nothing but speed: the run compiles as usual and leaves a good cache behind.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './run-plan.js';

const install = mkdtempSync(path.join(tmpdir(), 'plan-code-cache-'));
afterAll(() => rmSync(install, { recursive: true, force: true }));
for (const part of ['bin', 'dist', 'templates', 'plans', 'package.json']) cpSync(path.join(ROOT, part), path.join(install, part), { recursive: true });
symlinkSync(path.join(ROOT, 'node_modules'), path.join(install, 'node_modules'));
const cacheFile = path.join(install, 'dist', 'v8', 'cli.cjs.cache');
/** The copy's loader, in this process for what needs no fresh V8 (its constants, commandOf): it loads no bundle itself. */
const loader = createRequire(import.meta.url)(path.join(install, 'bin', 'load-cli.js')) as { commandOf: (args: string[]) => string | undefined };

/** Whether a fresh process's V8 takes the copy's code cache for a run of this command (none: a check's). */
function cacheTaken(command?: string): boolean {
  return loaded(command).taken;
}

/** The cache a fresh process loading the copy for this command reads, and whether V8 takes it. */
function loaded(command?: string): { taken: boolean; file: string } {
  // CommonJS, as bin/plan.js is: an ES module as the program starts Node's ES module loader too (~0.04 s a start).
  const script = `const { loadCli } = require(${JSON.stringify(path.join(install, 'bin', 'load-cli.js'))}); const cli = loadCli(${JSON.stringify(command)}); process.stdout.write(JSON.stringify({ taken: cli.cacheTaken, file: cli.cacheFile }));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { taken: boolean; file: string };
}

/** A run of the copy's `plan` (on a worker thread, or not, as PLAN_THREADS says). */
function planRun(args: string[], threads?: string) {
  const r = spawnSync(process.execPath, [path.join(install, 'bin', 'plan.js'), ...args], {
    cwd: install,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...(threads ? { PLAN_THREADS: threads } : {}) },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const plan = (...args: string[]) => planRun(args);
const check = (threads?: string) => planRun(['check', 'plans', '--no-cache', '--as-of', '2024-06-01'], threads);

const workerBundle = path.join(install, 'dist', 'check-worker.cjs');
const workerCache = path.join(install, 'dist', 'v8', 'check-worker.cjs.cache');

/** Whether a fresh process's V8 takes the worker's code cache for the worker's bundle (compiled as bin/load-cli.js compiles it). */
function workerCacheTaken(): boolean {
  const script = `const { readFileSync } = require('node:fs');
const { compileBundle } = require(${JSON.stringify(path.join(install, 'bin', 'load-cli.js'))});
const script = compileBundle(${JSON.stringify(workerBundle)}, readFileSync(${JSON.stringify(workerBundle)}), readFileSync(${JSON.stringify(workerCache)}));
process.stdout.write(String(!script.cachedDataRejected));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout === 'true';
}

describe('the code cache of the check worker', () => {
  it('is made by the build, taken by the same Node, and a damaged one is refused, changes no result and is made again', () => {
    expect(readFileSync(workerCache).length).toBeGreaterThan(100_000);
    expect(workerCacheTaken()).toBe(true);
    const good = check('worker');
    expect(good.code).toBe(0);
    // The same as without the worker: test/io/parallel.test.ts compares the two byte for byte.
    expect(good.stdout).toMatch(/33 nhiệm vụ/);
    const damaged = readFileSync(workerCache);
    const middle = damaged.length >> 1;
    damaged.writeUInt8(damaged.readUInt8(middle) ^ 0x5a, middle);
    writeFileSync(workerCache, damaged);
    expect(workerCacheTaken()).toBe(false);
    expect(check('worker')).toEqual(good);
    expect(workerCacheTaken()).toBe(true);
  });
});

describe('the code cache of the bundle', () => {
  it('is made by the build and taken by the same Node', () => {
    expect(readFileSync(cacheFile).length).toBeGreaterThan(100_000);
    expect(cacheTaken()).toBe(true);
  });

  it('a cache damaged anywhere (its header, its code, its last byte) or cut short is refused by V8, which checks it whole', () => {
    const good = readFileSync(cacheFile);
    const flipped = (at: number) => {
      const damaged = Buffer.from(good);
      damaged.writeUInt8(damaged.readUInt8(at) ^ 0x01, at);
      return damaged;
    };
    try {
      for (const damaged of [flipped(0), flipped(40), flipped(good.length >> 2), flipped(good.length - 1), good.subarray(0, good.length - 8)]) {
        writeFileSync(cacheFile, damaged);
        expect(cacheTaken()).toBe(false);
      }
    } finally {
      writeFileSync(cacheFile, good);
    }
    expect(cacheTaken()).toBe(true);
  });

  it('a damaged cache is refused, the run is the same, and a good cache is left behind', () => {
    const good = check();
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/33 nhiệm vụ/);
    // One byte changed inside the cached code: V8 takes it only under its checksum (bin/load-cli.js), else it crashes or runs wrongly.
    const damaged = readFileSync(cacheFile);
    const middle = damaged.length >> 1;
    damaged.writeUInt8(damaged.readUInt8(middle) ^ 0x5a, middle);
    writeFileSync(cacheFile, damaged);
    expect(cacheTaken()).toBe(false);
    expect(check()).toEqual(good);
    expect(cacheTaken()).toBe(true);
  });

  it("a command's first run that did its work makes the command's own cache; a check, --version and what is no command take the check's", () => {
    const v8 = path.join(install, 'dist', 'v8');
    // The copy's caches of commands (runs of the built CLI by other tests make them) are gone: each command starts with none.
    const commandCaches = () => readdirSync(v8).filter((f) => /^cli\.cjs\.[a-z]+\.cache$/.test(f));
    for (const f of commandCaches()) rmSync(path.join(v8, f));
    const own = path.join(v8, 'cli.cjs.overdue.cache');
    expect(loaded('overdue')).toEqual({ taken: true, file: cacheFile });
    // Its help, a mistyped command and a failed run make none.
    expect(plan('overdue', '--help').code).toBe(0);
    expect(plan('overdeu').code).toBe(2);
    expect(plan('overdue', 'khong-co').code).toBe(1);
    expect(commandCaches()).toEqual([]);
    const first = plan('overdue', 'plans', '--no-cache', '--as-of', '2024-06-01', '--format', 'md');
    expect(first.code).toBe(0);
    expect(loaded('overdue')).toEqual({ taken: true, file: own });
    expect(plan('overdue', 'plans', '--no-cache', '--as-of', '2024-06-01', '--format', 'md')).toEqual(first);
    for (const command of ['check', 'khong-co', undefined]) expect(loaded(command), String(command)).toEqual({ taken: true, file: cacheFile });
    // The command is the first argument that is not an option, nor the value of --lang.
    expect([['--lang', 'en', 'overdue', 'plans'], ['--no-color', 'show'], ['--version'], []].map(loader.commandOf)).toEqual(['overdue', 'show', undefined, undefined]);
  });

  it("a damaged cache of a command's own is refused, the run is the same, and a good one is left in its place", () => {
    const overdue = () => plan('overdue', 'plans', '--no-cache', '--as-of', '2024-06-01', '--format', 'md');
    const good = overdue();
    expect(good.code).toBe(0);
    const file = path.join(install, 'dist', 'v8', 'cli.cjs.overdue.cache');
    const damaged = readFileSync(file);
    damaged.writeUInt8(damaged.readUInt8(damaged.length >> 1) ^ 0x5a, damaged.length >> 1);
    writeFileSync(file, damaged);
    expect(cacheTaken('overdue')).toBe(false);
    expect(overdue()).toEqual(good);
    expect(cacheTaken('overdue')).toBe(true);
    expect(cacheTaken()).toBe(true);
  });

  it('a missing cache is made again by the next run', () => {
    rmSync(path.join(install, 'dist', 'v8'), { recursive: true, force: true });
    expect(check().code).toBe(0);
    expect(cacheTaken()).toBe(true);
  });
});

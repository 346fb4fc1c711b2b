// Issue 13 §2: the interrupted runs are the built binary (signals need the real
// process); the complete run and the reruns are in process (runCli).
// Output folders are all or nothing. Ctrl-C at any moment of `plan sheets
// --format docx` leaves no folder or the complete one and exits 130 (SIGTERM
// 143); what a SIGKILL left is cleaned by the next run, which succeeds.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, hasStackTrace, ROOT, runCli } from './run-plan.js';

const AS_OF = '2024-05-21';
const ARGS = ['sheets', '--out', 'out', '--format', 'docx', '--as-of', AS_OF];
let dir: string;
let complete: string[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'plan-signals-'));
  cpSync(path.join(ROOT, 'plans'), path.join(dir, 'plans'), { recursive: true });
  const r = await runCli(ARGS, { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  complete = readdirSync(path.join(dir, 'out')).sort();
  rmSync(path.join(dir, 'out'), { recursive: true });
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The built binary given a signal after some milliseconds, or as soon as it has printed its first warning (`warned`:
 * the command is running, so it has set its trap).
 */
function interrupted(signal: NodeJS.Signals, when: number | 'warned'): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...ARGS], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    let sent = false;
    const send = () => {
      if (!sent) child.kill(signal);
      sent = true;
    };
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
      if (when === 'warned' && WARNED.test(stderr)) send();
    });
    const timer = when === 'warned' ? undefined : setTimeout(send, when);
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      resolve({ code, signal: sig, stderr });
    });
  });
}

/** The first of the warnings sheets prints before it makes the documents (the shipped plan has some). */
const WARNED = /cảnh báo\[[a-z-]+\]/;

/** Nothing but the complete folder or none, and nothing else of ours beside it (a staging folder, a temporary). */
function expectAllOrNothing(label: string) {
  const out = path.join(dir, 'out');
  if (existsSync(out)) expect(readdirSync(out).sort(), label).toEqual(complete);
  expect(
    readdirSync(dir).filter((n) => n !== 'plans' && n !== 'out'),
    label,
  ).toEqual([]);
}

describe('output folders under signals', () => {
  it('SIGINT 50 ms into sheets --format docx, and at later moments: no folder or the complete one; the rerun succeeds', async () => {
    const codes: (number | null)[] = [];
    for (const ms of [50, 150, 300, 600, 1000, 1500, 2500]) {
      // Each run starts from no folder.
      rmSync(path.join(dir, 'out'), { recursive: true, force: true });
      const r = await interrupted('SIGINT', ms);
      codes.push(r.code);
      // 130 from our handler once the command runs; before that (Node still starting) the
      // signal's default action ends it, which a shell also reports as 130; 0 if it had finished.
      expect(r.code === 130 || r.code === 0 || r.signal === 'SIGINT', `${ms} ms: ${r.code} ${r.signal} ${r.stderr}`).toBe(true);
      // A run that printed its warnings had set its trap: it ends by the signal's default action (no code) only once
      // the process is ending, its work done (Node lets the trap go then); ended so with no folder, the trap was missing.
      if (WARNED.test(r.stderr) && r.signal !== null) expect(existsSync(path.join(dir, 'out')), `${ms} ms: ${r.signal} ${r.stderr}`).toBe(true);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expectAllOrNothing(`after SIGINT at ${ms} ms`);
      // The run finished before its signal: it would finish before every later one too (each run is ~0.7 s of
      // CPU a quiet machine would spend for nothing).
      if (r.code === 0) break;
    }
    // At least one signal interrupted the run (130 from our handler, or null when it came while Node was
    // starting); how many finish first (0) depends on the machine's speed.
    expect(codes.some((c) => c !== 0)).toBe(true);
    // A rerun over what the last one left succeeds. Once, not after every signal: what each left is all
    // expectAllOrNothing allows (no folder or the complete one, nothing else), and a rerun is ~0.7 s of CPU.
    const rerun = await runCli([...ARGS, '--force'], { cwd: dir });
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(complete);
    rmSync(path.join(dir, 'out'), { recursive: true });
  }, 300_000);

  it('SIGTERM while the command makes the documents exits 143 through its handler, with nothing half-written', async () => {
    // Sent once the warnings are out, the documents not yet made (a second of work on a quiet machine): neither a
    // finished run (0) nor the signal's default action (no code: a missing trap, which could end a write midway) passes.
    rmSync(path.join(dir, 'out'), { recursive: true, force: true });
    const r = await interrupted('SIGTERM', 'warned');
    expect([r.code, r.signal], r.stderr).toEqual([143, null]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expectAllOrNothing('after SIGTERM');
    rmSync(path.join(dir, 'out'), { recursive: true, force: true });
  }, 120_000);

  it('cleans what a SIGKILLed run left (its staging folder, old in-folder temporaries) and does not refuse because of it', async () => {
    // A process id that is surely dead: a child that has exited.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const staging = path.join(dir, `.out.plan-staging-${dead}-AbC123`);
    mkdirSync(staging);
    writeFileSync(path.join(staging, 'phong-tu-phap.docx'), 'half');
    mkdirSync(path.join(dir, 'out'));
    mkdirSync(path.join(dir, 'out', '.plan-tmp-xyz'));
    writeFileSync(path.join(dir, 'out', '.plan-tmp-xyz', 'phong-tu-phap.docx'), 'half');
    const r = await runCli(ARGS, { cwd: dir });
    expect(hasStackTrace(r)).toBe(false);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(complete);
    expect(existsSync(staging)).toBe(false);

    // Into an existing folder of the clerk's: the new files join what is there, the rest stays.
    writeFileSync(path.join(dir, 'out', 'clerk-notes.md'), 'kept');
    // --force: index.md from the first run is there too, and a clash without it is refused.
    const again = await runCli(['sheets', '--out', 'out', '--format', 'md', '--as-of', AS_OF, '--force'], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'out'))).toContain('clerk-notes.md');
    expect(readdirSync(dir).filter((n) => n.includes('plan-staging'))).toEqual([]);
    rmSync(path.join(dir, 'out'), { recursive: true });
  }, 120_000);
});

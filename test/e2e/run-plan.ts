// Runs `plan` the way a clerk does: as the built binary (runPlan; build first,
// npm test does), or in process through main(argv, io) (runCli: no process
// start, an injectable clock; the corpus and property tests use it).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin', 'plan.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** A fixed clock for the run (in process only). */
  now?: Date;
}

const decoder = new TextDecoder();

/**
 * `plan args…` in this process. The working folder is changed for the run (tests
 * in a file run one after another, and vitest gives each file its own process).
 */
export async function runCli(args: string[], opts: RunOptions = {}): Promise<RunResult> {
  // A time zone is the process's own: a run in another zone is a run of the binary.
  if (opts.env?.TZ !== undefined && opts.env.TZ !== process.env.TZ) return runPlan(args, opts);
  let stdout = '';
  let stderr = '';
  // A run that timed out (on a loaded machine) may still be inside a folder its test has removed since:
  // come back to the repository then, or every later in-process run of this worker fails (ENOENT, uv_cwd).
  let previous = ROOT;
  try {
    previous = process.cwd();
  } catch {
    /* the folder is gone */
  }
  process.chdir(opts.cwd ?? ROOT);
  try {
    const code = await main(args, {
      stdout: { write: (t) => void (stdout += typeof t === 'string' ? t : decoder.decode(t)) },
      stderr: { write: (t) => void (stderr += typeof t === 'string' ? t : decoder.decode(t)) },
      env: { NO_COLOR: '1', ...opts.env },
      now: () => opts.now ?? new Date(),
    });
    return { code, stdout, stderr };
  } finally {
    process.chdir(previous);
  }
}

/** `plan args…` as a separate process of the built binary. */
export function runPlan(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', PLAN_LANG: '', ...opts.env },
    encoding: 'utf8',
    input: opts.input ?? '',
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** No command may ever show a JavaScript stack trace to a clerk. */
export function hasStackTrace(r: RunResult): boolean {
  return /\n\s+at .+\(.+:\d+:\d+\)|node:internal|TypeError|ReferenceError|internal error|lỗi nội bộ/.test(r.stdout + r.stderr);
}

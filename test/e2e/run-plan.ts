// Runs the built `plan` binary the way a clerk does. Build first (npm test does).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin', 'plan.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

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

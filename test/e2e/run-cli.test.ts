// runCli (run-plan.ts) leaves the worker's process usable after a run that
// ended inside a folder removed since (a test that timed out on a loaded
// machine): the next run comes back to the repository instead of failing
// with ENOENT (uv_cwd), as every later in-process test of the worker did.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ROOT, runCli } from './run-plan.js';

it('runs, and comes back to the repository, when the working folder was removed', async () => {
  const before = process.cwd();
  const gone = mkdtempSync(path.join(os.tmpdir(), 'plan-gone-'));
  process.chdir(gone);
  rmSync(gone, { recursive: true });
  try {
    const r = await runCli(['--version']);
    expect(r.code, r.stderr).toBe(0);
    expect(process.cwd()).toBe(ROOT);
  } finally {
    process.chdir(before);
  }
});

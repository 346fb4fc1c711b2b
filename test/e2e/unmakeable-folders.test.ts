// A folder that cannot be made ends the run with a message, never a hang: Node's
// recursive mkdirSync loops for ever under /proc (io/files.ts makeFolders).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-plan.js';

describe.skipIf(!existsSync('/proc/self'))('folders that cannot be made (/proc)', () => {
  it('plan sheets --out under /proc refuses, naming the folder', async () => {
    const r = await runCli(['sheets', '--out', '/proc/plan-test/out', '--format', 'md', '--as-of', '2024-06-01']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('/proc/plan-test');
  });

  it('plan check with its cache under /proc still checks (the cache only costs speed)', async () => {
    const r = await runCli(['check', 'plans', '--cache-location', '/proc/plan-test/cache', '--as-of', '2024-06-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('33 nhiệm vụ');
  });
});

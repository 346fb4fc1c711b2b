// Issue 14: tables fit the terminal. `script` gives the CLI a real
// pseudo-terminal, as a clerk's shell would.
import { spawnSync } from 'node:child_process';
import { describe, expect } from 'vitest';
import { needs } from '../tools.js';
import { BIN, ROOT, runPlan } from './run-plan.js';

const width = (line: string) => [...line.replace(/\x1b\[[0-9;]*m/g, '')].length;

describe('plan overdue in a terminal', () => {
  needs('script')('COLUMNS=80: no line longer than 80 columns, and the table is still there', () => {
    const r = spawnSync('script', ['-qec', `"${process.execPath}" "${BIN}" overdue plans --as-of 21/05/2024`, '/dev/null'], {
      cwd: ROOT,
      env: { ...process.env, COLUMNS: '80', PLAN_LANG: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const lines = r.stdout.replace(/\r/g, '').split('\n');
    expect(lines.some((l) => l.startsWith('├'))).toBe(true);
    expect(lines.filter((l) => l.startsWith('│')).length).toBeGreaterThan(60);
    expect(Math.max(...lines.map(width))).toBeLessThanOrEqual(80);
    // Piped, the same rows keep their natural (wider) layout.
    const piped = runPlan(['overdue', 'plans', '--as-of', '21/05/2024'], { env: { COLUMNS: '80' } });
    expect(Math.max(...piped.stdout.split('\n').map(width))).toBeGreaterThan(80);
  });
});

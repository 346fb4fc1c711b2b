// Issue 12: "today" decided in one place by one rule. Records are checked
// against the real day (the clock); --as-of only picks the day a view is for.
// So every command accepts and refuses the same workspaces.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-plan.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The shipped plans with task 1.1 recorded done on 01/06/2024. */
function doneOnFirstOfJune(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-asof-'));
  dirs.push(dir);
  cpSync(path.join(ROOT, 'plans'), path.join(dir, 'plans'), { recursive: true });
  const file = path.join(dir, 'plans', 'kh-pbgdpl-2024-son-dong.yaml');
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf('      - id: "1.1"');
  const lead = text.indexOf('        lead:', at);
  writeFileSync(file, `${text.slice(0, lead)}        status: done\n        done: "01/06/2024"\n${text.slice(lead)}`);
  return dir;
}

const VIEWS = (out: string): string[][] => [
  ['overdue', '--as-of', '21/05/2024'],
  ['agenda', '--as-of', '21/05/2024'],
  ['sheets', '--as-of', '21/05/2024', '--format', 'md', '--out', out],
  ['report', '--period', '6m', '--year', '2024', '--consolidated', '--format', 'md', '--as-of', '21/05/2024', '--out', `${out}-r`],
  ['book', '--period', '6m', '--year', '2024', '--as-of', '21/05/2024', '--out', `${out}.xlsx`],
  ['check', '--as-of', '21/05/2024'],
];

describe('--as-of and records made after it', () => {
  it('a record dated after --as-of but before today: every view accepts it', async () => {
    const dir = doneOnFirstOfJune();
    for (const args of VIEWS(path.join(dir, 'out'))) {
      const r = await runCli(args, { cwd: dir, now: new Date('2024-07-01T03:00:00Z') });
      expect(r.code, `plan ${args.join(' ')}\n${r.stderr}`).toBe(0);
    }
  });

  it('a record dated after today (by the clock): every view refuses it, whatever --as-of says', async () => {
    const dir = doneOnFirstOfJune();
    for (const args of VIEWS(path.join(dir, 'out'))) {
      const r = await runCli(args, { cwd: dir, now: new Date('2024-05-25T03:00:00Z') });
      expect(r.code, `plan ${args.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(1);
      expect(r.stdout + r.stderr).toContain('date-in-future');
    }
  });
});

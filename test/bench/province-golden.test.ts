// The province's output may not change when the read path, the schedule or the
// output get faster: a small province (bench/generate.js, fixed seed) is read
// by the CLI (in process) and compared with files written by the code BEFORE issue 15
// (one planned change made in the files since: check's first line says its day).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// bench/generate.js is plain JavaScript (no types).
import { generate } from '../../bench/generate.js';
import { ROOT, runCli } from '../e2e/run-plan.js';

const GOLDEN = path.join(ROOT, 'test', 'golden', 'province');
const AS_OF = ['--as-of', '2024-06-30'];

/** Golden name → arguments; every one exits 0 on this province. */
const PROVINCE_COMMANDS: Record<string, string[]> = {
  check: ['check', ...AS_OF],
  'check-short': ['check', '--format', 'short', ...AS_OF],
  'check-json': ['check', '--format', 'json', ...AS_OF],
  overdue: ['overdue', ...AS_OF],
  'overdue-md': ['overdue', '--format', 'md', ...AS_OF],
  'overdue-json': ['overdue', '--json', ...AS_OF],
  'overdue-item': ['overdue', '--group-by', 'item', ...AS_OF],
  'overdue-unit-en': ['overdue', '--lang', 'en', '--unit', 'Phòng Tư pháp huyện Sơn Động', ...AS_OF],
  'show-json': ['show', '--json'],
  agenda: ['agenda', ...AS_OF],
};

/**
 * The golden text; terminal tables gained one planned change since (issue 14):
 * a rule under the header row.
 */
function expected(name: string): string {
  const text = readFileSync(path.join(GOLDEN, `${name}.txt`), 'utf8');
  const lines = text.split('\n');
  const top = lines.findIndex((l) => l.startsWith('┌'));
  if (top === -1) return text;
  lines.splice(top + 2, 0, lines[top]!.replace('┌', '├').replace(/┬/g, '┼').replace('┐', '┤'));
  return lines.join('\n');
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'plan-province-'));
  generate({ seed: 15, plans: 8, out: dir });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a small generated province reads and prints as before issue 15', () => {
  for (const [name, args] of Object.entries(PROVINCE_COMMANDS)) {
    it(`plan ${args.join(' ')}`, async () => {
      const r = await runCli(args, { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout === expected(name)).toBe(true);
    });
  }
});

// The province's output may not change when the read path, the schedule or the
// output get faster: a small province (bench/generate.js, fixed seed) is read
// by the CLI (in process) and compared with files written by the code BEFORE issue 15,
// with the planned changes since: check's first line says its day, terminal tables
// have a rule under the header (issue 14), a recurring limit before the plan's date
// does not exist (UPDATE_GOLDEN=1 rewrites the files; read their diff).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

const UPDATE = process.env.UPDATE_GOLDEN === '1';

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
      const file = path.join(GOLDEN, `${name}.txt`);
      if (UPDATE) writeFileSync(file, r.stdout);
      expect(r.stdout === readFileSync(file, 'utf8')).toBe(true);
    });
  }
});

// Issue 8 §2: random damage to valid plans (deleted lines, swapped characters,
// random bytes, broken indentation, truncation) never crashes anything: every
// outcome is diagnostics. All runs go through the pure pipeline in-process
// (decode → parse → checks → locate); a smaller sample goes through the built
// CLI, in process, for every command that reads plans.
// The other property suites: the deadline grammar in test/core/deadline.property.test.ts,
// fmt (model unchanged, idempotent) in test/core/format.property.test.ts.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUnits } from '../../src/core/load.js';
import { assembleWorkspace } from '../../src/core/workspace.js';
import { hasStackTrace, ROOT, runCli } from '../e2e/run-plan.js';
import { BAD, makeWorkspace, snapshot } from './corpus.js';
import { mutated } from './mutations.js';

const SEED_PLAN = readFileSync(path.join(ROOT, 'plans', 'kh-pbgdpl-2024-son-dong.yaml'));
const SMALL_PLAN = readFileSync(path.join(BAD, 'files', '_valid.yaml'));
const UNITS_TEXT = readFileSync(path.join(ROOT, 'plans', 'units.yaml'), 'utf8');
const units = parseUnits('plans/units.yaml', UNITS_TEXT);
const TODAY = { year: 2024, month: 3, day: 1 };

/** The one loader every command reads plans with (src/core/workspace.ts). Returns the plan's located diagnostics. */
function readPlan(bytes: Buffer) {
  const file = 'plans/p.yaml';
  const units = { file: 'plans/units.yaml', bytes: Buffer.from(UNITS_TEXT) };
  const ws = assembleWorkspace({ plans: [{ file, bytes }], units, unitsFile: units.file, dataDir: 'plans', problems: [] }, { today: TODAY });
  return ws.diagnostics.filter((d) => d.file === file);
}

const IN_PROCESS = { seed: 8_2024, numRuns: 400 };

describe('mutated plans, in-process: only diagnostics', () => {
  it('the shipped units file parses (precondition)', () => {
    expect(units.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
  for (const [name, base] of [
    ['seed plan', SEED_PLAN],
    ['small plan', SMALL_PLAN],
  ] as const) {
    it(`${name}: never throws; every diagnostic has a code, message and position`, () => {
      fc.assert(
        fc.property(mutated(base), (bytes) => {
          const diags = readPlan(bytes);
          for (const d of diags) {
            expect(typeof d.code).toBe('string');
            expect(d.line).toBeGreaterThanOrEqual(1);
          }
        }),
        IN_PROCESS,
      );
      // 400 runs of the whole loader: CPU-bound, give it room on a loaded machine.
    }, 300_000);
  }
  it('a mutation that breaks the syntax is reported as an error, not accepted silently', () => {
    // Not every mutation breaks a file, but a line cut in half inside a quoted title must.
    const text = SMALL_PLAN.toString('utf8');
    const cut = text.replace('title: "Nhiệm vụ trọng tâm"', 'title: "Nhiệm vụ');
    expect(readPlan(Buffer.from(cut)).some((d) => d.severity === 'error')).toBe(true);
  });
});

/** Every command that reads plans, as the binary runs it; writers get an output folder inside the workspace. */
const COMMANDS: { name: string; args: (file: string) => string[] }[] = [
  { name: 'check', args: () => ['check', '--as-of', '2024-03-01'] },
  { name: 'show', args: () => ['show', '--json'] },
  { name: 'fmt', args: () => ['fmt', '--check'] },
  { name: 'overdue', args: () => ['overdue', '--as-of', '2024-03-01'] },
  { name: 'agenda', args: () => ['agenda', '--as-of', '2024-03-01'] },
  { name: 'ics', args: () => ['ics', '-o', '-'] },
  { name: 'sheets', args: () => ['sheets', '--out', 'out/sheets', '--as-of', '2024-03-01'] },
  { name: 'report', args: () => ['report', '--period', '6m', '--consolidated', '--out', 'out/report', '--as-of', '2024-06-01'] },
  { name: 'set', args: (f) => ['set', f, '1.1', 'status=done', '--as-of', '2024-03-01'] },
  { name: 'submit', args: (f) => ['submit', f, 'bao-cao-nam', '--unit', 'UBND xã An Lạc', '--date', '01/03/2024', '--as-of', '2024-03-01'] },
  { name: 'diff', args: (f) => ['diff', 'plans/orig.yaml', f] },
  { name: 'book', args: () => ['book', '--out', 'out/book.xlsx', '--period', '6m', '--year', '2024', '--as-of', '2024-06-01'] },
];

const available = new Set([...(await runCli(['--help', '--lang', 'en'])).stdout.matchAll(/^\s{2}([a-z]+)\b/gm)].map((m) => m[1]!));

describe('mutated plans through every command (in process)', () => {
  const samples = fc.sample(mutated(SMALL_PLAN), { seed: 8_2024, numRuns: 20 });
  const commands = COMMANDS.filter((c) => available.has(c.name));

  it('every command the sample names exists, and every command that reads plans is in the sample', () => {
    expect(COMMANDS.map((c) => c.name).filter((n) => !available.has(n))).toEqual([]);
    // collect reads returned reports first (its own tests damage those).
    const notReadingPlans = new Set(['schema', 'import', 'init', 'help', 'explain', 'collect']);
    expect([...available].filter((n) => !notReadingPlans.has(n) && !COMMANDS.some((c) => c.name === n))).toEqual([]);
  });

  samples.forEach((bytes, n) => {
    it(`sample ${n + 1}: every command exits 0 or 1 without a stack trace; a refusal writes nothing`, async () => {
      const dir = makeWorkspace();
      try {
        const file = 'plans/p.yaml';
        writeFileSync(path.join(dir, file), bytes);
        // `diff` compares two files named on the command line; the original sits under a name no walk picks up twice.
        writeFileSync(path.join(dir, 'plans', 'orig.yaml.txt'), SMALL_PLAN);
        for (const c of commands) {
          const args = c.args(file).map((a) => (a === 'plans/orig.yaml' ? 'plans/orig.yaml.txt' : a));
          const before = snapshot(dir);
          const r = await runCli(args, { cwd: dir });
          const label = `plan ${args.join(' ')} on sample ${n + 1}\n${r.stdout.slice(0, 2000)}\n${r.stderr.slice(0, 2000)}`;
          expect(hasStackTrace(r), label).toBe(false);
          expect([0, 1], label).toContain(r.code);
          if (r.code !== 0) expect(snapshot(dir), `${label}\nfiles changed on a refusal`).toEqual(before);
          // Start every command from the same files.
          rmSync(path.join(dir, 'out'), { recursive: true, force: true });
          writeFileSync(path.join(dir, file), bytes);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

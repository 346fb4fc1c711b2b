// Issue 8 §2: random damage to valid plans (deleted lines, swapped characters,
// random bytes, broken indentation, truncation) never crashes anything: every
// outcome is diagnostics. All runs go through the pure pipeline in-process
// (decode → parse → checks → locate); a smaller sample goes through the built
// binary for every command that reads plans.
// The other property suites: the deadline grammar in test/core/deadline.property.test.ts,
// fmt (model unchanged, idempotent) in test/core/format.property.test.ts.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLAN_CHECKS, runChecks } from '../../src/core/checks.js';
import { decodeText } from '../../src/core/decode.js';
import { locateDiagnostics, parsePlan, parseUnits, type SourceFile } from '../../src/core/load.js';
import { hasStackTrace, ROOT, runPlan } from '../e2e/run-plan.js';
import { BAD, makeWorkspace, snapshot } from './corpus.js';

const SEED_PLAN = readFileSync(path.join(ROOT, 'plans', 'kh-pbgdpl-2024-son-dong.yaml'));
const SMALL_PLAN = readFileSync(path.join(BAD, 'files', '_valid.yaml'));
const UNITS_TEXT = readFileSync(path.join(ROOT, 'plans', 'units.yaml'), 'utf8');
const units = parseUnits('plans/units.yaml', UNITS_TEXT);
const registry = units.value!;
const TODAY = { year: 2024, month: 3, day: 1 };

type Mutation =
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-chars'; at: number }
  | { kind: 'random-byte'; at: number; byte: number }
  | { kind: 'delete-byte'; at: number }
  | { kind: 'indent'; at: number; by: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert-text'; at: number; text: string };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
// Text clerks' hands and tools produce: YAML punctuation, tabs, quotes, Vietnamese letters, CR.
const snippet = fc.constantFrom(':', '- ', '"', "'", '\t', '\r\n', '#', '&a ', '*a', '[', '{', '}', ']', '|', '>', '%', '@', '`', '!!', 'id: 1.10', 'đ', 'ồ', '\u0301', '\u00a0', '\ufeff', '---\n', '...\n', '? ');

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  position.map((at) => ({ kind: 'delete-line' as const, at })),
  position.map((at) => ({ kind: 'duplicate-line' as const, at })),
  position.map((at) => ({ kind: 'swap-chars' as const, at })),
  fc.record({ at: position, byte: fc.integer({ min: 0, max: 255 }) }).map((r) => ({ kind: 'random-byte' as const, ...r })),
  position.map((at) => ({ kind: 'delete-byte' as const, at })),
  fc.record({ at: position, by: fc.integer({ min: -4, max: 4 }) }).map((r) => ({ kind: 'indent' as const, ...r })),
  position.map((at) => ({ kind: 'truncate' as const, at })),
  fc.record({ at: position, text: snippet }).map((r) => ({ kind: 'insert-text' as const, ...r })),
);

function applyMutation(bytes: Buffer, m: Mutation): Buffer {
  if (bytes.length === 0) return bytes;
  const i = Math.floor(m.at * bytes.length);
  switch (m.kind) {
    case 'random-byte': {
      const out = Buffer.from(bytes);
      out[i] = m.byte;
      return out;
    }
    case 'delete-byte':
      return Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + 1)]);
    case 'truncate':
      return bytes.subarray(0, i);
    case 'insert-text':
      return Buffer.concat([bytes.subarray(0, i), Buffer.from(m.text, 'utf8'), bytes.subarray(i)]);
    case 'swap-chars': {
      // Characters, not bytes, so this one keeps the file UTF-8.
      const chars = [...bytes.toString('utf8')];
      const k = Math.min(Math.floor(m.at * chars.length), chars.length - 2);
      if (k < 0) return bytes;
      [chars[k], chars[k + 1]] = [chars[k + 1]!, chars[k]!];
      return Buffer.from(chars.join(''), 'utf8');
    }
    default: {
      const lines = bytes.toString('utf8').split('\n');
      const k = Math.floor(m.at * lines.length);
      if (m.kind === 'delete-line') lines.splice(k, 1);
      else if (m.kind === 'duplicate-line') lines.splice(k, 0, lines[k]!);
      else if (m.by > 0) lines[k] = ' '.repeat(m.by) + lines[k];
      else lines[k] = lines[k]!.replace(new RegExp(`^ {0,${-m.by}}`), '');
      return Buffer.from(lines.join('\n'), 'utf8');
    }
  }
}

const mutated = (base: Buffer) => fc.array(mutation, { minLength: 1, maxLength: 4 }).map((ms) => ms.reduce(applyMutation, base));

/** The whole read path of every command, in-process. Returns the located diagnostics. */
function readPlan(bytes: Buffer) {
  const file = 'plans/p.yaml';
  const decoded = decodeText(bytes);
  if (!decoded.ok) return [{ file, code: decoded.code, severity: 'error', line: decoded.line ?? 1 }];
  const parsed = parsePlan(file, decoded.text);
  const diags = [...parsed.diagnostics];
  if (parsed.value) diags.push(...runChecks(parsed.value, { registry, unitsFile: 'plans/units.yaml', today: TODAY }, PLAN_CHECKS));
  return locateDiagnostics(diags, new Map<string, SourceFile>([[file, parsed.source]]));
}

const IN_PROCESS = { seed: 8_2024, numRuns: 400 };

describe('mutated plans, in-process: only diagnostics', () => {
  it('the shipped units file parses (precondition)', () => {
    expect(units.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
  for (const [name, base] of [['seed plan', SEED_PLAN], ['small plan', SMALL_PLAN]] as const) {
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
    });
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
];

const available = new Set([...runPlan(['--help', '--lang', 'en']).stdout.matchAll(/^\s{2}([a-z]+)\b/gm)].map((m) => m[1]!));

describe('mutated plans through the built binary', () => {
  const samples = fc.sample(mutated(SMALL_PLAN), { seed: 8_2024, numRuns: 20 });
  const commands = COMMANDS.filter((c) => available.has(c.name));

  it('the sample covers several commands', () => {
    expect(commands.length).toBeGreaterThanOrEqual(3);
  });

  samples.forEach((bytes, n) => {
    it(`sample ${n + 1}: every command exits 0 or 1 without a stack trace; a refusal writes nothing`, () => {
      const dir = makeWorkspace();
      try {
        const file = 'plans/p.yaml';
        writeFileSync(path.join(dir, file), bytes);
        // `diff` compares two files named on the command line; the original sits under a name no walk picks up twice.
        writeFileSync(path.join(dir, 'plans', 'orig.yaml.txt'), SMALL_PLAN);
        for (const c of commands) {
          const args = c.args(file).map((a) => (a === 'plans/orig.yaml' ? 'plans/orig.yaml.txt' : a));
          const before = snapshot(dir);
          const r = runPlan(args, { cwd: dir });
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

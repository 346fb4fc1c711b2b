// The structural pass (src/core/shape.ts) against zod: for plan, units,
// settings and calendar data, `fits` is true exactly when zod accepts the data
// and gives it back unchanged. Taken as it is when it fits, the data must be
// what zod would have made of it, or results would change.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/core/decode.js';
import { parseYaml, validate } from '../../src/core/load.js';
import { planFile, unitsFile } from '../../src/core/schema.js';
import { settingsFile } from '../../src/core/settings.js';
import type { FileSchema } from '../../src/core/shape.js';
import { calendarFile } from '../../src/core/workdays.js';
// bench/generate.js is plain JavaScript (no types).
import { generate } from '../../bench/generate.js';
import { ROOT } from '../e2e/run-plan.js';
import { corpusDir, corpusImports } from '../import/helpers.js';

function schemaFor(file: string): FileSchema<unknown> {
  const name = path.basename(file).toLowerCase();
  if (/^units\.ya?ml$/.test(name)) return unitsFile as FileSchema<unknown>;
  if (/^settings\.ya?ml$/.test(name)) return settingsFile as FileSchema<unknown>;
  if (/^calendar\.ya?ml$/.test(name)) return calendarFile as FileSchema<unknown>;
  return planFile as FileSchema<unknown>;
}

/**
 * fits ⇔ zod accepts the data unchanged (zod lists an object's keys in schema
 * order; what reads the data looks keys up by name); returns fits.
 */
function agrees(schema: FileSchema<unknown>, data: unknown, what: string): boolean {
  const fits = schema.fits(data);
  const zod = schema.zod().safeParse(data);
  const unchanged = zod.success && isDeepStrictEqual(zod.data, data);
  expect(fits, what).toBe(unchanged);
  return fits;
}

const yamlFiles = execFileSync('git', ['ls-files', '*.yaml', '*.yml'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !f.startsWith('test/golden/'));

function dataOf(file: string, text: string): unknown {
  return parseYaml(file, text).value;
}

describe('structural pass = zod', () => {
  it(`every YAML file of the repository (${yamlFiles.length})`, () => {
    const fitting: string[] = [];
    for (const f of yamlFiles) {
      const decoded = decodeText(readFileSync(path.join(ROOT, f)));
      if (!decoded.ok) continue;
      const data = dataOf(f, decoded.text);
      if (data !== undefined && agrees(schemaFor(f), data, f)) fitting.push(f);
    }
    // The shipped plan, units, calendar and settings, and the valid fixtures, skip zod (most fixtures are mistakes on purpose).
    expect(fitting).toEqual(expect.arrayContaining(['plans/kh-pbgdpl-2024-son-dong.yaml', 'plans/units.yaml', 'plans/calendar.yaml', 'plans/settings.yaml', 'test/fixtures/bad/files/_valid.yaml']));
    expect(fitting.length).toBeGreaterThan(20);
  });

  it('the corpus imports and a generated province', () => {
    // The corpus part only where ../shared/corpus exists (a clone outside the workplace has none); the province always.
    const imports = corpusImports();
    expect(imports.length > 5 || !existsSync(corpusDir)).toBe(true);
    for (const { name, yaml } of imports) {
      const file = `plans/${name.replace(/\.txt$/, '.yaml')}`;
      expect(agrees(planFile as FileSchema<unknown>, dataOf(file, yaml), name)).toBe(true);
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-shape-'));
    try {
      generate({ seed: 4, plans: 8, out: dir });
      expect(agrees(unitsFile as FileSchema<unknown>, dataOf('units.yaml', readFileSync(path.join(dir, 'plans', 'units.yaml'), 'utf8')), 'units')).toBe(true);
      for (const part of readdirSync(path.join(dir, 'plans')).filter((p) => p.startsWith('part-'))) {
        for (const f of readdirSync(path.join(dir, 'plans', part))) {
          expect(agrees(planFile as FileSchema<unknown>, dataOf(f, readFileSync(path.join(dir, 'plans', part, f), 'utf8')), f)).toBe(true);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Values a clerk's slip (or a hostile file) can put anywhere in the data.
  const odd = fc.constantFrom<unknown>(
    '',
    'x',
    'todo',
    'done',
    'commune',
    'q1',
    '6m',
    '2024',
    '01/2024',
    '05/02/2024',
    '30/02/2024',
    '2024-02-30',
    '2022-2027',
    '2022 – 2027',
    0,
    1,
    -3,
    1.5,
    2024,
    1900,
    // biome-ignore lint/correctness/noPrecisionLoss: 2^53 + 1 is here because it cannot be held exactly
    9007199254740993,
    true,
    false,
    null,
    [],
    {},
    ['a'],
    [''],
    [{}],
    { text: 'x' },
    { unit: 'x', status: 'todo' },
  );

  type Step = { kind: 'set'; at: number; value: unknown } | { kind: 'delete'; at: number } | { kind: 'add'; at: number; key: string; value: unknown };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: odd }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: fc.constantFrom('id', 'title', 'status', 'done', 'extra', 'tasks', 'date', 'from', 'to', 'evidence', 'years'), value: odd }),
  );

  /** Every container and every (container, key) slot of a value, in a fixed order. */
  function slots(root: unknown): { parent: Record<string, unknown> | unknown[]; key: string | number }[] {
    const out: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) {
        v.forEach((x, i) => {
          out.push({ parent: v, key: i });
          walk(x);
        });
      } else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          out.push({ parent: v as Record<string, unknown>, key: k });
          walk(x);
        }
      }
    };
    walk(root);
    return out;
  }

  function mutate(base: unknown, steps: Step[]): unknown {
    const data = structuredClone(base);
    for (const s of steps) {
      const all = slots(data);
      if (all.length === 0) break;
      const { parent, key } = all[s.at % all.length]!;
      if (s.kind === 'set') (parent as Record<string | number, unknown>)[key] = structuredClone(s.value);
      else if (s.kind === 'delete') {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key as string];
      } else {
        const target = (parent as Record<string | number, unknown>)[key];
        if (target && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[s.key] = structuredClone(s.value);
      }
    }
    return data;
  }

  for (const file of ['plans/kh-pbgdpl-2024-son-dong.yaml', 'plans/units.yaml', 'plans/calendar.yaml', 'plans/settings.yaml', 'test/fixtures/bad/files/_valid.yaml']) {
    it(`property: mutated data of ${file}`, () => {
      const base = dataOf(file, readFileSync(path.join(ROOT, file), 'utf8'));
      const schema = schemaFor(file);
      expect(schema.fits(base)).toBe(true);
      fc.assert(
        fc.property(fc.array(step, { minLength: 1, maxLength: 3 }), (steps) => {
          agrees(schema, mutate(base, steps), JSON.stringify(steps));
        }),
        { seed: 15, numRuns: 400 },
      );
    }, 120_000);
  }

  it('validate takes data that fits as it is, and words what does not fit with zod', () => {
    const good = { dueSoonDays: 7 };
    expect(validate('settings.yaml', settingsFile, good, parseYaml('settings.yaml', 'dueSoonDays: 7\n').source).value).toBe(good);
    const bad = validate('settings.yaml', settingsFile, { dueSoonDays: -1 }, parseYaml('settings.yaml', 'dueSoonDays: -1\n').source);
    expect(bad.value).toBeUndefined();
    expect(bad.diagnostics.map((d) => d.path)).toEqual([['dueSoonDays']]);
  });
});

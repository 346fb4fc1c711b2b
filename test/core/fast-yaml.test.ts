// The fast read path (js-yaml, src/core/fast-yaml.ts) against the `yaml`
// document model: the same data and the same located diagnostics, byte for
// byte, for every YAML file of the repository and its fixtures, the corpus
// imports, a generated province and mutated plans; and what it is unsure of
// goes to `yaml`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parseEvents, YAMLException } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { PLAN_CHECKS, runChecks } from '../../src/core/checks.js';
import { decodeText } from '../../src/core/decode.js';
import { locateDiagnostics, parseUnits, parseYaml, planOf, type ReadOptions, type SourceFile, unitsOf } from '../../src/core/load.js';
// bench/generate.js is plain JavaScript (no types).
import { generate } from '../../bench/generate.js';
import { ROOT } from '../e2e/run-plan.js';
import { mutated } from '../hardening/mutations.js';
import { corpusDir, corpusImports } from '../import/helpers.js';

const registry = parseUnits('plans/units.yaml', readFileSync(path.join(ROOT, 'plans', 'units.yaml'), 'utf8')).value!;
const TODAY = { year: 2024, month: 3, day: 1 };

/** Data, diagnostics located and serialised, and whether the fast path read it. */
function read(file: string, text: string, options: ReadOptions) {
  // One read serves the data compared and the plan checked (planOf and unitsOf leave the data as read).
  const data = parseYaml(file, text, options);
  const isUnits = /units\.ya?ml$/.test(file);
  const parsed = isUnits ? unitsOf(file, data) : planOf(file, data);
  const diags = [...parsed.diagnostics];
  if (!isUnits && parsed.value) diags.push(...runChecks(parsed.value as Parameters<typeof runChecks>[0], { registry, unitsFile: 'plans/units.yaml', today: TODAY }, PLAN_CHECKS));
  const located = locateDiagnostics(diags, new Map<string, SourceFile>([[file, parsed.source]]));
  return { data: data.value, diagnostics: JSON.stringify(located), fast: data.source.fast !== undefined };
}

/** Both paths agree; returns whether the fast one was taken. */
function same(file: string, text: string): boolean {
  const slow = read(file, text, { fast: false });
  const fast = read(file, text, {});
  expect(fast.data, file).toEqual(slow.data);
  expect(fast.diagnostics, file).toBe(slow.diagnostics);
  return fast.fast;
}

const yamlFiles = execFileSync('git', ['ls-files', '*.yaml', '*.yml'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !f.startsWith('test/golden/'));

describe('fast read path = yaml document model', () => {
  it(`every YAML file of the repository (${yamlFiles.length})`, () => {
    let fastOnes = 0;
    for (const f of yamlFiles) {
      const decoded = decodeText(readFileSync(path.join(ROOT, f)));
      if (decoded.ok && same(f, decoded.text)) fastOnes++;
    }
    // The shipped plan, units and most fixtures are read the fast way.
    expect(fastOnes).toBeGreaterThan(yamlFiles.length / 2);
  });

  // Skipped only when ../shared/corpus is absent (a clone outside the workplace), as the import corpus tests are.
  it.skipIf(!existsSync(corpusDir))('the corpus imports', () => {
    const imports = corpusImports();
    expect(imports.length).toBeGreaterThan(5);
    for (const { name, yaml } of imports) expect(same(`plans/${name.replace(/\.txt$/, '.yaml')}`, yaml)).toBe(true);
  });

  it('a generated province (warnings in every file, located from the events)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-fast-'));
    try {
      generate({ seed: 3, plans: 12, out: dir });
      for (const part of ['part-1', 'part-2', 'part-3', 'part-4']) {
        for (const f of readdirSync(path.join(dir, 'plans', part))) expect(same(`plans/${part}/${f}`, readFileSync(path.join(dir, 'plans', part, f), 'utf8'))).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const name of ['plans/kh-pbgdpl-2024-son-dong.yaml', 'test/fixtures/bad/files/_valid.yaml']) {
    it(`property: mutated ${path.basename(name)}`, () => {
      fc.assert(
        fc.property(mutated(readFileSync(path.join(ROOT, name))), (bytes) => {
          const decoded = decodeText(bytes);
          if (decoded.ok) same('plans/p.yaml', decoded.text);
        }),
        { seed: 15_2026, numRuns: 200 },
      );
      // Each run parses and checks the plan four times; a busy machine needs more than the default minute.
    }, 300_000);
  }

  it('what the fast path is unsure of goes to yaml, with the same result', () => {
    const base = readFileSync(path.join(ROOT, 'test/fixtures/bad/files/_valid.yaml'), 'utf8');
    const unsure = {
      anchor: base.replace('title: "Nhiệm vụ trọng tâm"', 'title: &t "Nhiệm vụ trọng tâm"'),
      tag: base.replace('title: "Nhiệm vụ trọng tâm"', 'title: !!str "Nhiệm vụ trọng tâm"'),
      'duplicate key': base.replace('title: "Nhiệm vụ trọng tâm"', 'title: "Nhiệm vụ trọng tâm"\n    title: "lần nữa"'),
      tab: base.replace('year: 2024', 'year:\t2024'),
      directive: `%YAML 1.2\n---\n${base}`,
      'two documents': `${base}---\n${base}`,
      'complex key': `${base}? [a, b]\n: c\n`,
      empty: '',
      scalar: 'just text\n',
    };
    expect(base).toContain('title: "Nhiệm vụ trọng tâm"');
    for (const [what, text] of Object.entries(unsure)) {
      expect(same('plans/p.yaml', text), what).toBe(false);
    }
  });

  it("js-yaml's errors carry no snippet of the file: the fast path drops them, and a snippet splits the whole text into lines", () => {
    let error: unknown;
    try {
      parseEvents(`${'a: 1\n'.repeat(1000)}b: [\n`, {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(YAMLException);
    expect((error as YAMLException).reason).not.toBe('');
    expect((error as YAMLException).mark).toBeUndefined();
  });
});

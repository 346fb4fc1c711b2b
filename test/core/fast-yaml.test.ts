// The fast read path (js-yaml 4, src/core/fast-yaml.ts) against the `yaml`
// document model: the same data and the same located diagnostics, byte for
// byte, for every YAML file of the repository and its fixtures, the corpus
// imports, a generated province and mutated plans; and what it is unsure of
// goes to `yaml`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import * as jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { PLAN_CHECKS, runChecks } from '../../src/core/checks.js';
import { decodeText } from '../../src/core/decode.js';
import { LEFT_TO_YAML_CHARS, leftToYaml, rangeAt } from '../../src/core/fast-yaml.js';
import { locateDiagnostics, nodeAt, parseUnits, parseYaml, planOf, type ReadOptions, type SourceFile, unitsOf } from '../../src/core/load.js';
// bench/generate.js is plain JavaScript (no types).
import { generate } from '../../bench/generate.js';
import { withDumperOnDemand, withoutPrintableTest, withoutSnippet, withPropertySnapshotOnDemand } from '../../scripts/js-yaml-no-snippet.js';
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
      'document marker': `---\n${base}`,
      // A marker after a line feed is searched for apart from the scan for control characters (MARKER_AFTER_LINE_FEED); after U+2028, the scan finds it.
      'document end marker': `${base}...\n`,
      'directive after the first document': `${base}...\n%YAML 1.2\n---\nx: 1\n`,
      'document marker after a line separator': `${base}x: a\u2028---\n`,
      'merge key': `${base}<<: {a: 1}\n`,
      'null key': `${base}~: 1\n`,
      'flow key without a value': `${base}x: {a, b: 1}\n`,
      'flow pair in a list': `${base}x: [a: 1]\n`,
      'empty list entry': `${base}x:\n-\n- a\n`,
      'indentation indicator': `${base}x: |2\n   a\n`,
      'flow list indented less than its key': `${base}x:\n  y: [a,\n b]\n`,
      // js-yaml takes a "#" with no space before it, right after a quote, a bracket or a comma, for a comment: YAML 1.2 refuses it.
      'comment after a double quote': base.replace('title: "Nhiệm vụ trọng tâm"', 'title: "Nhiệm vụ trọng tâm"#c'),
      'comment after a single quote': base.replace('title: "Nhiệm vụ trọng tâm"', "title: 'Nhiệm vụ trọng tâm'#c"),
      'comment after a flow list': `${base}x: [a]#c\n`,
      'comment after a flow map': `${base}x: {a: b}#c\n`,
      'comment after a comma': `${base}x: [a,#c\n  b]\n`,
      'comment after a quote in a flow list': `${base}x: [a, "b"#c\n  ]\n`,
      'comment after a whole-file flow map': '{a: 1}#c\n',
      // Inside quoted text, the same characters are text: `yaml` reads them.
      'quote and # inside quoted text': base.replace('title: "Nhiệm vụ trọng tâm"', 'title: "Nhiệm vụ \'số\'# 1"'),
    };
    expect(base).toContain('title: "Nhiệm vụ trọng tâm"');
    for (const [what, text] of Object.entries(unsure)) {
      expect(same('plans/p.yaml', text), what).toBe(false);
    }
  });

  // Each value as a plain scalar, as a key, and in a flow list: js-yaml's own schemas read many of these otherwise.
  const PLAIN_SCALARS = [
    ...['1_000', '0b101', '0o17', '017', '09', '0x1F', '0X1F', '0x', '0o8', '+12', '-0', '007', '9007199254740993', '1,000'],
    ...['.5', '+.5', '1.', '-1.50', '1e3', '1E+3', '.5e-2', '12e', '1_0.5', '.inf', '-.Inf', '+.INF', '.NaN', '.nan', 'NaN', 'inf'],
    ...['~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'yes', 'no', 'on', 'off', 'y', 'n', '='],
    ...['false', 'False', 'FALSE', 'fALSE', '~~', 'nul', 'nulll', 'tru', 'truee', 'falsee', 'N', 'T', 'F', 'f'],
    ...['2024-02-05', '2024-02-05T10:00:00Z', '12:30', '1:30:00', '<<', '-', '.', '+', '__proto__', 'constructor'],
  ];
  it("plain scalars are read by `yaml`'s core rules: as values, keys and list items", () => {
    let fastOnes = 0;
    for (const s of PLAIN_SCALARS) {
      for (const text of [`title: x\nv: ${s}\n`, `title: x\n${s}: v\n`, `title: x\nitems: [${s}, "${s}"]\nmore:\n  - ${s}\n`, `${s}: 1\n${s}: 2\n`]) {
        if (same('plans/p.yaml', text)) fastOnes++;
      }
    }
    // Most are read the fast way: only the unsure ones go to yaml.
    expect(fastOnes).toBeGreaterThan(PLAIN_SCALARS.length * 2);
  });

  it('a block scalar is placed where `yaml` places it (trailing empty lines, kept or not, spaces)', () => {
    const line = fc.constantFrom('', ' ', '  ', '   ', '    ', '     x', '  x', '   y ', '  # c', '    z');
    let fastOnes = 0;
    fc.assert(
      fc.property(
        fc.constantFrom('|', '>', '|-', '>+', '|+', '>-', '|2'),
        fc.array(line, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('', '\nb: 1', '\nb: 1\n', '\n# c\nb: 1\n', '\n'),
        (h, lines, tail) => {
          const text = `a: ${h}\n${lines.join('\n')}${tail}`;
          const doc = parseYaml('f.yaml', text, { fast: false });
          const fast = parseYaml('f.yaml', text);
          expect(fast.value, text).toEqual(doc.value);
          if (!fast.source.fast || !doc.source.doc) return;
          fastOnes++;
          const node = nodeAt(doc.source.doc, ['a'])!.node;
          expect(rangeAt(text, fast.source.fast, ['a'], false), JSON.stringify(text)).toEqual([node.range![0], node.range![1]]);
        },
      ),
      { seed: 15_2026, numRuns: 2000 },
    );
    // Many are not YAML, or go to yaml (|2, spaces on the last line).
    expect(fastOnes).toBeGreaterThan(700);
  });

  it("every character js-yaml calls non-printable is left to yaml by the fast path's own test of the text (the bundle's js-yaml no longer tests for them), and a surrogate pair is not", () => {
    const anywhere = new RegExp(`[${LEFT_TO_YAML_CHARS}]`);
    const missed: string[] = [];
    let refused = 0;
    // Plain and block scalars are what js-yaml tests so (a quoted one it tests as JSON, in the bundle too).
    for (let c = 0; c < 0x10000; c++) {
      for (const text of [`a: b${String.fromCharCode(c)}c\n`, `a: |\n  b${String.fromCharCode(c)}c\n`]) {
        try {
          jsYaml.load(text);
        } catch (e) {
          if (!/non-printable/.test((e as Error).message)) continue;
          refused++;
          if (!anywhere.test(text) || !leftToYaml(text)) missed.push(c.toString(16));
        }
      }
    }
    expect(missed).toEqual([]);
    // In both: the C0 controls but NUL (refused as such), tab, LF and CR (28), DEL and the C1 controls but NEL (32),
    // U+FFFE, U+FFFF and the 2048 lone surrogates.
    expect(refused).toBe(2 * (28 + 32 + 2 + 2048));
    expect(() => jsYaml.load('a: "\ud83d\ude00"\n')).not.toThrow();
    expect(leftToYaml('a: "\ud83d\ude00"\n')).toBe(false);
    expect(parseYaml('x.yaml', 'a: "\ud83d\ude00"\n').source.fast).toBeDefined();
    expect(parseYaml('x.yaml', 'a: "\ufffe"\n').source.fast).toBeUndefined();
  });

  it("the bundle's js-yaml builds no snippet of the file for an error: the fast path drops its errors, and a snippet scans the whole text", async () => {
    const file = path.join(path.dirname(createRequire(import.meta.url).resolve('js-yaml')), 'dist', 'js-yaml.mjs');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-js-yaml-'));
    try {
      const error = async (source: string) => {
        const copy = path.join(dir, `${source.length}.mjs`);
        writeFileSync(copy, source);
        const jsYaml = (await import(copy)) as typeof import('js-yaml');
        try {
          jsYaml.load(`${Array.from({ length: 1000 }, (_, i) => `k${i}: 1\n`).join('')}b: [\n`);
        } catch (e) {
          return e as import('js-yaml').YAMLException;
        }
        throw new Error('no error');
      };
      // Without its source map comment: the copy has no map beside it.
      const source = readFileSync(file, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '');
      // As published, with the snippet (what the test would see if the bundle stopped removing it).
      expect((await error(source)).mark.snippet).toContain('b: [');
      const bundled = await error(withoutSnippet(source));
      expect(bundled.reason).not.toBe('');
      expect(bundled.mark.snippet).toBeUndefined();
      // And the bundle is built so (the esbuild plugin applies): its js-yaml (its own error wording) sets no snippet.
      // Bundled without the plugin (whitespace minified, as dist/ is), js-yaml keeps `mark.snippet=makeSnippet(mark)`.
      expect(source).toMatch(/\.snippet\s*=[^=]/);
      for (const name of ['cli.cjs', 'check-worker.cjs']) {
        const dist = readFileSync(path.join(ROOT, 'dist', name), 'utf8');
        expect(dist, name).toContain('end of the stream or a document separator is expected');
        expect(dist, name).not.toMatch(/\.snippet\s*=[^=]/);
        expect(dist, name).not.toContain('the stream contains non-printable characters');
      }
      // Nor does it test each scalar for non-printable characters (the fast path leaves such a text to yaml: below).
      const load = async (source: string) => ((await import(writeModule(source))) as typeof import('js-yaml')).load('a: b\u0007\n');
      const writeModule = (text: string) => {
        const copy = path.join(dir, `load-${text.length}.mjs`);
        writeFileSync(copy, text);
        return copy;
      };
      await expect(load(source)).rejects.toThrow(/non-printable/);
      expect(await load(withoutPrintableTest(source))).toEqual({ a: 'b\u0007' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the bundle's js-yaml sets up its dumper only when dump is first called, and dumps as js-yaml does", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-js-yaml-'));
    try {
      const source = readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('js-yaml')), 'dist', 'js-yaml.mjs'), 'utf8');
      const patched = withDumperOnDemand(source);
      expect(patched).not.toBe(source);
      const copy = path.join(dir, 'dumper-on-demand.mjs');
      writeFileSync(copy, patched.replace(/^\/\/# sourceMappingURL=.*$/m, ''));
      const bundled = (await import(copy)) as typeof import('js-yaml');
      const value = { a: [1, 'hai', { b: null }], 'c d': 'dòng một\ndòng hai' };
      expect(bundled.dump(value)).toBe(jsYaml.dump(value));
      expect(bundled.load(bundled.dump(value))).toEqual(value);
      for (const name of ['cli.cjs', 'check-worker.cjs'])
        expect(readFileSync(path.join(ROOT, 'dist', name), 'utf8'), name).toContain('jsYaml.dump=(input,options)=>requireDumper().dump(input,options);');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the bundle's js-yaml copies its state for a node's properties only where one starts, and reads as js-yaml does", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-js-yaml-'));
    try {
      const source = readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('js-yaml')), 'dist', 'js-yaml.mjs'), 'utf8');
      const patched = withPropertySnapshotOnDemand(source);
      expect(patched).not.toBe(source);
      const copy = path.join(dir, 'patched.mjs');
      writeFileSync(copy, patched.replace(/^\/\/# sourceMappingURL=.*$/m, ''));
      const bundled = (await import(copy)) as typeof import('js-yaml');
      const outcome = (load: typeof jsYaml.load, text: string) => {
        try {
          return { value: load(text) };
        } catch (e) {
          return { error: (e as Error).message };
        }
      };
      // Tags and anchors on scalars, keys, collections and a block mapping's first key; refused ones; none at all.
      const texts = [
        'a: !!str 1\nb: &x [1, 2]\nc: *x\n',
        '&k key: v\n!!str other: w\n',
        'x: &m\n  a: 1\n  b: !!int 2\ny: *m\n',
        '- !!map\n  a: 1\n- &s !!seq\n  - 1\n',
        'a: !!str !!str 1\n',
        'a: &x &y 1\n',
        'a: !<tag:yaml.org,2002:str> 1\n',
        'a: !unknown 1\n',
        ...['plans/kh-pbgdpl-2024-son-dong.yaml', 'plans/units.yaml', 'plans/calendar.yaml', 'test/fixtures/bad/files/_valid.yaml'].map((f) => readFileSync(path.join(ROOT, f), 'utf8')),
      ];
      for (const text of texts) expect(outcome(bundled.load, text), text.slice(0, 80)).toEqual(outcome(jsYaml.load, text));
      for (const name of ['cli.cjs', 'check-worker.cjs']) expect(readFileSync(path.join(ROOT, 'dist', name), 'utf8'), name).toContain('if(ch!==33&&ch!==38)break;');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// The bundle's js-yaml (scripts/js-yaml-no-snippet.js: every patch the esbuild plugin applies) against the published
// one, on random YAML-like texts and on cut and spliced real plans: the same value or the same refusal (reason and
// place; the bundle builds no snippet), and the same nodes seen by a listener, as the fast path reads with it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type * as jsYamlTypes from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledJsYaml, SCREENED_FOR_NUL } from '../../scripts/js-yaml-no-snippet.js';
import { ROOT } from '../e2e/run-plan.js';

type JsYaml = typeof import('js-yaml');

let dir: string;
let bundled: JsYaml;
/**
 * The published one, as a module of its own too: the fast path's js-yaml is left untouched by these thousands of loads
 * with other options (the suite shares modules between files, and test/core/detached measures heap a check leaves).
 */
let published: JsYaml;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'plan-js-yaml-bundled-'));
  const source = readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('js-yaml')), 'dist', 'js-yaml.mjs'), 'utf8');
  // Without its source map comment: the copies have no map beside them.
  const unmapped = source.replace(/^\/\/# sourceMappingURL=.*$/m, '');
  writeFileSync(path.join(dir, 'bundled.mjs'), bundledJsYaml(unmapped));
  writeFileSync(path.join(dir, 'published.mjs'), unmapped);
  bundled = (await import(path.join(dir, 'bundled.mjs'))) as JsYaml;
  published = (await import(path.join(dir, 'published.mjs'))) as JsYaml;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a load gives: the value, or the refusal's reason and place; and each node a listener saw open and close. */
function outcome(jsYaml: JsYaml, text: string, options: Record<string, unknown> = {}) {
  const seen: string[] = [];
  const listener = (event: string, state: { position: number; kind: string | null; tag: string | null; anchor: string | null }) => {
    seen.push(`${event} ${state.position} ${state.kind} ${state.tag} ${state.anchor}`);
  };
  try {
    return { value: jsYaml.load(text, { ...options, listener } as unknown as jsYamlTypes.LoadOptions), seen };
  } catch (e) {
    const error = e as jsYamlTypes.YAMLException;
    return { reason: error.reason, at: error.mark?.position, seen };
  }
}

/** The bundle's js-yaml reads `text` as the published one does, told or not that it holds no NUL. */
function same(text: string): void {
  const expected = outcome(published, text);
  expect(outcome(bundled, text), JSON.stringify(text)).toEqual(expected);
  expect(outcome(bundled, text, { [SCREENED_FOR_NUL]: true }), JSON.stringify(text)).toEqual(expected);
}

// Pieces of YAML: indentation, keys, every indicator, tags, anchors and aliases, quotes, block scalar headers,
// comments, flow collections, document markers and directives, Vietnamese text, tabs and CR.
const PIECES = [
  '\n',
  ' ',
  '  ',
  '    ',
  '- ',
  '-',
  ': ',
  ':',
  'a',
  'key',
  'title',
  'Phòng Tư pháp',
  'ế',
  '1',
  '0x1F',
  '2024-06-30',
  'null',
  '~',
  'true',
  '"',
  "'",
  '\\',
  '\\"',
  '#',
  ' #c',
  '[',
  ']',
  '{',
  '}',
  ', ',
  ',',
  '? ',
  '|',
  '|-',
  '>',
  '>+',
  '|2',
  '!',
  '!!str ',
  '!!map',
  '!<tag:x> ',
  '&x ',
  '&y',
  '*x',
  '*y',
  '<<: ',
  '---',
  '...',
  '%YAML 1.2',
  '%TAG ! tag:x:',
  '\t',
  '\r\n',
  '\r',
  '\ufeff',
  '\u2028',
  'é\u0301',
];

const REAL = ['plans/kh-pbgdpl-2024-son-dong.yaml', 'plans/units.yaml', 'plans/calendar.yaml', 'test/fixtures/bad/files/_valid.yaml'].map((f) => readFileSync(path.join(ROOT, f), 'utf8'));

describe("the bundle's js-yaml reads as the published one", () => {
  it('real plans, whole', () => {
    for (const text of REAL) same(text);
  });

  it('random texts of YAML pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => same(pieces.join(''))),
      { numRuns: 2000 },
    );
  });

  it('real plans cut, with pieces spliced in', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REAL), fc.nat(), fc.nat(), fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }), (text, a, b, pieces) => {
        const start = a % (text.length + 1);
        const end = start + (b % 400);
        same(text.slice(0, start) + pieces.join('') + text.slice(end, end + 600));
      }),
      { numRuns: 250 },
    );
  });

  it('a NUL is refused where the published js-yaml refuses it, unless the caller said the text has none', () => {
    for (const text of ['a: b\0c\n', '\0', 'k: [1, 2]\n\0\n']) {
      expect(outcome(bundled, text)).toEqual(outcome(published, text));
      expect(outcome(bundled, text).reason).toBe('null byte is not allowed in input');
    }
    // Told it has none, it does not search (the fast path tells it so only for a text its own scan found none in).
    expect(outcome(bundled, 'a: b\n\0', { [SCREENED_FOR_NUL]: true }).reason).not.toBe('null byte is not allowed in input');
    // The bundle is built so (whitespace minified).
    for (const name of ['cli.cjs', 'check-worker.cjs']) expect(readFileSync(path.join(ROOT, 'dist', name), 'utf8'), name).toContain(`options.${SCREENED_FOR_NUL}===true?-1:`);
  });
});

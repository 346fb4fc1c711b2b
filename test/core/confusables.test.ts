// Issue 13 §4–5: look-alike and hidden characters in unit names, control
// characters in files, and how messages show them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nameProblem, revealName, skeleton } from '../../src/core/confusables.js';
import { parsePlan, parseUnits } from '../../src/core/load.js';
import { nameKey, visible } from '../../src/core/text.js';
import { checkYaml } from '../helpers.js';
import { ROOT } from '../e2e/run-plan.js';

const CORPUS = path.resolve(ROOT, '../shared/corpus');
const CYRILLIC_A = '\u0430';
const GREEK_OMICRON = '\u03bf';

function unitsYaml(names: string[]): string {
  return `units:\n${names.map((n) => `  - name: ${JSON.stringify(n)}\n`).join('')}`;
}

/** Every Vietnamese letter, plain and with each tone, in both cases. */
function vietnameseLetters(): string[] {
  const bases = [...'aăâbcdđeêghiklmnoôơpqrstuưvxy'];
  const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
  const out = new Set<string>();
  for (const b of bases) for (const t of tones) for (const c of [b, b.toUpperCase()]) out.add(`${c}${/[aăâeêioôơuưy]/i.test(b) ? t : ''}`.normalize('NFC'));
  return [...out];
}

describe('look-alike names', () => {
  it('never flags a Vietnamese letter, and never folds two that differ in a Vietnamese mark', () => {
    const letters = vietnameseLetters();
    for (const l of letters) expect(nameProblem(`Phòng ${l}`), l).toBeUndefined();
    // ơ/o, ư/u, đ/d, ă/â/a and the five tones: distinct skeletons (I/l stay confusable, as TR39 says).
    const base = (l: string) => l.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
    for (const a of letters) {
      for (const b of letters) {
        if (a !== b && base(a) === base(b) && nameKey(a) !== nameKey(b)) expect(skeleton(a), `${a} / ${b}`).not.toBe(skeleton(b));
      }
    }
  });

  it('passes every unit name of plans/units.yaml and every line of the corpus', () => {
    const units = parseUnits('plans/units.yaml', readFileSync(path.join(ROOT, 'plans', 'units.yaml'), 'utf8'));
    expect(units.diagnostics.filter((d) => /confusable|mixed-script|invisible/.test(d.code))).toEqual([]);
    const names = [...units.value!.units.flatMap((u) => [u.name, ...u.aliases])];
    for (const n of names) expect(nameProblem(n), n).toBeUndefined();
    if (!existsSync(CORPUS)) return;
    const lines = readdirSync(CORPUS)
      .filter((f) => f.endsWith('.txt'))
      .flatMap((f) => readFileSync(path.join(CORPUS, f), 'utf8').normalize('NFC').split('\n'))
      .map((l) => l.trim())
      .filter((l) => l.length > 0 && l.length < 200);
    expect(lines.length).toBeGreaterThan(500);
    const flagged = lines.filter((l) => nameProblem(l) === 'mixed-script');
    expect(flagged).toEqual([]);
    // Two different lines of real plans never fold to the same skeleton unless they are the same name.
    const seen = new Map<string, string>();
    for (const l of lines) {
      const k = skeleton(l);
      const twin = seen.get(k);
      if (twin !== undefined) expect(nameKey(twin), `${twin} / ${l}`).toBe(nameKey(l));
      seen.set(k, l);
    }
  });

  it('refuses a Latin name with a Cyrillic or Greek look-alike letter in units.yaml, showing it escaped', () => {
    const spoofed = `Phòng Tư ph${CYRILLIC_A}p`;
    const r = parseUnits('units.yaml', unitsYaml(['Phòng Tư pháp', spoofed, `Ph${GREEK_OMICRON}ng Nội vụ`]));
    const mixed = r.diagnostics.filter((d) => d.code === 'mixed-script-name');
    expect(mixed).toHaveLength(2);
    expect(mixed[0]!.message.vi).toContain('Phòng Tư ph<U+0430>p');
    expect(mixed[1]!.message.en).toContain('Ph<U+03BF>ng Nội vụ');
  });

  it('refuses two names that read the same, naming both spellings', () => {
    const r = parseUnits('units.yaml', unitsYaml(['Phòng Tư pháp', 'Phòng Tư\u200b pháp']));
    // (Their sheets would also share a file name.)
    expect(r.diagnostics.map((d) => d.code).sort()).toEqual(['confusable-names', 'invisible-character', 'unit-name-collision']);
    const pair = r.diagnostics.find((d) => d.code === 'confusable-names')!;
    expect(pair.message.vi).toContain('"Phòng Tư<U+200B> pháp"');
    expect(pair.message.vi).toContain('"Phòng Tư pháp"');
  });

  it('reports a look-alike unit in a plan as such, not as an unknown unit', () => {
    const plan = readFileSync(path.join(ROOT, 'test/fixtures/bad/files/_valid.yaml'), 'utf8').replace('- Phòng Tư pháp', `- Phòng Tư ph${CYRILLIC_A}p`);
    const found = checkYaml(plan).diagnostics;
    expect(found.map((d) => d.code)).toContain('mixed-script-name');
    expect(found.filter((d) => d.code === 'unknown-unit' && d.line === 17)).toEqual([]);
    expect(found.find((d) => d.code === 'mixed-script-name')!.line).toBe(17);
  });
});

describe('control characters', () => {
  it('are a located error in any file, and shown as <U+…> in messages', () => {
    const text = 'number: "1/KH"\ntitle: "A\u001b]0;HACKED\u0007"\n';
    const r = parsePlan('plan.yaml', text);
    const found = r.diagnostics.filter((d) => d.code === 'control-character');
    expect(found.map((d) => d.range![0])).toEqual([text.indexOf('\u001b'), text.indexOf('\u0007')]);
    expect(found[0]!.message.vi).toContain('<U+001B>');
  });

  it('are all found after what the same scan finds for the fast path (a tab, a document marker) and between such', () => {
    const text = 'a: "\u0007"\nb: "x\ty"\nc: "\u001b"\n---\nd: "\u0085\tz"\n';
    const found = parsePlan('plan.yaml', text).diagnostics.filter((d) => d.code === 'control-character');
    expect(found.map((d) => d.range![0])).toEqual([text.indexOf('\u0007'), text.indexOf('\u001b'), text.indexOf('\u0085')]);
  });

  it('leave tab, line ends and Vietnamese alone; bidi overrides and C1 are caught', () => {
    expect(visible('a\tb\r\nc ơ đ')).toBe('a\tb\r\nc ơ đ');
    expect(visible('x\u202ey\u009bz\u200b')).toBe('x<U+202E>y<U+009B>z<U+200B>');
    expect(revealName(`ph${CYRILLIC_A}p`)).toBe('ph<U+0430>p');
  });
});

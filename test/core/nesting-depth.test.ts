// The fast read path judges nesting from its events (fastParse's depth) and
// walks the data only near the limit: at every depth around it, a file reads
// as the `yaml` document model reads it (too-deep past the limit, data below).
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/core/load.js';

const flow = (n: number) => `title: x\nitems: ${'['.repeat(n)}${']'.repeat(n)}\n`;
const block = (n: number) => `title: x\n${Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}k${i}:\n`).join('')}${'  '.repeat(n)}v: 1\n`;
const withDate = (n: number) => `title: x\nitems: ${'['.repeat(n)}2024-02-05${']'.repeat(n)}\n`;

describe('nesting near the limit reads the same on both paths', () => {
  for (const [name, make] of [
    ['flow sequences', flow],
    ['block mappings', block],
    ['a scalar at the bottom', withDate],
  ] as const) {
    it(name, () => {
      const seen = new Set<string>();
      for (let n = 95; n <= 106; n++) {
        const text = make(n);
        const fast = parseYaml('f.yaml', text);
        const full = parseYaml('f.yaml', text, { fast: false });
        expect(fast.value, `${n}`).toEqual(full.value);
        expect(fast.diagnostics.map((d) => d.code)).toEqual(full.diagnostics.map((d) => d.code));
        seen.add(full.diagnostics.map((d) => d.code).join() || 'read');
      }
      // Both sides of the limit were met.
      expect(seen).toEqual(new Set(['read', 'too-deep']));
    });
  }
});

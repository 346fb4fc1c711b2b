// linesOfText cuts a diagnostic's code-frame lines out of a text without
// splitting all of it; it must give exactly what splitting would.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineCounter, linesOfText } from '../../src/core/lines.js';

describe('linesOfText', () => {
  it('gives each asked line as text.split(/\\r?\\n/) does, and leaves out lines past the end', () => {
    const text = fc.stringMatching(/^[ab\r\n\u1ec7]{0,40}$/);
    const numbers = fc.array(fc.integer({ min: -1, max: 30 }), { maxLength: 8 });
    fc.assert(
      fc.property(text, numbers, (t, ns) => {
        const all = t.split(/\r?\n/);
        const expected: Record<number, string> = {};
        for (const n of ns) if (n >= 1 && n <= all.length) expected[n] = all[n - 1]!;
        expect(linesOfText(t, ns)).toEqual(expected);
        // The same from the line starts counted when locating (a start after each LF).
        const counted = new LineCounter();
        counted.addNewLine(0);
        for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) counted.addNewLine(i + 1);
        expect(linesOfText(t, ns, counted)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

// displayPath has a fast way for plain paths inside the working folder; every
// path must still be shown as path.relative shows it.
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../src/io/files.js';

const byRelative = (p: string) => {
  const rel = path.relative(process.cwd(), p);
  // Outside the working folder: "..", "../…" (not "..a", a name inside it).
  return rel && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel) ? rel : p;
};

describe('displayPath', () => {
  it('shows every path as path.relative to the working folder does', () => {
    const segment = fc.constantFrom('', '.', '..', '..a', '.hidden', 'plans', 'kh-0001.yaml', 'a b', 'hòa');
    const root = fc.constantFrom(process.cwd(), path.dirname(process.cwd()), '/', `${process.cwd()}x`, '');
    fc.assert(
      fc.property(root, fc.array(segment, { maxLength: 5 }), fc.boolean(), (start, parts, trailing) => {
        const p = [start, ...parts].join('/') + (trailing ? '/' : '');
        expect(displayPath(p)).toBe(byRelative(p));
      }),
      { numRuns: 3000 },
    );
  });
});

// The streamed JSON list is JSON.stringify's text, piece by piece.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonWithList, listItemJson } from '../../src/render/stream.js';

const indented = (item: unknown) => JSON.stringify(item, null, 2).replace(/\n/g, '\n    ');
const plain = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));

describe('streamed JSON', () => {
  it('property: a list item is JSON.stringify’s, flat rows and anything else alike', () => {
    fc.assert(
      fc.property(fc.oneof(fc.dictionary(fc.string(), plain), fc.jsonValue(), fc.dictionary(fc.string(), fc.oneof(plain, fc.jsonValue()))), (item) => {
        expect(listItemJson(item)).toBe(indented(item));
      }),
      { numRuns: 500 },
    );
  });

  it('property: the whole list joined is JSON.stringify of the object', () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.string(), plain), { maxLength: 5 }), (items) => {
        expect([...jsonWithList({ asOf: '2024-06-30' }, 'items', items)].join('\n')).toBe(JSON.stringify({ asOf: '2024-06-30', items }, null, 2));
      }),
      { numRuns: 200 },
    );
  });
});

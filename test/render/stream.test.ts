// The streamed JSON list is JSON.stringify's text, piece by piece.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteWriter, jsonWithList, listItemJson, textWriter, utf8 } from '../../src/render/stream.js';

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

describe('bytes assembled in a reused buffer', () => {
  it('property: the blocks written are the pieces in order, each block whole UTF-8, whatever the block size', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 30 }), fc.integer({ min: 1, max: 40 }), (pieces, blockSize) => {
        let out = '';
        const writer = new ByteWriter(
          textWriter((t) => {
            out += t;
          }),
          blockSize,
        );
        for (const [i, piece] of pieces.entries())
          if (i % 2 === 0) writer.bytes(utf8(piece));
          else writer.text(piece);
        writer.flush();
        expect(out).toBe(pieces.join(''));
      }),
      { numRuns: 300 },
    );
  });

  it('a block the output kept is never written over: the next block goes to a new buffer', () => {
    const kept: Uint8Array[] = [];
    const writer = new ByteWriter((bytes) => {
      kept.push(bytes);
      return true;
    }, 4);
    for (const piece of ['abc', 'def', 'ghi']) writer.text(piece);
    writer.flush();
    expect(kept.map((b) => new TextDecoder().decode(b))).toEqual(['abc', 'def', 'ghi']);
  });
});

// findLegacyRuns looks only at lines with a letter of U+00A0–U+00FF (every
// word it counts has one): the same runs as looking at every line, which the
// reference below does, on texts made of legacy words, Unicode Vietnamese,
// ASCII and line ends.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLegacyRuns, type LegacyRun } from '../../src/core/decode.js';

const TCVN3 = /(Céng|hßa|ViÖt|chñ|nghÜa|Ho¹ch|KÕ|ho¹ch|®éc|huyÖn|NhiÖm|c«ng|t¸c|ph¸p|luËt|n¨m|S¬n|§éng|x·|tØnh|b¸o|c¸o)/g;
const VNI = /(Coäng|hoøa|Vieät|ñoäc|laäp|Keá|hoaïch|Ñoäc|coâng|taùc|phaùp|luaät|naêm|huyeän|nhieäm|baùo|caùo|xaõ|tænh)/g;
const UNICODE = /[\u1ea0-\u1ef9\u0110\u0111\u01a0\u01a1\u01af\u01b0]/;

function everyLine(text: string): LegacyRun[] {
  const runs: LegacyRun[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    if (line.length > 3 && !UNICODE.test(line)) {
      const tcvn = line.match(TCVN3)?.length ?? 0;
      const vni = line.match(VNI)?.length ?? 0;
      const encoding = tcvn >= 2 ? 'TCVN3 (ABC)' : vni >= 2 ? 'VNI-Windows' : undefined;
      if (encoding) {
        const first = encoding === 'VNI-Windows' ? VNI : TCVN3;
        first.lastIndex = 0;
        runs.push({ start: start + (first.exec(line)?.index ?? 0), end, encoding });
      }
    }
    start = end + 1;
  }
  return runs;
}

const pieces = fc.constantFrom(
  'c«ng',
  'n¨m',
  'S¬n',
  'Céng',
  'hßa',
  'ViÖt',
  'KÕ',
  'ho¹ch',
  'Coäng',
  'hoøa',
  'Keá',
  'hoaïch',
  'Kế hoạch',
  'đơn vị',
  'à',
  'é',
  ' ',
  'ab',
  '\n',
  '\r\n',
  'x',
  '- id: 1',
  '¸',
);

describe('legacy runs', () => {
  it('property: the same runs as looking at every line', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(findLegacyRuns(text)).toEqual(everyLine(text));
      }),
      { numRuns: 2000 },
    );
  });
});

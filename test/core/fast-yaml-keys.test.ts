// Locating from the fast path's events remembers each key's text per file (fast-yaml.ts knownKeyText): a path
// located again, or after another, is placed as in a file read afresh, keys the events cannot vouch for included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParse, isPlainKey, rangeAt } from '../../src/core/fast-yaml.js';
import type { YamlPath } from '../../src/core/diagnostic.js';

const TEXT = `title: Kế hoạch
"quoted": 1
groups:
  - id: "1"
    tasks:
      - id: "1.1"
        title: Nhiệm vụ
      - id: "1.2"
        due: năm 2024
yes: 2
notes: [a]
`;

// The same keys in another order, for another file's events alongside.
const OTHER = `notes: [a]
groups:
  - tasks:
      - title: Nhiệm vụ
        id: "1.1"
    id: "1"
title: Kế hoạch
`;
const TEXTS = [TEXT, OTHER];

const PATHS: YamlPath[] = [['title'], ['quoted'], ['groups', 0, 'id'], ['groups', 0, 'tasks', 1, 'due'], ['groups', 0, 'tasks', 0, 'title'], ['notes'], ['missing'], ['groups', 0, 'tasks', 5]];

/** Where each path is placed, each in events of its own (nothing remembered between them). */
const fresh = (text: string, path: YamlPath, atKey: boolean) => rangeAt(text, fastParse(text)!.events, path, atKey);

describe('locating from the events, keys remembered per file', () => {
  it('places paths in any order, again and again, as a file read afresh places each', () => {
    // `yes` is a key the events cannot vouch for (yaml 1.1 read it as true): a path that passes it is left to yaml.
    expect(fresh(TEXT, ['notes'], false)).toBeUndefined();
    expect(fresh(TEXT, ['title'], false)).toBeDefined();
    expect(fresh(OTHER, ['title'], false)).toBeDefined();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(0, 1), fc.constantFrom(...PATHS), fc.boolean()), { minLength: 1, maxLength: 16 }), (asked) => {
        const events = TEXTS.map((text) => fastParse(text)!.events);
        for (const [t, path, atKey] of asked) expect(rangeAt(TEXTS[t]!, events[t]!, path, atKey)).toEqual(fresh(TEXTS[t]!, path, atKey));
      }),
    );
  });
});

describe('isPlainKey', () => {
  const byExpressions = (s: string) => /^[\p{L}_][\p{L}\p{N}_-]*$/u.test(s) && !/^(?:true|false|null|yes|no|on|off|y|n)$/i.test(s);
  it('is the two expressions it stands for: every character first, after a letter and after a digit, and random words', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}`, `_1${ch}x`, `${ch}bc`]) expect({ s, key: isPlainKey(s) }).toEqual({ s, key: byExpressions(s) });
    }
    for (const s of ['', 'y', 'Y', 'n', 'no', 'NO', 'on', 'off', 'Off', 'yes', 'true', 'False', 'null', 'NULL', 'falsey', 'nulls', 'ya', 'title', 'due-date', '-a', '1a', 'a1', 'ế', 'Yes', 'đơn_vị']) {
      expect({ s, key: isPlainKey(s) }).toEqual({ s, key: byExpressions(s) });
    }
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'Y', 'e', 's', 'o', 'n', 'f', '_', '-', '1', 'ế', 'Đ', '²', ' ', ':', '.'), { maxLength: 7 }), (parts) => {
        const s = parts.join('');
        expect(isPlainKey(s), s).toBe(byExpressions(s));
      }),
      { numRuns: 2000 },
    );
  });
});

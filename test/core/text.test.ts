import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LEFT_TO_YAML_CHARS, leftToYaml } from '../../src/core/fast-yaml.js';
import {
  citedNumber,
  clause,
  closest,
  compareTaskIds,
  controlsOr,
  countEn,
  editDistance,
  editDistanceWithin,
  findControlCharacters,
  isLegalLetter,
  NFC_STABLE,
  nameKey,
  nfc,
  quietText,
  titleInSentence,
} from '../../src/core/text.js';

describe('nameKey', () => {
  it('ignores case, NFC/NFD and tone placement', () => {
    expect(nameKey('Phòng Văn hóa')).toBe(nameKey('phòng văn hoá'));
    expect(nameKey('Ủy ban')).toBe(nameKey('uỷ ban'));
    expect(nameKey('Phòng Tư pháp'.normalize('NFD'))).toBe(nameKey('Phòng Tư pháp'));
    expect(nameKey('Phòng Văn hóa – Thông tin')).toBe(nameKey('Phòng Văn hóa - Thông tin'));
    expect(nameKey('  Phòng   Tư pháp. ')).toBe(nameKey('Phòng Tư pháp'));
  });
  it('keeps tones, vowel marks and đ apart', () => {
    expect(nameKey('Phòng Tư pháp')).not.toBe(nameKey('Phòng Tư phap'));
    expect(nameKey('Sơn Động')).not.toBe(nameKey('Sơn Đông'));
    expect(nameKey('đa')).not.toBe(nameKey('da'));
    expect(nameKey('ăn')).not.toBe(nameKey('an'));
  });
});

describe('closest', () => {
  it('ranks near misses first', () => {
    expect(closest('Phòng Tư Phap', ['Phòng Dân tộc', 'Phòng Tư pháp', 'Sở Tư pháp'])[0]).toBe('Phòng Tư pháp');
    expect(closest('xyz', ['Phòng Tư pháp'])).toEqual([]);
  });
  it('keeps a name that holds the other however far apart, nearest first', () => {
    expect(closest('Tư pháp', ['Phòng Tư pháp huyện Sơn Động', 'Phòng Tư pháp'])).toEqual(['Phòng Tư pháp', 'Phòng Tư pháp huyện Sơn Động']);
  });
});

describe('edit distance', () => {
  /** The textbook table, whole: what the early stops must agree with. */
  function fullTable(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length]![b.length]!;
  }
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'ă', 'đ', ' '), maxLength: 14 });

  it('within a limit: the distance when at most the limit, else limit + 1', () => {
    fc.assert(
      fc.property(word, word, fc.nat(8), (a, b, limit) => {
        const exact = fullTable(a, b);
        expect(editDistance(a, b)).toBe(exact);
        expect(editDistanceWithin(a, b, limit)).toBe(Math.min(exact, limit + 1));
      }),
      { seed: 12, numRuns: 1000 },
    );
  });
});

describe('compareTaskIds', () => {
  it('follows the document numbering', () => {
    const ids = ['1.10', '1.6.đ', '1.7', '1.6.d', '1.9', '1.6.e', '1.6.a', '2.1', '1.1'];
    expect([...ids].sort(compareTaskIds)).toEqual(['1.1', '1.6.a', '1.6.d', '1.6.đ', '1.6.e', '1.7', '1.9', '1.10', '2.1']);
  });
  it('is a consistent order (antisymmetric) on generated ids', () => {
    const seg = fc.oneof(fc.integer({ min: 1, max: 20 }).map(String), fc.constantFrom('a', 'b', 'd', 'đ', 'e', 'g'));
    const id = fc.array(seg, { minLength: 1, maxLength: 4 }).map((s) => s.join('.'));
    fc.assert(
      fc.property(id, id, (a, b) => Math.sign(compareTaskIds(a, b)) === -Math.sign(compareTaskIds(b, a))),
      { seed: 42, numRuns: 300 },
    );
  });
  it('orders numbers as the numeric Vietnamese collator does (numbers skip ICU)', () => {
    const collator = new Intl.Collator('vi', { numeric: true });
    const part = fc.oneof(
      fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String),
      fc.nat(30).map((n) => `0${n}`),
      fc.constantFrom('a', 'đ', 'IV', 'x1'),
    );
    fc.assert(
      fc.property(part, part, (a, b) => a === b || Math.sign(compareTaskIds(a, b)) === Math.sign(collator.compare(a, b))),
      { seed: 15, numRuns: 2000 },
    );
  });
});

describe('legal letters', () => {
  it('has no f, j, w, z', () => {
    expect(isLegalLetter('đ')).toBe(true);
    for (const l of ['f', 'j', 'w', 'z']) expect(isLegalLetter(l)).toBe(false);
  });
});

describe('countEn', () => {
  it('one is singular, every other count plural (zero too), with an irregular plural when given', () => {
    expect([0, 1, 2].map((n) => countEn(n, 'item'))).toEqual(['0 items', '1 item', '2 items']);
    expect([1, 3].map((n) => countEn(n, 'reporting duty', 'reporting duties'))).toEqual(['1 reporting duty', '3 reporting duties']);
  });
});

describe('text joined into sentences', () => {
  it('titleInSentence lower-cases an ordinary first word, keeps names and abbreviations', () => {
    expect(titleInSentence('Công tác phổ biến, giáo dục pháp luật năm 2024')).toBe('công tác phổ biến, giáo dục pháp luật năm 2024');
    expect(titleInSentence('Đẩy mạnh cải cách hành chính')).toBe('đẩy mạnh cải cách hành chính');
    // "… của Ủy ban nhân dân xã Nam Đông về phòng, chống thiên tai …", not "về Phòng, chống".
    expect(titleInSentence('Phòng, chống thiên tai và tìm kiếm cứu nạn năm 2025-2026')).toBe('phòng, chống thiên tai và tìm kiếm cứu nạn năm 2025-2026');
    for (const kept of ['Luật Hòa giải ở cơ sở', 'Hà Nội năm 2025', 'PBGDPL năm 2024', 'UBND xã', 'Tết', 'Ngày Pháp luật Việt Nam', 'công tác đã thường', 'Huế, Đà Nẵng', 'Phòng Tư pháp, UBND xã'])
      expect(titleInSentence(kept)).toBe(kept);
  });
  it('citedNumber writes a number not yet given as clerks do', () => {
    expect(citedNumber('/KH-UBND')).toBe('…/KH-UBND');
    expect(citedNumber(' /KH-UBND')).toBe('…/KH-UBND');
    expect(citedNumber('05/KH-UBND')).toBe('05/KH-UBND');
  });
  it('clause drops the stop that ended a sentence, keeps an ellipsis', () => {
    expect(clause('Phát huy trách nhiệm của cả hệ thống chính trị.')).toBe('Phát huy trách nhiệm của cả hệ thống chính trị');
    expect(clause('bảo đảm kinh phí; ')).toBe('bảo đảm kinh phí');
    expect(clause('đề tài nghiên cứu khoa học...')).toBe('đề tài nghiên cứu khoa học...');
    expect(clause('đề tài…')).toBe('đề tài…');
    expect(clause('Nhiệm vụ không dấu chấm')).toBe('Nhiệm vụ không dấu chấm');
  });
});

describe('nfc', () => {
  // Every character the shortcut leaves alone, beside every other one (1.2 M pairs): NFC changes none.
  const stable: string[] = [];
  for (let c = 0; c <= 0xffff; c++) if (NFC_STABLE.test(String.fromCharCode(c))) stable.push(String.fromCharCode(c));
  it('the characters it leaves alone are NFC alone and in pairs', () => {
    expect(stable.length).toBeGreaterThan(1000);
    // Per character a: "a b1 a b2 a b3 …" holds every pair (a, b) and (b, a) side by side; NFC works on
    // neighbours, so a pair it would change alone it changes here too.
    const changed = stable.filter((a) => {
      const line = a + stable.join(a);
      return line.normalize('NFC') !== line;
    });
    expect(changed).toEqual([]);
  });
  it('is normalize("NFC") for any text: decomposed, mixed, other scripts', () => {
    expect(nfc('Phòng Tư pháp'.normalize('NFD'))).toBe('Phòng Tư pháp');
    expect(nfc('Sơn Động\u2001')).toBe('Sơn Động\u2003');
    expect(nfc('\u212b')).toBe('\u00c5');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...stable), fc.string({ unit: 'grapheme', maxLength: 2 }), fc.constantFrom('\u0301', '\u0323', '\u0340', '\u1100', '\u1161', '\ud800')), { maxLength: 12 }),
        (parts) => {
          const s = parts.join('');
          expect(nfc(s)).toBe(s.normalize('NFC'));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('quietText', () => {
  it('a quiet character is NFC-stable, no CR, no control character and nothing the fast YAML path leaves to yaml', () => {
    const scan = controlsOr(LEFT_TO_YAML_CHARS);
    const quiet: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (!quietText(`x${ch}`)) continue;
      quiet.push(ch);
      const found = findControlCharacters(`x${ch}`, scan);
      expect({ c, stable: NFC_STABLE.test(ch), controls: found.controls.length, other: found.other, left: leftToYaml(`x${ch}`) }).toEqual({ c, stable: true, controls: 0, other: false, left: false });
      expect(ch).not.toBe('\r');
    }
    // Line feed, printable ASCII, Latin-1 letters, Vietnamese's precomposed letters, dashes and quotes.
    for (const ch of ['\n', ' ', '~', 'đ', 'Ư', 'ệ', '–', '“', '…']) expect(quiet).toContain(ch);
    for (const ch of ['\t', '\r', '\u0000', '\u0085', '\u0301', '\u2028', '\u202e', '\ufeff', '\ud800']) expect(quiet).not.toContain(ch);
  });
  it('answers for the text asked, whichever was asked before', () => {
    const plan = 'title: Kế hoạch\nunits: [Phòng Tư pháp]\n';
    expect(quietText(plan)).toBe(true);
    expect(quietText(`${plan}\t`)).toBe(false);
    expect(quietText(plan.normalize('NFD'))).toBe(false);
    expect(quietText(['title: Kế hoạch\n', 'units: [Phòng Tư pháp]\n'].join(''))).toBe(true);
    expect(quietText('a\r\n')).toBe(false);
    expect(quietText('')).toBe(true);
    // Remembered for the one question after (decodeText's text, by parseYaml), and answered alike whatever comes between.
    expect(quietText(plan, true)).toBe(true);
    expect(quietText(`${plan}\u0085`)).toBe(false);
    expect(quietText(plan)).toBe(true);
    expect(quietText(plan)).toBe(true);
  });
});

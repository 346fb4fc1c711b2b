// A body's name printed in capitals, as a sentence writes it (src/import/name-case.ts): abbreviations keep their
// capitals, with the punctuation around them, from the same list the titles use.
import { describe, expect, it } from 'vitest';
import { nameAsWritten } from '../../src/import/name-case.js';
import { titleAsWritten } from '../../src/import/title-case.js';

describe('nameAsWritten', () => {
  it('keeps the abbreviations titles keep, and one followed by a comma', () => {
    expect(nameAsWritten('BHXH HUYỆN SƠN ĐỘNG', [])).toBe('BHXH huyện Sơn Động');
    expect(nameAsWritten('TRƯỜNG THPT HUYỆN SƠN ĐỘNG', [])).toBe('Trường THPT huyện Sơn Động');
    expect(nameAsWritten('BAN CHỈ ĐẠO PBGDPL HUYỆN', [])).toBe('Ban Chỉ đạo PBGDPL huyện');
    expect(nameAsWritten('UBND, HĐND HUYỆN SƠN ĐỘNG', [])).toBe('UBND, HĐND huyện Sơn Động');
  });

  it('names and titles agree on every abbreviation of the list', () => {
    for (const abbreviation of ['TP.', 'BCĐ', 'THCS', 'BHYT', 'VN', 'COVID-19']) {
      expect(nameAsWritten(`BAN ${abbreviation} TỈNH`, []), abbreviation).toBe(`Ban ${abbreviation} tỉnh`);
      expect(titleAsWritten(`KIỆN TOÀN ${abbreviation} NĂM 2026`, []), abbreviation).toBe(`Kiện toàn ${abbreviation} năm 2026`);
    }
  });
});

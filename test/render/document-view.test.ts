// Which rows of a document's table may break across pages (the Word template's two row variants).
import { describe, expect, it } from 'vitest';
import { rowMaySplit } from '../../src/render/document-view.js';

describe('rowMaySplit: only a row taller than the bound breaks', () => {
  const chars = [4, 44, 23];
  it('counts each cell’s paragraphs wrapped by words, and takes the tallest cell', () => {
    // 2 lines of title; "Phối hợp: …" wraps to 4 lines at 23 characters: 5 lines in all (the commune's task 2.3.a).
    const row = [
      ['12'],
      ['2.3.a Tiếp tục thực hiện có hiệu quả Luật Hòa giải ở cơ sở và các văn bản hướng dẫn thi hành'],
      ['Chủ trì: Phòng Tư pháp', 'Phối hợp: Ủy ban MTTQ Việt Nam huyện; các cơ quan, tổ chức có liên quan'],
    ];
    expect(rowMaySplit(row, chars, 5)).toBe(false);
    expect(rowMaySplit(row, chars, 4)).toBe(true);
  });
  it('a word longer than the column takes the lines it needs', () => {
    expect(rowMaySplit([[], [], ['x'.repeat(69)]], chars, 3)).toBe(false);
    expect(rowMaySplit([[], [], ['x'.repeat(69)]], chars, 2)).toBe(true);
    expect(rowMaySplit([[''], [''], ['']], chars, 0)).toBe(true);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CellStyle, columnWidths, displayWidth, type TableRuns, textTableLines, wrapCell, wrapWords, type TextColumn } from '../../src/render/text-table.js';

const words = fc
  .array(fc.constantFrom('Phòng', 'Tư', 'pháp', 'huyện', 'Sơn', 'Động', 'UBND', 'xã', 'An', 'Lạc', '05/02/2024', '→', 'Trung-tâm-Văn-hóa-Thông-tin', '漢字', 'nghĩa vụ gửi'), { maxLength: 12 })
  .map((w) => w.join(' '));

describe('text table', () => {
  it('wraps at spaces as cli-table3 did, and cuts a word too long for the column', () => {
    expect(wrapCell('Phòng Tư pháp huyện Sơn Động', 13)).toEqual(['Phòng Tư pháp', 'huyện Sơn', 'Động']);
    expect(wrapCell('ke-hoach-thuc-hien', 8)).toEqual(['ke-hoach', '-thuc-hi', 'en']);
    expect(wrapCell('', 5)).toEqual([]);
  });

  it('property: a cell of words that fits is given back as it is, exactly as the general wrap gives it', () => {
    const pieces = fc.constantFrom('Phòng', 'Tư', 'a\u0301', '漢字', '→', ' ', '  ', '\t', '\u00a0', '\n', '', 'x');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 10 }), fc.integer({ min: 1, max: 40 }), (parts, width) => {
        const text = parts.join('');
        expect(wrapCell(text, width)).toEqual(wrapWords(text, width));
      }),
      { numRuns: 500 },
    );
  });

  it('property: a row drawn under an equal cell is drawn as it is alone (the repeated cells are wrapped once)', () => {
    const columns: TextColumn[] = [
      { header: 'A', width: 9 },
      { header: 'B', width: 6, align: 'right' },
    ];
    const body = (rows: string[][]) => [...textTableLines(columns, rows)].slice(3, -1);
    fc.assert(
      fc.property(fc.array(fc.tuple(words, fc.constantFrom('', '12', 'Sơn Động 漢字')), { minLength: 1, maxLength: 6 }), (pairs) => {
        // Each row repeated, so most cells equal the one above.
        const rows = pairs.flatMap((p) => [p, p, [p[0], 'x']]);
        expect(body(rows)).toEqual(rows.flatMap((row) => body([row])));
      }),
    );
  });

  it('counts wide characters as two columns', () => {
    expect(displayWidth('Phòng Tư pháp')).toBe(13);
    expect(displayWidth('漢字')).toBe(4);
    expect(displayWidth('a\u0301')).toBe(1);
  });

  it('draws a rule under the header and keeps natural widths without a terminal', () => {
    const lines = [...textTableLines([{ header: 'Mã' }, { header: 'Đơn vị', align: 'right' }], [['1.1', 'Phòng Tư pháp']])];
    expect(lines).toEqual(['┌─────┬───────────────┐', '│ Mã  │        Đơn vị │', '├─────┼───────────────┤', '│ 1.1 │ Phòng Tư pháp │', '└─────┴───────────────┘']);
  });

  it('the long columns give way first', () => {
    const columns: TextColumn[] = [{ header: 'Trễ (ngày)' }, { header: 'Hạn' }, { header: 'Nội dung', width: 50, flexible: true }];
    const rows = [['12', '05/02/2024 → 06/02/2024', 'Tổ chức công tác phổ biến, giáo dục pháp luật']];
    expect(columnWidths(columns, rows)).toEqual([10, 23, 50]);
    expect(columnWidths(columns, rows, 60)).toEqual([10, 23, 17]);
    expect(columnWidths(columns, rows, 40)).toEqual([8, 10, 12]);
  });

  it('property: every line fits the width asked for (when the columns can), all lines are as wide, and no word is lost', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(words, words, words), { minLength: 1, maxLength: 8 }), fc.integer({ min: 16, max: 160 }), (rows, maxWidth) => {
        const columns: TextColumn[] = [{ header: 'Mã' }, { header: 'Nội dung', width: 50, flexible: true }, { header: 'Đơn vị', width: 40, flexible: true, align: 'right' }];
        const lines = [...textTableLines(columns, rows, { maxWidth })];
        const widths = new Set(lines.map(displayWidth));
        expect(widths.size).toBe(1);
        expect([...widths][0]).toBeLessThanOrEqual(maxWidth);
        const chars = (t: string) => [...t.replace(/[│┌┐└┘├┤┬┴┼─\s]/g, '')].sort().join('');
        expect(chars(lines.join(''))).toBe(chars(columns.map((c) => c.header).join('') + rows.flat().join('')));
      }),
    );
  });
  it('property: runs of rows sharing their leading cells draw as those rows one by one (leading lines and last cells kept)', () => {
    const columns: TextColumn[] = [{ header: 'Mã' }, { header: 'Trễ', align: 'right' }, { header: 'Đơn vị', width: 12, flexible: true }];
    const runsArb = fc.array(
      fc.tuple(
        fc.tuple(words, fc.constantFrom('1', '12', '1234 5678 90 1234')),
        fc.array(fc.constantFrom('', 'Phòng Tư pháp', 'UBND xã An Lạc huyện Sơn Động', '漢字 漢字'), { minLength: 1, maxLength: 4 }),
      ),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(runsArb, fc.option(fc.integer({ min: 16, max: 60 }), { nil: undefined }), (list, maxWidth) => {
        const runs: TableRuns = (run, row) => {
          for (const [leading, lasts] of list) {
            run(leading);
            for (const last of lasts) row(last);
          }
        };
        const rows = list.flatMap(([leading, lasts]) => lasts.map((last) => [...leading, last]));
        const opts = maxWidth === undefined ? {} : { maxWidth };
        expect([...textTableLines(columns, runs, opts)]).toEqual([...textTableLines(columns, rows, opts)]);
      }),
    );
  });

  it('a run’s style colours its leading cells’ text, not their padding, nor the last cell', () => {
    const style: CellStyle = (column, text) => `<${column}>${text}</>`;
    const runs: TableRuns = (run, row) => {
      run(['1.1', '12'], style);
      row('Phòng Tư pháp');
      row('UBND xã An Lạc');
    };
    const lines = [...textTableLines([{ header: 'Mã' }, { header: 'Trễ', align: 'right' }, { header: 'Đơn vị' }], runs, { headStyle: (t) => `*${t}*` })];
    expect(lines.slice(1, -1)).toEqual([
      '│ *Mã*  │ *Trễ* │ *Đơn vị*         │',
      '├─────┼─────┼────────────────┤',
      '│ <0>1.1</> │  <1>12</> │ Phòng Tư pháp  │',
      '│ <0>1.1</> │  <1>12</> │ UBND xã An Lạc │',
    ]);
  });
});

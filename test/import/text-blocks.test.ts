// Text and Markdown into the same block model as the DOCX reader: pipe and
// grid tables (cells over several lines), headings with their level; and a
// DOCX table read directly equals the same table after pandoc turns the DOCX
// into Markdown.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textToBlocks } from '../../src/import/blocks.js';
import { readDocx } from '../../src/import/docx-reader.js';
import { needs } from '../tools.js';
import { docx, para } from './docx-build.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'plan-text-blocks-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('text to blocks', () => {
  it('a line broken before a name joins the line above that stops on a preposition; a heading, a list item or a Roman part does not', () => {
    const paras = (text: string) => textToBlocks(text).map((b) => (b.kind === 'para' ? b.text : ''));
    expect(paras('- Tổ chức chiến dịch truyền thông tại\nỦy ban nhân dân xã và các thôn trong Quý II/2026.')).toEqual([
      '- Tổ chức chiến dịch truyền thông tại Ủy ban nhân dân xã và các thôn trong Quý II/2026.',
    ]);
    expect(paras('- Phối hợp với\nCông an xã tuyên truyền.')).toEqual(['- Phối hợp với Công an xã tuyên truyền.']);
    expect(paras('1. Trạm Y tế xã:\nChủ trì tham mưu.')).toEqual(['1. Trạm Y tế xã:', 'Chủ trì tham mưu.']);
    expect(paras('1. Công tác tuyên truyền\nGiao Phòng Văn hóa chủ trì.')).toEqual(['1. Công tác tuyên truyền', 'Giao Phòng Văn hóa chủ trì.']);
    expect(paras('Bảo đảm sự phối hợp giữa các cơ quan và\nII. NỘI DUNG')).toEqual(['Bảo đảm sự phối hợp giữa các cơ quan và', 'II. NỘI DUNG']);
  });
  it('a grid table: lines between two rules are one row, wrapped text joined, an empty line inside a cell starts a new paragraph', () => {
    const text = [
      '+-----+----------------------+-----------------+',
      '| STT | Nội dung             | Chủ trì         |',
      '+=====+======================+=================+',
      '| 1   | Tuyên truyền pháp    | Phòng Tư pháp   |',
      '|     | luật về đất đai      |                 |',
      '|     |                      |                 |',
      '|     | - Tại xã An Lạc      |                 |',
      '+-----+----------------------+-----------------+',
      '| 2   | Tập huấn             | Công an huyện   |',
      '+-----+----------------------+-----------------+',
      'Sau bảng',
    ].join('\n');
    expect(textToBlocks(text)).toEqual([
      {
        kind: 'table',
        line: 2,
        rows: [
          ['STT', 'Nội dung', 'Chủ trì'],
          ['1', 'Tuyên truyền pháp luật về đất đai\n- Tại xã An Lạc', 'Phòng Tư pháp'],
          ['2', 'Tập huấn', 'Công an huyện'],
        ],
      },
      { kind: 'para', text: 'Sau bảng', line: 11 },
    ]);
  });

  it('a pipe table stays one row per line; <br> breaks a cell; Markdown headings keep their level', () => {
    expect(textToBlocks('## II. NHIỆM VỤ\n| STT | Nội dung |\n|---|---|\n| 1 | Hội nghị<br>- Tại xã |\n| 2 | Tập huấn |')).toEqual([
      { kind: 'para', text: 'II. NHIỆM VỤ', line: 1, heading: 2 },
      {
        kind: 'table',
        line: 2,
        rows: [
          ['STT', 'Nội dung'],
          ['1', 'Hội nghị\n- Tại xã'],
          ['2', 'Tập huấn'],
        ],
      },
    ]);
  });

  it('rows typed without the outer bars are a table when two or more follow one another; one such line in prose stays a paragraph', () => {
    expect(textToBlocks('TT | Nội dung | Chủ trì\nI | Tuyên truyền | |\n1 | Hội nghị | Sở Tư pháp\nXem mục A | B | C.')).toEqual([
      {
        kind: 'table',
        line: 1,
        rows: [
          ['TT', 'Nội dung', 'Chủ trì'],
          ['I', 'Tuyên truyền', ''],
          ['1', 'Hội nghị', 'Sở Tư pháp'],
          ['Xem mục A', 'B', 'C.'],
        ],
      },
    ]);
    expect(textToBlocks('Đọc kỹ: A | B | C trước khi ký.\nHết.')).toEqual([
      { kind: 'para', text: 'Đọc kỹ: A | B | C trước khi ký.', line: 1 },
      { kind: 'para', text: 'Hết.', line: 2 },
    ]);
  });
});

describe('the same table read from DOCX and from the Markdown pandoc makes of it', () => {
  const withPandoc = needs('pandoc');
  withPandoc('gives the same rows', async () => {
    const tc = (...ps: string[]) => `<w:tc>${ps.map((p) => para(p)).join('')}</w:tc>`;
    const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
    const table =
      '<w:tbl><w:tblGrid><w:gridCol w:w="800"/><w:gridCol w:w="4000"/><w:gridCol w:w="2500"/><w:gridCol w:w="2000"/></w:tblGrid>' +
      tr(tc('STT'), tc('Nội dung nhiệm vụ'), tc('Cơ quan chủ trì'), tc('Thời gian hoàn thành')) +
      tr(tc('1'), tc('Tổ chức hội nghị quán triệt, triển khai Luật Phổ biến, giáo dục pháp luật cho cán bộ, công chức các cơ quan', '- Tại xã An Lạc'), tc('Phòng Tư pháp'), tc('Quý II/2024')) +
      tr(tc('2'), tc('Tập huấn'), tc('Công an huyện', 'Ban Chỉ huy Quân sự huyện'), tc('trước ngày 15/12/2024')) +
      '</w:tbl>';
    const file = path.join(tmp, 'table.docx');
    writeFileSync(file, docx(table));
    const fromDocx = (await readDocx(docx(table))).blocks;
    const markdown = execFileSync('pandoc', ['-f', 'docx', '-t', 'markdown', file], { encoding: 'utf8' });
    const fromText = textToBlocks(markdown.normalize('NFC'));
    const rows = (bs: typeof fromDocx) => bs.flatMap((b) => (b.kind === 'table' ? [b.rows] : []));
    expect(rows(fromText)).toEqual(rows(fromDocx));
    expect(rows(fromDocx)).toHaveLength(1);
  });
});

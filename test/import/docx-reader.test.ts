// The DOCX reader on small hand-built packages: the labels Word's numbering
// displays (levels, restarts, overrides, formats, bullets, list styles),
// headings, tables with merged cells, and the text a run really shows.
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/import/blocks.js';
import { formatNumber } from '../../src/import/docx-numbering.js';
import { readDocx } from '../../src/import/docx-reader.js';
import { abstractNum, docx, num, para } from './docx-build.js';

const texts = (blocks: Block[]) => blocks.map((b) => (b.kind === 'para' ? b.text : `table:${JSON.stringify(b.rows)}`));

async function read(body: string, parts: { numbering?: string; styles?: string } = {}) {
  return (await readDocx(docx(body, parts))).blocks;
}

describe('automatic numbering', () => {
  const legal = abstractNum(1, [
    ['upperRoman', '%1.'],
    ['decimal', '%2.'],
    ['decimal', '%2.%3.'],
    ['lowerLetter', '%4)'],
    ['bullet', '\uf0b7'],
  ]);

  it('multi-level labels "1.1.", restart of lower levels when a higher one advances, letters and bullets', async () => {
    const blocks = await read(
      [
        para('MỤC ĐÍCH', { numId: 1, ilvl: 0 }),
        para('Mục đích', { numId: 1, ilvl: 1 }),
        para('Tổ chức hội nghị', { numId: 1, ilvl: 2 }),
        para('Biên soạn tài liệu', { numId: 1, ilvl: 2 }),
        para('Tại xã An Lạc', { numId: 1, ilvl: 3 }),
        para('Tại xã Vân Sơn', { numId: 1, ilvl: 3 }),
        para('Cơ quan chủ trì: Phòng Tư pháp', { numId: 1, ilvl: 4 }),
        para('Yêu cầu', { numId: 1, ilvl: 1 }),
        para('Bám sát nhiệm vụ', { numId: 1, ilvl: 2 }),
        para('NHIỆM VỤ', { numId: 1, ilvl: 0 }),
        para('Nhiệm vụ trọng tâm', { numId: 1, ilvl: 1 }),
      ].join(''),
      { numbering: legal + num(1, 1) },
    );
    expect(texts(blocks)).toEqual([
      'I. MỤC ĐÍCH',
      '1. Mục đích',
      '1.1. Tổ chức hội nghị',
      '1.2. Biên soạn tài liệu',
      'a) Tại xã An Lạc',
      'b) Tại xã Vân Sơn',
      '- Cơ quan chủ trì: Phòng Tư pháp',
      '2. Yêu cầu',
      '2.1. Bám sát nhiệm vụ',
      'II. NHIỆM VỤ',
      '1. Nhiệm vụ trọng tâm',
    ]);
    expect(blocks.map((b) => (b.kind === 'para' ? b.label : undefined))).toEqual(['I.', '1.', '1.1.', '1.2.', 'a)', 'b)', '-', '2.', '2.1.', 'II.', '1.']);
    expect(blocks.map((b) => b.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('two nums of one list continue each other; a startOverride restarts the list the first time its num is used', async () => {
    const numbering = abstractNum(7, [['decimal', '%1.']]) + num(1, 7) + num(2, 7) + num(3, 7, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>');
    const blocks = await read([para('A', { numId: 1 }), para('B', { numId: 1 }), para('C', { numId: 2 }), para('D', { numId: 3 }), para('E', { numId: 3 })].join(''), { numbering });
    expect(texts(blocks)).toEqual(['1. A', '2. B', '3. C', '1. D', '2. E']);
  });

  it('w:start, a level replaced inside w:lvlOverride, and lvlRestart 0 (never restart)', async () => {
    const numbering =
      abstractNum(1, [
        ['decimal', 'Điều %1.', 5],
        ['lowerLetter', '%2)'],
      ]) +
      num(1, 1) +
      abstractNum(2, [
        ['decimal', '%1.'],
        ['decimal', '(%2)'],
      ]).replace('<w:lvl w:ilvl="1">', '<w:lvl w:ilvl="1"><w:lvlRestart w:val="0"/>') +
      num(2, 2) +
      num(3, 1, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl></w:lvlOverride>');
    const blocks = await read(
      [
        para('Phạm vi', { numId: 1 }),
        para('khoản', { numId: 1, ilvl: 1 }),
        para('Đối tượng', { numId: 1 }),
        para('khoản', { numId: 1, ilvl: 1 }),
        para('Một', { numId: 2 }),
        para('x', { numId: 2, ilvl: 1 }),
        para('Hai', { numId: 2 }),
        para('y', { numId: 2, ilvl: 1 }),
        para('Phụ lục', { numId: 3 }),
      ].join(''),
      { numbering },
    );
    expect(texts(blocks)).toEqual(['Điều 5. Phạm vi', 'a) khoản', 'Điều 6. Đối tượng', 'a) khoản', '1. Một', '(1) x', '2. Hai', '(2) y', 'A. Phụ lục']);
  });

  it("Word's letters read in the legal order: the fifth point is đ), the sixth e) (Word shows e), f)), restarting under each number", async () => {
    const numbering =
      abstractNum(3, [
        ['decimal', '%1.'],
        ['lowerLetter', '%2)'],
      ]) + num(1, 3);
    const points = ['một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy'].map((t) => para(t, { numId: 1, ilvl: 1 }));
    const blocks = await read([para('Phòng Kinh tế:', { numId: 1 }), ...points, para('Công an xã:', { numId: 1 }), para('một', { numId: 1, ilvl: 1 })].join(''), { numbering });
    expect(texts(blocks)).toEqual(['1. Phòng Kinh tế:', 'a) một', 'b) hai', 'c) ba', 'd) bốn', 'đ) năm', 'e) sáu', 'g) bảy', '2. Công an xã:', 'a) một']);
  });

  it('numbering from the paragraph style (w:pStyle → styles.xml w:numPr, through w:basedOn) and a list style link (w:numStyleLink)', async () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="Muc"><w:name w:val="Muc"/><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="MucCon"><w:name w:val="Muc con"/><w:basedOn w:val="Muc"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="numbering" w:styleId="DanhSach"><w:name w:val="Danh sach"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>';
    const numbering =
      abstractNum(10, [
        ['decimal', '%1.'],
        ['decimal', '%1.%2.'],
      ]) +
      abstractNum(11, [], '<w:numStyleLink w:val="DanhSach"/>') +
      abstractNum(12, [['lowerLetter', '%1)']], '<w:styleLink w:val="DanhSach"/>') +
      num(4, 10) +
      num(5, 12) +
      num(6, 11);
    const blocks = await read(
      [
        para('Mục một', { style: 'Muc' }),
        para('Việc', { style: 'MucCon' }),
        para('Việc', { style: 'MucCon' }),
        para('Mục hai', { style: 'Muc' }),
        para('thứ nhất', { numId: 6 }),
        para('thứ hai', { numId: 6 }),
        para('Không số', { style: 'Muc', numId: 0 }),
      ].join(''),
      {
        numbering,
        styles,
      },
    );
    expect(texts(blocks)).toEqual(['1. Mục một', '1.1. Việc', '1.2. Việc', '2. Mục hai', 'a) thứ nhất', 'b) thứ hai', 'Không số']);
  });

  it('a paragraph with a lower-case label (i., ii.) is not taken for the rest of the sentence before it', async () => {
    const numbering = abstractNum(3, [['lowerRoman', '%1.']]) + num(3, 3);
    const blocks = await read(para('Các nội dung sau') + para('rà soát văn bản', { numId: 3 }) + para('tập huấn', { numId: 3 }), { numbering });
    expect(texts(blocks)).toEqual(['Các nội dung sau', 'i. rà soát văn bản', 'ii. tập huấn']);
  });

  it('formats: letters run a…z then aa (no đ: Word does not write it), roman, zero-padded, unknown formats as digits', () => {
    expect([1, 4, 5, 26, 27, 28].map((n) => formatNumber(n, 'lowerLetter'))).toEqual(['a', 'd', 'e', 'z', 'aa', 'bb']);
    expect([1, 4, 9, 14, 40, 1999].map((n) => formatNumber(n, 'upperRoman'))).toEqual(['I', 'IV', 'IX', 'XIV', 'XL', 'MCMXCIX']);
    expect(formatNumber(3, 'lowerRoman')).toBe('iii');
    expect(formatNumber(3, 'upperLetter')).toBe('C');
    expect(formatNumber(7, 'decimalZero')).toBe('07');
    expect(formatNumber(7, 'vietnameseCounting')).toBe('7');
    expect(formatNumber(7, 'bullet')).toBe('');
  });
});

describe('headings, runs and text', () => {
  it('heading levels from heading styles (any style id, the built-in name) and from w:outlineLvl', async () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="u1"><w:name w:val="heading 1"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="TieuDe2"><w:name w:val="Tiêu đề 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>';
    const blocks = await read(
      `${para('I. NHIỆM VỤ', { style: 'u1' }) + para('1. Nhiệm vụ trọng tâm', { style: 'TieuDe2' })}<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>1.1. Việc</w:t></w:r></w:p>${para('Thân bài')}`,
      { styles },
    );
    expect(blocks.map((b) => (b.kind === 'para' ? b.heading : 'table'))).toEqual([1, 2, 3, undefined]);
  });

  it('keeps inserted text, drops deleted text, field codes and hidden runs; tabs, breaks, symbols, hyperlinks, fields, smart tags', async () => {
    const body =
      '<w:p><w:r><w:t>Cơ quan</w:t></w:r><w:ins w:id="1"><w:r><w:t xml:space="preserve"> chủ trì</w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText> phối hợp</w:delText></w:r></w:del><w:r><w:t>:</w:t><w:tab/><w:t>Phòng Tư pháp</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>Thời gian</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r><w:r><w:t xml:space="preserve">: </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DATE \\@ "dd/MM"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>15/12</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' +
      '<w:p><w:hyperlink r:id="rId9" xmlns:r="r"><w:r><w:t>Cổng thông tin</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> </w:t></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>3</w:t></w:r></w:fldSimple><w:smartTag w:element="place"><w:r><w:t xml:space="preserve"> Sơn Động</w:t></w:r></w:smartTag></w:p>' +
      '<w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:t xml:space="preserve"> Lưu: VT.</w:t><w:br/><w:t>KT. CHỦ TỊCH</w:t></w:r></w:p>';
    const blocks = await read(body);
    expect(texts(blocks)).toEqual(['Cơ quan chủ trì: Phòng Tư pháp', 'Thời gian: 15/12', 'Cổng thông tin 3 Sơn Động', '• Lưu: VT.', 'KT. CHỦ TỊCH']);
    // A line break splits the paragraph into two blocks at the same position.
    expect(blocks.map((b) => b.line)).toEqual([1, 2, 3, 4, 4]);
  });

  it('a text box is read once (its drawing, not the VML copy kept for old Word), as a paragraph of its own', async () => {
    const box = `<w:txbxContent>${para('UBND HUYỆN SƠN ĐỘNG')}</w:txbxContent>`;
    const body =
      '<w:p><w:r><mc:AlternateContent xmlns:mc="mc"><mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="wps">' +
      box +
      '</wps:txbx></w:drawing></mc:Choice>' +
      '<mc:Fallback><w:pict><v:textbox xmlns:v="v">' +
      box +
      '</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Số: 30/KH-UBND</w:t></w:r></w:p>';
    expect(texts(await read(body))).toEqual(['UBND HUYỆN SƠN ĐỘNG', 'Số: 30/KH-UBND']);
  });

  it('text in NFC whatever the document holds (Unikey "tổ hợp" writes NFD)', async () => {
    const blocks = await read(para('Phòng Tư pháp'.normalize('NFD')));
    expect(texts(blocks)).toEqual(['Phòng Tư pháp']);
  });
});

describe('tables', () => {
  const tc = (text: string, props = '') =>
    `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${text
      .split('\n')
      .map((t) => para(t))
      .join('')}</w:tc>`;
  const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;

  it('merged cells on the grid: a vertical merge repeats its text in every row it spans, a horizontal span leaves the spanned columns empty', async () => {
    const vStart = '<w:vMerge w:val="restart"/>';
    const vCont = '<w:vMerge/>';
    const table =
      '<w:tbl>' +
      tr(tc('STT', vStart), tc('Nội dung', vStart), tc('Cơ quan thực hiện', '<w:gridSpan w:val="2"/>'), tc('Thời gian', vStart)) +
      tr(tc('', vCont), tc('', vCont), tc('Chủ trì'), tc('Phối hợp'), tc('', vCont)) +
      tr(tc('1'), tc('Tuyên truyền'), tc('Phòng Tư pháp', vStart), tc('Công an huyện'), tc('Quý II')) +
      tr(tc('2'), tc('Tập huấn\nTại xã An Lạc'), tc('', vCont), tc(''), tc('Quý III')) +
      '</w:tbl>';
    const blocks = await read(para('Bảng nhiệm vụ') + table + para('Sau bảng'));
    expect(blocks[1]).toEqual({
      kind: 'table',
      line: 2,
      rows: [
        ['STT', 'Nội dung', 'Cơ quan thực hiện', '', 'Thời gian'],
        ['STT', 'Nội dung', 'Chủ trì', 'Phối hợp', 'Thời gian'],
        ['1', 'Tuyên truyền', 'Phòng Tư pháp', 'Công an huyện', 'Quý II'],
        ['2', 'Tập huấn\nTại xã An Lạc', 'Phòng Tư pháp', '', 'Quý III'],
      ],
    });
    // Every paragraph of the table counts: 8 headings and cells with text, then 4 + 1 + … in the data rows.
    expect(blocks[2]).toMatchObject({ kind: 'para', text: 'Sau bảng' });
  });

  it('a nested table becomes lines of its cell; numbered paragraphs in cells keep their labels; deleted rows are dropped', async () => {
    const numbering = abstractNum(1, [['decimal', '%1.']]) + num(1, 1);
    const inner = `<w:tbl>${tr(tc('a'), tc('b'))}${tr(tc('c'), tc('d'))}</w:tbl>`;
    const table =
      '<w:tbl>' +
      tr(tc('Nội dung'), tc('Chủ trì')) +
      tr(`<w:tc>${para('Khảo sát', { numId: 1 })}${inner}</w:tc>`, tc('Sở Tư pháp')) +
      '<w:tr><w:trPr><w:del w:id="3"/></w:trPr>' +
      tc('Bỏ') +
      tc('Bỏ') +
      '</w:tr>' +
      tr(`<w:tc>${para('Báo cáo', { numId: 1 })}</w:tc>`, tc('Sở Nội vụ')) +
      '</w:tbl>';
    const blocks = await read(table, { numbering });
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({
      kind: 'table',
      rows: [
        ['Nội dung', 'Chủ trì'],
        ['1. Khảo sát\na | b\nc | d', 'Sở Tư pháp'],
        ['2. Báo cáo', 'Sở Nội vụ'],
      ],
    });
  });
});

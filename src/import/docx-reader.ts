// A DOCX as the blocks a reader of the printed page sees: each paragraph with
// the label Word displays in front of it (automatic numbering "1.1.", "a)",
// bullets as "-"), headings marked, tables with merged cells laid on their
// grid, tracked deletions dropped, hidden text left out. document.xml is read
// as a stream of SAX events (saxes), so a document is refused at the
// paragraph cap before its blocks are built. Pure apart from being async
// (the zip layer is): bytes in, blocks out.
import type { Block, Paragraph } from './blocks.js';
import { joinBrokenLines, stripEmphasis, tidy } from './blocks.js';
import { DocxError } from './docx-error.js';
import { Numbering } from './docx-numbering.js';
import { headingOfOutline, StyleSheet } from './docx-styles.js';
import { intOf, isOn, localAttrs, localName, partParser } from './docx-xml.js';
import { type DocxParts, readDocxParts } from './docx-zip.js';

export const DOCUMENT_LIMITS = {
  paragraphs: 100_000,
  tableCells: 200_000,
  elements: 3_000_000,
  /** Characters of text: the imported plan must stay under the check's 10 MB. */
  textChars: 3_000_000,
};

export interface DocxDocument {
  blocks: Block[];
  /** Paragraphs whose label came from Word's automatic numbering or bullets. */
  autoNumbered: number;
}

interface ParaState {
  parts: string[];
  pStyle?: string;
  numId?: string;
  ilvl?: number;
  outline?: number;
}

interface CellState {
  paras: string[];
  span: number;
  vMerge?: 'restart' | 'continue';
}

interface RowState {
  cells: CellState[];
  before: number;
  deleted: boolean;
}

interface TableState {
  rows: RowState[];
  line?: number;
}

/** Subtrees whose text is not on the page: tracked deletions, field codes, old formatting, the VML copy of a drawing. */
const SKIPPED = new Set([
  'del',
  'moveFrom',
  'instrText',
  'delText',
  'delInstrText',
  'Fallback',
  'sectPr',
  'pPrChange',
  'rPrChange',
  'tblPrChange',
  'tcPrChange',
  'trPrChange',
  'tblGridChange',
  'sectPrChange',
  'numberingChange',
  'footnoteReference',
  'endnoteReference',
  'commentReference',
  'annotationRef',
]);

/** Symbol-font characters (w:sym) Word uses for list glyphs and checkboxes. */
function symbolText(code: string | undefined): string {
  const n = code === undefined ? NaN : parseInt(code, 16);
  if (!Number.isFinite(n)) return '';
  const low = n >= 0xf000 && n <= 0xf0ff ? n - 0xf000 : n;
  if (low === 0xb7 || low === 0xa7 || low === 0x9f || low === 0x6c || low === 0x6e) return '•';
  if (low === 0x2d || low === 0x2013) return '-';
  return low >= 0x20 && n < 0xf000 ? String.fromCodePoint(n) : low >= 0x20 && low < 0x7f ? String.fromCharCode(low) : '';
}

/** Blocks of the main document part, given the styles and numbering parts. */
export function documentToBlocks(parts: DocxParts): DocxDocument {
  const styles = new StyleSheet(parts.styles);
  const numbering = new Numbering(parts.numbering, styles);
  const blocks: Block[] = [];
  const stack: string[] = [];
  const paras: ParaState[] = [];
  const tables: TableState[] = [];
  let skipDepth = 0;
  let runHidden = false;
  let paraNo = 0;
  let pCount = 0;
  let cellCount = 0;
  let elements = 0;
  let textChars = 0;
  let autoNumbered = 0;
  let embedded = 0;

  const currentCell = (): CellState | undefined => {
    const row = tables[tables.length - 1]?.rows.at(-1);
    return row?.cells.at(-1);
  };
  // Text repeated by merged cells counts as often as it is repeated: a small file must not make a huge plan.
  const spend = (chars: number) => {
    textChars += chars;
    if (textChars > DOCUMENT_LIMITS.textChars) throw DocxError.tooMany('ký tự văn bản', 'characters of text', DOCUMENT_LIMITS.textChars);
  };
  const append = (s: string) => {
    const p = paras[paras.length - 1];
    if (!p) return;
    spend(s.length);
    p.parts.push(s);
  };

  const closeParagraph = (p: ParaState) => {
    const style = styles.resolve(p.pStyle);
    const numId = p.numId ?? style.numbering.numId;
    let label: string | undefined;
    if (numId !== undefined && numId !== '0') {
      const ilvl = p.ilvl ?? (p.numId === undefined ? style.numbering.ilvl : undefined) ?? numbering.levelForStyle(numId, p.pStyle ?? styles.defaultParagraph) ?? 0;
      label = numbering.next(numId, ilvl);
    }
    const lines = p.parts
      .join('')
      .normalize('NFC')
      .split('\n')
      // Markdown emphasis typed as text (documents converted from Markdown) is dropped as in the text reader.
      .map((l) => tidy(stripEmphasis(l)))
      .filter((l) => l !== '');
    if (lines.length === 0) return;
    const number = ++paraNo;
    for (const t of tables) t.line ??= number;
    if (label !== undefined) {
      autoNumbered++;
      lines[0] = `${label} ${lines[0]}`;
    }
    const cell = currentCell();
    if (cell && tables.length > 0) {
      cell.paras.push(lines.join('\n'));
      return;
    }
    const heading = headingOfOutline(p.outline) ?? style.heading;
    lines.forEach((text, i) => {
      const block: Paragraph = { kind: 'para', text, line: number };
      if (heading !== undefined) block.heading = heading;
      if (i === 0 && label !== undefined) block.label = label;
      blocks.push(block);
    });
  };

  const closeTable = (t: TableState) => {
    const grid: string[][] = [];
    for (const row of t.rows) {
      if (row.deleted) continue;
      const cells: string[] = Array.from({ length: row.before }, () => '');
      for (const cell of row.cells) {
        const col = cells.length;
        // A vertically merged cell shows the text of the cell where the merge starts, in every row it spans.
        let text = cell.paras.join('\n');
        if (cell.vMerge === 'continue') {
          text = grid.at(-1)?.[col] ?? '';
          spend(text.length);
        }
        cells.push(text);
        for (let s = 1; s < cell.span; s++) cells.push('');
      }
      if (cells.some((c) => c !== '')) grid.push(cells);
    }
    if (grid.length === 0) return;
    const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
    for (const r of grid) while (r.length < width) r.push('');
    const outer = currentCell();
    if (outer && tables.length > 0) {
      // A table inside a cell: its rows become lines of that cell.
      for (const r of grid) outer.paras.push(r.filter((c) => c !== '').join(' | '));
      return;
    }
    blocks.push({ kind: 'table', rows: grid, line: t.line ?? paraNo + 1 });
  };

  const parser = partParser(parts.documentName);
  parser.on('opentag', (tag) => {
    if (++elements > DOCUMENT_LIMITS.elements) throw DocxError.tooMany('phần tử XML', 'XML elements', DOCUMENT_LIMITS.elements);
    const name = localName(tag.name);
    const parent = stack[stack.length - 1];
    stack.push(name);
    if (skipDepth > 0 || SKIPPED.has(name)) {
      // A deleted table row is marked inside its row properties.
      if (name === 'del' && parent === 'trPr' && skipDepth === 0) {
        const row = tables[tables.length - 1]?.rows.at(-1);
        if (row) row.deleted = true;
      }
      skipDepth++;
      return;
    }
    const attrs = localAttrs(tag.attributes as Record<string, string>);
    const p = paras[paras.length - 1];
    switch (name) {
      case 'p':
        if (++pCount > DOCUMENT_LIMITS.paragraphs) throw DocxError.tooMany('đoạn văn', 'paragraphs', DOCUMENT_LIMITS.paragraphs);
        paras.push({ parts: [] });
        break;
      case 'pStyle':
        if (parent === 'pPr' && stack[stack.length - 3] === 'p' && p && attrs.val !== undefined) p.pStyle = attrs.val;
        break;
      case 'numId':
        if (parent === 'numPr' && stack[stack.length - 3] === 'pPr' && p && attrs.val !== undefined) p.numId = attrs.val;
        break;
      case 'ilvl':
        if (parent === 'numPr' && stack[stack.length - 3] === 'pPr' && p) {
          const level = intOf(attrs.val);
          if (level !== undefined) p.ilvl = level;
        }
        break;
      case 'outlineLvl':
        if (parent === 'pPr' && p) {
          const level = intOf(attrs.val);
          if (level !== undefined) p.outline = level;
        }
        break;
      case 'r':
        runHidden = false;
        break;
      case 'vanish':
        if (parent === 'rPr' && stack[stack.length - 3] === 'r') runHidden = isOn(attrs.val);
        break;
      case 'tab':
      case 'ptab':
        if (parent === 'r' && !runHidden) append('\t');
        break;
      case 'br':
      case 'cr':
        if (parent === 'r' && !runHidden) append('\n');
        break;
      case 'noBreakHyphen':
        if (parent === 'r' && !runHidden) append('-');
        break;
      case 'sym':
        if (parent === 'r' && !runHidden) append(symbolText(attrs.char));
        break;
      case 'tbl':
        tables.push({ rows: [] });
        break;
      case 'altChunk':
        embedded++;
        break;
      case 'tr':
        tables[tables.length - 1]?.rows.push({ cells: [], before: 0, deleted: false });
        break;
      case 'gridBefore': {
        const row = tables[tables.length - 1]?.rows.at(-1);
        const n = intOf(attrs.val);
        if (parent === 'trPr' && row && n !== undefined && n > 0 && n < 64) row.before = n;
        break;
      }
      case 'tc':
        if (++cellCount > DOCUMENT_LIMITS.tableCells) throw DocxError.tooMany('ô bảng', 'table cells', DOCUMENT_LIMITS.tableCells);
        tables[tables.length - 1]?.rows.at(-1)?.cells.push({ paras: [], span: 1 });
        break;
      case 'gridSpan': {
        const cell = currentCell();
        const n = intOf(attrs.val);
        if (parent === 'tcPr' && cell && n !== undefined && n > 1 && n < 64) cell.span = n;
        break;
      }
      case 'vMerge': {
        const cell = currentCell();
        if (parent === 'tcPr' && cell) cell.vMerge = attrs.val === 'restart' ? 'restart' : 'continue';
        break;
      }
      default:
        break;
    }
  });
  parser.on('text', (text) => {
    if (skipDepth > 0 || runHidden) return;
    if (stack[stack.length - 1] === 't') append(text);
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    stack.pop();
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    if (name === 'p') {
      const p = paras.pop();
      if (p) closeParagraph(p);
    } else if (name === 'tbl') {
      const t = tables.pop();
      if (t) closeTable(t);
    } else if (name === 'r') runHidden = false;
  });
  // In slices, so a refusal at a cap comes after the slice that reached it, not after the whole part.
  const SLICE = 1 << 16;
  for (let i = 0; i < parts.document.length; i += SLICE) parser.write(parts.document.slice(i, i + SLICE));
  parser.close();
  if (blocks.length === 0 && embedded > 0) {
    // Files exported by some document systems keep the whole text in an embedded HTML or RTF part that Word converts on opening.
    throw DocxError.notWord(
      'nội dung nằm trong phần nhúng (altChunk) mà chỉ Word chuyển đổi khi mở; mở tệp bằng Word, lưu lại thành .docx rồi nhập lại',
      'the text sits in an embedded part (altChunk) that only Word converts when opening; open it in Word, save it as .docx and import again',
    );
  }
  return { blocks: joinBrokenLines(blocks), autoNumbered };
}

/** A DOCX file's bytes → blocks; every failure is a DocxError with a translated message. */
export async function readDocx(bytes: Uint8Array): Promise<DocxDocument> {
  const parts = await readDocxParts(bytes);
  return documentToBlocks(parts);
}

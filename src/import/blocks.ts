// A plan document as a flat list of blocks (paragraphs and tables), each with
// the place it came from, whatever the input format. Text files become one
// paragraph per non-empty line; DOCX files arrive here through docx-reader.ts
// with the labels Word displays (automatic numbering, bullets) already in the
// text. Pure: text in, blocks out.
import { labelledLine } from './words.js';

export interface Paragraph {
  kind: 'para';
  text: string;
  /** 1-based line (text) or paragraph number (DOCX) in the source. */
  line: number;
  /** Outline level 1–9 when the source marks the paragraph as a heading (DOCX heading styles, outline levels). */
  heading?: number;
  /**
   * The label Word generated for the paragraph (automatic numbering "1.1.",
   * "a)", a bullet as "-"), already at the front of `text`; absent when the
   * label was typed or the source is text.
   */
  label?: string;
}

export interface Table {
  kind: 'table';
  /** Cells as text; a cell's own paragraphs are joined by "\n". */
  rows: string[][];
  line: number;
}

export type Block = Paragraph | Table;

/** Markdown emphasis left by conversions ("**ngày 05/02/2024**", "(*trước ngày 20/5*)"). */
export function stripEmphasis(s: string): string {
  return s
    .replace(/\*\*/g, '')
    .replace(/__(?=\S)|(?<=\S)__/g, '')
    .replace(/(^|[\s(“"])\*(?=\S)/g, '$1')
    .replace(/(?<=\S)\*(?=$|[\s),.;:”"])/g, '');
}

/** Markdown's backslash escapes ("\\- Tại xã", "1\\. Mục đích" as pandoc writes them) back to the character. */
function unescapeMarkdown(s: string): string {
  return s.replace(/\\([-\\`*_{}[\]()#+.!|~<>"'])/g, '$1');
}

/** Whitespace tidied: non-breaking and repeated spaces, tabs inside a line. */
export function tidy(s: string): string {
  return s
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
/** Three or more cells between bars, the outer bars left out: "1 | Tổ chức hội nghị | Sở Tư pháp". */
const BARE_ROW = /^[^|]*[^\s|\\][^|]*(?<!\\)\|(?:[^|]*(?<!\\)\|)+[^|]*$/;
const GRID_RULE = /^\s*\+[-=+:]+\+\s*$/;

/**
 * Text (already decoded to NFC) to blocks. Markdown pipe tables and
 * tab-separated rows (Word's "Save as plain text" writes table rows that way)
 * become tables; every other non-empty line is a paragraph.
 */
export function textToBlocks(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let table: Table | undefined;
  // In a grid table ("+----+----+" rules), the text lines between two rules are one row;
  // a cell's text wraps over them, and an empty line inside the cell separates its paragraphs.
  let grid: { row: string[]; breaks: boolean[] } | 'rule' | undefined;
  const endTable = () => {
    if (table && table.rows.length > 0) blocks.push(table);
    table = undefined;
    grid = undefined;
  };
  // A table typed without the outer bars ("TT | Nội dung nhiệm vụ | Cơ quan chủ trì"): a line of three or more
  // cells counts as a row only beside another such line, so one "A | B | C" inside prose stays a paragraph.
  const bare = lines.map((raw) => BARE_ROW.test(raw) && !PIPE_ROW.test(raw));
  const bareRow = (i: number) => bare[i] === true && (bare[i - 1] === true || bare[i + 1] === true || PIPE_RULE.test(lines[i + 1] ?? '') || PIPE_RULE.test(lines[i - 1] ?? ''));
  const pairRows = layoutPairRows(lines);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (PIPE_RULE.test(raw) && raw.includes('-') && (table || raw.includes('|'))) return;
    if (GRID_RULE.test(raw)) {
      grid = 'rule';
      return;
    }
    const piped = PIPE_ROW.test(raw) || bareRow(i);
    if (piped || (raw.split('\t').length >= 3 && raw.trim() !== '') || pairRows.has(i)) {
      const cells = piped
        ? raw
            .trim()
            .replace(/^\|/, '')
            .replace(/\|$/, '')
            .split(/(?<!\\)\|/)
            .map((c) => tidy(unescapeMarkdown(stripEmphasis(c.replace(/<br\s*\/?>/gi, '\n')))))
        : raw.split('\t').map((c) => tidy(stripEmphasis(c)));
      table ??= { kind: 'table', rows: [], line };
      if (typeof grid === 'object' && grid.row.length === cells.length) {
        const { row, breaks } = grid;
        cells.forEach((c, j) => {
          if (c === '') breaks[j] = row[j] !== '';
          else if (row[j] === '') row[j] = c;
          else row[j] = `${row[j]}${breaks[j] || /^([-–+•*]|[a-zđ]\)|\d+\.)\s/u.test(c) ? '\n' : ' '}${c}`;
          if (c !== '') breaks[j] = false;
        });
        return;
      }
      table.rows.push(cells);
      if (grid !== undefined) grid = { row: cells, breaks: cells.map(() => false) };
      return;
    }
    endTable();
    // A Markdown heading ("## II. NHIỆM VỤ") keeps its level, as a DOCX heading style does; block quotes carry no meaning here.
    const heading = /^\s*(#{1,6})\s+/.exec(raw)?.[1]?.length;
    const cleaned = tidy(unescapeMarkdown(stripEmphasis(raw.replace(/^\s*#{1,6}\s+/, '').replace(/^\s*>\s?/, ''))));
    if (cleaned === '') return;
    blocks.push(heading === undefined ? { kind: 'para', text: cleaned, line } : { kind: 'para', text: cleaned, line, heading });
  });
  endTable();
  return joinBrokenLines(dropPageFurniture(blocks));
}

/** A page number on a line of its own, as text copied from a PDF keeps it: "2", "- 2 -", "Trang 2", "2/5". */
const PAGE_NUMBER = /^(?:trang\s+)?[-–—]?\s*\d{1,3}\s*[-–—]?(?:\s*\/\s*\d{1,3})?$/iu;

/**
 * Text copied from a PDF keeps each page's number and running header or footer between the lines of the text, often in
 * the middle of a sentence ("… kiểm tra việc thực" / "Kế hoạch số 112/KH-UBND …" / "4" / "hiện Kế hoạch; …"). They are
 * no part of the plan: dropped, so that the sentence joins again. A running line is one beside a page number that stands
 * beside page numbers again elsewhere, or one in capitals that stands inside a sentence broken by the page.
 */
function dropPageFurniture(blocks: Block[]): Block[] {
  const text = (b: Block | undefined) => (b?.kind === 'para' ? b.text : undefined);
  const isPageNumber = (b: Block | undefined) => b?.kind === 'para' && PAGE_NUMBER.test(b.text);
  const besidePage = new Map<string, number>();
  blocks.forEach((b, i) => {
    if (b.kind === 'para' && !isPageNumber(b) && (isPageNumber(blocks[i - 1]) || isPageNumber(blocks[i + 1]))) besidePage.set(b.text, (besidePage.get(b.text) ?? 0) + 1);
  });
  const drop = new Set<number>();
  blocks.forEach((b, j) => {
    if (!isPageNumber(b)) return;
    drop.add(j);
    for (const [at, before, after] of [
      [j - 1, j - 2, j + 1],
      [j + 1, j - 1, j + 2],
    ] as const) {
      const line = text(blocks[at]);
      if (line === undefined || isPageNumber(blocks[at])) continue;
      const open = text(blocks[before]);
      const next = text(blocks[after]);
      const insideSentence = open !== undefined && next !== undefined && !TERMINAL.test(open) && !OPEN_END.test(open) && /^\p{Lu}/u.test(line) && /^\p{Ll}/u.test(next);
      if ((besidePage.get(line) ?? 0) > 1 || insideSentence) drop.add(at);
    }
  });
  return blocks.filter((_, i) => !drop.has(i));
}

/** A cell of the header or signature table: the motto, "Nơi nhận:", an authority ("KT. CHỦ TỊCH"), the number. */
export const LAYOUT_CELL = /^(?:nơi nhận|cộng hòa xã hội|cộng hoà xã hội|độc lập\s*[-–]|(?:KT|TM|TL|TUQ)\.\s|số\s*:)/iu;

/**
 * The lines of the two-column header and signature tables as Word saves them as text, a tab between the cells
 * ("ỦY BAN NHÂN DÂN<tab>CỘNG HÒA XÃ HỘI …", "Nơi nhận:<tab>KT. CHỦ TỊCH", "- Lưu: VT.<tab>Nguyễn Văn A"): runs of lines
 * of two cells (blank lines between them too), one of them such a cell. They were read as one line each, the issuer
 * joined to the motto and the signer to the recipients.
 */
function layoutPairRows(lines: string[]): Set<number> {
  const rows = new Set<number>();
  const pair = (line: string) => {
    const cells = line.split('\t');
    return cells.length === 2 && cells[0]!.trim() !== '';
  };
  for (let i = 0; i < lines.length; ) {
    if (!pair(lines[i]!)) {
      i++;
      continue;
    }
    const run: number[] = [];
    let j = i;
    for (; j < lines.length && (pair(lines[j]!) || lines[j]!.trim() === ''); j++) if (lines[j]!.trim() !== '') run.push(j);
    if (run.some((k) => lines[k]!.split('\t').some((c) => LAYOUT_CELL.test(c.trim())))) for (const k of run) rows.add(k);
    i = j;
  }
  return rows;
}

const TERMINAL = /[.:;!?…)\]”"]$/;
const LIST_START = /^([a-zđ][)/]|[-–—•+*]\s)/u;
/**
 * A line that stops on a word that needs what follows ("… kế hoạch hóa gia đình tại" / "Ủy ban nhân dân xã …"), on a dash
 * inside a name ("Phòng Văn hóa –" / "Xã hội"), or on a comma inside a list ("Sở Tư pháp, Sở Y tế," / "Công an tỉnh.").
 */
const OPEN_END = /(?:^|\s)(?:tại|cho|của|và|với|về|các|những|trên|đến|từ|theo|để|trong|ở|do|hoặc|thuộc|giữa|qua|vào|gồm|nhằm|[-–])$|,$/u;
/** The last ground of a plan may end in a comma before the sentence that issues it ("Căn cứ …," / "Ủy ban nhân dân xã …"). */
const GROUND = /^căn cứ\s/iu;
/** A Roman part ("II. NHIỆM VỤ") starts something of its own. */
const ROMAN_START = /^[IVXLC]{1,5}\.\s/u;

/** Whether a line stops on a word that needs what follows, a dash or a comma (OPEN_END): the next line reads on from it. */
export function endsOpen(line: string): boolean {
  return OPEN_END.test(line);
}

/**
 * Whether a line goes on with the one before it: it starts in lower case after a line that ends no sentence or list
 * item, or with a name after a line that stops on a preposition, a dash or a comma ("… tại" / "Ủy ban nhân dân xã …").
 * A labelled line ("Đơn vị phối hợp: …", "Thời gian: …") is a field of its own, even after a stray comma.
 */
export function continuesLine(before: string, text: string): boolean {
  if (LIST_START.test(text) || TERMINAL.test(before) || labelledLine(text) !== undefined) return false;
  return /^\p{Ll}/u.test(text) || (/^\p{Lu}/u.test(text) && !ROMAN_START.test(text) && OPEN_END.test(before) && !(before.endsWith(',') && GROUND.test(before)));
}

/**
 * Re-join a sentence broken across lines ("… báo cáo" / "kết quả; …"): a
 * paragraph that starts with a lower-case letter continues the previous one
 * when that one did not end a sentence or a list item; so does one that starts
 * with a capital after a line that stops on a preposition or conjunction.
 */
export function joinBrokenLines(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    // A paragraph Word numbered ("i. …", "a) …") or marked as a heading starts something of its own.
    const own = b.kind === 'para' && (b.label !== undefined || b.heading !== undefined);
    if (b.kind === 'para' && !own && prev?.kind === 'para' && continuesLine(prev.text, b.text)) {
      out[out.length - 1] = { ...prev, text: `${prev.text} ${b.text}` };
      continue;
    }
    out.push(b);
  }
  return out;
}

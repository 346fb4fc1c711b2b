// A plan document as a flat list of blocks (paragraphs and tables), each with
// the place it came from, whatever the input format. Text files become one
// paragraph per non-empty line; DOCX files arrive here through docx-reader.ts
// with the labels Word displays (automatic numbering, bullets) already in the
// text. Pure: text in, blocks out.

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
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (PIPE_RULE.test(raw) && raw.includes('-') && (table || raw.includes('|'))) return;
    if (GRID_RULE.test(raw)) {
      grid = 'rule';
      return;
    }
    const piped = PIPE_ROW.test(raw) || bareRow(i);
    if (piped || (raw.split('\t').length >= 3 && raw.trim() !== '')) {
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
  return joinBrokenLines(blocks);
}

const TERMINAL = /[.:;!?…)\]”"]$/;
const LIST_START = /^([a-zđ][)/]|[-–—•+*]\s)/u;
/** A line that stops on a word that needs what follows ("… kế hoạch hóa gia đình tại" / "Ủy ban nhân dân xã …"). */
const OPEN_END = /(?:^|\s)(?:tại|cho|của|và|với|về|các|những|trên|đến|từ|theo|để|trong|ở|do|hoặc|thuộc|giữa|qua|vào|gồm|nhằm)$/u;
/** A Roman part ("II. NHIỆM VỤ") starts something of its own. */
const ROMAN_START = /^[IVXLC]{1,5}\.\s/u;

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
    // … or, after a line that stops on such a word, one that starts with a name ("Ủy ban nhân dân xã và các thôn …").
    const continues = (text: string, before: string) => /^\p{Ll}/u.test(text) || (/^\p{Lu}/u.test(text) && !ROMAN_START.test(text) && OPEN_END.test(before));
    if (b.kind === 'para' && !own && prev?.kind === 'para' && continues(b.text, prev.text) && !LIST_START.test(b.text) && !TERMINAL.test(prev.text)) {
      out[out.length - 1] = { ...prev, text: `${prev.text} ${b.text}` };
      continue;
    }
    out.push(b);
  }
  return out;
}

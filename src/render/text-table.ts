// A boxed text table for the terminal, in time and memory linear in its rows:
// one pass to measure the columns, then each row is drawn on its own and
// yielded line by line, so a province's 160,000 rows can stream to stdout.
// Same look as cli-table3 (which measured and wrapped every cell again for
// every chunk), plus a rule under the header, and it fits a given width by
// wrapping the long columns first.
import stringWidth from 'string-width';

export interface TextColumn {
  header: string;
  align?: 'left' | 'right';
  /** Content width (without the one-space padding each side); default: the widest cell. */
  width?: number;
  /** Wrapped first, down to MIN_FLEXIBLE, when the table is wider than the terminal. */
  flexible?: boolean;
}

export interface TextTableOptions {
  /** Terminal columns; undefined (piped output) draws every column at its natural width. */
  maxWidth?: number;
  /** Colour for the header cells' text (padding stays plain). */
  headStyle?: (text: string) => string;
  /** Colour for a body cell's text, by row and column. */
  cellStyle?: (row: number, column: number, text: string) => string;
}

/**
 * The body: an array of rows, or a count and a function making row i's cells
 * (called once to measure and once to draw, so a long table never holds all
 * its cells at once).
 */
export type TableRows = readonly (readonly string[])[] | { count: number; cells: (row: number) => readonly string[] };

function rowSource(rows: TableRows): { count: number; cells: (row: number) => readonly string[] } {
  if (!Array.isArray(rows)) return rows as { count: number; cells: (row: number) => readonly string[] };
  const list = rows as readonly (readonly string[])[];
  return { count: list.length, cells: (r) => list[r]! };
}

const MIN_FLEXIBLE = 12;

// Vietnamese and other Latin text is one column per UTF-16 unit; only other
// scripts (wide CJK, emoji, combining marks) need string-width's slower rules.
const NARROW = /^[\x20-\x7e\xa0-\xac\xae-\u02ff\u1e00-\u1eff\u2013\u2014\u2018-\u201d\u2026\u2190-\u2193]*$/;

export function displayWidth(s: string): number {
  return NARROW.test(s) ? s.length : stringWidth(s);
}

const SIMPLE_WORDS = /^\S+(?: \S+)*$/;

/** Wrap at spaces as cli-table3 does; a word longer than the width is cut into pieces that fit. */
export function wrapCell(text: string, width: number): string[] {
  // Most cells are words between single spaces that fit: the loop below would give them back unchanged.
  return SIMPLE_WORDS.test(text) && displayWidth(text) <= width ? [text] : wrapWords(text, width);
}

/** wrapCell's general case (any spaces, line ends, words too long). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const split = paragraph.split(/(\s+)/g);
    let line: string[] = [];
    let lineWidth = 0;
    let space: string | undefined;
    for (let i = 0; i < split.length; i += 2) {
      const word = split[i]!;
      const w = displayWidth(word);
      const joined = lineWidth + w + (lineWidth > 0 && space ? space.length : 0);
      if (joined > width) {
        if (lineWidth !== 0) lines.push(line.join(''));
        line = [word];
        lineWidth = w;
      } else {
        line.push(space ?? '', word);
        lineWidth = joined;
      }
      space = split[i + 1];
    }
    if (lineWidth) lines.push(line.join(''));
  }
  return lines.flatMap((l) => (displayWidth(l) > width ? cutToWidth(l, width) : [l]));
}

function cutToWidth(text: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let w = 0;
  for (const ch of text) {
    const cw = displayWidth(ch);
    if (w + cw > Math.max(width, cw) && piece) {
      pieces.push(piece);
      piece = '';
      w = 0;
    }
    piece += ch;
    w += cw;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

function longestWord(text: string): number {
  let max = 0;
  for (const word of text.split(/\s+/)) max = Math.max(max, displayWidth(word));
  return max;
}

/**
 * Content widths: the natural ones, narrowed to fit maxWidth — flexible columns
 * first (to MIN_FLEXIBLE), then the others down to their longest word, then the
 * flexible ones to theirs, then every column down to 2 (words are cut).
 */
export function columnWidths(columns: readonly TextColumn[], rows: TableRows, maxWidth?: number): number[] {
  const { count, cells } = rowSource(rows);
  // Loops, not Math.max(...cells): a spread of 100,000 values overflows the stack.
  // Every column measured in one pass over the rows (each row's cells made once).
  // A cell equal to the one above measures the same: a long table repeats most cells row after row
  // (an overdue occurrence's leading cells on each of its units' rows).
  const widest = (measure: (s: string) => number, which: (i: number) => boolean) => {
    const m = columns.map((c, i) => (which(i) ? measure(c.header) : 0));
    const above: (string | undefined)[] = columns.map(() => undefined);
    for (let r = 0; r < count; r++) {
      const row = cells(r);
      for (let i = 0; i < m.length; i++) {
        const text = row[i]!;
        if (!which(i) || text === above[i]) continue;
        above[i] = text;
        m[i] = Math.max(m[i]!, measure(text));
      }
    }
    return m;
  };
  const natural = widest(displayWidth, (i) => columns[i]!.width === undefined);
  const widths = columns.map((c, i) => c.width ?? natural[i]!);
  if (maxWidth === undefined) return widths;
  // Each column takes its content, 2 spaces and a border; plus the closing border.
  let excess = widths.reduce((n, w) => n + w + 3, 1) - maxWidth;
  if (excess <= 0) return widths;
  const words = widest(longestWord, () => true);
  const wordFloor = (i: number) => Math.min(widths[i]!, Math.max(words[i]!, 1));
  const floors = [
    columns.map((c, i) => (c.flexible ? Math.min(widths[i]!, MIN_FLEXIBLE) : widths[i]!)),
    columns.map((c, i) => (c.flexible ? Math.min(widths[i]!, MIN_FLEXIBLE) : wordFloor(i))),
    columns.map((_, i) => wordFloor(i)),
    // two columns: room for any one character, wide ones too
    columns.map((_, i) => Math.min(widths[i]!, 2)),
  ];
  for (const floor of floors) {
    // Take one column at a time from the widest that may still give, so the
    // narrowing is spread evenly.
    while (excess > 0) {
      let widest = -1;
      for (let i = 0; i < widths.length; i++) if (widths[i]! > floor[i]! && (widest === -1 || widths[i]! > widths[widest]!)) widest = i;
      if (widest === -1) break;
      widths[widest]!--;
      excess--;
    }
  }
  return widths;
}

/** The table's lines, without line ends, drawn one row at a time. */
export function* textTableLines(columns: readonly TextColumn[], rows: TableRows, opts: TextTableOptions = {}): Generator<string> {
  const widths = columnWidths(columns, rows, opts.maxWidth);
  const { count, cells } = rowSource(rows);
  const rule = (left: string, mid: string, right: string) => `${left}${widths.map((w) => '─'.repeat(w + 2)).join(mid)}${right}`;
  // Each column's last cell, its lines and their gaps: a cell equal to the one above is not wrapped and measured again.
  const above = widths.map(() => ({ text: undefined as string | undefined, lines: [] as string[], gaps: [] as string[] }));
  const wrap = (text: string, i: number) => {
    const last = above[i]!;
    if (last.text !== text) {
      last.text = text;
      last.lines = wrapCell(text, widths[i]!);
      last.gaps = last.lines.map((l) => ' '.repeat(widths[i]! - displayWidth(l)));
    }
    return last;
  };
  const blank = widths.map((w) => ' '.repeat(w));
  const draw = function* (cells: readonly string[], style: (column: number, text: string) => string): Generator<string> {
    const wrapped = cells.map(wrap);
    let height = 1;
    for (const w of wrapped) height = Math.max(height, w.lines.length);
    for (let k = 0; k < height; k++) {
      let line = '│';
      for (let i = 0; i < widths.length; i++) {
        const text = wrapped[i]!.lines[k] ?? '';
        const gap = wrapped[i]!.gaps[k] ?? blank[i]!;
        const shown = text ? style(i, text) : text;
        line += columns[i]!.align === 'right' ? ` ${gap}${shown} │` : ` ${shown}${gap} │`;
      }
      yield line;
    }
  };
  yield rule('┌', '┬', '┐');
  yield* draw(
    columns.map((c) => c.header),
    (_, text) => (opts.headStyle ? opts.headStyle(text) : text),
  );
  yield rule('├', '┼', '┤');
  for (let r = 0; r < count; r++) yield* draw(cells(r), (i, text) => (opts.cellStyle ? opts.cellStyle(r, i, text) : text));
  yield rule('└', '┴', '┘');
}

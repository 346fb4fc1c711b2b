// A boxed text table for the terminal, in time and memory linear in its rows:
// one pass to measure the columns, then the rows drawn as bytes, so a
// province's 150,000 rows stream to stdout. As the Markdown does, each run of
// rows sharing their leading cells (an overdue occurrence, one row per unit)
// has those cells laid out and encoded once, each distinct last cell too, and
// a row is those bytes copied. Same look as cli-table3 (which measured and
// wrapped every cell again for every chunk), plus a rule under the header, and
// it fits a given width by wrapping the long columns first.
import { rememberBounded } from '../core/text.js';
import { stringWidth } from '../vendor/libraries.js';
import { type ByteWriter, utf8, writtenText } from './stream.js';

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
}

/** Colour for a cell's text, by its column (padding stays plain). */
export type CellStyle = (column: number, text: string) => string;

/**
 * The body as runs of rows that share every cell but the last, walked in
 * order: `run(leading, style)` starts a run (its cells but the last, coloured
 * by style), then `row(last)` gives each of its rows' last cell (a run has one at least). Walked twice,
 * to measure and to draw, so a long table never holds all its cells at once.
 */
export type TableRuns = (run: (leading: readonly string[], style?: CellStyle) => void, row: (last: string) => void) => void;

/** A body given as rows, each its own run (tests, short tables). */
export type TableRows = readonly (readonly string[])[];

function runsOf(body: TableRows | TableRuns): TableRuns {
  if (typeof body === 'function') return body;
  return (run, row) => {
    for (const cells of body as TableRows) {
      run(cells.slice(0, -1));
      row(cells.at(-1)!);
    }
  };
}

const MIN_FLEXIBLE = 12;

// Vietnamese and other Latin text is one column per UTF-16 unit; only other
// scripts (wide CJK, emoji, combining marks) need string-width's slower rules,
// and its costly set-up (loaded on first use).
const NARROW = /^[\x20-\x7e\xa0-\xac\xae-\u02ff\u1e00-\u1eff\u2013\u2014\u2018-\u201d\u2026\u2190-\u2193]*$/;

export function displayWidth(s: string): number {
  return NARROW.test(s) ? s.length : stringWidth()(s);
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
export function columnWidths(columns: readonly TextColumn[], body: TableRows | TableRuns, maxWidth?: number): number[] {
  const runs = runsOf(body);
  const last = columns.length - 1;
  // Loops, not Math.max(...cells): a spread of 100,000 values overflows the stack.
  // Every column measured in one walk of the runs. A cell equal to the one above measures the same:
  // a long table repeats most cells row after row (an overdue occurrence's leading cells on each of its units' rows).
  const widest = (measure: (s: string) => number, which: (i: number) => boolean) => {
    const m = columns.map((c, i) => (which(i) ? measure(c.header) : 0));
    const measured = columns.map((_, i) => which(i));
    const above: (string | undefined)[] = columns.map(() => undefined);
    const see = (i: number, text: string) => {
      if (text === above[i]) return;
      above[i] = text;
      m[i] = Math.max(m[i]!, measure(text));
    };
    runs(
      (leading) => {
        for (let i = 0; i < last; i++) if (measured[i]) see(i, leading[i]!);
      },
      measured[last] ? (text) => see(last, text) : () => {},
    );
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

/** The lines of one cell in its column: the wrapped text, and the spaces that pad each line to the column's width. */
interface CellLines {
  text: string;
  lines: string[];
  gaps: string[];
}

// Distinct cells remembered, laid out, per column (the last cells with their bytes: a province's few hundred
// unit names); bounded, as the last cells of a table grouped by item are mostly each their own.
const CELLS_KEPT = 1024;

/** The table written as UTF-8 into `out`, lines ending in `\n`. */
export function writeTextTable(columns: readonly TextColumn[], body: TableRows | TableRuns, out: ByteWriter, opts: TextTableOptions = {}): void {
  const runs = runsOf(body);
  const widths = columnWidths(columns, runs, opts.maxWidth);
  const last = widths.length - 1;
  const spaces: string[] = [];
  const blank = (n: number) => (spaces[n] ??= ' '.repeat(n));
  const layout = (text: string, i: number): CellLines => {
    const lines = wrapCell(text, widths[i]!);
    return { text, lines, gaps: lines.map((l) => blank(widths[i]! - displayWidth(l))) };
  };
  /** Line k of a cell in column i, with its padding and the border after it. */
  const segment = (i: number, cell: CellLines, k: number, style?: CellStyle) => {
    const text = cell.lines[k] ?? '';
    const gap = cell.gaps[k] ?? blank(widths[i]!);
    const shown = text && style ? style(i, text) : text;
    return columns[i]!.align === 'right' ? ` ${gap}${shown} │` : ` ${shown}${gap} │`;
  };
  const height = (cells: readonly CellLines[]) => {
    let h = 1;
    for (const c of cells) h = Math.max(h, c.lines.length);
    return h;
  };
  const rule = (left: string, mid: string, right: string) => `${left}${widths.map((w) => '─'.repeat(w + 2)).join(mid)}${right}\n`;

  out.text(rule('┌', '┬', '┐'));
  const head = columns.map((c, i) => layout(c.header, i));
  const headStyle = opts.headStyle;
  const headCellStyle: CellStyle | undefined = headStyle ? (_, text) => headStyle(text) : undefined;
  for (let k = 0; k < height(head); k++) out.text(`│${head.map((cell, i) => segment(i, cell, k, headCellStyle)).join('')}\n`);
  out.text(rule('├', '┼', '┤'));

  // A row's line is its leading part (the border and every cell but the last) and its last cell's part,
  // each encoded once: the leading lines once per run, the last cell's once per distinct text.
  const empty: CellLines = { text: '', lines: [], gaps: [] };
  const blankLeading = utf8(
    `│${widths
      .slice(0, last)
      .map((_, i) => segment(i, empty, 0))
      .join('')}`,
  );
  const blankLast = utf8(`${segment(last, empty, 0)}\n`);
  // A leading cell is wrapped and measured once per distinct text (bounded): an overdue list repeats its
  // dates, kinds, ids and titles from one occurrence to another.
  const laidOut = widths.map(() => new Map<string, CellLines>());
  const layoutOnce = (text: string, i: number) => {
    let cell = laidOut[i]!.get(text);
    if (cell === undefined) rememberBounded(laidOut[i]!, text, (cell = layout(text, i)), CELLS_KEPT);
    return cell;
  };
  const above: CellLines[] = widths.slice(0, last).map(() => empty);
  let leadingLines: Uint8Array[] = [];
  const lastCells = new Map<string, Uint8Array[]>();
  const lastLines = (text: string) => {
    let lines = lastCells.get(text);
    if (lines === undefined) {
      const cell = layout(text, last);
      lines = [];
      for (let k = 0; k < height([cell]); k++) lines.push(utf8(`${segment(last, cell, k)}\n`));
      rememberBounded(lastCells, text, lines, CELLS_KEPT);
    }
    return lines;
  };
  runs(
    (leading, style) => {
      for (let i = 0; i < last; i++) if (above[i]!.text !== leading[i]) above[i] = layoutOnce(leading[i]!, i);
      leadingLines = [];
      for (let k = 0; k < height(above); k++) leadingLines.push(utf8(`│${above.map((cell, i) => segment(i, cell, k, style)).join('')}`));
    },
    (text) => {
      const lines = lastLines(text);
      const h = Math.max(leadingLines.length, lines.length);
      for (let k = 0; k < h; k++) {
        out.bytes(leadingLines[k] ?? blankLeading);
        out.bytes(lines[k] ?? blankLast);
      }
    },
  );
  out.text(rule('└', '┴', '┘'));
}

/** The table's lines, without line ends (tests, short tables). */
export function* textTableLines(columns: readonly TextColumn[], rows: TableRows | TableRuns, opts: TextTableOptions = {}): Generator<string> {
  const text = writtenText((out) => writeTextTable(columns, rows, out, opts));
  yield* text.slice(0, -1).split('\n');
}

// Line starts of a text, for turning offsets into line and column. The same
// contract as `yaml`'s LineCounter (its Parser fills one through addNewLine), kept
// here so that locating a diagnostic does not load the yaml package.
import { detached } from './text.js';

/** One-based line and column of an offset; line 0 when no line start is known before it. */
export interface LinePosition {
  line: number;
  col: number;
}

export class LineCounter {
  readonly lineStarts: number[] = [];

  /** Records a line starting at `offset`; called in ascending order. */
  readonly addNewLine = (offset: number): number => this.lineStarts.push(offset);

  /** The line and column of `offset`, by binary search over the line starts. */
  readonly linePos = (offset: number): LinePosition => {
    let low = 0;
    let high = this.lineStarts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.lineStarts[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    if (this.lineStarts[low] === offset) return { line: low + 1, col: 1 };
    if (low === 0) return { line: 0, col: offset };
    return { line: low, col: offset - this.lineStarts[low - 1]! + 1 };
  };
}

/**
 * Some lines of a text by their one-based numbers, each as `text.split(/\r?\n/)[n - 1]`
 * gives it (a line's CR before its LF dropped), without splitting the whole text:
 * a diagnostic's code frame shows one line of a file of hundreds. A number past
 * the last line is left out. `counted`: a LineCounter of the text with a start
 * after each of its LF, if it has them already.
 */
export function linesOfText(text: string, numbers: Iterable<number>, counted?: LineCounter): Record<number, string> {
  const wanted = [...new Set(numbers)].filter((n) => Number.isInteger(n) && n >= 1).sort((a, b) => a - b);
  const found: Record<number, string> = {};
  // The line starts of every line break, when locating its diagnostics has found them already (countLines in load.ts).
  const starts = counted && counted.lineStarts.length > 0 ? counted.lineStarts : undefined;
  let line = 1;
  let start = 0;
  for (const n of wanted) {
    if (starts) start = n <= starts.length ? starts[n - 1]! : text.length + 1;
    else {
      for (; line < n && start <= text.length; line++) {
        const lf = text.indexOf('\n', start);
        start = lf === -1 ? text.length + 1 : lf + 1;
      }
    }
    if (start > text.length) break;
    const lf = text.indexOf('\n', start);
    const end = lf === -1 ? text.length : lf > start && text.charCodeAt(lf - 1) === 13 ? lf - 1 : lf;
    // Kept beside the file's diagnostics, long after its text is needed: a copy, not a view into the whole text.
    found[n] = detached(text.slice(start, end));
  }
  return found;
}

// Line starts of a text, for turning offsets into line and column. The same
// contract as `yaml`'s LineCounter (its Parser fills one through addNewLine), kept
// here so that locating a diagnostic does not load the yaml package.

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

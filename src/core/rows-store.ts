// The overdue view's rows of a whole workspace kept in one entry of bytes: a
// line of JSON (the texts of every plan in one table, and where each file's
// numbers are), then the numbers themselves as 32-bit integers, read in place
// (an Int32Array over the bytes read) instead of parsed: a province's 750,000
// numbers were 3.2 MB of JSON whose parse, and the garbage collections it
// brought, cost more than everything else a warm `plan overdue` reads.
// As the results store (cache.ts FileStore): for one workspace key; a store for
// another, or damaged, reads as empty; a file's rows are given only under the
// key they were made under, and only when every run in them is whole and every
// text they name is in the table (arePlanItems); rows of files this run did not
// read are kept as they were.
import { asciiJson, firstLine, headLine, KeptStore } from './cache.js';
import { arePlanItems, mapRowTexts, type PlanRows } from './schedule-rows.js';

/** Raised when the layout or what the rows mean changes (2: no recurring limit before the plan's date); the workspace key also names the code that wrote them. */
const ROWS_FORMAT = 2;

// The numbers are in this machine's byte order; a store from a machine of the other order reads as empty.
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Where a file's rows are: its key, its plan's number, and its numbers' place (in 32-bit words from the body's start). */
type IndexEntry = [key: string, number: string, at: number, length: number];

interface Kept {
  key: string;
  rows: PlanRows;
  /** Whether its numbers refer to this store's table (as read), or to its own texts (set by this run). */
  inTable: boolean;
}

export class RowsStore extends KeptStore<Uint8Array> {
  /** Files whose rows were found good, or set by this run. */
  private readonly kept = new Map<string, Kept>();

  private constructor(
    workspace: string,
    private readonly texts: readonly string[],
    private readonly index: Map<string, IndexEntry>,
    private readonly numbers: Int32Array,
  ) {
    super(workspace);
  }

  static empty(workspace: string): RowsStore {
    return new RowsStore(workspace, [], new Map(), new Int32Array(0));
  }

  /** The store kept as `bytes` when it is one for this workspace key, else an empty one. */
  static read(workspace: string, bytes: Uint8Array | undefined): RowsStore {
    const first = firstLine(bytes);
    const head = headLine(first?.line, ROWS_FORMAT, workspace);
    if (!bytes || !head) return RowsStore.empty(workspace);
    const { littleEndian, texts, index } = head;
    if (littleEndian !== LITTLE_ENDIAN || !Array.isArray(texts) || index === null || typeof index !== 'object') return RowsStore.empty(workspace);
    if (!texts.every((t) => typeof t === 'string')) return RowsStore.empty(workspace);
    const start = bodyStart(first!.restAt - 1);
    if (bytes.length < start || (bytes.length - start) % 4 !== 0) return RowsStore.empty(workspace);
    // In place when the bytes lie where 32-bit words may start (a file read whole does), else copied.
    const aligned = (bytes.byteOffset + start) % 4 === 0 ? bytes : bytes.slice();
    const numbers = new Int32Array(aligned.buffer, aligned.byteOffset + start, (bytes.length - start) / 4);
    const entries = new Map<string, IndexEntry>();
    for (const [file, entry] of Object.entries(index)) {
      if (!Array.isArray(entry) || entry.length !== 4) continue;
      const [key, number, at, length] = entry as unknown[];
      if (typeof key !== 'string' || typeof number !== 'string' || !Number.isInteger(at) || !Number.isInteger(length)) continue;
      if ((at as number) < 0 || (length as number) < 0 || (at as number) + (length as number) > numbers.length) continue;
      entries.set(file, entry as IndexEntry);
    }
    return new RowsStore(workspace, texts as string[], entries, numbers);
  }

  /** The file's rows when they were kept under this very key (and read whole). */
  get(file: string, key: string): PlanRows | undefined {
    const known = this.kept.get(file);
    if (known) return known.key === key ? known.rows : undefined;
    const entry = this.index.get(file);
    if (entry?.[0] !== key) return undefined;
    const [, number, at, length] = entry;
    const rows: PlanRows = { file, number, texts: this.texts, items: this.numbers.subarray(at, at + length) };
    // The texts are the table read() checked once for every plan.
    if (!arePlanItems(rows.items, this.texts.length)) return undefined;
    this.kept.set(file, { key, rows, inTable: true });
    return rows;
  }

  set(file: string, key: string, rows: PlanRows): void {
    this.kept.set(file, { key, rows, inTable: false });
    this.touch();
  }

  /** The rows of this run and the good ones of files it did not read, their texts in one new table. */
  protected encode(): Uint8Array {
    for (const file of this.index.keys()) if (!this.kept.has(file)) this.get(file, this.index.get(file)![0]);
    const texts: string[] = [];
    const numbers = new Map<string, number>();
    const intern = (text: string) => {
      let n = numbers.get(text);
      if (n === undefined) numbers.set(text, (n = texts.push(text) - 1));
      return n;
    };
    const index: Record<string, IndexEntry> = {};
    const parts: Int32Array[] = [];
    let words = 0;
    for (const [file, { key, rows, inTable }] of this.kept) {
      const own = inTable ? this.texts : rows.texts;
      const mapped = mapRowTexts(rows.items, (t) => intern(own[t]!));
      index[file] = [key, rows.number, words, mapped.length];
      parts.push(mapped);
      words += mapped.length;
    }
    const head = asciiJson({ format: ROWS_FORMAT, workspace: this.workspace, littleEndian: LITTLE_ENDIAN, texts, index });
    const start = bodyStart(head.length);
    const bytes = new Uint8Array(start + 4 * words);
    // ASCII: one byte a character. The bytes between the line end and the body stay 0.
    new TextEncoder().encodeInto(head, bytes);
    bytes[head.length] = 0x0a;
    const body = new Int32Array(bytes.buffer, start, words);
    let at = 0;
    for (const part of parts) {
      body.set(part, at);
      at += part.length;
    }
    return bytes;
  }
}

/** Where the numbers start after a head line of this length: past its line end, at a multiple of 4. */
const bodyStart = (lineEnd: number) => (lineEnd + 1 + 3) & ~3;

// Long outputs as a stream of pieces, so memory does not grow with the output:
// the writer gathers pieces into blocks of about 64 kB before each write.
// The longest (a province's overdue list, 30–60 MB) are written as bytes:
// each distinct text encoded once, rows assembled by copying (ByteWriter).

/** Write each piece followed by a line end, in blocks. */
export function writeLines(lines: Iterable<string>, write: (text: string) => void): void {
  let block = '';
  for (const line of lines) {
    block += `${line}\n`;
    if (block.length >= 65536) {
      write(block);
      block = '';
    }
  }
  if (block) write(block);
}

/**
 * The lines of `JSON.stringify({ ...head, [key]: items }, null, 2)`, the list
 * stringified one item at a time (key comes last, as in the object).
 */
export function* jsonWithList(head: Record<string, unknown>, key: string, items: Iterable<unknown>): Generator<string> {
  const frame = jsonListFrame(head, key);
  // Each item waits for the next one to know whether a comma follows it.
  let previous: string | undefined;
  for (const item of items) {
    if (previous === undefined) yield frame.opening;
    else yield `${previous},`;
    previous = `    ${listItemJson(item)}`;
  }
  if (previous === undefined) {
    yield frame.empty;
    return;
  }
  yield previous;
  yield frame.closing;
}

/**
 * What stands around the list in `JSON.stringify({ ...head, [key]: items }, null, 2)`:
 * the text up to its `[` and from its `]` (each a line of its own; the items
 * between, `    {…}` separated by `,` and line ends), or the whole text when
 * the list is empty.
 */
export function jsonListFrame(head: Record<string, unknown>, key: string): { opening: string; closing: string; empty: string } {
  const empty = JSON.stringify({ ...head, [key]: [] }, null, 2);
  const at = empty.lastIndexOf('[]');
  return { opening: `${empty.slice(0, at)}[`, closing: `  ]${empty.slice(at + 2)}`, empty };
}

/**
 * JSON.stringify(item, null, 2) with its lines indented by 4 more spaces (an
 * item of the list above). A flat object of plain values (every overdue or
 * agenda row) is written directly; anything else goes through JSON.stringify.
 */
export function listItemJson(item: unknown): string {
  const flat = flatItemJson(item, undefined);
  if (flat === undefined) return JSON.stringify(item, null, 2).replace(/\n/g, '\n    ');
  return flat.fields > 0 ? flat.before + flat.after : '{}';
}

/**
 * listItemJson(item) around the value of one of its fields: `before + value +
 * after` is the item's text, where value is JSON.stringify of the field's
 * value (it must not be left out: not undefined). For items that differ only
 * in that value (an overdue occurrence's rows, one per unit). Undefined when
 * listItemJson would not write the item field by field.
 */
export function listItemJsonAround(item: Record<string, unknown>, key: string): { before: string; after: string } | undefined {
  const flat = flatItemJson(item, key);
  return flat?.split ? { before: flat.before, after: flat.after } : undefined;
}

// A list's items share their keys: each key's text is made once.
const fieldNames = new Map<string, string>();
const fieldName = (key: string) => {
  let name = fieldNames.get(key);
  if (name === undefined) fieldNames.set(key, (name = `\n      ${JSON.stringify(key)}: `));
  return name;
};

/**
 * A flat object of plain values as listItemJson writes it, in two parts: up to
 * the value of field `at` (none: all but the closing brace), and after it.
 * Undefined when it is not such an object.
 */
function flatItemJson(item: unknown, at: string | undefined): { before: string; after: string; fields: number; split: boolean } | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
  let before = '{';
  let after = '';
  let fields = 0;
  let split = false;
  for (const key of Object.keys(item)) {
    const value = (item as Record<string, unknown>)[key];
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    if (value !== null && typeof value === 'object') return undefined;
    const field = (fields > 0 ? ',' : '') + fieldName(key);
    fields++;
    if (key === at) {
      before += field;
      split = true;
    } else if (split) after += field + JSON.stringify(value);
    else before += field + JSON.stringify(value);
  }
  return { before, after: `${after}\n    }`, fields, split };
}

/**
 * Where bytes go: true when it keeps the very bytes it was given to write
 * later (a stream still waiting), so the caller must not change them.
 */
export type WriteBytes = (bytes: Uint8Array) => boolean | void;

const encoder = new TextEncoder();

// Pieces are encoded side by side into shared blocks: encode() makes a new
// ArrayBuffer per call, and 40,000 of them (a province's occurrences) cost more
// than the encoding itself, in allocation and the garbage collections it brings.
const ARENA = 65536;
let arena = new Uint8Array(ARENA);
let arenaUsed = 0;

/** UTF-8 of a text, for pieces made once and copied many times (never changed once made). */
export function utf8(text: string): Uint8Array {
  // At most 3 bytes of UTF-8 per UTF-16 unit.
  if (text.length * 3 > ARENA / 4) return encoder.encode(text);
  if (arenaUsed + text.length * 3 > ARENA) {
    arena = new Uint8Array(ARENA);
    arenaUsed = 0;
  }
  const start = arenaUsed;
  arenaUsed += encoder.encodeInto(text, arena.subarray(start)).written;
  return arena.subarray(start, arenaUsed);
}

/** make(key) as UTF-8, made once per distinct key (a unit's cell, written for each of its rows). */
export function bytesOnce<K>(make: (key: K) => string): (key: K) => Uint8Array {
  const made = new Map<K, Uint8Array>();
  return (key) => {
    let bytes = made.get(key);
    if (!bytes) made.set(key, (bytes = encoder.encode(make(key))));
    return bytes;
  };
}

/**
 * Output assembled as bytes in one reused buffer and written in blocks of
 * about 64 kB: the pieces (each distinct text encoded once by the caller) are
 * copied in, never joined as strings, so the output is not encoded again
 * when written. A block always ends between pieces: whole UTF-8 characters.
 */
export class ByteWriter {
  private buffer: Uint8Array;
  private length = 0;

  constructor(
    private readonly write: WriteBytes,
    private readonly blockSize = 65536,
  ) {
    this.buffer = new Uint8Array(blockSize);
  }

  bytes(piece: Uint8Array): void {
    if (this.length + piece.length > this.buffer.length) {
      this.flush();
      // Larger than a block: written as it is (pieces are never changed once made).
      if (piece.length > this.buffer.length) {
        this.write(piece);
        return;
      }
    }
    this.buffer.set(piece, this.length);
    this.length += piece.length;
  }

  /** A text used once (headings, notes, a table's rules): encoded straight into the buffer. */
  text(text: string): void {
    // At most 3 bytes of UTF-8 per UTF-16 unit.
    if (this.length + text.length * 3 > this.buffer.length) {
      this.flush();
      if (text.length * 3 > this.buffer.length) {
        this.write(encoder.encode(text));
        return;
      }
    }
    this.length += encoder.encodeInto(text, this.buffer.subarray(this.length)).written;
  }

  /** Write what is gathered; call at the end (and before anything else writes to the same place). */
  flush(): void {
    if (this.length === 0) return;
    if (this.write(this.buffer.subarray(0, this.length)) === true) this.buffer = new Uint8Array(this.blockSize);
    this.length = 0;
  }
}

/** Bytes to text again, for outputs that take text (tests, a string wanted whole). */
export function textWriter(write: (text: string) => void): WriteBytes {
  const decoder = new TextDecoder();
  return (bytes) => write(decoder.decode(bytes));
}

/** What `write` puts into a ByteWriter, as one string (tests, short outputs). */
export function writtenText(write: (out: ByteWriter) => void): string {
  let text = '';
  const out = new ByteWriter(
    textWriter((t) => {
      text += t;
    }),
  );
  write(out);
  out.flush();
  return text;
}

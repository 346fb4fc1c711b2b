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
  const opening = JSON.stringify({ ...head, [key]: [] }, null, 2);
  const at = opening.lastIndexOf('[]');
  // Each item waits for the next one to know whether a comma follows it.
  let previous: string | undefined;
  for (const item of items) {
    if (previous === undefined) yield `${opening.slice(0, at)}[`;
    else yield `${previous},`;
    previous = `    ${listItemJson(item)}`;
  }
  if (previous === undefined) {
    yield opening;
    return;
  }
  yield previous;
  yield `  ]${opening.slice(at + 2)}`;
}

/**
 * JSON.stringify(item, null, 2) with its lines indented by 4 more spaces (an
 * item of the list above). A flat object of plain values (every overdue or
 * agenda row) is written directly; anything else goes through JSON.stringify.
 */
export function listItemJson(item: unknown): string {
  const fields = flatFieldsJson(item);
  if (fields === undefined) return JSON.stringify(item, null, 2).replace(/\n/g, '\n    ');
  return fields.length > 0 ? `{${fields.map((f) => f.text).join(',')}\n    }` : '{}';
}

/**
 * The fields of a flat object of plain values as listItemJson writes them
 * (`\n      "key": value`, without the commas between), the fields JSON leaves
 * out left out; undefined when it is not such an object.
 */
export function flatFieldsJson(item: unknown): { key: string; text: string }[] | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const fields: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(item)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    if (value !== null && typeof value === 'object') return undefined;
    fields.push({ key, text: `\n      ${JSON.stringify(key)}: ${JSON.stringify(value)}` });
  }
  return fields;
}

/**
 * Where bytes go: true when it keeps the very bytes it was given to write
 * later (a stream still waiting), so the caller must not change them.
 */
export type WriteBytes = (bytes: Uint8Array) => boolean | void;

const encoder = new TextEncoder();

/** UTF-8 of a text, for pieces made once and copied many times. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
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

  /** A text used once (headings, notes). */
  text(text: string): void {
    this.bytes(encoder.encode(text));
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

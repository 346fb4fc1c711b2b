// Long outputs as a stream of pieces, so memory does not grow with the output:
// the writer gathers pieces into blocks of about 64 kB before each write.

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
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return JSON.stringify(item, null, 2).replace(/\n/g, '\n    ');
  let out = '';
  for (const [key, value] of Object.entries(item)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    if (value !== null && typeof value === 'object') return JSON.stringify(item, null, 2).replace(/\n/g, '\n    ');
    out += `${out ? ',' : ''}\n      ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  }
  return out ? `{${out}\n    }` : '{}';
}

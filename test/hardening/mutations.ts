// Random damage to plan files as clerks' hands and tools do it: deleted or
// doubled lines, swapped characters, random bytes, broken indentation,
// truncation, YAML punctuation. Shared by the mutation property test and the
// differential test of the fast read path.
import fc from 'fast-check';

export type Mutation =
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-chars'; at: number }
  | { kind: 'random-byte'; at: number; byte: number }
  | { kind: 'delete-byte'; at: number }
  | { kind: 'indent'; at: number; by: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert-text'; at: number; text: string };

// Where in the file, as a fraction: an integer scaled, not fc.double, whose values are spread over the
// doubles' bit patterns, so that 97 % of positions were below 1e-6 (the file's first byte or line) and a
// quarter of the runs an empty file (a truncation at 0). fc.integer still favours both ends now and then.
const POSITIONS = 2 ** 32;
const position = fc.integer({ min: 0, max: POSITIONS - 1 }).map((n) => n / POSITIONS);
// Text clerks' hands and tools produce: YAML punctuation, tabs, quotes, Vietnamese letters, CR.
const snippet = fc.constantFrom(
  ':',
  '- ',
  '"',
  "'",
  '\t',
  '\r\n',
  '#',
  '&a ',
  '*a',
  '[',
  '{',
  '}',
  ']',
  '|',
  '>',
  '%',
  '@',
  '`',
  '!!',
  'id: 1.10',
  'đ',
  'ồ',
  '\u0301',
  '\u00a0',
  '\ufeff',
  '---\n',
  '...\n',
  '? ',
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  position.map((at) => ({ kind: 'delete-line' as const, at })),
  position.map((at) => ({ kind: 'duplicate-line' as const, at })),
  position.map((at) => ({ kind: 'swap-chars' as const, at })),
  fc.record({ at: position, byte: fc.integer({ min: 0, max: 255 }) }).map((r) => ({ kind: 'random-byte' as const, ...r })),
  position.map((at) => ({ kind: 'delete-byte' as const, at })),
  fc.record({ at: position, by: fc.integer({ min: -4, max: 4 }) }).map((r) => ({ kind: 'indent' as const, ...r })),
  position.map((at) => ({ kind: 'truncate' as const, at })),
  fc.record({ at: position, text: snippet }).map((r) => ({ kind: 'insert-text' as const, ...r })),
);

export function applyMutation(bytes: Buffer, m: Mutation): Buffer {
  if (bytes.length === 0) return bytes;
  const i = Math.floor(m.at * bytes.length);
  switch (m.kind) {
    case 'random-byte': {
      const out = Buffer.from(bytes);
      out[i] = m.byte;
      return out;
    }
    case 'delete-byte':
      return Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + 1)]);
    case 'truncate':
      return bytes.subarray(0, i);
    case 'insert-text':
      return Buffer.concat([bytes.subarray(0, i), Buffer.from(m.text, 'utf8'), bytes.subarray(i)]);
    case 'swap-chars': {
      // Characters, not bytes, so this one keeps the file UTF-8. Counted and found without
      // spreading the text into an array of characters (20 ms for the seed plan, most of the
      // property test's generation): decoded UTF-8 has no lone surrogates, so every
      // character is one code unit or a surrogate pair.
      const text = bytes.toString('utf8');
      const pairs = text.match(SURROGATE_PAIR)?.length ?? 0;
      const count = text.length - pairs;
      const k = Math.min(Math.floor(m.at * count), count - 2);
      if (k < 0) return bytes;
      const at = pairs === 0 ? k : codeUnitOfCharacter(text, k);
      const first = String.fromCodePoint(text.codePointAt(at)!);
      const second = String.fromCodePoint(text.codePointAt(at + first.length)!);
      return Buffer.from(text.slice(0, at) + second + first + text.slice(at + first.length + second.length), 'utf8');
    }
    default: {
      const lines = bytes.toString('utf8').split('\n');
      const k = Math.floor(m.at * lines.length);
      if (m.kind === 'delete-line') lines.splice(k, 1);
      else if (m.kind === 'duplicate-line') lines.splice(k, 0, lines[k]!);
      else if (m.by > 0) lines[k] = ' '.repeat(m.by) + lines[k];
      else lines[k] = lines[k]!.replace(new RegExp(`^ {0,${-m.by}}`), '');
      return Buffer.from(lines.join('\n'), 'utf8');
    }
  }
}

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Where the k-th character (code point) of a text starts, in code units. */
function codeUnitOfCharacter(text: string, k: number): number {
  let at = 0;
  for (let n = 0; n < k; n++) at += text.codePointAt(at)! > 0xffff ? 2 : 1;
  return at;
}

export const mutated = (base: Buffer) => fc.array(mutation, { minLength: 1, maxLength: 4 }).map((ms) => ms.reduce(applyMutation, base));

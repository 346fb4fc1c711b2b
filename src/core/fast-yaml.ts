// The fast read path: js-yaml 4 reads a plan several times faster than the
// `yaml` document model. It is used only where it is sure to give the same
// data as `yaml` (see parseYaml in load.ts, and the differential test): no
// tags, anchors, aliases, directives, document markers, tabs or CR, scalar
// keys, a plain scalar read by `yaml`'s own core rules (PLAIN below), no "#"
// straight after a quote, bracket or comma (js-yaml reads a comment), no syntax
// error and no duplicate key (js-yaml refuses those; `yaml` then reads the
// file again and words the problem). js-yaml's `listener` sees every node open
// and close in the same parse; from it the nodes are kept in a compact form
// (CompactEvents) so a diagnostic can still be located at the same line and
// column as `yaml` would give, without building its document.
import { FAILSAFE_SCHEMA, type LoadOptions, load, Type } from 'js-yaml';
import type { YamlPath } from './diagnostic.js';

/** Per node, in document order: kind (and style), and for a scalar its source range; a POP ends each collection (3 numbers each). */
export type CompactEvents = Int32Array;

// Kinds and styles, numbered as js-yaml 5's events were (compact events of the two agree).
const SEQUENCE = 2;
const MAPPING = 3;
const SCALAR = 4;
const POP = 6;
/** A node the listener saw that is no node of `yaml`'s (see listener). */
const SKIP = 7;
const BLOCK = 1;
const FLOW = 2;
const PLAIN = 1;
const SINGLE_QUOTED = 2;
const DOUBLE_QUOTED = 3;
const LITERAL = 4;
const FOLDED = 5;
/** Flag of a plain scalar that reads as null (~, null): `yaml` makes that key "", js-yaml "null". */
const NULL = 1 << 8;

// `yaml`'s YAML 1.2 core schema for plain scalars, its tests and values as they are (yaml/dist/schema/core), in one
// js-yaml type: js-yaml's own core schema differs (underscores in numbers, 0b, old octal, .inf spellings…). resolve
// keeps the value it read for construct, which js-yaml calls right after it.
const CORE_NULL = /^(?:~|[Nn]ull|NULL)$/;
const CORE_BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const CORE_INT_OCT = /^0o[0-7]+$/;
const CORE_INT = /^[-+]?[0-9]+$/;
const CORE_INT_HEX = /^0x[0-9a-fA-F]+$/;
const CORE_FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const CORE_FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
let resolved: unknown;

function resolveCore(s: string): boolean {
  // By the first character, as no spelling of one kind starts like another's: most plain scalars are words (keys),
  // and a word starting with n or t needs one test, not eight.
  const c = s.charCodeAt(0);
  if (c === 0x6e || c === 0x4e || c === 0x7e) {
    resolved = null;
    return CORE_NULL.test(s);
  }
  if (c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46) {
    resolved = c === 0x74 || c === 0x54;
    return CORE_BOOL.test(s);
  }
  if (!((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e)) return false;
  if (CORE_INT_OCT.test(s)) resolved = parseInt(s.substring(2), 8);
  else if (CORE_INT.test(s)) resolved = parseInt(s, 10);
  else if (CORE_INT_HEX.test(s)) resolved = parseInt(s.substring(2), 16);
  else if (CORE_FLOAT_NAN.test(s)) resolved = s.slice(-3).toLowerCase() === 'nan' ? Number.NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  else if (CORE_FLOAT_EXP.test(s) || CORE_FLOAT.test(s)) resolved = parseFloat(s);
  else return false;
  return true;
}

const SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [new Type('tag:kehoach,core-plain', { kind: 'scalar', resolve: resolveCore, construct: () => resolved })] });

/** What the listener reads of js-yaml's state (@types/js-yaml leaves out `anchor`, and `kind` and `result` of a node that read nothing). */
interface ListenerState {
  position: number;
  kind: 'scalar' | 'mapping' | 'sequence' | null;
  result: unknown;
  anchor: string | null;
  lineStart: number;
}

/** Thrown from the listener to stop a parse the fast path gives up on: no error object, no snippet. */
const GIVE_UP = { giveUp: true };

// The listener's working state, for one parse at a time (the core is synchronous). Per node (slot: 3 numbers) in the
// order they open, its kind and range, filled in when it closes (SKIP: none); a POP slot follows a collection's children.
let slots = new Int32Array(3 * 4096);
let n = 0;
let text = '';
/** Per open node: its slot, and how many nodes it has had as children (js-yaml nests at most 100 deep: maxDepth). */
const open = new Int32Array(256);
const children = new Int32Array(256);
let sp = 0;
/** The value of the node closed last: a node that only hands on its single child's value is no node of its own. */
let lastResult: unknown;

function grow(): void {
  const grown = new Int32Array(slots.length * 2);
  grown.set(slots);
  slots = grown;
}

function listener(event: 'open' | 'close', state: ListenerState): void {
  if (event === 'open') {
    if (n + 3 > slots.length) grow();
    if (sp > 0) children[sp - 1]!++;
    slots[n] = SKIP;
    slots[n + 1] = state.position;
    slots[n + 2] = 0;
    open[sp] = n;
    children[sp] = 0;
    sp++;
    n += 3;
    return;
  }
  sp--;
  const slot = open[sp]!;
  const kids = children[sp]!;
  const kind = state.kind;
  if (state.anchor !== null) throw GIVE_UP;
  if (kind === null) {
    if (kids > 0) throw GIVE_UP;
    const at = slots[slot + 1]!;
    const c = text.charCodeAt(at);
    // A block mapping first tries to read a key where a block scalar starts (`- |`), reads nothing and gives up.
    if (at === state.position && (c === 0x7c || c === 0x3e)) {
      if (sp > 0) children[sp - 1]!--;
    } else {
      // An empty node: `key:` with no value.
      slots[slot] = SCALAR | (PLAIN << 4);
      slots[slot + 1] = -1;
      slots[slot + 2] = -1;
    }
  } else if (kind === 'scalar') {
    // A block mapping or sequence entry first reads its node as a possible key; not followed by ":", that key node is the value.
    if (kids > 0) {
      if (kids !== 1) throw GIVE_UP;
    } else scalarSlot(slot, state);
  } else if (kids === 1 && state.result === lastResult) {
    // The same, for a flow collection or a multi-line value read as a possible key.
  } else {
    if (kind === 'sequence' && (state.result as unknown[]).length !== kids) throw GIVE_UP;
    const start = nodeStart(slots[slot + 1]!);
    const c = text.charCodeAt(start);
    slots[slot] = (kind === 'mapping' ? MAPPING : SEQUENCE) | ((c === 0x5b || c === 0x7b ? FLOW : BLOCK) << 4);
    slots[slot + 1] = start;
    if (n + 3 > slots.length) grow();
    slots[n] = POP;
    slots[n + 1] = 0;
    slots[n + 2] = 0;
    n += 3;
  }
  lastResult = state.result;
}

/** Where the node that opened at `at` starts: js-yaml opens a value before the spaces, line breaks and comments ahead of it. */
function nodeStart(at: number): number {
  for (;;) {
    const c = text.charCodeAt(at);
    if (c === 0x20 || c === 0x0a) at++;
    else if (c === 0x23) {
      const nl = text.indexOf('\n', at);
      if (nl === -1) return text.length;
      at = nl + 1;
    } else break;
  }
  const c = text.charCodeAt(at);
  // A tag, an anchor or an alias.
  if (c === 0x21 || c === 0x26 || c === 0x2a) throw GIVE_UP;
  return at;
}

/** The scalar's style and its value's range: inside the quotes; a block scalar's from the line after its header to where `yaml`'s ends. */
function scalarSlot(slot: number, state: ListenerState): void {
  const start = nodeStart(slots[slot + 1]!);
  const c = text.charCodeAt(start);
  const end = Math.min(state.position, text.length);
  if (c === 0x22 || c === 0x27) {
    if (text.charCodeAt(end - 1) !== c) throw GIVE_UP;
    slots[slot] = SCALAR | ((c === 0x22 ? DOUBLE_QUOTED : SINGLE_QUOTED) << 4);
    slots[slot + 1] = start + 1;
    slots[slot + 2] = end - 1;
  } else if (c === 0x7c || c === 0x3e) {
    const first = text.indexOf('\n', start) + 1;
    if (first === 0) throw GIVE_UP;
    slots[slot] = SCALAR | ((c === 0x7c ? LITERAL : FOLDED) << 4);
    slots[slot + 1] = first;
    slots[slot + 2] = blockEnd(start, first, Math.min(state.lineStart, text.length));
  } else {
    // js-yaml stops a plain scalar where its next token starts (":", " #", a line less indented): its text ends before the spaces and line breaks back from there.
    let e = end;
    for (let p = text.charCodeAt(e - 1); p === 0x20 || p === 0x0a; p = text.charCodeAt(--e - 1));
    slots[slot] = SCALAR | (PLAIN << 4) | (state.result === null ? NULL : 0);
    slots[slot + 1] = start;
    slots[slot + 2] = e;
  }
}

/**
 * Where `yaml`'s range of a block scalar ends: after the line break of its last line with text, or with more spaces
 * than its indentation. js-yaml stops at the line after its trailing empty lines, which are the scalar's (in `yaml`'s range) only when kept (|+).
 */
function blockEnd(header: number, first: number, stop: number): number {
  // An indentation indicator (|2) counts from the parent's indentation, which is not at hand.
  let keep = false;
  for (let i = header + 1; ; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x31 && c <= 0x39) throw GIVE_UP;
    if (c === 0x2b) keep = true;
    else if (c !== 0x2d) break;
  }
  // The indentation is the first line with text's.
  let indent = -1;
  for (let ls = first; ls < stop; ) {
    let k = ls;
    while (text.charCodeAt(k) === 0x20) k++;
    if (k < stop && text.charCodeAt(k) !== 0x0a) {
      indent = k - ls;
      break;
    }
    ls = k + 1;
  }
  if (indent < 0) throw GIVE_UP;
  let end = stop;
  while (end > first) {
    // The line before `end`, without its line break.
    const le = text.charCodeAt(end - 1) === 0x0a ? end - 1 : end;
    // Ending in text, it has text (nearly every scalar's last line): no search back for its start (lastIndexOf, a call
    // into V8's runtime, costs ~20× indexOf).
    const c = text.charCodeAt(le - 1);
    if (le > first && c !== 0x20 && c !== 0x0a) break;
    const ls = text.lastIndexOf('\n', le - 1) + 1;
    let k = ls;
    while (k < le && text.charCodeAt(k) === 0x20) k++;
    if (k < le || le - ls > indent) break;
    // Spaces on the file's last line, with no line break: `yaml`'s rule there depends on their number.
    if (le === end && le > ls) throw GIVE_UP;
    // Kept (|+), the trailing empty lines are the scalar's.
    if (keep) break;
    end = ls;
  }
  return end;
}

/**
 * What the fast path leaves to `yaml` anywhere in a text: tabs, where the two parsers' rules on indentation differ most;
 * CR; a directive or document marker at a line's start (`yaml`'s to read); and what js-yaml refuses as non-printable,
 * C0 and C1 controls, U+FFFE, U+FFFF and lone surrogates: the bundle's js-yaml no longer tests each scalar for them
 * (scripts/js-yaml-no-snippet.js), so the whole text is tested once, here or by the caller.
 * LEFT_TO_YAML_CHARS is the characters of it, as the body of a character class a caller joins to a scan of the text it
 * makes anyway (parseYaml's scan for control characters): any surrogate, and U+2028/U+2029, after which a marker starts
 * a line too (one class keeps the scan fast: a lookaround for a lone surrogate made it 2.5–4× slower, and an
 * alternative for the markers ~1.5× slower than one class and a search for them apart); a text it matches is tested exactly by leftToYaml, and one it does not match is
 * searched by fastParse for a marker after a line feed or at the start.
 */
// The pieces of the patterns below, written once: what js-yaml refuses or reads otherwise than `yaml`, bar surrogates;
// a directive or document marker after a line break; the same, or a BOM, at the text's start.
const REFUSED = String.raw`\t\r\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF`;
const MARKER = String.raw`[\n\u2028\u2029](?:%|---|\.\.\.)`;
const START = String.raw`^(?:\uFEFF|%|---|\.\.\.)`;

export const LEFT_TO_YAML_CHARS = String.raw`${REFUSED}\uD800-\uDFFF\u2028\u2029`;
const EXACTLY = new RegExp(String.raw`[${REFUSED}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|[\uDC00-\uDFFF](?<![\uD800-\uDBFF][\uDC00-\uDFFF])|${MARKER}|${START}`);

/** Whether the fast path leaves the text to `yaml` for what it holds (LEFT_TO_YAML_CHARS but a surrogate pair, a marker at a line's start, or a BOM at the text's start). */
export function leftToYaml(text: string): boolean {
  return EXACTLY.test(text);
}

/** A directive or document marker after a line feed, for a text with no U+2028/U+2029: searched apart, it costs a fraction of an alternative for it in a scan (and ~2/3 of three `includes`). */
const MARKER_AFTER_LINE_FEED = /\n(?:%|---|\.\.\.)/;

const AT_START = new RegExp(START);

const OPTIONS: LoadOptions & { screenedForNul: true } = {
  schema: SCHEMA,
  // Every text loaded is free of NUL (leftToYaml, or the caller's scan, refuses it): the bundle's js-yaml then does
  // not search the whole text for one again (scripts/js-yaml-no-snippet.js; the published one ignores the option).
  screenedForNul: true,
  listener: listener as unknown as LoadOptions['listener'],
  // js-yaml only warns where `yaml` refuses (a flow collection or quoted text indented less than its parent).
  onWarning: () => {
    throw GIVE_UP;
  },
};

/**
 * The value, its compact events, and how deep its collections nest (the root collection is at depth 0). `screened`:
 * the caller has found none of LEFT_TO_YAML_CHARS in the text.
 */
export function fastParse(source: string, screened = false): { value: unknown; events: CompactEvents; depth: number } | undefined {
  if (screened ? AT_START.test(source) || MARKER_AFTER_LINE_FEED.test(source) : leftToYaml(source)) return undefined;
  if (commentRightAfterToken(source)) return undefined;
  let value: unknown;
  text = source;
  n = 0;
  sp = 0;
  lastResult = undefined;
  try {
    value = load(source, OPTIONS);
  } catch {
    return undefined;
  } finally {
    text = '';
    lastResult = undefined;
  }
  // An empty file, or a bare scalar: `yaml` words those.
  if (value === null || typeof value !== 'object') return undefined;
  return compact(source, value);
}

/**
 * Whether a "#" follows a closing quote or bracket, or a comma, with no space between: js-yaml reads that as a comment
 * where YAML 1.2 and `yaml` refuse it (`title: "x"#c`, `[a]#c`, `[a,#c`). Inside quoted text it is rare, and `yaml`
 * reads it just as well.
 */
function commentRightAfterToken(source: string): boolean {
  for (let at = source.indexOf('#', 1); at !== -1; at = source.indexOf('#', at + 1)) {
    const c = source.charCodeAt(at - 1);
    if (c === 0x22 || c === 0x27 || c === 0x5d || c === 0x7d || c === 0x2c) return true;
  }
  return false;
}

/** The listener's slots as compact events (a copy): the nodes of `yaml`'s document, each key checked to read as `yaml` reads it. */
function compact(source: string, value: unknown): { value: unknown; events: CompactEvents; depth: number } | undefined {
  // Per open collection: NOT_MAP, or a mapping waiting for a KEY or a VALUE.
  const NOT_MAP = 0;
  const KEY = 1;
  const VALUE = 2;
  const frames: number[] = [NOT_MAP];
  let m = 0;
  let depth = 0;
  for (let i = 0; i < n; i += 3) {
    const head = slots[i]!;
    const kind = head & 15;
    if (kind === SKIP) continue;
    if (kind === POP) {
      if (frames.pop() === VALUE) return undefined;
    } else {
      const top = frames.length - 1;
      if (frames[top] === KEY) {
        if (kind !== SCALAR || !sameKey(source, head, slots[i + 1]!, slots[i + 2]!)) return undefined;
        frames[top] = VALUE;
      } else if (frames[top] === VALUE) frames[top] = KEY;
      if (kind !== SCALAR) {
        // frames holds the document's frame and one per open collection above this one.
        if (frames.length - 1 > depth) depth = frames.length - 1;
        frames.push(kind === MAPPING ? KEY : NOT_MAP);
      }
    }
    // In place: m never passes i.
    slots[m] = head & 255;
    slots[m + 1] = slots[i + 1]!;
    slots[m + 2] = slots[i + 2]!;
    m += 3;
  }
  return { value, events: slots.slice(0, m), depth };
}

/** Whether a scalar key reads as the same string in both: written as a key (":" after it on its line), not null, no merge key `<<`, within `yaml`'s 1024 characters. */
function sameKey(source: string, head: number, start: number, end: number): boolean {
  if (start < 0 || (head & NULL) !== 0 || end - start > 1024) return false;
  const style = (head >> 4) & 15;
  if (style === LITERAL || style === FOLDED) return false;
  let after = style === PLAIN ? end : end + 1;
  while (source.charCodeAt(after) === 0x20) after++;
  if (source.charCodeAt(after) !== 0x3a) return false;
  return !(style === PLAIN && source.charCodeAt(start) === 0x3c && source.charCodeAt(start + 1) === 0x3c);
}

/** For each container event, the index just past its node; made once per file, so that locating many diagnostics in one file stays linear. */
const containerEnds = new WeakMap<CompactEvents, Int32Array>();

function endsOf(events: CompactEvents): Int32Array {
  let ends = containerEnds.get(events);
  if (!ends) {
    ends = new Int32Array(events.length / 3);
    const open: number[] = [];
    for (let i = 0; i < events.length; i += 3) {
      const kind = events[i]! & 15;
      if (kind === MAPPING || kind === SEQUENCE) open.push(i);
      else if (kind === POP && open.length > 0) ends[open.pop()! / 3] = i + 3;
    }
    containerEnds.set(events, ends);
  }
  return ends;
}

/** Index just past the node starting at event i; `ends`: endsOf(events), looked up once by a caller that skips many nodes. */
function skip(events: CompactEvents, i: number, ends?: Int32Array): number {
  const kind = events[i]! & 15;
  if (kind !== MAPPING && kind !== SEQUENCE) return i + 3;
  return (ends ?? endsOf(events))[i / 3]!;
}

/**
 * Per file, each key's keyText (null: none), found when first asked for: locating a file's diagnostics (a province
 * file has a dozen) walks the same keys again each time, and keyText cuts the key out and tests it with two regular
 * expressions.
 */
const keyTexts = new WeakMap<CompactEvents, (string | null | undefined)[]>();

function keyTextsOf(events: CompactEvents): (string | null | undefined)[] {
  let known = keyTexts.get(events);
  if (!known) {
    known = new Array(events.length / 3);
    keyTexts.set(events, known);
  }
  return known;
}

function knownKeyText(text: string, events: CompactEvents, known: (string | null | undefined)[], i: number): string | undefined {
  let key = known[i / 3];
  if (key === undefined) {
    key = keyText(text, events, i) ?? null;
    known[i / 3] = key;
  }
  return key ?? undefined;
}

const PLAIN_KEY = /^[\p{L}_][\p{L}\p{N}_-]*$/u;
/** Words YAML 1.1 read as booleans or null: `yaml` might be told to. */
const BOOLEAN_LIKE = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

/**
 * Whether a plain key is a word (PLAIN_KEY) that is not BOOLEAN_LIKE. An ASCII key (nearly every key of a plan) is told
 * by its characters: two calls of a regular expression cost more, and locating a province's diagnostics asks ~10^5 keys.
 */
export function isPlainKey(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0x80) return PLAIN_KEY.test(s) && !BOOLEAN_LIKE.test(s);
    const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
    if (!letter && (k === 0 || !((c >= 0x30 && c <= 0x39) || c === 0x2d))) return false;
  }
  return s.length > 5 || (s.length > 0 && !BOOLEAN_LIKE.test(s));
}

/** The scalar's text, when it is a key `yaml` reads as the same string js-yaml does. */
function keyText(text: string, events: CompactEvents, i: number): string | undefined {
  if ((events[i]! & 15) !== SCALAR) return undefined;
  const style = events[i]! >> 4;
  const s = text.slice(events[i + 1]!, events[i + 2]!);
  if (style === PLAIN) return isPlainKey(s) ? s : undefined;
  if (style === SINGLE_QUOTED || style === DOUBLE_QUOTED) return /^[^\\'"\n]*$/.test(s) ? s : undefined;
  return undefined;
}

/** `yaml`'s range of the scalar at event i: quotes and the block header included. */
function scalarRange(text: string, events: CompactEvents, i: number): [number, number] | undefined {
  const style = events[i]! >> 4;
  const start = events[i + 1]!;
  const end = events[i + 2]!;
  if (start < 0) return undefined;
  if (style === PLAIN) return [start, end];
  if (style === SINGLE_QUOTED || style === DOUBLE_QUOTED) return [start - 1, end + 1];
  // A block scalar starts at its indicator (> or |) on the line before its text, which starts after a line break
  // (scalarSlot). The header's line is walked back: lastIndexOf, a call into V8's runtime, costs ~20× indexOf.
  const headerEnd = text.charCodeAt(start - 1) === 0x0a ? start - 1 : text.lastIndexOf('\n', start - 1);
  if (headerEnd < 0) return undefined;
  let headerStart = headerEnd;
  while (headerStart > 0 && text.charCodeAt(headerStart - 1) !== 0x0a) headerStart--;
  const header = /([>|])[-+1-9]{0,2}[ ]*(?:#.*)?$/.exec(text.slice(headerStart, headerEnd));
  return header ? [headerStart + header.index, end] : undefined;
}

/**
 * The event index of the node at a path, or of its closest existing ancestor
 * (`exact` false); `key` is the index of the path's last key when the last step
 * went through a map. Undefined when only `yaml`'s document can say.
 */
function nodeIndex(text: string, events: CompactEvents, path: YamlPath): { i: number; exact: boolean; key?: number } | undefined {
  // events[0] is the document's root node (the document event is not kept).
  let i = 0;
  // Looked up once, not at each key passed (a province's ~40,000 diagnostics pass ~15 keys each).
  const known = keyTextsOf(events);
  const ends = endsOf(events);
  for (let p = 0; p < path.length; p++) {
    const seg = path[p]!;
    const kind = events[i]! & 15;
    if (kind === MAPPING) {
      let j = i + 3;
      let found = -1;
      while ((events[j]! & 15) !== POP) {
        const key = knownKeyText(text, events, known, j);
        if (key === undefined) return undefined;
        if (key === seg) found = j;
        j = skip(events, skip(events, j, ends), ends);
        if (found !== -1) break;
      }
      if (found === -1) return { i, exact: false };
      i = found + 3;
      if (p === path.length - 1) return { i, exact: true, key: found };
      // A key with no value: `yaml` points at its empty value, which js-yaml does not place.
      if (isEmptyScalar(events, i)) return undefined;
    } else if (kind === SEQUENCE && typeof seg === 'number') {
      let j = i + 3;
      for (let k = 0; k < seg && (events[j]! & 15) !== POP; k++) j = skip(events, j, ends);
      if ((events[j]! & 15) === POP) return { i, exact: false };
      i = j;
    } else {
      return { i, exact: false };
    }
  }
  return { i, exact: true };
}

function isEmptyScalar(events: CompactEvents, i: number): boolean {
  return (events[i]! & 15) === SCALAR && events[i + 1]! < 0;
}

/**
 * The source range `nodeAt` (load.ts) would point at for a path, from the
 * compact events; undefined when only `yaml`'s document can say.
 */
export function rangeAt(text: string, events: CompactEvents, path: YamlPath, atKey: boolean): [number, number] | undefined {
  const at = nodeIndex(text, events, path);
  if (!at) return undefined;
  if (at.key !== undefined) {
    if (atKey) return scalarRange(text, events, at.key);
    if (isEmptyScalar(events, at.i)) return undefined;
  }
  return firstLine(text, events, at.i);
}

/**
 * The whole lines of a block map written as an entry of a block list, from its
 * "- " line to the line of its last value (line break included), as offsets:
 * an edit of that entry needs to read only these lines. Undefined when the
 * path is not such an entry or the events cannot place it.
 */
export function listEntryLines(text: string, events: CompactEvents, path: YamlPath): [number, number] | undefined {
  const at = nodeIndex(text, events, path);
  if (!at?.exact || (events[at.i]! & 15) !== MAPPING || typeof path[path.length - 1] !== 'number') return undefined;
  const first = (events[at.i + 3]! & 15) === SCALAR ? scalarRange(text, events, at.i + 3) : undefined;
  if (!first) return undefined;
  const start = text.lastIndexOf('\n', first[0] - 1) + 1;
  if (!/^ *- +$/.test(text.slice(start, first[0]))) return undefined;
  let end = first[1];
  const stop = skip(events, at.i);
  for (let j = at.i + 3; j < stop; j += 3) if ((events[j]! & 15) === SCALAR && events[j + 1]! >= 0) end = Math.max(end, events[j + 2]!);
  // A block scalar's text already ends with its line break.
  if (text[end - 1] === '\n') return [start, end];
  const nl = text.indexOf('\n', end);
  return [start, nl === -1 ? text.length : nl + 1];
}

/** As firstLineOf in load.ts: a mapping is pointed at by its first key. */
function firstLine(text: string, events: CompactEvents, i: number): [number, number] | undefined {
  const kind = events[i]! & 15;
  if (kind === SCALAR) return scalarRange(text, events, i);
  if (kind === MAPPING && (events[i + 3]! & 15) === SCALAR) return keyText(text, events, i + 3) === undefined ? undefined : scalarRange(text, events, i + 3);
  // Sequences and empty mappings end where `yaml` knows best.
  return undefined;
}

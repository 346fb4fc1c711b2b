// The fast read path: js-yaml reads a plan about five times faster than the
// `yaml` document model. It is used only where it is sure to give the same
// data as `yaml` (see parseYaml in load.ts, and the differential test): no
// tags, anchors, aliases, directives or tabs, one document, scalar keys, no
// syntax error and no duplicate key (js-yaml refuses those; `yaml` then reads
// the file again and words the problem). The events are kept in a compact
// form so a diagnostic can still be located at the same line and column as
// `yaml` would give, without building its document.
import { constructFromEvents, EVENT_ID, parseEvents, SCALAR_STYLE, type Event, YAMLException } from 'js-yaml';
import type { YamlPath } from './diagnostic.js';

// js-yaml words each error with a snippet of the source around it, made by splitting the whole text into lines (~50 ms
// on a 1 MB plan with one bad line). This path drops its errors unread (`yaml` reads the file again and the diagnostic is
// worded from that), so they carry the message alone. Nothing else in plan uses js-yaml.
YAMLException.throwAt = (_source: string, _position: number, message: string): never => {
  throw new YAMLException(message);
};

/** Per event: kind, and for a scalar its style and source range (3 numbers each). */
export type CompactEvents = Int32Array;

const SCALAR = EVENT_ID.SCALAR;
const MAPPING = EVENT_ID.MAPPING;
const SEQUENCE = EVENT_ID.SEQUENCE;
const POP = EVENT_ID.POP;

/** The value, its compact events, and how deep its collections nest (the root collection is at depth 0). */
export function fastParse(text: string): { value: unknown; events: CompactEvents; depth: number } | undefined {
  // Tabs are where the two parsers' rules on indentation differ most.
  if (text.includes('\t') || text.includes('\r')) return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return undefined;
  }
  const compact = new Int32Array(events.length * 3);
  let documents = 0;
  // Per open collection: NOT_MAP, or a mapping waiting for a KEY or a VALUE.
  const NOT_MAP = 0;
  const KEY = 1;
  const VALUE = 2;
  const frames: number[] = [];
  let n = 0;
  let depth = 0;
  for (const e of events) {
    const top = frames.length - 1;
    if (e.type === SCALAR || e.type === MAPPING || e.type === SEQUENCE) {
      if (e.anchorStart !== -1 || e.tagStart !== -1) return undefined;
      if (top >= 0 && frames[top] !== NOT_MAP) {
        // A collection as a key: `yaml` stringifies it, js-yaml does not.
        if (frames[top] === KEY && e.type !== SCALAR) return undefined;
        frames[top] = frames[top] === KEY ? VALUE : KEY;
      }
    }
    switch (e.type) {
      case EVENT_ID.DOCUMENT:
        if (++documents > 1 || e.directives.length > 0 || e.explicitStart || e.explicitEnd) return undefined;
        frames.push(NOT_MAP);
        continue;
      case SCALAR:
        compact[n] = SCALAR | (e.style << 4);
        compact[n + 1] = e.valueStart;
        compact[n + 2] = e.valueEnd;
        break;
      case MAPPING:
      case SEQUENCE:
        // frames holds the document's frame and one per open collection above this one.
        if (frames.length - 1 > depth) depth = frames.length - 1;
        compact[n] = e.type | (e.style << 4);
        compact[n + 1] = e.start;
        frames.push(e.type === MAPPING ? KEY : NOT_MAP);
        break;
      case POP:
        frames.pop();
        // The document's own end is not kept: events[0] is the root node.
        if (frames.length === 0) continue;
        compact[n] = POP;
        break;
      default:
        // Aliases, and anything a later js-yaml may add.
        return undefined;
    }
    n += 3;
  }
  if (documents !== 1) return undefined;
  let docs: unknown[];
  try {
    docs = constructFromEvents(events, { source: text });
  } catch {
    return undefined;
  }
  const value = docs[0];
  // An empty file, or a bare scalar: `yaml` words those.
  if (docs.length !== 1 || value === null || typeof value !== 'object') return undefined;
  return { value, events: compact.subarray(0, n), depth };
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

/** Index just past the node starting at event i. */
function skip(events: CompactEvents, i: number): number {
  const kind = events[i]! & 15;
  if (kind !== MAPPING && kind !== SEQUENCE) return i + 3;
  return endsOf(events)[i / 3]!;
}

/**
 * Per file, each key's keyText (null: none), found when first asked for: locating a file's diagnostics (a province
 * file has a dozen) walks the same keys again each time, and keyText cuts the key out and tests it with two regular
 * expressions.
 */
const keyTexts = new WeakMap<CompactEvents, (string | null | undefined)[]>();

function knownKeyText(text: string, events: CompactEvents, i: number): string | undefined {
  let known = keyTexts.get(events);
  if (!known) {
    known = new Array(events.length / 3);
    keyTexts.set(events, known);
  }
  let key = known[i / 3];
  if (key === undefined) {
    key = keyText(text, events, i) ?? null;
    known[i / 3] = key;
  }
  return key ?? undefined;
}

/** The scalar's text, when it is a key `yaml` reads as the same string js-yaml does. */
function keyText(text: string, events: CompactEvents, i: number): string | undefined {
  if ((events[i]! & 15) !== SCALAR) return undefined;
  const style = events[i]! >> 4;
  const s = text.slice(events[i + 1]!, events[i + 2]!);
  if (style === SCALAR_STYLE.PLAIN) return /^[\p{L}_][\p{L}\p{N}_-]*$/u.test(s) && !/^(?:true|false|null|yes|no|on|off|y|n)$/i.test(s) ? s : undefined;
  if (style === SCALAR_STYLE.SINGLE_QUOTED || style === SCALAR_STYLE.DOUBLE_QUOTED) return /^[^\\'"\n]*$/.test(s) ? s : undefined;
  return undefined;
}

/** `yaml`'s range of the scalar at event i: quotes and the block header included. */
function scalarRange(text: string, events: CompactEvents, i: number): [number, number] | undefined {
  const style = events[i]! >> 4;
  const start = events[i + 1]!;
  const end = events[i + 2]!;
  if (start < 0) return undefined;
  if (style === SCALAR_STYLE.PLAIN) return [start, end];
  if (style === SCALAR_STYLE.SINGLE_QUOTED || style === SCALAR_STYLE.DOUBLE_QUOTED) return [start - 1, end + 1];
  // A block scalar starts at its indicator (> or |) on the line before its text.
  const headerEnd = text.lastIndexOf('\n', start - 1);
  if (headerEnd < 0) return undefined;
  const headerStart = text.lastIndexOf('\n', headerEnd - 1) + 1;
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
  for (let p = 0; p < path.length; p++) {
    const seg = path[p]!;
    const kind = events[i]! & 15;
    if (kind === MAPPING) {
      let j = i + 3;
      let found = -1;
      while ((events[j]! & 15) !== POP) {
        const key = knownKeyText(text, events, j);
        if (key === undefined) return undefined;
        if (key === seg) found = j;
        j = skip(events, skip(events, j));
        if (found !== -1) break;
      }
      if (found === -1) return { i, exact: false };
      i = found + 3;
      if (p === path.length - 1) return { i, exact: true, key: found };
      // A key with no value: `yaml` points at its empty value, which js-yaml does not place.
      if (isEmptyScalar(events, i)) return undefined;
    } else if (kind === SEQUENCE && typeof seg === 'number') {
      let j = i + 3;
      for (let k = 0; k < seg && (events[j]! & 15) !== POP; k++) j = skip(events, j);
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

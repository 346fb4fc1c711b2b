// The content cache of plan files (as ESLint's and Prettier's --cache): what
// reading and checking one plan file gave (its model and its located
// diagnostics), kept under a key made of everything that result depends on —
// the file's name and bytes, the units, calendar and settings files, the day
// records are checked against, the "trước ngày" rule, and the code itself.
// Equal key, equal result: a hit is used as it is, anything else (a missing,
// corrupt or foreign entry) is read again from the file. Storing entries is the
// I/O layer's job (src/io/cache.ts); this module only makes keys and entries.
// Named imports: a namespace import makes the bundle copy every export of node:crypto (__toESM) on each start.
import { createHash, hash as hashOnce } from 'node:crypto';
import { type Diagnostic, MAX_DIAGNOSTICS_PER_FILE } from './diagnostic.js';
import type { Plan } from './model.js';
import type { PlanSummary } from './schedule.js';

/** Where entries are kept: text under a key, best effort (a store that fails just misses). */
export interface ContentCache {
  /** What identifies the code that made the entries (tool version and build). */
  readonly codeId: string;
  get(key: string): string | undefined;
  /**
   * A text entry's first line, and the rest read only when asked for (a store's index, then its
   * values: a province's index is a sixth of its results store). rest() is undefined when the entry
   * is no longer the one whose line was read.
   */
  getLine(key: string): { line: string; rest: () => string | undefined } | undefined;
  set(key: string, entry: string): void;
  /** An entry kept as bytes (a store of numbers, read without parsing), apart from the text entries. */
  getBytes(key: string): Uint8Array | undefined;
  setBytes(key: string, entry: Uint8Array): void;
}

/** Raised when an entry's layout or meaning changes (8: a summary's deadlines hold no recurring limit before the plan's date), so old entries are never read as new ones. */
const ENTRY_FORMAT = 8;

/**
 * One plan file's result: its located diagnostics and, when it has a model,
 * the plan's summary. The model itself is kept apart (planPart), read only by
 * the commands that need it: plan check reads the summary alone.
 */
export interface CachedPlan {
  diagnostics: Diagnostic[];
  summary?: PlanSummary;
  /** The lines the diagnostics' code frames show, by number: a warm run never decodes the file to print them. */
  lines?: Record<number, string>;
}

/** The name the model of the plan under this key is kept under. */
export function planPart(key: string): string {
  return `${key}.plan`;
}

function hash(...parts: (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const part of parts) {
    h.update(typeof part === 'string' ? part : Buffer.from(part.buffer, part.byteOffset, part.byteLength));
    // A separator, so that ("ab", "c") and ("a", "bc") differ.
    h.update('\0');
  }
  return h.digest('hex');
}

/** A file beside the plans as the key sees it: its name and bytes, or why it could not be read. */
export type KeyedFile = { file: string; bytes: Uint8Array } | { file: string; problem: Diagnostic } | undefined;

function fileKey(input: KeyedFile): string {
  if (!input) return 'none';
  return 'bytes' in input ? hash(input.file, input.bytes) : hash(input.file, JSON.stringify(input.problem));
}

/** The part of every plan's key that the whole workspace shares. */
export function workspaceKey(cache: ContentCache, parts: { units: KeyedFile; unitsFile: string; calendar: KeyedFile; settings: KeyedFile; today?: string; strictBefore: boolean }): string {
  return hash(String(ENTRY_FORMAT), cache.codeId, fileKey(parts.units), parts.unitsFile, fileKey(parts.calendar), fileKey(parts.settings), parts.today ?? '', String(parts.strictBefore));
}

/**
 * SHA-256 in one call (crypto.hash, Node ≥ 20.12: a thousand plan files are hashed on
 * every run, and a Hash object fed part by part costs more than the bytes).
 */
const sha256: (data: string | Uint8Array) => string = typeof hashOnce === 'function' ? (data) => hashOnce('sha256', data) : (data) => createHash('sha256').update(data).digest('hex');

/** What a plan file's key knows of its bytes. */
export function contentDigest(bytes: Uint8Array): string {
  return sha256(bytes);
}

/** A plan file's key: the workspace's, its name, and its bytes' digest (contentDigest). */
export function planKey(workspace: string, file: string, digest: string): string {
  // A file name holds no NUL, and the other two parts are hex digests: the parts cannot run into each other.
  return sha256(`${workspace}\0${file}\0${digest}`);
}

/**
 * The name a data file beside the plans (calendar.yaml, settings.yaml) is kept under when it read
 * clean: its name and bytes, and the code that read it. Its checked value is all a warm run needs
 * of it, so such a run loads no YAML parser and no schema for it.
 */
export function dataFileKey(cache: ContentCache, file: string, bytes: Uint8Array): string {
  return `data-${hash(String(ENTRY_FORMAT), cache.codeId, file, bytes)}`;
}

export function encodeDataFile(key: string, value: unknown): string {
  return JSON.stringify({ format: ENTRY_FORMAT, key, value });
}

/** The value kept under this key (the caller checks its shape), or undefined when the entry is missing or not for this key. */
export function decodeDataFile(key: string, text: string | undefined): { value: unknown } | undefined {
  const entry = parseEntry(key, text);
  return entry && 'value' in entry ? { value: entry.value } : undefined;
}

export function encodePlan(key: string, plan: Plan): string {
  return JSON.stringify({ format: ENTRY_FORMAT, key, plan });
}

function parseEntry(key: string, text: string | undefined): Record<string, unknown> | undefined {
  const entry = parseJson(text);
  return entry && entry.format === ENTRY_FORMAT && entry.key === key ? entry : undefined;
}

/** A JSON object, or undefined for anything else (missing, damaged, not an object). */
export function parseJson(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export const isObject = (v: unknown): v is object => v !== null && typeof v === 'object';

/** The model kept under this key, or undefined when that part is missing or not for this key. */
export function decodePlan(key: string, text: string | undefined): Plan | undefined {
  const plan = parseEntry(key, text)?.plan;
  return isObject(plan) ? (plan as Plan) : undefined;
}

/**
 * How a store keeps its values: which texts it keeps once in the store's table
 * (a province's 11,513 warnings have 2,931 distinct messages and one help; its
 * plans name the same 500 units), and how a kept value is checked and given its
 * texts back.
 */
export interface StoreCodec<T> {
  /** Whether a kept value is a T, its texts put back in place from the table (again on a restored value: no change). */
  accept(value: unknown, texts: readonly unknown[], file: string): value is T;
  /** The value as kept: its texts replaced by their numbers in the table. */
  intern(value: T, intern: (text: unknown) => number, file: string): unknown;
  /** What the store's index says of a value (FileStore.flags), known without reading the values; none: 0. */
  flags?(value: T, file: string): number;
  /** A small part of a value the index also keeps (FileStore.brief), for a run that needs only it; none: undefined. */
  brief?(value: T, file: string): unknown;
}

/**
 * What every kept store shares: it is for one workspace key (units, calendar, settings, day, code),
 * named in its head line with its format, and is written back only when something was set since it
 * was read.
 */
export abstract class KeptStore<Entry> {
  private dirty = false;

  constructor(readonly workspace: string) {}

  /** The store as kept. */
  protected abstract encode(): Entry;

  /** Something was set: the store is written back by the next save. */
  protected touch(): void {
    this.dirty = true;
  }

  /** Written back with `write` when anything was set since it was read or last saved. */
  save(write: (entry: Entry) => void): void {
    if (!this.dirty) return;
    write(this.encode());
    this.dirty = false;
  }
}

/** A store's head line (JSON, in ASCII) when it is one of this format for this workspace key. */
export function headLine(line: string | undefined, format: number, workspace: string): Record<string, unknown> | undefined {
  const head = parseJson(line);
  return head?.format === format && head.workspace === workspace ? head : undefined;
}

/** The first line of an entry kept as bytes (its head, in ASCII) and where the rest starts; undefined without one. */
export function firstLine(bytes: Uint8Array | undefined): { line: string; restAt: number } | undefined {
  const lineEnd = bytes ? bytes.indexOf(0x0a) : -1;
  return lineEnd < 0 ? undefined : { line: Buffer.from(bytes!.buffer, bytes!.byteOffset, lineEnd).toString('latin1'), restAt: lineEnd + 1 };
}

/**
 * Per-file results of a whole workspace kept in one entry, read in one go
 * (a thousand small files cost more to open than one large one to parse):
 * each file's result stands beside the key it was made under, and the whole
 * store is for one workspace key (units, calendar, settings, day, code).
 * A store for another workspace key, or not a store, reads as empty. Results
 * of files this run did not read are kept as they were.
 *
 * The entry's first line is an index (each file's key and flags, see
 * StoreCodec.flags); the values after it are read and parsed only when one is
 * asked for, so a run that needs only the flags (plan overdue: is any file in
 * error?) never reads the 2.5 MB of a province's diagnostics.
 */
export class FileStore<T> extends KeptStore<string> {
  private parsed: { entries: Map<string, { key: string; value: unknown }>; texts: unknown[] } | undefined;

  private constructor(
    workspace: string,
    private readonly index: Map<string, IndexEntry>,
    private rest: (() => string | undefined) | undefined,
    private readonly codec: StoreCodec<T>,
  ) {
    super(workspace);
  }

  /** The store kept as this entry (its first line, and the rest when asked for) when it is one for this workspace key, else an empty one. */
  static read<T>(workspace: string, entry: { line: string; rest: () => string | undefined } | undefined, codec: StoreCodec<T>): FileStore<T> {
    const head = headLine(entry?.line, ENTRY_FORMAT, workspace);
    const index = new Map<string, IndexEntry>();
    if (!head || !isObject(head.index)) return new FileStore(workspace, index, undefined, codec);
    for (const [file, kept] of Object.entries(head.index as Record<string, unknown>)) {
      if (Array.isArray(kept) && typeof kept[0] === 'string' && Number.isInteger(kept[1])) index.set(file, { key: kept[0], flags: kept[1] as number, brief: kept[2] });
    }
    return new FileStore(workspace, index, entry!.rest, codec);
  }

  /** The values, read and parsed when first needed. */
  private values(): { entries: Map<string, { key: string; value: unknown }>; texts: unknown[] } {
    if (this.parsed) return this.parsed;
    const stored = parseJson(this.rest?.());
    this.rest = undefined;
    const entries = stored && isObject(stored.entries) ? Object.entries(stored.entries as Record<string, { key: string; value: unknown }>) : [];
    this.parsed = { entries: new Map(entries), texts: stored && Array.isArray(stored.texts) ? (stored.texts as unknown[]) : [] };
    return this.parsed;
  }

  /** The index's flags of the file's result when it was kept under this very key (its value may still fail to read: get). */
  flags(file: string, key: string): number | undefined {
    const entry = this.index.get(file);
    return entry?.key === key ? entry.flags : undefined;
  }

  /** The index's brief of the file's result (StoreCodec.brief) when it was kept under this very key; the caller checks its shape. */
  brief(file: string, key: string): unknown {
    const entry = this.index.get(file);
    return entry?.key === key ? entry.brief : undefined;
  }

  /** The file's result when it was kept under this very key. */
  get(file: string, key: string): T | undefined {
    if (this.flags(file, key) === undefined) return undefined;
    const { entries, texts } = this.values();
    const entry = entries.get(file);
    return isObject(entry) && entry.key === key && this.codec.accept(entry.value, texts, file) ? entry.value : undefined;
  }

  set(file: string, key: string, value: T): void {
    this.values().entries.set(file, { key, value });
    this.index.set(file, this.indexEntry(key, value, file));
    this.touch();
  }

  /** The index's line of a value: its flags and brief, worked out once, when it is set (encode writes them as they are). */
  private indexEntry(key: string, value: T, file: string): IndexEntry {
    return { key, flags: this.codec.flags?.(value, file) ?? 0, brief: this.codec.brief?.(value, file) };
  }

  /** The index line, then the values, as JSON in ASCII (\\u escapes): read back as one-byte text, with no UTF-8 to decode. */
  protected encode(): string {
    const { entries: kept, texts: keptTexts } = this.values();
    const texts: unknown[] = [];
    const numbers = new Map<string, number>();
    const intern = (text: unknown) => {
      const id = typeof text === 'string' ? text : JSON.stringify(text);
      let n = numbers.get(id);
      if (n === undefined) {
        numbers.set(id, (n = texts.length));
        texts.push(text);
      }
      return n;
    };
    const entries: Record<string, { key: string; value: unknown }> = {};
    const index: Record<string, [string, number] | [string, number, unknown]> = {};
    for (const [file, entry] of kept) {
      // Entries this run did not read still number their texts in the old table: given their texts back first.
      if (!isObject(entry) || typeof entry.key !== 'string' || !this.codec.accept(entry.value, keptTexts, file)) continue;
      entries[file] = { key: entry.key, value: this.codec.intern(entry.value, intern, file) };
      // Set by this run, or read with the value it describes; a value whose index line was not read is described here.
      const known = this.index.get(file);
      const { flags, brief } = known?.key === entry.key ? known : this.indexEntry(entry.key, entry.value, file);
      index[file] = brief === undefined ? [entry.key, flags] : [entry.key, flags, brief];
    }
    const head = JSON.stringify({ format: ENTRY_FORMAT, workspace: this.workspace, index });
    return `${head}\n{"texts":${JSON.stringify(texts)},"entries":${JSON.stringify(entries)}}`.replace(/[\u0080-\uffff]/g, asciiEscape);
  }
}

/** A file's line of a store's index: the key its value was made under, its flags and brief (StoreCodec). */
interface IndexEntry {
  key: string;
  flags: number;
  brief?: unknown;
}

/** A character as a JSON \\u escape (stores are written in ASCII). */
const asciiEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** JSON in ASCII (every other character as a \\u escape of four hex digits): a store's head line, read back by headLine one byte a character. */
export const asciiJson = (value: unknown): string => JSON.stringify(value).replace(/[\u0080-\uffff]/g, asciiEscape);

/** The name of a workspace's store of one kind: by the units file, so workspaces with different units files never take turns overwriting one store. */
export function storeName(kind: string, unitsFile: string): string {
  return `${kind}-${hash(unitsFile).slice(0, 32)}`;
}

/**
 * A diagnostic as the results store keeps it: the numbers in the table of its
 * other fields (severity, code, path: a few hundred distinct in a province of
 * 11,513 warnings; its file too when not the entry's own), its message and help,
 * then its place. A fifth of the JSON of the whole object, and read back with
 * its texts shared instead of made once per diagnostic.
 */
type KeptDiagnostic = [fields: number, message: number, help: number | null, line: number | null, column: number | null, endLine: number | null, endColumn: number | null];

function keepDiagnostic(d: Diagnostic, intern: (text: unknown) => number, file: string): KeptDiagnostic {
  const { file: own, message, help, line, column, endLine, endColumn, ...fields } = d;
  return [intern(own === file ? fields : { file: own, ...fields }), intern(message), help ? intern(help) : null, line ?? null, column ?? null, endLine ?? null, endColumn ?? null];
}

function restoreDiagnostic(kept: unknown[], texts: readonly unknown[], file: string): Diagnostic | undefined {
  if (kept.length !== 7) return undefined;
  const [fields, message, help, line, column, endLine, endColumn] = kept;
  const rest = texts[fields as number];
  const text = texts[message as number];
  const helpText = help === null ? undefined : texts[help as number];
  if (!isObject(rest) || Array.isArray(rest) || !isObject(text) || (help !== null && !isObject(helpText))) return undefined;
  if (!isPlace(line) || !isPlace(column) || !isPlace(endLine) || !isPlace(endColumn)) return undefined;
  // Filled in place, not spread from parts: eleven thousand of these are made on every warm run.
  const d = { file, ...(rest as object), message: text } as Diagnostic;
  if (helpText) d.help = helpText as Diagnostic['message'];
  if (line !== null) d.line = line;
  if (column !== null) d.column = column;
  if (endLine !== null) d.endLine = endLine;
  if (endColumn !== null) d.endColumn = endColumn;
  return d;
}

const isPlace = (n: unknown): n is number | null => n === null || typeof n === 'number';

/** The results store's values: each file's diagnostics (see KeptDiagnostic), summary and code-frame lines. */
export const CACHED_PLAN: StoreCodec<CachedPlan> = {
  accept(value, texts, file): value is CachedPlan {
    if (!isObject(value) || !Array.isArray((value as CachedPlan).diagnostics)) return false;
    const { summary, diagnostics, lines } = value as CachedPlan;
    if (summary !== undefined && !isPlanSummary(summary)) return false;
    if (lines !== undefined && !(isObject(lines) && Object.values(lines).every((line) => typeof line === 'string'))) return false;
    const list = diagnostics as unknown[];
    for (let i = 0; i < list.length; i++) {
      const d = list[i];
      if (Array.isArray(d)) {
        const restored = restoreDiagnostic(d, texts, file);
        if (!restored) return false;
        list[i] = restored;
      } else if (!isObject(d) || !isObject((d as Diagnostic).message)) return false;
    }
    return true;
  },
  intern(value, intern, file) {
    return { ...value, diagnostics: value.diagnostics.map((d) => keepDiagnostic(d, intern, file)) };
  },
  brief(value) {
    const { summary } = value;
    return summary ? [value.diagnostics.length, summary.tasks, summary.duties, summary.deadlines] : [value.diagnostics.length];
  },
  flags(value, file) {
    const clean = value.diagnostics.length <= MAX_DIAGNOSTICS_PER_FILE && value.diagnostics.every((d) => d.file === file && d.severity !== 'error');
    return clean ? CLEAN : 0;
  },
};

const isPlanSummary = (v: unknown): v is PlanSummary =>
  isObject(v) && typeof (v as PlanSummary).tasks === 'number' && typeof (v as PlanSummary).duties === 'number' && isNumbers((v as PlanSummary).deadlines);

const isNumbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((n) => typeof n === 'number');

/**
 * What the results store's index keeps of a file's result (CACHED_PLAN.brief): how many
 * diagnostics it has and its summary, so plan check counts and sums without reading the values.
 * Undefined when the brief is not one.
 */
export function readBrief(brief: unknown): { count: number; summary?: PlanSummary } | undefined {
  if (!Array.isArray(brief) || !Number.isInteger(brief[0])) return undefined;
  if (brief.length === 1) return { count: brief[0] as number };
  const [count, tasks, duties, deadlines] = brief as unknown[];
  const summary = { tasks, duties, deadlines };
  return brief.length === 4 && isPlanSummary(summary) ? { count: count as number, summary } : undefined;
}

/**
 * A results store's flag: every diagnostic of the result is of the file itself, none is an error, and
 * there are no more than the per-file cap (past it, capPerFile adds an error): the file alone fails nothing.
 */
export const CLEAN = 1;

/**
 * What a view prints for each file's diagnostics, kept as the very bytes written: what
 * a file prints is a function of its result, so of its key, and of the format and the
 * language, which name the store (storeName). plan check --format short prints a
 * province's 11,513 warnings as 3.8 MB of text, made again from the kept diagnostics on
 * every run otherwise. One entry: an index line (JSON in ASCII: the workspace key, each
 * file's key and how many bytes it printed), then the bytes of every file one after the
 * other. Anything that does not read as a store for this workspace key, whose lengths
 * do not add up to its bytes, is an empty store. The bytes are not hashed: like the
 * other stores, an entry is written whole (renamed into place) by this code alone, so
 * what can spoil it is another version or workspace (the head says) or a cut (the
 * lengths say); hashing the 3.8 MB a province prints was work on every warm check.
 */
export class PrintedStore extends KeptStore<Uint8Array> {
  private constructor(
    workspace: string,
    private readonly kept: Map<string, { key: string; bytes: Uint8Array }>,
  ) {
    super(workspace);
  }

  static read(workspace: string, entry: Uint8Array | undefined): PrintedStore {
    const kept = new Map<string, { key: string; bytes: Uint8Array }>();
    const first = firstLine(entry);
    const head = headLine(first?.line, ENTRY_FORMAT, workspace);
    if (!head || !Array.isArray(head.files)) return new PrintedStore(workspace, kept);
    const body = entry!.subarray(first!.restAt);
    let at = 0;
    for (const item of head.files as unknown[]) {
      if (!Array.isArray(item) || typeof item[0] !== 'string' || typeof item[1] !== 'string' || !Number.isInteger(item[2]) || item[2] < 0 || at + item[2] > body.length) {
        return new PrintedStore(workspace, new Map());
      }
      kept.set(item[0], { key: item[1], bytes: body.subarray(at, at + item[2]) });
      at += item[2];
    }
    return new PrintedStore(workspace, at === body.length ? kept : new Map());
  }

  /** What the file printed when its result had this very key. */
  get(file: string, key: string): Uint8Array | undefined {
    const found = this.kept.get(file);
    return found?.key === key ? found.bytes : undefined;
  }

  set(file: string, key: string, bytes: Uint8Array): void {
    this.kept.set(file, { key, bytes });
    this.touch();
  }

  protected encode(): Uint8Array {
    const files: [string, string, number][] = [];
    const parts: Uint8Array[] = [];
    for (const [file, { key, bytes }] of this.kept) {
      files.push([file, key, bytes.length]);
      parts.push(bytes);
    }
    const body = Buffer.concat(parts);
    const head = asciiJson({ format: ENTRY_FORMAT, workspace: this.workspace, files });
    return Buffer.concat([Buffer.from(`${head}\n`, 'latin1'), body]);
  }
}

// The content cache of plan files (as ESLint's and Prettier's --cache): what
// reading and checking one plan file gave (its model and its located
// diagnostics), kept under a key made of everything that result depends on —
// the file's name and bytes, the units, calendar and settings files, the day
// records are checked against, the "trước ngày" rule, and the code itself.
// Equal key, equal result: a hit is used as it is, anything else (a missing,
// corrupt or foreign entry) is read again from the file. Storing entries is the
// I/O layer's job (src/io/cache.ts); this module only makes keys and entries.
import { createHash } from 'node:crypto';
import type { Diagnostic } from './diagnostic.js';
import type { Plan } from './model.js';
import type { PlanSummary } from './schedule.js';

/** Where entries are kept: text under a key, best effort (a store that fails just misses). */
export interface ContentCache {
  /** What identifies the code that made the entries (tool version and build). */
  readonly codeId: string;
  get(key: string): string | undefined;
  set(key: string, entry: string): void;
}

/** Raised when an entry's layout changes, so old entries are never read as new ones. */
const ENTRY_FORMAT = 1;

/**
 * One plan file's result: its located diagnostics and, when it has a model,
 * the plan's summary. The model itself is kept apart (planPart), read only by
 * the commands that need it: plan check reads the summary alone.
 */
export interface CachedPlan {
  diagnostics: Diagnostic[];
  summary?: PlanSummary;
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
  return hash(
    String(ENTRY_FORMAT),
    cache.codeId,
    fileKey(parts.units),
    parts.unitsFile,
    fileKey(parts.calendar),
    fileKey(parts.settings),
    parts.today ?? '',
    String(parts.strictBefore),
  );
}

export function planKey(workspace: string, file: string, bytes: Uint8Array): string {
  return hash(workspace, file, bytes);
}

export function encodeEntry(key: string, result: CachedPlan): string {
  return JSON.stringify({ format: ENTRY_FORMAT, key, ...result });
}

export function encodePlan(key: string, plan: Plan): string {
  return JSON.stringify({ format: ENTRY_FORMAT, key, plan });
}

function parseEntry(key: string, text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  let entry: unknown;
  try {
    entry = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!entry || typeof entry !== 'object') return undefined;
  const fields = entry as Record<string, unknown>;
  return fields.format === ENTRY_FORMAT && fields.key === key ? fields : undefined;
}

const isObject = (v: unknown): v is object => v !== null && typeof v === 'object';

/** The entry's result, when it is a well-formed entry for this very key; otherwise undefined (read the file again). */
export function decodeEntry(key: string, text: string | undefined): CachedPlan | undefined {
  const entry = parseEntry(key, text);
  if (!entry || !Array.isArray(entry.diagnostics)) return undefined;
  const { diagnostics, summary } = entry;
  if (summary === undefined) return { diagnostics: diagnostics as Diagnostic[] };
  if (!isObject(summary) || !Array.isArray((summary as PlanSummary).deadlines)) return undefined;
  return { diagnostics: diagnostics as Diagnostic[], summary: summary as PlanSummary };
}

/** The model kept under this key, or undefined when that part is missing or not for this key. */
export function decodePlan(key: string, text: string | undefined): Plan | undefined {
  const plan = parseEntry(key, text)?.plan;
  return isObject(plan) ? (plan as Plan) : undefined;
}

// Diagnostics are data: every stage returns them instead of throwing, so one
// run reports every mistake in every file. Messages carry both languages; the
// renderer picks one.
import { detached, rememberBounded } from './text.js';

export type Lang = 'vi' | 'en';

export interface Localized {
  vi: string;
  en: string;
}

export type Severity = 'error' | 'warning';

export type YamlPath = readonly (string | number)[];

export interface Diagnostic {
  file: string;
  severity: Severity;
  /** Stable kebab-case code, e.g. "unknown-unit". */
  code: string;
  message: Localized;
  help?: Localized;
  /** Where: a YAML path into the file (located later), or a byte range already known. */
  path?: YamlPath;
  /** With path: point at the key rather than the value. */
  atKey?: boolean;
  range?: readonly [number, number];
  /** Filled in by locateDiagnostics. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export function localized(vi: string, en: string): Localized {
  // A message quoting a plan's words (a unit name, a deadline) would keep its file's whole text alive to the end of the run.
  return { vi: detached(vi), en: detached(en) };
}

/**
 * The same message, one object for equal messages met lately. Located diagnostics live to the end of a run, and
 * every young-generation collection copies what lives: a province's 11,906 warnings have ~3,300 distinct messages.
 * Messages are never changed once made (the content cache shares them so too).
 */
export function sharedMessage(message: Localized): Localized {
  const known = recentMessages.get(message.vi);
  if (known !== undefined && known.en === message.en) return known;
  rememberBounded(recentMessages, message.vi, message, RECENT_MESSAGES_LIMIT);
  return message;
}

/** Messages by their Vietnamese text (bounded: a long-lived process checks workspace after workspace). */
const recentMessages = new Map<string, Localized>();
const RECENT_MESSAGES_LIMIT = 5_000;

/** The text in the user's language. */
export function tr(lang: Lang, vi: string, en: string): string {
  return lang === 'vi' ? vi : en;
}

export function countBySeverity(diags: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diags) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** At most this many diagnostics are shown per file; the rest are counted (capPerFile). */
export const MAX_DIAGNOSTICS_PER_FILE = 200;

/**
 * At most `max` diagnostics per file (in the order given), then one that
 * counts the rest: thousands of lines about one broken file help nobody.
 */
export function capPerFile(diags: readonly Diagnostic[], max: number): Diagnostic[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diags) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const out: Diagnostic[] = [];
  for (const [file, list] of byFile) {
    out.push(...list.slice(0, max));
    if (list.length <= max) continue;
    const first = list[max]!;
    out.push({
      file,
      severity: 'error',
      code: 'too-many-errors',
      ...(first.line !== undefined ? { line: first.line, column: first.column ?? 1 } : {}),
      message: localized(`và ${list.length - max} lỗi khác trong tệp này (chỉ hiện ${max} lỗi đầu)`, `and ${list.length - max} more in this file (only the first ${max} are shown)`),
    });
  }
  return out;
}

// Diagnostics are data: every stage returns them instead of throwing, so one
// run reports every mistake in every file. Messages carry both languages; the
// renderer picks one.

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
  return { vi, en };
}

export function pick(text: Localized, lang: Lang): string {
  return text[lang];
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

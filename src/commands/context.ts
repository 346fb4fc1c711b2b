// What every command gets from the command line: language, colour, and the
// one way out (ExitError), so only cli.ts decides how the process ends.
import type { Lang, Localized } from '../core/diagnostic.js';

export class ExitError extends Error {
  constructor(
    readonly exitCode: number,
    message?: string,
  ) {
    super(message ?? '');
  }
}

/** Exit code 1 with a message in the user's language. */
export function fail(lang: Lang, text: Localized): never {
  throw new ExitError(1, text[lang]);
}

/** Exit code 2: the command line itself is wrong. */
export function usage(lang: Lang, text: Localized): never {
  throw new ExitError(2, text[lang]);
}

export interface GlobalOptions {
  lang: Lang;
  color: boolean;
}

export function tr(lang: Lang, vi: string, en: string): string {
  return lang === 'vi' ? vi : en;
}

// What every command gets from the command line: language, colour, the injected
// outside world (CliIo), and the one way out (ExitError, from src/io/exit.ts).
import type { CalendarDate } from '../core/dates.js';
import { parseDateText, todayInVietnam } from '../core/dates.js';
import type { Lang, Localized } from '../core/diagnostic.js';
import { tr } from '../core/diagnostic.js';

import type { CliIo } from '../io/exit.js';
import { usage } from '../io/exit.js';

export type { CliIo, Output } from '../io/exit.js';
export { ExitError, fail, usage } from '../io/exit.js';
export { tr };

export interface GlobalOptions {
  lang: Lang;
  color: boolean;
  io: CliIo;
  /** --no-cache: read every plan file again, keep nothing. */
  noCache?: boolean;
  /** --cache-location: the cache folder instead of node_modules/.cache/kehoach (or .cache/kehoach). */
  cacheLocation?: string;
}

/** Today in Vietnam by the injected clock, whatever the machine's zone. */
export function today(g: GlobalOptions): CalendarDate {
  return todayInVietnam(g.io.now());
}

/** --as-of: 2024-05-21 or 21/05/2024; default today in Vietnam whatever the machine's zone. */
export function resolveAsOf(g: GlobalOptions, text: unknown): CalendarDate {
  if (text === undefined) return today(g);
  const lang = g.lang;
  const d = parseDateText(String(text));
  if (!d)
    usage(lang, {
      vi: `lỗi: ngày "${String(text)}" không hợp lệ cho --as-of (viết 21/05/2024 hoặc 2024-05-21)`,
      en: `error: "${String(text)}" is not a valid date for --as-of (write 21/05/2024 or 2024-05-21)`,
    });
  return d;
}

/**
 * Says what the command took for a day or year nobody gave (today, this year),
 * first and on stderr, so the clerk can question it and piped output stays clean.
 */
export function sayAssumed(g: GlobalOptions, parts: readonly Localized[]): void {
  if (parts.length > 0) g.io.stderr.write(`${tr(g.lang, 'Giả định', 'Assumed')}: ${parts.map((p) => p[g.lang]).join('; ')}\n`);
}

/** --year: a four-digit year a plan can have (1945–2100), or undefined when not given. */
export function resolveYear(lang: Lang, text: unknown): number | undefined {
  if (text === undefined) return undefined;
  const year = Number(text);
  if (!/^\d{4}$/.test(String(text)) || year < 1945 || year > 2100) {
    usage(lang, { vi: `lỗi: --year "${String(text)}" không phải một năm hợp lệ (1945–2100)`, en: `error: --year "${String(text)}" is not a valid year (1945–2100)` });
  }
  return year;
}

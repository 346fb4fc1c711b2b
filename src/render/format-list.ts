// A --format value: a list of registered names (with aliases), or the refusal
// naming what is unknown and what there is. Used by the document formats
// (formats.ts) and the view formats (outputs.ts) alike.
import type { Localized } from '../core/diagnostic.js';

export type FormatList<F> = { ok: true; formats: F[] } | { ok: false; unknown: string[]; allowed: string[] };

/** "md,docx" (or an alias, or several) → the formats in the order given, each once; or the names nobody registered. */
export function parseFormatList<F extends { name: string }>(text: string, registry: readonly F[], aliases: Readonly<Record<string, readonly string[]>> = {}): FormatList<F> {
  const names = text
    .split(',')
    .map((n) => n.trim().toLowerCase())
    .filter((n) => n.length > 0)
    .flatMap((n) => aliases[n] ?? [n]);
  const unknown = names.filter((n) => !registry.some((f) => f.name === n));
  if (unknown.length > 0 || names.length === 0) return { ok: false, unknown: unknown.length ? [...new Set(unknown)] : [text], allowed: [...registry.map((f) => f.name), ...Object.keys(aliases)] };
  return { ok: true, formats: [...new Set(names)].map((n) => registry.find((f) => f.name === n)!) };
}

/** The start of the refusal of an unknown --format, the same for documents and views: what is unknown, what there is. */
export function unknownFormatMessage(unknown: readonly string[], allowed: readonly string[]): Localized {
  if (unknown.every((n) => n.trim() === '')) return { vi: `lỗi: --format cần một giá trị: ${allowed.join(', ')}`, en: `error: --format needs a value: ${allowed.join(', ')}` };
  const names = unknown.map((n) => `"${n}"`).join(', ');
  return { vi: `lỗi: không có định dạng ${names} cho --format; chọn trong: ${allowed.join(', ')}`, en: `error: no format ${names} for --format; choose from: ${allowed.join(', ')}` };
}

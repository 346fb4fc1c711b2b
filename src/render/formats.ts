// The document formats of `plan sheets` and `plan report`, in one place: a
// format is one file (src/render/format-*.ts) that turns the document model
// (SheetView, ReportView: the same for every format) into files, plus its line
// in DOCUMENT_FORMATS. `--format` takes a list of their names (md,docx).
import type { Localized } from '../core/diagnostic.js';
import type { DocProperty } from '../core/report-markers.js';
import type { DocxTemplate } from './docx-template.js';
import { docxFormat } from './format-docx.js';
import { markdownFormat } from './format-markdown.js';
import type { ReportView } from './report-view.js';
import type { SheetView } from './sheet-view.js';

/** What a format renders: the sheets (one file each), or one report with its document properties. */
export type DocumentInput = { kind: 'sheet'; views: readonly SheetView[] } | { kind: 'report'; views: readonly ReportView[]; properties: readonly DocProperty[] };

export interface DocumentFormat {
  /** As --format names it. */
  name: string;
  /** Of the files it writes. */
  extension: string;
  /** It fills a Word template, which the command finds and checks before anything is made. */
  needsWordTemplate: boolean;
  /** One file's content per view, in order. Async: a heavy library loads only when its format is asked for. */
  render(input: DocumentInput, template: DocxTemplate | undefined): Promise<(string | Uint8Array)[]>;
}

export const DOCUMENT_FORMATS: readonly DocumentFormat[] = [markdownFormat, docxFormat];

/** Names that stand for several formats. */
export const DOCUMENT_FORMAT_ALIASES: Readonly<Record<string, readonly string[]>> = { both: ['md', 'docx'] };

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

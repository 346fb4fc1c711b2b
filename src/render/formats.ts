// The document formats of `plan sheets` and `plan report`, in one place: a
// format is one file (src/render/format-*.ts) that turns the document model
// (SheetView, ReportView: the same for every format) into files, plus its line
// in DOCUMENT_FORMATS. `--format` takes a list of their names (md,docx).
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

// The --format list and its refusal, shared with the view formats (a file of its own, so
// choosing a view's format loads none of the document renderers imported above).
export { type FormatList, parseFormatList, unknownFormatMessage } from './format-list.js';

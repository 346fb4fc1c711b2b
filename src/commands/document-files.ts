// What sheets and reports share before writing: check's warnings that touch
// the documents (printed, or refusing with --strict), the Word template to
// fill (a clerk's --templates copy or the shipped one, its fields checked),
// and the note listing the fields left blank and where to fill them.
import path from 'node:path';
import type { Diagnostic, Lang } from '../core/diagnostic.js';
import { renderDiagnosticsPretty } from '../render/diagnostics.js';
import type { BlankField } from '../render/document-view.js';
import type { DocxTemplate, TemplateProblem } from '../render/docx-template.js';
import { DOCUMENT_FORMAT_ALIASES, DOCUMENT_FORMATS, type DocumentFormat, type DocumentInput, parseFormatList, unknownFormatMessage } from '../render/formats.js';
import type { GlobalOptions } from './context.js';
import { ExitError, fail, tr, usage } from './context.js';
import { SHIPPED_TEMPLATES } from './wording.js';
import type { Workspace } from './workspace.js';
import { displayPath, pathKind } from '../io/files.js';
import { readFileLimited } from '../io/read-file.js';
import { countEn } from '../core/text.js';

/** Warnings of plan check that a printed document would repeat or be wrong about. */
export const DOCUMENT_WARNINGS: ReadonlySet<string> = new Set(['incomplete-number', 'incomplete-date', 'place-spelling', 'lead-outside-authority']);

/** Print the warnings touching the documents; with --strict, refuse to write them. */
export function documentWarnings(ws: Workspace, strict: boolean, lang: Lang, err: (s: string) => void): void {
  const found: Diagnostic[] = ws.diagnostics.filter((d) => d.severity === 'warning' && DOCUMENT_WARNINGS.has(d.code));
  if (found.length === 0) return;
  err(renderDiagnosticsPretty(found, (f) => ws.sources.get(f), lang));
  if (strict) {
    throw new ExitError(
      1,
      tr(
        lang,
        `--strict: ${found.length} cảnh báo về nội dung sẽ in ra văn bản; sửa kế hoạch rồi chạy lại (không ghi gì).`,
        `--strict: ${countEn(found.length, 'warning')} about what the documents would print; fix the plans and run again (nothing written).`,
      ),
    );
  }
  err(
    `${tr(lang, `Lưu ý: văn bản được lập dù có ${found.length} cảnh báo trên (thêm --strict để không lập).`, `Note: the documents are written despite the ${countEn(found.length, 'warning')} above (add --strict to refuse).`)}\n`,
  );
}

const MAX_TEMPLATE_BYTES = 20 * 1024 * 1024;

/** DIR/vi/NAME.docx or DIR/NAME.docx of --templates, else the shipped one; read through the I/O layer (regular files, a size cap). */
export function findDocxTemplate(name: string, own: string | undefined, lang: Lang): DocxTemplate {
  const candidates = own !== undefined ? [path.join(own, 'vi', `${name}.docx`), path.join(own, `${name}.docx`)] : [];
  const file = candidates.find((f) => pathKind(f) !== undefined) ?? path.join(SHIPPED_TEMPLATES, 'vi', `${name}.docx`);
  const shown = displayPath(file);
  const read = readFileLimited(file, shown, MAX_TEMPLATE_BYTES);
  if (!read.ok) fail(lang, { vi: `lỗi: không đọc được mẫu Word: ${read.diagnostic.message.vi}`, en: `error: cannot read the Word template: ${read.diagnostic.message.en}` });
  return { file: shown, bytes: read.bytes };
}

/** Load the Word template and check its fields, or stop with every problem located. */
export async function loadDocxTemplate(name: string, known: readonly string[], g: GlobalOptions, own: string | undefined): Promise<DocxTemplate> {
  const { checkTemplateFields, DocxTemplateError } = await import('../render/docx-template.js');
  const t = findDocxTemplate(name, own, g.lang);
  let problems: readonly TemplateProblem[];
  try {
    problems = checkTemplateFields(t, known);
  } catch (e) {
    if (e instanceof DocxTemplateError) problems = e.problems;
    else throw e;
  }
  if (problems.length > 0)
    templateFailure(
      problems.map((p) => p.message),
      g.lang,
    );
  return t;
}

export function templateFailure(messages: readonly { vi: string; en: string }[], lang: Lang): never {
  const lines = messages.map((m) => `${tr(lang, 'lỗi mẫu', 'template error')}: ${m[lang]}`).join('\n');
  throw new ExitError(1, `${lines}\n${tr(lang, 'Mẫu Word có lỗi; sửa rồi chạy lại (không ghi gì).', 'The Word template has errors; fix it and run again (nothing written).')}`);
}

/** "Để trống: …" once per field, however many documents left it blank. */
export function blankNote(blanks: readonly BlankField[], lang: Lang): string {
  if (blanks.length === 0) return '';
  const seen = new Map<string, { where: string; count: number }>();
  for (const b of blanks) {
    const what = b.what[lang];
    const entry = seen.get(what);
    if (entry) entry.count++;
    else seen.set(what, { where: b.where[lang], count: 1 });
  }
  const head = tr(lang, 'Để trống (chưa có dữ liệu), điền vào văn bản hoặc bổ sung dữ liệu rồi lập lại:', 'Left blank (no data); fill them in the documents, or add the data and run again:');
  const items = [...seen].map(([what, e]) => `  - ${what}${e.count > 1 ? tr(lang, ` (${e.count} văn bản)`, ` (${e.count} documents)`) : ''} → ${e.where}`);
  return `${head}\n${items.join('\n')}\n`;
}

/** --format's list (md,docx; both = md,docx), or exit 2 naming the formats there are. */
export function documentFormats(text: string | undefined, lang: Lang): DocumentFormat[] {
  const parsed = parseFormatList(text ?? 'both', DOCUMENT_FORMATS, DOCUMENT_FORMAT_ALIASES);
  if (parsed.ok) return parsed.formats;
  const aliases = Object.entries(DOCUMENT_FORMAT_ALIASES).map(([name, list]) => `${name} = ${list.join(',')}`);
  const refused = unknownFormatMessage(
    parsed.unknown,
    DOCUMENT_FORMATS.map((f) => f.name),
  );
  usage(lang, {
    vi: `${refused.vi} (${aliases.join('; ')}), nhiều định dạng cách nhau bởi dấu phẩy, ví dụ --format md,docx`,
    en: `${refused.en} (${aliases.join('; ')}), several separated by commas, e.g. --format md,docx`,
  });
}

/** Each format's files for the views (a list per format, one per view), or stop with the template's problems located (nothing is written). */
export async function renderDocuments(formats: readonly DocumentFormat[], input: DocumentInput, template: DocxTemplate | undefined, l: Lang): Promise<(string | Uint8Array)[][]> {
  const out: (string | Uint8Array)[][] = [];
  for (const format of formats) {
    try {
      out.push(await format.render(input, template));
    } catch (e) {
      const { DocxTemplateError } = await import('../render/docx-template.js');
      if (e instanceof DocxTemplateError)
        templateFailure(
          e.problems.map((p) => p.message),
          l,
        );
      throw e;
    }
  }
  return out;
}

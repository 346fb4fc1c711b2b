// Reads the wording templates: the shipped templates/vi/*.txt, overlaid by a
// clerk's own folder (--templates DIR). A bad template stops the command with
// located diagnostics, printed like plan check's.
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { LineCounter } from '../core/lines.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { SourceFile } from '../core/load.js';
import { type PeriodName, periodNamer } from '../core/periods.js';
import type { ParsedTemplate, TemplateSpec, Wording } from '../core/templates.js';
import { buildWording, parseTemplate, REPORT_SPEC } from '../core/templates.js';
import { renderDiagnosticsPretty } from '../render/diagnostics.js';
import type { GlobalOptions } from './context.js';
import { ExitError, fail, tr } from './context.js';
import { displayPath, pathKind, readTextFile } from '../io/files.js';

/** templates/ shipped beside dist/ (this file is dist/commands/wording.js). */
export const SHIPPED_TEMPLATES = path.join(PACKAGE_ROOT, 'templates');

const LANGUAGE = 'vi';

/** A folder holding the template files: DIR/vi/ when present (a copy of templates/), else DIR itself. */
function templateFolder(dir: string): string {
  const nested = path.join(dir, LANGUAGE);
  return pathKind(nested) === 'folder' ? nested : dir;
}

export function loadWording(g: GlobalOptions, own: string | undefined, specs: Readonly<Record<string, TemplateSpec>>): Record<string, Wording> {
  if (own !== undefined && pathKind(own) !== 'folder') {
    fail(g.lang, { vi: `lỗi: không tìm thấy thư mục mẫu ${own} (--templates)`, en: `error: template folder ${own} not found (--templates)` });
  }
  const shipped = templateFolder(SHIPPED_TEMPLATES);
  const ownFolder = own !== undefined ? templateFolder(own) : undefined;
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, SourceFile>();
  const out: Record<string, Wording> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const layers: ParsedTemplate[] = [];
    const shippedFile = path.join(shipped, `${name}.txt`);
    for (const file of [shippedFile, ...(ownFolder ? [path.join(ownFolder, `${name}.txt`)] : [])]) {
      if (pathKind(file) === undefined) continue;
      const shown = displayPath(file);
      const read = readTextFile(file);
      if (!read.ok) fail(g.lang, { vi: `lỗi: ${read.diagnostic.message.vi}`, en: `error: ${read.diagnostic.message.en}` });
      const text = read.text;
      sources.set(shown, { file: shown, text, lineCounter: new LineCounter() });
      layers.push(parseTemplate(shown, text, spec));
    }
    const built = buildWording(spec, layers, displayPath(shippedFile));
    diagnostics.push(...built.diagnostics);
    out[name] = built.wording;
  }
  if (diagnostics.length > 0) {
    g.io.stderr.write(renderDiagnosticsPretty(diagnostics, (f) => sources.get(f), g.lang));
    throw new ExitError(1, tr(g.lang, 'Mẫu văn bản có lỗi; sửa rồi chạy lại.', 'The templates have errors; fix them and run again.'));
  }
  return out;
}

/** Periods named in a command's own output as the shipped reports name them (read only when one is named). */
export function periodNames(g: GlobalOptions): PeriodName {
  return periodNamer(g.lang, () => loadWording(g, undefined, { report: REPORT_SPEC }).report!);
}

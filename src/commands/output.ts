// The output format of a command that prints a view (check, overdue, agenda,
// diff, show, ics): --json or --format names one of the formats registered for
// the view (src/render/outputs.ts), checked before anything is read.
import type { Lang } from '../core/diagnostic.js';
import { parseFormatList, unknownFormatMessage } from '../render/format-list.js';
import { type OutputFormat, type OutputTarget, outputFormatsFor, renderOutput, type ViewName, type Views } from '../render/outputs.js';
import type { GlobalOptions } from './context.js';
import { usage } from './context.js';
import { terminalColumns } from './terminal.js';

export interface OutputOptions {
  json?: boolean;
  format?: string;
}

/** The format asked for (--json is --format json; none, the first registered for the view), or exit 2 naming the formats of this view. */
export function chooseOutput(view: ViewName, opts: OutputOptions, lang: Lang): OutputFormat {
  const registered = outputFormatsFor(view);
  const parsed = parseFormatList(opts.json ? 'json' : (opts.format ?? registered[0]!.name), registered);
  if (parsed.ok && parsed.formats.length === 1) return parsed.formats[0]!;
  const allowed = registered.map((f) => f.name);
  if (!parsed.ok) usage(lang, unknownFormatMessage(parsed.unknown, allowed));
  usage(lang, { vi: `lỗi: --format "${opts.format}": chỉ chọn một định dạng trong: ${allowed.join(', ')}`, en: `error: --format "${opts.format}": choose one format of: ${allowed.join(', ')}` });
}

/** Standard output, in the user's language, at the terminal's width (none when piped). */
function stdoutTarget(g: GlobalOptions): OutputTarget {
  const columns = terminalColumns(g.io.stdout, g.io.env);
  return { lang: g.lang, write: (text) => g.io.stdout.write(text), ...(columns !== undefined ? { columns } : {}) };
}

/** Print the view on standard output in the format chosen. */
export function printView<V extends ViewName>(view: V, data: Views[V], format: OutputFormat, g: GlobalOptions): Promise<void> {
  return renderOutput(view, data, format, stdoutTarget(g));
}

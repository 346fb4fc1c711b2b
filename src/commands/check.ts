// `plan check`: load every plan and the units file, print every diagnostic,
// end with a one-line summary. Exit 1 on errors (or warnings with --strict).
import { countBySeverity } from '../core/diagnostic.js';
import { allTasks } from '../core/model.js';
import { diagnosticsToJson, renderDiagnosticsPretty, renderDiagnosticsShort } from '../render/diagnostics.js';
import type { GlobalOptions } from './context.js';
import { resolveAsOf, tr } from './context.js';
import { loadWorkspace } from './workspace.js';

interface CheckOptions {
  strict?: boolean;
  json?: boolean;
  format?: 'pretty' | 'short' | 'json';
  units?: string;
  asOf?: string;
}

export function run(args: unknown[], opts: CheckOptions, g: GlobalOptions): number {
  const paths = (args[0] as string[] | undefined) ?? [];
  const today = resolveAsOf(g.lang, opts.asOf);
  const ws = loadWorkspace(paths, { ...(opts.units ? { units: opts.units } : {}), today });
  const { errors, warnings } = countBySeverity(ws.diagnostics);
  const tasks = ws.plans.reduce((n, p) => n + allTasks(p).length, 0);
  const duties = ws.plans.reduce((n, p) => n + p.duties.length, 0);
  const failed = errors > 0 || (opts.strict === true && warnings > 0);
  const format = opts.json ? 'json' : (opts.format ?? 'pretty');

  if (format === 'json') {
    const summary = { files: ws.files.length, plans: ws.plans.length, tasks, duties, errors, warnings, ok: !failed };
    process.stdout.write(`${JSON.stringify({ diagnostics: diagnosticsToJson(ws.diagnostics, g.lang), summary }, null, 2)}\n`);
    return failed ? 1 : 0;
  }
  const text = (file: string) => ws.sources.get(file)?.text;
  const body = format === 'short' ? renderDiagnosticsShort(ws.diagnostics, g.lang) : renderDiagnosticsPretty(ws.diagnostics, text, g.lang);
  if (body) process.stdout.write(format === 'short' ? body : `${body}\n`);
  const l = g.lang;
  const summary = tr(
    l,
    `${ws.files.length} tệp, ${ws.plans.length} kế hoạch, ${tasks} nhiệm vụ, ${duties} nghĩa vụ báo cáo: ${errors} lỗi, ${warnings} cảnh báo`,
    `${ws.files.length} file(s), ${ws.plans.length} plan(s), ${tasks} tasks, ${duties} reporting duties: ${errors} error(s), ${warnings} warning(s)`,
  );
  process.stdout.write(`${summary}\n`);
  if (failed && errors === 0) process.stdout.write(`${tr(l, '--strict: cảnh báo được tính là lỗi', '--strict: warnings count as errors')}\n`);
  return failed ? 1 : 0;
}

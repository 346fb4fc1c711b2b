// `plan show`: the resolved model, as an outline for people (text) or JSON for
// tools, through the output formats (src/render/outputs.ts).
import type { GlobalOptions } from './context.js';
import { chooseOutput, type OutputOptions, printView } from './output.js';
import { loadValidWorkspace } from './workspace.js';

export async function run(args: unknown[], opts: OutputOptions & { units?: string }, g: GlobalOptions): Promise<number> {
  const format = chooseOutput('show', opts, g.lang);
  const ws = loadValidWorkspace((args[0] as string[] | undefined) ?? [], opts.units ? { units: opts.units } : {}, g);
  // Dates as every other command reads them: repository setting for "trước ngày", days off from calendar.yaml.
  await printView('show', { plans: ws.plans, registry: ws.registry, rules: { calendar: ws.calendar, strictBefore: ws.settings.strictBefore, lang: g.lang } }, format, g);
  return 0;
}

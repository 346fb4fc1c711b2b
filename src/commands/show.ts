// `plan show`: the resolved model, as an outline for people (src/render/plan-outline.ts)
// or JSON for tools (src/render/plan-json.ts).
import type { GlobalOptions } from './context.js';
import { loadValidWorkspace } from './workspace.js';
import { type DateRules, planJson } from '../render/plan-json.js';
import { renderPlanOutline } from '../render/plan-outline.js';
import { jsonWithList, writeLines } from '../render/stream.js';

export function run(args: unknown[], opts: { json?: boolean; units?: string }, g: GlobalOptions): number {
  const ws = loadValidWorkspace((args[0] as string[] | undefined) ?? [], opts.units ? { units: opts.units } : {}, g);
  // Dates as every other command reads them: repository setting for "trước ngày", days off from calendar.yaml.
  const rules: DateRules = { calendar: ws.calendar, strictBefore: ws.settings.strictBefore, lang: g.lang };
  if (opts.json) {
    const plans = (function* () {
      for (const p of ws.plans) yield planJson(p, ws.registry, rules);
    })();
    writeLines(jsonWithList({}, 'plans', plans), (text) => g.io.stdout.write(text));
  } else {
    g.io.stdout.write(ws.plans.map((p) => renderPlanOutline(p, g.lang, rules)).join('\n'));
  }
  return 0;
}

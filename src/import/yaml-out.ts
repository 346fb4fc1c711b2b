// Imported plan data → plan file text: built with yaml's Document API (no
// hand-made escaping), then laid out by the project's formatter so import
// output is canonical (`plan fmt` changes nothing).
import { yaml } from '../vendor/libraries.js';
import { formatPlanText, PLAN_KEYS, STRINGIFY_OPTIONS } from '../core/format.js';
import type { PlanInput } from '../core/schema.js';

/** The plan as YAML text, first line the editor schema comment when there is a schema to point at. */
export function planToYaml(plan: PlanInput, opts: { schemaPath?: string | undefined; source: string }): string {
  const ordered: Record<string, unknown> = {};
  // The documented key order, which `plan fmt` also keeps.
  for (const k of PLAN_KEYS) if ((plan as Record<string, unknown>)[k] !== undefined) ordered[k] = (plan as Record<string, unknown>)[k];
  const doc = new (yaml().Document)(ordered);
  const schema = opts.schemaPath ? ` yaml-language-server: $schema=${opts.schemaPath}\n\n` : '';
  doc.commentBefore = `${schema} Nhập bằng "plan import" từ ${opts.source}; cần đối chiếu với văn bản gốc.\n Imported by "plan import" from ${opts.source}; check it against the source document.`;
  const text = doc.toString(STRINGIFY_OPTIONS);
  const formatted = formatPlanText(text);
  // A plan the formatter refuses is still written (plan check will say why).
  return formatted.ok ? formatted.text : text;
}

// Shared helpers for the import tests: import text through the pure pipeline,
// read a plan model back, and project it onto what the comparison covers.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeText } from '../../src/core/decode.js';
import { parsePlan, parseUnits } from '../../src/core/load.js';
import type { Plan, Task } from '../../src/core/model.js';
import type { PlanInput, TaskInput } from '../../src/core/schema.js';
import type { UnitRegistry } from '../../src/core/units.js';
import { type Block, textToBlocks } from '../../src/import/blocks.js';
import { readDocx } from '../../src/import/docx-reader.js';
import { recognizePlan, type ImportResult } from '../../src/import/recognize.js';
import { planToYaml } from '../../src/import/yaml-out.js';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const corpusDir = path.resolve(repoRoot, '../shared/corpus');
export const seedPath = path.resolve(repoRoot, '../shared/seed/kh-pbgdpl-2024-son-dong.txt');
export const fixtures = path.join(repoRoot, 'test/fixtures/import');

export function shippedUnits(): UnitRegistry {
  const parsed = parseUnits('plans/units.yaml', readFileSync(path.join(repoRoot, 'plans/units.yaml'), 'utf8'));
  if (!parsed.value) throw new Error('shipped units do not parse');
  return parsed.value;
}

export function importBlocks(blocks: Block[], registry?: UnitRegistry): ImportResult & { yaml: string } {
  const result = recognizePlan(blocks, registry ? { registry } : {});
  return { ...result, yaml: planToYaml(result.plan, { schemaPath: '../docs/plan.schema.json', source: 'test' }) };
}

export function importText(text: string, registry?: UnitRegistry): ImportResult & { yaml: string } {
  return importBlocks(textToBlocks(text), registry);
}

export async function importDocx(file: string, registry?: UnitRegistry): Promise<ImportResult & { yaml: string }> {
  return importBlocks((await readDocx(readFileSync(file))).blocks, registry);
}

export function importFile(file: string, registry?: UnitRegistry): ImportResult & { yaml: string } {
  const decoded = decodeText(readFileSync(file));
  if (!decoded.ok) throw new Error(decoded.message.en);
  return importText(decoded.text, registry);
}

let corpusYaml: readonly { name: string; yaml: string }[] | undefined;

/**
 * Every text of ../shared/corpus imported with the shipped units (none without the corpus), in name order:
 * imported once per worker (the import is seconds of CPU; test files of a worker share modules), for the
 * tests that read what import writes (test/core/fast-yaml, test/core/shape), not for import's own.
 */
export function corpusImports(): readonly { name: string; yaml: string }[] {
  if (corpusYaml) return corpusYaml;
  const registry = shippedUnits();
  const names = existsSync(corpusDir)
    ? readdirSync(corpusDir)
        .filter((f) => f.endsWith('.txt'))
        .sort()
    : [];
  corpusYaml = names.map((name) => ({ name, yaml: importFile(path.join(corpusDir, name), registry).yaml }));
  return corpusYaml;
}

export function readPlan(yaml: string, file = 'imported.yaml'): Plan {
  const parsed = parsePlan(file, yaml);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (!parsed.value || errors.length) throw new Error(`plan does not parse: ${JSON.stringify(errors.map((e) => e.message.en))}`);
  return parsed.value;
}

export interface TaskView {
  id: string;
  title: string;
  lead: string[];
  support: string[];
  due: string | null;
  outputs: string[];
  tasks: TaskView[];
}

const canonical = (refs: { text: string }[], registry?: UnitRegistry) => refs.map((r) => registry?.lookup(r.text)?.name ?? r.text);

export function taskView(t: Task, registry?: UnitRegistry): TaskView {
  return {
    id: t.id,
    title: t.title,
    lead: canonical(t.lead, registry),
    support: canonical(t.support, registry),
    due: t.due?.text ?? null,
    outputs: t.outputs.map((o) => o.text),
    tasks: t.tasks.map((c) => taskView(c, registry)),
  };
}

/** Tasks, ids, units (canonical names), deadlines, deliverables and duties: what import must reproduce. */
export function planView(p: Plan, registry?: UnitRegistry) {
  return {
    groups: p.groups.map((g) => ({ id: g.id, title: g.title, tasks: g.tasks.map((t) => taskView(t, registry)) })),
    duties: p.duties.map((d) => ({ id: d.id, title: d.title, by: canonical(d.by, registry), due: d.due.text, period: d.period ?? null })),
  };
}

/** An imported plan's tasks that have no sub-tasks, in document order. */
export function leafTasks(plan: PlanInput): TaskInput[] {
  const out: TaskInput[] = [];
  const walk = (tasks: readonly TaskInput[]) => {
    for (const t of tasks) {
      if (t.tasks?.length) walk(t.tasks);
      else out.push(t);
    }
  };
  for (const g of plan.groups) walk(g.tasks);
  return out;
}

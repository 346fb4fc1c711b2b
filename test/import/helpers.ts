// Shared helpers for the import tests: import text through the pure pipeline,
// read a plan model back, and project it onto what the comparison covers.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeText } from '../../src/core/decode.js';
import { parsePlan, parseUnits } from '../../src/core/load.js';
import type { Plan, Task } from '../../src/core/model.js';
import type { PlanInput, TaskInput } from '../../src/core/schema.js';
import type { UnitRegistry } from '../../src/core/units.js';
import { type Block, textToBlocks } from '../../src/import/blocks.js';
import { readDocx } from '../../src/import/docx-reader.js';
import { importPlan } from '../../src/import/pipeline.js';
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

/** One corpus text as import makes it with the shipped units: the plan (as data, and its YAML), its task count, `plan check`'s errors. */
export interface CorpusImport {
  name: string;
  plan: PlanInput;
  yaml: string;
  tasks: number;
  errors: string[];
}

let corpusMemo: readonly CorpusImport[] | undefined;

/**
 * What the corpus import depends on, and its digest, taken once as this module loads: the import a worker makes runs
 * the code it loaded then, so a source edited during a run gives a new digest only to the runs that load the new code
 * (the old code's import is never kept under the new code's digest).
 */
const corpusInputs = (() => {
  const names = existsSync(corpusDir)
    ? readdirSync(corpusDir)
        .filter((f) => f.endsWith('.txt'))
        .sort()
    : [];
  const unitsText = readFileSync(path.join(repoRoot, 'plans/units.yaml'), 'utf8');
  const digest = createHash('sha256');
  const add = (label: string, bytes: Uint8Array | string) => digest.update(`${label}\0${bytes.length}\0`).update(bytes);
  add('helpers', readFileSync(import.meta.filename));
  add('units', unitsText);
  // The libraries it runs (yaml writes the plan), by the versions the lock file installs.
  add('lock', readFileSync(path.join(repoRoot, 'package-lock.json')));
  for (const name of names) add(`corpus/${name}`, readFileSync(path.join(corpusDir, name)));
  const src = path.join(repoRoot, 'src');
  for (const f of readdirSync(src, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(src, f);
    if (statSync(file).isFile()) add(`src/${f}`, readFileSync(file));
  }
  return { names, unitsText, digest: digest.digest('hex').slice(0, 32) };
})();

/**
 * Every text of ../shared/corpus imported with the shipped units (none without the corpus), in name order, by the
 * pipeline `plan import` runs (importPlan: recognise, write, self-check). The import is seconds of CPU and four test
 * files read it (import/corpus, import/score, core/fast-yaml, core/shape) in two worker processes, so it is kept on
 * disk under a digest of everything it depends on (corpusInputs): the corpus, the shipped units, src/,
 * package-lock.json and this file. A changed importer or text is a new digest, imported afresh; a fresh clone imports
 * once (or once per worker, when two ask together).
 */
export function corpusImports(): readonly CorpusImport[] {
  if (corpusMemo) return corpusMemo;
  const { names, unitsText, digest } = corpusInputs;
  const memoDir = path.join(repoRoot, 'node_modules', '.cache', 'kehoach-test');
  const memo = path.join(memoDir, `corpus-import-${digest}.json`);
  if (existsSync(memo)) {
    const kept = JSON.parse(readFileSync(memo, 'utf8')) as CorpusImport[];
    // A memo of another shape (written by other code under this digest) is made again, never trusted.
    const whole = (c: CorpusImport) => typeof c?.name === 'string' && typeof c.yaml === 'string' && Array.isArray(c.plan?.groups) && typeof c.tasks === 'number' && Array.isArray(c.errors);
    if (Array.isArray(kept) && kept.length === names.length && kept.every((c, i) => whole(c) && c.name === names[i])) {
      corpusMemo = kept;
      return corpusMemo;
    }
  }
  corpusMemo = names.map((name): CorpusImport => {
    const decoded = decodeText(readFileSync(path.join(corpusDir, name)));
    if (!decoded.ok) throw new Error(`${name}: ${decoded.message.en}`);
    const planFile = `plans/${name.replace(/\.txt$/, '.yaml')}`;
    const out = importPlan({ blocks: textToBlocks(decoded.text), unitsText, planFile, schemaPath: '../docs/plan.schema.json', source: 'test' });
    const tasks = out.result.plan.groups.reduce((n, g) => n + g.tasks.length, 0);
    return { name, plan: out.result.plan, yaml: out.yaml, tasks, errors: out.errors.map((e) => `${e.code}: ${e.message.en}`) };
  });
  // Written whole under a temporary name and renamed: a worker reading meanwhile sees no memo or all of it.
  mkdirSync(memoDir, { recursive: true });
  // Memos of other digests are stale (another worker's part file of this digest is left alone).
  for (const old of readdirSync(memoDir)) if (old.startsWith('corpus-import-') && !old.startsWith(path.basename(memo))) rmSync(path.join(memoDir, old), { force: true });
  const part = `${memo}.${process.pid}.tmp`;
  writeFileSync(part, JSON.stringify(corpusMemo));
  renameSync(part, memo);
  return corpusMemo;
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

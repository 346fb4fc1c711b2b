// Import quality on real plans: for each corpus plan with expected
// assignments written by reading it, the share of tasks whose lead units and
// time as written come out right. The scores are printed and kept in
// docs/import.md; each plan must stay at or above its floor.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { corpusDir, corpusImports, fixtures } from './helpers.js';
import type { ExpectedTask } from './score.js';
import { scoreImport } from './score.js';

const expectedDir = path.join(fixtures, 'expected');
const haveCorpus = existsSync(corpusDir);
const plans = readdirSync(expectedDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

/** Per plan, the least share of right tasks (lead and time) this importer must keep. */
const FLOORS: Record<string, number> = {
  'kh-5g-iot-khu-cong-nghiep-nghe-an-2025': 1,
  'kh-khac-phuc-moi-truong-sau-lu-dak-lak-2025': 0.95,
  'kh-thi-hanh-luat-tieu-chuan-qckt-lai-chau-2025': 1,
  'kh-thi-hanh-luat-viec-lam-hcm-2025': 1,
  'qd-kh-quan-ly-rui-ro-thien-tai-cong-dong-hcm-2025': 1,
  'qd-kh-thi-hanh-luat-bao-ve-du-lieu-ca-nhan-ttg-2025': 0.95,
};

describe.skipIf(!haveCorpus)('import scored against assignments read by hand (skipped only when ../shared/corpus is absent)', () => {
  it('has at least 6 plans of different layouts with expected assignments', () => {
    expect(plans.length).toBeGreaterThanOrEqual(6);
  });
  it.each(plans)('%s', (file) => {
    const name = file.replace(/\.yaml$/, '');
    const expected = parse(readFileSync(path.join(expectedDir, file), 'utf8')) as { tasks: ExpectedTask[] };
    // The plan importPlan makes with the shipped units, as the corpus tests read it (kept on disk, corpusImports).
    const imported = corpusImports().find((c) => c.name === `${name}.txt`);
    if (!imported) throw new Error(`${name}.txt is not in ../shared/corpus`);
    const score = scoreImport(imported.plan, expected.tasks);
    const share = score.right / score.total;
    const wrong = score.tasks
      .filter((t) => !t.lead || !t.due)
      .map((t) => `${t.id}→${t.found ?? '∅'}${t.lead ? '' : ` lead ${JSON.stringify(t.got?.lead ?? null)}`}${t.due ? '' : ` due ${JSON.stringify(t.got?.due ?? null)}`}`);
    console.log(`score ${name}: ${score.right}/${score.total} = ${Math.round(share * 100)} %${wrong.length ? `\n  ${wrong.join('\n  ')}` : ''}`);
    expect(share).toBeGreaterThanOrEqual(FLOORS[name] ?? 0.95);
  });
});

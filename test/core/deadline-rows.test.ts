// plan check's summary counts a plan's time limits straight from the plan
// (planDeadlineRows), without making the schedule it used to count: the rows
// must be those of deadlineRows(buildSchedule(…)), in the same order, for every
// plan of the repository and its fixtures and a generated province, with and
// without the "trước ngày" rule.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// bench/generate.js is plain JavaScript (no types).
import { generate } from '../../bench/generate.js';
import { parsePlan, parseUnits } from '../../src/core/load.js';
import { allTasks, type Plan } from '../../src/core/model.js';
import { buildSchedule, deadlineRows, planDeadlineRows } from '../../src/core/schedule.js';
import type { UnitRegistry } from '../../src/core/units.js';
import { buildWorkCalendar } from '../../src/core/workdays.js';
import { ROOT } from '../e2e/run-plan.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) return yamlFiles(p);
      return /\.ya?ml$/.test(name) && !/^(units|calendar|settings)\.ya?ml$/.test(name) ? [p] : [];
    });
}

const readPlans = (files: string[]) => files.flatMap((f) => parsePlan(f, readFileSync(f, 'utf8')).value ?? []);
const registryOf = (file: string) => parseUnits(file, readFileSync(file, 'utf8')).value!;

const province = mkdtempSync(path.join(os.tmpdir(), 'plan-rows-'));
afterAll(() => rmSync(province, { recursive: true, force: true }));
generate({ seed: 21, plans: 40, out: province });

const cases: [string, Plan[], UnitRegistry][] = [
  ['the repository and its fixtures', readPlans([...yamlFiles(path.join(ROOT, 'plans')), ...yamlFiles(path.join(ROOT, 'test', 'fixtures'))]), registryOf(path.join(ROOT, 'plans', 'units.yaml'))],
  ['a generated province', readPlans(yamlFiles(path.join(province, 'plans'))), registryOf(path.join(province, 'plans', 'units.yaml'))],
];
// A task done is done for its sub-tasks too: every parent of the province closed (one with a date, one without).
cases.push([
  'the province with its parent tasks done',
  cases[1]![1].map((plan) => {
    const copy = structuredClone(plan);
    let n = 0;
    for (const task of allTasks(copy)) {
      if (task.tasks.length === 0) continue;
      task.status = 'done';
      if (n++ % 2 === 0) task.done = { year: 2024, month: 3, day: 1 };
      else delete task.done;
    }
    return copy;
  }),
  cases[1]![2],
]);

describe('planDeadlineRows is deadlineRows of the plan’s schedule', () => {
  const calendar = buildWorkCalendar();
  for (const [name, plans, registry] of cases) {
    it(`${name} (${plans.length} plans)`, () => {
      expect(plans.length).toBeGreaterThan(5);
      let limits = 0;
      for (const strictBefore of [false, true]) {
        for (const plan of plans) {
          const expected = deadlineRows(buildSchedule([plan], registry, { calendar, strictBefore }));
          expect(planDeadlineRows(plan, registry, { calendar, strictBefore }), plan.file).toEqual(expected);
          limits += expected.length;
        }
      }
      expect(limits).toBeGreaterThan(0);
    });
  }
});

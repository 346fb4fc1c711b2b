// `plan set` reads only the edited task's lines with `yaml` when the fast
// reader placed the task (applyTaskEdit with a TaskPlace): for every task of
// every plan in the repository and random edits (status, done, note, a unit's
// progress), the text it gives is the one an edit of the whole file gives.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/core/decode.js';
import { applyTaskEdit, type TaskEdit } from '../../src/core/edit.js';
import { listEntryLines } from '../../src/core/fast-yaml.js';
import { parsePlan } from '../../src/core/load.js';
import { allTasks } from '../../src/core/model.js';
import { nameKey } from '../../src/core/text.js';
import { ROOT } from '../e2e/run-plan.js';

/** Every plan of the repository the fast reader reads, with its tasks' paths. */
const plans = execFileSync('git', ['ls-files', '*.yaml'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !f.startsWith('test/golden/'))
  .flatMap((file) => {
    const decoded = decodeText(readFileSync(path.join(ROOT, file)));
    if (!decoded.ok) return [];
    const parsed = parsePlan(file, decoded.text);
    const events = parsed.source.fast;
    const tasks = parsed.value ? allTasks(parsed.value) : [];
    return events && tasks.length > 0 ? [{ file, text: decoded.text, events, tasks }] : [];
  });

const UNITS = ['UBND xã An Lạc', 'Phòng Tư pháp', 'UBND thị trấn An Châu'];
const edit = fc.record(
  {
    status: fc.constantFrom('todo', 'doing', 'done', 'stopped'),
    done: fc.constantFrom('15/03/2024', '2024-04-01'),
    note: fc.constantFrom('mới', 'đã xong: gửi kèm', 'rất dài về việc kiện toàn đội ngũ báo cáo viên pháp luật, cần bổ sung thêm người và tập huấn lại trong quý này', '"trích"', '- gạch'),
    unit: fc.constantFrom(...UNITS),
  },
  { requiredKeys: [] },
);

describe('an edit of a task read from its own lines = the edit read from the whole file (property)', () => {
  it('the repository holds plans the fast reader places, and it places every task of the shipped plan', () => {
    expect(plans.length).toBeGreaterThan(10);
    const seed = plans.find((p) => p.file === 'plans/kh-pbgdpl-2024-son-dong.yaml')!;
    for (const t of seed.tasks) expect(listEntryLines(seed.text, seed.events, t.path), t.id).toBeDefined();
  });

  it('gives the same text or the same refusal', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), edit, (p, t, e) => {
        const plan = plans[p % plans.length]!;
        // The first task of its id, as plan set finds it (a plan may repeat an id).
        const id = plan.tasks[t % plan.tasks.length]!.id;
        const task = plan.tasks.find((x) => x.id === id)!;
        const change: TaskEdit = {
          taskId: task.id,
          ...(e.status ? { status: e.status } : {}),
          ...(e.done ? { done: e.done } : {}),
          ...(e.note ? { note: e.note } : {}),
          ...(e.unit ? { unit: { name: e.unit, matches: (written: string) => nameKey(written) === nameKey(e.unit!) } } : {}),
        };
        expect(applyTaskEdit(plan.text, change, { events: plan.events, path: task.path }), `${plan.file} ${task.id}`).toEqual(applyTaskEdit(plan.text, change));
      }),
      { seed: 12_2026, numRuns: 200 },
    );
  });
});

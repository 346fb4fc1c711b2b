import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { STATUS_LABELS } from '../../src/core/model.js';
import { applySubmission, applyTaskEdit, parseStatusWord, removeMapKey, setMapScalar } from '../../src/core/edit.js';
import { TASK_KEYS } from '../../src/core/format.js';
import { nameKey } from '../../src/core/text.js';
import { checkYaml, planYaml } from '../helpers.js';

const PLAN = planYaml(
  `      # Nhiệm vụ đầu tiên
      - id: "1.1"
        title: Nhiệm vụ một # tiêu đề
        lead:   [Phòng Tư pháp]   # khoảng trắng giữ nguyên
        support: ["các cơ quan, tổ chức có liên quan"]
        due: năm 2024
        outputs: [Kế hoạch]

      - id: "1.2"
        title: Nhiệm vụ hai
        lead:
          - Phòng Tư pháp
          - UBND các xã, thị trấn
        status: doing # đang làm
        note: 'ghi chú cũ'
        outputs:
          - Báo cáo`,
  `duties:
  - id: bc-6-thang
    title: Báo cáo 6 tháng
    by: [UBND các xã, thị trấn]
    to: UBND huyện
    due: trước ngày 20/5
    period: 6m
# cuối tệp
`,
);

const ok = (r: { ok: boolean; text?: string; reason?: unknown }) => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return (r as { text: string }).text;
};

/** Lines of `after` that are not in `before` (and the count of removed ones), line by line. */
function lineDiff(before: string, after: string) {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { removed: a.slice(start, endA), added: b.slice(start, endB) };
}

describe('plan edits keep every other byte', () => {
  it('replaces an existing value in place, keeping its comment', () => {
    const out = ok(applyTaskEdit(PLAN, { taskId: '1.2', status: 'done', done: '15/03/2024' }));
    const d = lineDiff(PLAN, out);
    expect(d.removed).toEqual(['        status: doing # đang làm']);
    expect(d.added).toEqual(['        status: done # đang làm', '        done: "15/03/2024"']);
  });

  it('inserts a missing key after the keys before it in canonical order', () => {
    const out = ok(applyTaskEdit(PLAN, { taskId: '1.1', status: 'done', done: '2024-03-15', note: 'đã xong: gửi kèm' }));
    const d = lineDiff(PLAN, out);
    expect(d.removed).toEqual([]);
    expect(d.added).toEqual(['        status: done', '        done: "2024-03-15"', '        note: "đã xong: gửi kèm"']);
    expect(out.indexOf('status: done')).toBeGreaterThan(out.indexOf('outputs: [Kế hoạch]'));
    expect(checkYaml(out).plan!.groups[0]!.tasks[0]!.note).toBe('đã xong: gửi kèm');
  });

  it('keeps the quoting style of a replaced value', () => {
    const out = ok(applyTaskEdit(PLAN, { taskId: '1.2', note: 'mới' }));
    expect(lineDiff(PLAN, out).added).toEqual(["        note: 'mới'"]);
  });

  it('removes the completion date when a task is reopened', () => {
    const done = ok(applyTaskEdit(PLAN, { taskId: '1.2', status: 'done', done: '15/03/2024' }));
    const reopened = ok(applyTaskEdit(done, { taskId: '1.2', status: 'doing' }));
    expect(reopened).toBe(PLAN);
  });

  it("adds and then updates one unit's progress entry", () => {
    const unit = { name: 'UBND xã An Lạc', matches: (w: string) => nameKey(w) === nameKey('UBND xã An Lạc') };
    const first = ok(applyTaskEdit(PLAN, { taskId: '1.2', status: 'doing', unit }));
    expect(lineDiff(PLAN, first).added).toEqual(['        progress:', '          - unit: UBND xã An Lạc', '            status: doing']);
    expect(first.indexOf('progress:')).toBeGreaterThan(first.indexOf("note: 'ghi chú cũ'"));
    expect(first.indexOf('progress:')).toBeLessThan(first.indexOf('        outputs:\n          - Báo cáo'));
    const second = ok(applyTaskEdit(first, { taskId: '1.2', status: 'done', done: '01/04/2024', unit: { ...unit, matches: (w) => nameKey(w) === nameKey('ubnd xã an lạc') } }));
    expect(lineDiff(first, second).added).toEqual(['            status: done', '            done: "01/04/2024"']);
    const third = ok(applyTaskEdit(second, { taskId: '1.2', status: 'todo', unit: { name: 'UBND thị trấn An Châu', matches: () => false } }));
    expect(lineDiff(second, third).added).toEqual(['          - unit: UBND thị trấn An Châu', '            status: todo']);
    const plan = checkYaml(third).plan!;
    expect(plan.groups[0]!.tasks[1]!.progress.map((p) => [p.unit.text, p.status])).toEqual([
      ['UBND xã An Lạc', 'done'],
      ['UBND thị trấn An Châu', 'todo'],
    ]);
  });

  it('appends submissions to a duty, creating the list the first time', () => {
    const once = ok(applySubmission(PLAN, { dutyId: 'bc-6-thang', unit: 'UBND xã An Lạc', date: '15/05/2024' }));
    const d = lineDiff(PLAN, once);
    expect(d.removed).toEqual([]);
    expect(d.added).toEqual(['    submissions:', '      - unit: UBND xã An Lạc', '        date: "15/05/2024"']);
    const twice = ok(applySubmission(once, { dutyId: 'bc-6-thang', unit: 'UBND thị trấn An Châu', date: '16/05/2024' }));
    expect(lineDiff(once, twice).added).toEqual(['      - unit: UBND thị trấn An Châu', '        date: "16/05/2024"']);
    expect(twice.endsWith('# cuối tệp\n')).toBe(true);
    const subs = parseDocument(twice).getIn(['duties', 0, 'submissions']) as { toJSON(): unknown };
    expect(subs.toJSON()).toEqual([
      { unit: 'UBND xã An Lạc', date: '15/05/2024' },
      { unit: 'UBND thị trấn An Châu', date: '16/05/2024' },
    ]);
  });

  it('appends to a flow list', () => {
    const flow = PLAN.replace('    period: 6m', '    period: 6m\n    submissions: [{unit: UBND xã An Lạc, date: "15/05/2024"}]');
    const out = ok(applySubmission(flow, { dutyId: 'bc-6-thang', unit: 'UBND thị trấn An Châu', date: '16/05/2024' }));
    expect(lineDiff(flow, out).added).toEqual(['    submissions: [{unit: UBND xã An Lạc, date: "15/05/2024"}, { unit: UBND thị trấn An Châu, date: "16/05/2024" }]']);
  });

  it('keeps CRLF line ends', () => {
    const crlf = PLAN.replace(/\n/g, '\r\n');
    const out = ok(applyTaskEdit(crlf, { taskId: '1.1', status: 'done', done: '01/03/2024' }));
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(out.replace(/\r\n/g, '\n')).toBe(ok(applyTaskEdit(PLAN, { taskId: '1.1', status: 'done', done: '01/03/2024' })));
  });

  it('finds nested tasks and reports missing ones', () => {
    const nested = planYaml(`      - id: "1.1"
        title: Cha
        tasks:
          - id: "1.1.a"
            title: Con
            lead: [Phòng Tư pháp]`);
    const out = ok(applyTaskEdit(nested, { taskId: '1.1.a', status: 'stopped' }));
    expect(lineDiff(nested, out).added).toEqual(['            status: stopped']);
    const missing = applyTaskEdit(nested, { taskId: '9.9', status: 'done' });
    expect(missing.ok).toBe(false);
  });

  it('low-level helpers', () => {
    expect(ok(setMapScalar('a: 1\nb: x\n', [], 'b', { value: 'y' }, ['a', 'b']))).toBe('a: 1\nb: y\n');
    expect(ok(setMapScalar('b: x\n', [], 'a', { value: 'y' }, ['a', 'b']))).toBe('a: y\nb: x\n');
    expect(ok(removeMapKey('a: 1\nb: x # c\nc: 2\n', [], 'b'))).toBe('a: 1\nc: 2\n');
    expect(TASK_KEYS[0]).toBe('id');
  });

  it('reads status words in both languages', () => {
    expect(parseStatusWord('hoàn thành')).toBe('done');
    expect(parseStatusWord('Hoàn Thành')).toBe('done');
    expect(parseStatusWord('đang thực hiện')).toBe('doing');
    expect(parseStatusWord('chưa thực hiện')).toBe('todo');
    expect(parseStatusWord('dừng')).toBe('stopped');
    expect(parseStatusWord('done')).toBe('done');
    expect(parseStatusWord('xong rồi')).toBeUndefined();
  });

  it('reads the phrasings a unit writes, and every label a report or book prints', () => {
    expect(parseStatusWord('Đang triển khai')).toBe('doing');
    expect(parseStatusWord('Chưa triển khai')).toBe('todo');
    expect(parseStatusWord('Đang tiến hành')).toBe('doing');
    expect(parseStatusWord('Hoàn tất')).toBe('done');
    expect(parseStatusWord('Đã thực hiện')).toBe('done');
    expect(parseStatusWord('Tạm dừng')).toBe('stopped');
    expect(parseStatusWord('Finished')).toBe('done');
    // Started or finished, depending on who writes it: asked again, not guessed.
    expect(parseStatusWord('Đã triển khai')).toBeUndefined();
    expect(parseStatusWord('Chưa hoàn thành')).toBeUndefined();
    for (const [status, label] of Object.entries(STATUS_LABELS)) {
      expect(parseStatusWord(label.vi)).toBe(status);
      expect(parseStatusWord(label.en)).toBe(status);
    }
  });
});

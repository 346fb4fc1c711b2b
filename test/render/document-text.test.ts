// A deadline as the documents write it: the written text, each resolved day beside the piece it belongs to.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { viewDue } from '../../src/core/document.js';
import { parsePlan } from '../../src/core/load.js';
import { buildWording, COMMON_SPEC, parseTemplate } from '../../src/core/templates.js';
import { buildWorkCalendar } from '../../src/core/workdays.js';
import { dueInLine, dueLines } from '../../src/render/document-text.js';
import { ROOT } from '../e2e/run-plan.js';
import { planYaml } from '../helpers.js';

const FILE = 'templates/vi/common.txt';
const common = buildWording(COMMON_SPEC, [parseTemplate(FILE, readFileSync(path.join(ROOT, FILE), 'utf8'), COMMON_SPEC)], FILE).wording;
const calendar = buildWorkCalendar();

/** The deadline `due` of a task in a 2024 plan, as the documents write it. */
function written(due: string): { lines: string[]; inLine: string } {
  const plan = parsePlan('p.yaml', planYaml(`      - id: "1.1"\n        title: Việc\n        lead: [Phòng Tư pháp]\n        due: "${due}"`)).value!;
  const view = viewDue(plan.groups[0]!.tasks[0]!.due, plan, { calendar });
  return { lines: dueLines(view, common), inLine: dueInLine(view, common) };
}

describe('a deadline with a peak', () => {
  it('the limit keeps its day beside it, before the peak written after it (the seed: task 2.1.b)', () => {
    expect(written('năm 2024; cao điểm từ ngày 01/11 đến ngày 09/11/2024')).toEqual({
      lines: ['năm 2024', '(31/12/2024)', 'cao điểm từ ngày 01/11 đến ngày 09/11/2024'],
      inLine: 'năm 2024 (31/12/2024); cao điểm từ ngày 01/11 đến ngày 09/11/2024',
    });
  });
  it("a peak without its year gets its days after the peak's own words", () => {
    expect(written('năm 2024, cao điểm từ 01/11 đến 09/11').lines).toEqual(['năm 2024', '(31/12/2024)', 'cao điểm từ 01/11 đến 09/11', '(cao điểm từ 01/11/2024 đến 09/11/2024)']);
  });
  it('a limit written after the peak is already beside its day; no peak keeps one piece', () => {
    expect(written('cao điểm từ 01/11 đến 09/11/2024; năm 2024').inLine).toBe('cao điểm từ 01/11 đến 09/11/2024; năm 2024 (31/12/2024)');
    expect(written('trước ngày 20/5').lines).toEqual(['trước ngày 20/5', '(20/05/2024)']);
    expect(written('thường xuyên').lines).toEqual(['thường xuyên']);
  });
});

describe('a deadline counted from an event', () => {
  it('says the event has no date yet, in one pair of brackets (was "(khi có sự kiện (chưa có ngày))")', () => {
    expect(written('chậm nhất 03 ngày sau khi thiên tai kết thúc')).toEqual({
      lines: ['chậm nhất 03 ngày sau khi thiên tai kết thúc', '(khi có sự kiện, chưa có ngày)'],
      inLine: 'chậm nhất 03 ngày sau khi thiên tai kết thúc (khi có sự kiện, chưa có ngày)',
    });
  });
});

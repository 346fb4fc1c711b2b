// What plan collect --apply writes is already in fmt's layout: the pre-commit hook of a plan init repository runs
// plan fmt --check, which refused the commit after a report with a long result was collected (its text was folded
// as if the result list stood at column 0, and ran past 100 columns at the task's depth).
import { describe, expect, it } from 'vitest';
import { collectReport, readReturnedReport, type ReturnedDocument } from '../../src/core/collect.js';
import { applyCollected } from '../../src/core/collect-edit.js';
import { formatPlanText } from '../../src/core/format.js';
import { parseUnits } from '../../src/core/load.js';
import { markerProperties, type ReportMarkers } from '../../src/core/report-markers.js';
import { checkYaml, planYaml, UNITS_YAML } from '../helpers.js';

const MARKERS: ReportMarkers = { kind: 'unit-report', plans: [{ file: 'plan.yaml', number: '05/KH-UBND' }], period: '6m', year: 2024, unit: 'Phòng Tư pháp', tasks: [{ plan: 0, id: '1.1' }] };
const units = parseUnits('units.yaml', UNITS_YAML).value!;
const canonical = formatPlanText(
  planYaml(undefined, 'duties:\n  - id: "bc-6-thang"\n    title: Báo cáo 6 tháng\n    by: [Phòng Tư pháp]\n    to: UBND huyện\n    due: trước ngày 20/5\n    period: 6m\n'),
);
if (!canonical.ok) throw new Error('the plan does not format');
// In fmt's layout to begin with, as in a repository whose hook runs plan fmt --check.
const text = canonical.text;
const plan = checkYaml(text).plan!;

function returned(result: string): ReturnedDocument {
  const paragraphs = [
    'Số: 15/BC-TP',
    'Sơn Động, ngày 17 tháng 5 năm 2024',
    '1. Nhiệm vụ 1.1: Nhiệm vụ một (chủ trì)',
    'Thời hạn: năm 2024 (31/12/2024)',
    'Tình trạng: Hoàn thành ngày 15/03/2024',
    result,
    'II. TỒN TẠI, HẠN CHẾ',
  ];
  const bookmarks: Record<number, string[]> = { 2: ['kehoach_task_1'], 6: ['kehoach_end'] };
  return { properties: new Map(markerProperties(MARKERS).map((p) => [p.name, p.value])), paragraphs: paragraphs.map((t, i) => ({ text: t, bookmarks: bookmarks[i] ?? [] })) };
}

describe('plan collect --apply and plan fmt', () => {
  it('writes results of any length as fmt lays them out', () => {
    const words = 'Đã ban hành Kế hoạch số 12/KH-UBND ngày 01/03/2024 và tổ chức hội nghị phổ biến pháp luật cho cán bộ, công chức cấp xã'.split(' ');
    for (let n = 4; n <= 60; n += 2) {
      const result = Array.from({ length: n }, (_, i) => words[i % words.length]).join(' ');
      const r = readReturnedReport(returned(result));
      if (!r.ok) throw new Error('unreadable');
      const applied = applyCollected(text, collectReport(r.report, { plans: [plan], registry: units, asOf: { year: 2024, month: 6, day: 10 } }).items, units);
      if (!applied.ok) throw new Error(applied.reason.en);
      const formatted = formatPlanText(applied.text);
      expect(formatted.ok && formatted.changed, `${result.length} characters`).toBe(false);
    }
  });
});

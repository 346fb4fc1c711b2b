// plan diff speaks the reader's language for statuses and duty fields, not the YAML keys.
import { describe, expect, it } from 'vitest';
import type { PlanChange } from '../../src/core/diff.js';
import { periodName } from './period-names.js';
import { describeChange } from '../../src/render/diff-terminal.js';

const base = { plan: 'plans/a.yaml', id: '1.2', title: 'Nhiệm vụ' };

describe('describeChange', () => {
  it('statuses as words, dates kept', () => {
    const c: PlanChange = { ...base, kind: 'status-changed', before: 'todo', after: 'done 15/03/2024' };
    expect(describeChange(c, 'vi', periodName.vi)).toBe('nhiệm vụ 1.2: tình trạng chưa thực hiện → hoàn thành 15/03/2024');
    expect(describeChange(c, 'en', periodName.en)).toBe('task 1.2: status not started → done 15/03/2024');
  });

  it('duty fields by their meaning', () => {
    const c: PlanChange = { ...base, id: 'bc', kind: 'duty-changed', field: 'submissions', before: [], after: ['Phòng Tư pháp 10/05/2024'] };
    expect(describeChange(c, 'vi', periodName.vi)).toBe('nghĩa vụ "bc": các lần đã gửi "—" → "Phòng Tư pháp 10/05/2024"');
    expect(describeChange({ ...c, field: 'to', before: 'UBND huyện', after: 'Sở Tư pháp' }, 'vi', periodName.vi)).toBe('nghĩa vụ "bc": nơi nhận "UBND huyện" → "Sở Tư pháp"');
    expect(describeChange({ ...c, field: 'to', before: 'UBND huyện', after: 'Sở Tư pháp' }, 'en', periodName.en)).toBe('duty "bc": sent to "UBND huyện" → "Sở Tư pháp"');
  });
});

describe('periods, as the reports name them', () => {
  it('a result reported for a quarter or a year: "quý I năm 2025", "năm 2025", "Q1 2025"', () => {
    const c = { kind: 'result-changed', plan: 'p.yaml', id: '1.2', unit: 'Phòng Tư pháp', before: null, after: 'done' } as const;
    expect(describeChange({ ...c, period: 'q1', year: 2025 }, 'vi', periodName.vi)).toBe('nhiệm vụ 1.2 (Phòng Tư pháp): kết quả báo cáo kỳ quý I năm 2025 — → "hoàn thành"');
    expect(describeChange({ ...c, period: 'year', year: 2025 }, 'vi', periodName.vi)).toBe('nhiệm vụ 1.2 (Phòng Tư pháp): kết quả báo cáo kỳ năm 2025 — → "hoàn thành"');
    expect(describeChange({ ...c, period: 'q1', year: 2025 }, 'en', periodName.en)).toBe('task 1.2 (Phòng Tư pháp): result reported for Q1 2025 — → "done"');
    expect(periodName.vi('9m', 2025)).toBe('9 tháng đầu năm 2025');
    expect(periodName.en('9m', 2025)).toBe('the first nine months of 2025');
  });

  it('a monthly result (period: month) is named in words, not by its code: "hằng tháng năm 2024", "each month of 2024"', () => {
    const c = { kind: 'result-changed', plan: 'p.yaml', id: '1.2', unit: 'Phòng Tư pháp', period: 'month', year: 2024, before: null, after: 'done' } as const;
    expect(describeChange(c, 'vi', periodName.vi)).toBe('nhiệm vụ 1.2 (Phòng Tư pháp): kết quả báo cáo kỳ hằng tháng năm 2024 — → "hoàn thành"');
    expect(describeChange(c, 'en', periodName.en)).toBe('task 1.2 (Phòng Tư pháp): result reported for each month of 2024 — → "done"');
  });
});

// plan diff speaks the reader's language for statuses and duty fields, not the YAML keys.
import { describe, expect, it } from 'vitest';
import type { PlanChange } from '../../src/core/diff.js';
import { describeChange } from '../../src/render/diff-terminal.js';

const base = { plan: 'plans/a.yaml', id: '1.2', title: 'Nhiệm vụ' };

describe('describeChange', () => {
  it('statuses as words, dates kept', () => {
    const c: PlanChange = { ...base, kind: 'status-changed', before: 'todo', after: 'done 15/03/2024' };
    expect(describeChange(c, 'vi')).toBe('nhiệm vụ 1.2: tình trạng chưa thực hiện → hoàn thành 15/03/2024');
    expect(describeChange(c, 'en')).toBe('task 1.2: status not started → done 15/03/2024');
  });

  it('duty fields by their meaning', () => {
    const c: PlanChange = { ...base, id: 'bc', kind: 'duty-changed', field: 'submissions', before: [], after: ['Phòng Tư pháp 10/05/2024'] };
    expect(describeChange(c, 'vi')).toBe('nghĩa vụ "bc": các lần đã gửi "—" → "Phòng Tư pháp 10/05/2024"');
    expect(describeChange({ ...c, field: 'to', before: 'UBND huyện', after: 'Sở Tư pháp' }, 'vi')).toBe('nghĩa vụ "bc": nơi nhận "UBND huyện" → "Sở Tư pháp"');
    expect(describeChange({ ...c, field: 'to', before: 'UBND huyện', after: 'Sở Tư pháp' }, 'en')).toBe('duty "bc": sent to "UBND huyện" → "Sở Tư pháp"');
  });
});

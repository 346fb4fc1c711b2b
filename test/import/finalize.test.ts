// The last pass of import: groups keep the text of items that assign nothing, and an appendix's groups are
// numbered where they were found, then placed after the body's parts.
import { describe, expect, it } from 'vitest';
import type { PlanInput } from '../../src/core/schema.js';
import { finalizeGroups } from '../../src/import/finalize.js';

type Group = PlanInput['groups'][number];

const ctx = (notes: string[] = []) => ({
  note: (line: number, text: string) => notes.push(`${line}: ${text}`),
  lineOf: () => 1,
  carry: () => {},
  inherited: () => {},
  passesTime: () => true,
});

describe('finalizeGroups', () => {
  it("keeps an item that names no unit in its group's body (it was written to the group given, not the one returned)", () => {
    const groups: Group[] = [
      {
        id: 'II',
        title: 'Nhiệm vụ',
        tasks: [
          { id: '6', title: 'Tổ chức triển khai Chiến lược', body: 'Sau khi Chiến lược được ban hành.' },
          { id: '7', title: 'Rà soát', lead: ['Sở Tư pháp'] },
        ],
      },
    ];
    const [out] = finalizeGroups(groups, ctx());
    expect(out!.body).toBe('6. Tổ chức triển khai Chiến lược\nSau khi Chiến lược được ban hành.');
    expect(out!.tasks.map((t) => t.id)).toEqual(['7']);
  });
  it('puts the groups `last` names after the others, each with the tasks it was given, whatever the order found', () => {
    const appendix: Group = { id: 'PL.I', title: 'Quý I', tasks: [{ id: '1', title: 'Rà soát', lead: ['Công an phường'], due: 'Quý I' }] };
    const body: Group = { id: 'III', title: 'TỔ CHỨC THỰC HIỆN', tasks: [{ id: 'III.1', title: 'Theo dõi', lead: ['Văn phòng'] }] };
    const other: Group = { id: 'IV', title: 'KINH PHÍ', tasks: [{ id: 'IV.1', title: 'Bố trí kinh phí', lead: ['Phòng Kinh tế'] }] };
    const out = finalizeGroups([appendix, body, other], { ...ctx(), last: (g) => g === appendix });
    expect(out.map((g) => [g.id, g.tasks.map((t) => t.title)])).toEqual([
      ['III', ['Theo dõi']],
      ['IV', ['Bố trí kinh phí']],
      ['PL.I', ['Rà soát']],
    ]);
  });
});

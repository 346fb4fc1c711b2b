// Plans in shapes the corpus lacks, written as a clerk meets them (test/fixtures/import-unseen/):
// a task table typed as text, tasks in an appendix after the signature, a ministry's
// Roman parts with lettered items and "Giao X chủ trì" sentences, a province's
// per-unit section, a commune's "1.1. … Giao X …" items. Imported with no units
// file, as from an unfamiliar province: per plan, how many tasks, and the units and
// times of some of them as the text gives them; and plan check accepts the result.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/core/decode.js';
import type { PlanInput, TaskInput } from '../../src/core/schema.js';
import { textToBlocks } from '../../src/import/blocks.js';
import { importPlan } from '../../src/import/pipeline.js';
import { repoRoot } from './helpers.js';

const dir = path.join(repoRoot, 'test/fixtures/import-unseen');

interface Leaf {
  id: string;
  title: string;
  lead: string[];
  support: string[];
  due: string | undefined;
  outputs: string[];
}

function load(file: string) {
  const decoded = decodeText(readFileSync(path.join(dir, file)));
  if (!decoded.ok) throw new Error(decoded.message.en);
  const out = importPlan({ blocks: textToBlocks(decoded.text), planFile: `plans/${file.replace(/\.txt$/, '.yaml')}` });
  const leaves: Leaf[] = [];
  const walk = (tasks: TaskInput[]) => {
    for (const t of tasks) {
      if (t.tasks?.length) walk(t.tasks);
      else
        leaves.push({
          id: t.id,
          title: t.title,
          lead: (t.lead ?? []).map(String),
          support: (t.support ?? []).map(String),
          due: t.due !== undefined ? String(t.due) : t.dueText,
          outputs: (t.outputs ?? []).map(String),
        });
    }
  };
  for (const g of out.result.plan.groups) walk(g.tasks);
  const byTitle = (start: string) => {
    const found = leaves.find((l) => l.title.startsWith(start));
    if (!found) throw new Error(`no task titled "${start}…" in ${leaves.map((l) => l.title.slice(0, 30)).join(' | ')}`);
    return found;
  };
  return { out, plan: out.result.plan as PlanInput, leaves, byTitle };
}

describe('a task table typed as text, without the outer bars (Sở Tư pháp)', () => {
  const { out, plan, leaves, byTitle } = load('so-tu-phap-bang-nhiem-vu-2026.txt');
  it('makes each row a task under its group row, with its columns', () => {
    expect(out.errors).toEqual([]);
    expect(leaves.filter((l) => /^\d+$/.test(l.id))).toHaveLength(8);
    expect(plan.groups.slice(0, 3).map((g) => g.title)).toEqual(['Công tác tham mưu, chỉ đạo', 'Tuyên truyền, phổ biến pháp luật', 'Hòa giải ở cơ sở']);
    const conference = byTitle('Tổ chức hội nghị phổ biến các luật mới');
    expect([conference.lead, conference.support, conference.due, conference.outputs]).toEqual([
      ['Phòng Phổ biến, giáo dục pháp luật và Trợ giúp pháp lý'],
      ['Sở Nội vụ', 'Sở Tài chính'],
      '6 tháng đầu năm 2026',
      ['Hội nghị'],
    ]);
    expect(byTitle('Cập nhật văn bản pháp luật').due).toBe('Trước ngày 15 hằng tháng');
    expect(byTitle('Tập huấn kỹ năng hòa giải').due).toBe('Năm 2025–2026');
    expect(byTitle('Kiểm tra việc thực hiện Luật Hòa giải').lead).toEqual(['Thanh tra Sở']);
  });
  it('ends the title at the bases: the sentence after them is not part of it', () => {
    expect(plan.title).toBe('Công tác phổ biến, giáo dục pháp luật, hòa giải ở cơ sở năm 2026');
    expect(plan.issuer).toEqual({ parent: 'UBND TỈNH PHÚ THỌ', name: 'SỞ TƯ PHÁP', level: 'province' });
  });
});

describe('tasks as labelled items in an appendix after the signature (UBND phường)', () => {
  const { out, plan, leaves, byTitle } = load('phuong-phu-luc-nhan-2026.txt');
  it('reads the appendix as the task section, titled by the appendix', () => {
    expect(out.errors).toEqual([]);
    expect(leaves).toHaveLength(4);
    expect(plan.groups[0]!.title).toBe('NHIỆM VỤ BẢO ĐẢM TRẬT TỰ, AN TOÀN GIAO THÔNG VÀ MỸ QUAN ĐÔ THỊ NĂM 2026');
    const first = byTitle('Ra quân lập lại trật tự');
    expect([first.lead, first.support, first.due]).toEqual([['Công an phường'], ['Phòng Kinh tế, Hạ tầng và Đô thị', 'Đội Quản lý trật tự đô thị'], 'Quý I/2026 và duy trì thường xuyên']);
    expect(byTitle('Tuyên truyền, vận động hộ kinh doanh').lead).toEqual(['Ủy ban Mặt trận Tổ quốc Việt Nam phường']);
    expect(byTitle('Tổng hợp, báo cáo kết quả').due).toBe('Trước ngày 25 hằng tháng');
  });
  it('keeps the line pointing to the appendix with the tasks, and the monthly report duty', () => {
    expect(plan.groups[0]!.body).toMatch(/tại Phụ lục kèm theo/);
    expect((plan.duties ?? []).map((d) => [d.by, d.due])).toEqual([[['Các cơ quan, đơn vị'], 'trước ngày 25 hằng tháng']]);
  });
});

// Every real plan of ../shared/corpus imports, with the names it finds added to
// a copy of the shipped units.yaml, into a plan and a units file on which
// `plan check` reports no error. Skipped only when ../shared/corpus is absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/core/decode.js';
import { textToBlocks } from '../../src/import/blocks.js';
import { importPlan } from '../../src/import/pipeline.js';
import { corpusDir, corpusImports } from './helpers.js';

const haveCorpus = existsSync(corpusDir);
const files = haveCorpus
  ? readdirSync(corpusDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
  : [];

describe.skipIf(!haveCorpus)('corpus (skipped only when ../shared/corpus is absent)', () => {
  it('holds the documents', () => {
    expect(files.length).toBeGreaterThanOrEqual(11);
  });
  // The import as `plan import` runs it, kept on disk for the other files that read it (corpusImports).
  it.each(files)('%s imports with tasks and passes plan check', (file) => {
    const imported = corpusImports().find((c) => c.name === file)!;
    expect(imported.tasks).toBeGreaterThan(0);
    expect(imported.errors).toEqual([]);
  });
});

describe.skipIf(!haveCorpus)('Sở Công Thương Lào Cai, VLNCN training (corpus)', () => {
  const file = 'kh-huan-luyen-vlncn-so-cong-thuong-lao-cai-2026.txt';
  const decoded = haveCorpus ? decodeText(readFileSync(path.join(corpusDir, file))) : undefined;
  it('reads the staff table after the signature as the Sở\'s tasks, timed by part II\'s "Thời gian", and the signer on one line', () => {
    if (!decoded?.ok) throw new Error('corpus file unreadable');
    const plan = importPlan({ blocks: textToBlocks(decoded.text), planFile: 'plans/vlncn.yaml' }).result.plan;
    const tasks = plan.groups.flatMap((g) => g.tasks);
    const time = '1,5 ngày (bắt đầu từ 13h30 thứ Hai ngày 06/7/2026)';
    expect(tasks).toHaveLength(10);
    expect(tasks.filter((t) => t.body?.startsWith('Người thực hiện: '))).toHaveLength(9);
    // Part III, then the table after the signature as group IV (not "I" before "III"); part II's text, which describes the
    // event, stays with the table's tasks that take its time.
    expect(plan.groups.map((g) => g.id)).toEqual(['III', 'IV']);
    expect(plan.groups[1]!.body).toMatch(/^II\. NỘI DUNG\n1\. Thời gian: /);
    const row = tasks.find((t) => t.title.startsWith('Rà soát việc đáp ứng'))!;
    expect([row.title, row.lead, row.due, row.body]).toEqual(['Rà soát việc đáp ứng các điều kiện của học viên', ['Sở Công Thương'], time, 'Người thực hiện: Vũ Việt Linh Nguyễn Thị Loan']);
    const training = tasks.find((t) => t.title.startsWith('Giao phòng Quản lý công nghiệp'))!;
    expect([training.lead, training.due]).toEqual([['phòng Quản lý công nghiệp'], time]);
    expect(plan.signer).toEqual({ authority: 'KT. GIÁM ĐỐC', position: 'PHÓ GIÁM ĐỐC', name: 'Hoàng Văn Thuân' });
    expect(plan.recipients).toEqual(['Ban Giám đốc Sở;', 'Lưu: VT, CN(Linh).']);
  });
});

describe.skipIf(!haveCorpus)('Hà Tĩnh 624/KH-UBND, preschool in industrial zones (corpus)', () => {
  const file = 'kh-giao-duc-mam-non-do-thi-kcn-ha-tinh-2025.txt';
  it('takes no deadline from the dates of the documents a task cites (Nghị định … ngày …, Quyết định … ngày …, Luật … năm 2019)', () => {
    const decoded = decodeText(readFileSync(path.join(corpusDir, file)));
    if (!decoded.ok) throw new Error(decoded.message.en);
    const plan = importPlan({ blocks: textToBlocks(decoded.text), planFile: 'plans/mam-non.yaml' }).result.plan;
    const byId = new Map<string, { due?: unknown; title: string }>();
    const walk = (ts: (typeof plan.groups)[number]['tasks']): void => {
      for (const t of ts) {
        byId.set(t.id, t);
        walk(t.tasks ?? []);
      }
    };
    for (const g of plan.groups) walk(g.tasks);
    // Each cites a document's date and states no time of its own.
    for (const [id, cited] of [
      ['2.a', 'ngày 14 tháng 12 năm 2020'],
      ['6.b', 'ngày 03 tháng 4 năm 2023'],
      ['9.d', 'năm 2019'],
      ['9.e', 'ngày 04 tháng 11 năm 2020'],
      ['10.c', 'ngày 14 tháng 12 năm 2020'],
    ] as const) {
      const t = byId.get(id)!;
      expect(t.title.replace(/\s+/g, ' ')).toContain(cited);
      expect([id, t.due]).toEqual([id, undefined]);
    }
    // The times the tasks do state are still read.
    expect([byId.get('1.đ')!.due, byId.get('10.e')!.due]).toEqual(['định kỳ', 'Hằng năm']);
  });
});

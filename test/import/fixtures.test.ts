// Plans of other shapes than the seed: a table appendix with columns in another
// order, a provincial plan organised by unit, deeper numbering (I → 1 → 1.1 → a),
// a commune plan after the 2025 reform, the same text in every encoding clerks
// send, and the legacy font encodings that must be refused by name.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/core/checks.js';
import { decodeText } from '../../src/core/decode.js';
import { parseUnits } from '../../src/core/load.js';
import type { Plan, Task } from '../../src/core/model.js';
import { allTasks } from '../../src/core/model.js';
import type { UnitRegistry } from '../../src/core/units.js';
import { fixtures, importFile, importText, planView, readPlan, shippedUnits } from './helpers.js';

function units(file: string): UnitRegistry {
  const parsed = parseUnits(file, readFileSync(path.join(fixtures, file), 'utf8'));
  if (!parsed.value) throw new Error(`bad fixture units ${file}`);
  return parsed.value;
}

/** id → [lead, support, due] of every task, for compact assertions. */
function assignments(plan: Plan, registry?: UnitRegistry): Record<string, [string[], string[], string | null]> {
  const name = (t: { text: string }) => registry?.lookup(t.text)?.name ?? t.text;
  return Object.fromEntries(allTasks(plan).map((t: Task) => [t.id, [t.lead.map(name), t.support.map(name), t.due?.text ?? null]]));
}

function errors(plan: Plan, registry: UnitRegistry) {
  return runChecks(plan, { registry, unitsFile: 'units.yaml' }).filter((d) => d.severity === 'error');
}

describe('table appendix, columns in another order (STT | chủ trì | nội dung | thời gian | phối hợp | sản phẩm)', () => {
  const registry = shippedUnits();
  const imported = importFile(path.join(fixtures, 'table-appendix.md'), registry);
  const plan = readPlan(imported.yaml);

  it('makes every row a task, in the groups of the table', () => {
    expect(imported.layout).toBe('table');
    expect(plan.groups.map((g) => [g.id, g.title, g.tasks.map((t) => t.id)])).toEqual([
      ['I', 'Hạ tầng số', ['1', '2']],
      ['II', 'Chính quyền số', ['3', '4']],
    ]);
  });

  it('reads units and deadlines from their columns', () => {
    expect(assignments(plan, registry)).toEqual({
      '1': [['Phòng Văn hóa – Thông tin'], ['Văn phòng HĐND và UBND huyện'], '5-2-2024'],
      '2': [['Văn phòng HĐND và UBND huyện'], ['Phòng Tài chính - Kế hoạch'], 'Quý II/2024'],
      '3': [['Phòng Nội vụ'], ['các cơ quan, tổ chức huyện', 'UBND các xã, thị trấn'], 'tháng 11, 12/2024'],
      '4': [['Phòng Tư pháp', 'UBND các xã, thị trấn'], ['các cơ quan, tổ chức có liên quan'], 'thường xuyên'],
    });
    expect(
      allTasks(plan)
        .find((t) => t.id === '2')!
        .outputs.map((o) => o.text),
    ).toEqual(['Máy tính được bàn giao', 'biên bản bàn giao']);
  });

  it('keeps the text that points to the appendix, finds the report duty, and passes check', () => {
    expect(plan.groups[0]!.body).toContain('Các nhiệm vụ cụ thể tại Phụ lục');
    expect(planView(plan, registry).duties).toEqual([{ id: 'bao-cao', title: 'Báo cáo kết quả thực hiện', by: ['các cơ quan, tổ chức huyện'], due: 'trước ngày 10/12/2024', period: null }]);
    expect(errors(plan, registry)).toEqual([]);
  });
});

describe('provincial plan organised by unit in "Tổ chức thực hiện"', () => {
  const registry = units('units-province.yaml');
  const imported = importFile(path.join(fixtures, 'provincial-by-unit.txt'), registry);
  const plan = readPlan(imported.yaml);

  it('makes each unit paragraph and each "Giao … chủ trì" sentence a task, and each bullet under a unit its own task', () => {
    expect(imported.layout).toBe('by-unit');
    expect(assignments(plan, registry)).toEqual({
      '1': [['Sở Tư pháp'], ['Sở Thông tin và Truyền thông'], 'trong quý 1/2019'],
      '2': [['Sở Thông tin và Truyền thông'], [], 'trước ngày 30/6/2019'],
      // The bullet is another duty of the same unit; the time inside the unit's own sentence is that sentence's, not the bullet's.
      '2.a': [['Sở Thông tin và Truyền thông'], [], null],
      '3': [['Công an tỉnh'], ['Sở Tư pháp'], 'tháng 11, 12/2019'],
      '4': [['Văn phòng UBND tỉnh'], ['Sở Nội vụ'], 'hằng năm'],
    });
    expect(allTasks(plan).find((t) => t.id === '2.a')!.title).toBe('Hướng dẫn việc lập chuyên mục tiếp cận thông tin trên trang thông tin điện tử của các sở, ngành.');
  });

  it('reads the header of a provincial plan, with the date written in words', () => {
    expect([plan.number, plan.issuer.name, plan.issuer.level, plan.place, plan.dateText, plan.years.from]).toEqual([
      '45/KH-UBND',
      'Ủy ban nhân dân tỉnh Hà Nam',
      'province',
      'Hà Nam',
      '27/02/2019',
      2019,
    ]);
    expect(plan.bases).toHaveLength(2);
    expect(plan.signer).toEqual({ authority: 'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn A' });
  });

  it('finds the plan and periodic report duties with their senders', () => {
    expect(planView(plan, registry).duties.map((d) => [d.id, d.by, d.due, d.period])).toEqual([
      ['ke-hoach', ['Các sở, ban, ngành', 'UBND các huyện, thành phố'], 'trước ngày 15/3/2019', null],
      ['bao-cao-6-thang', ['Các sở, ban, ngành', 'UBND các huyện, thành phố'], 'trước ngày 15/6', '6m'],
      ['bao-cao-nam', ['Các sở, ban, ngành', 'UBND các huyện, thành phố'], 'trước ngày 15/12', 'year'],
    ]);
  });

  it('reports the names the units file lacks, and nothing else is an error', () => {
    expect([...new Set(imported.mentions.filter((m) => !registry.lookup(m.name)).map((m) => m.name))].sort()).toEqual(['Sở Nội vụ', 'UBND các huyện, thành phố']);
    // Sở Nội vụ once (task 4), UBND các huyện, thành phố once per duty.
    expect(errors(plan, registry).map((d) => d.code)).toEqual(['unknown-unit', 'unknown-unit', 'unknown-unit', 'unknown-unit']);
  });
});

describe('deeper numbering: I → 1 → 1.1 → a', () => {
  const registry = units('units-deep.yaml');
  const imported = importFile(path.join(fixtures, 'deep-numbering.txt'), registry);
  const plan = readPlan(imported.yaml);

  it('nests groups, tasks and lettered sub-tasks; reads every label variant', () => {
    expect(plan.groups.map((g) => g.id)).toEqual(['1', '2']);
    expect(assignments(plan, registry)).toEqual({
      '1.1': [[], [], null],
      '1.1.a': [['Phòng Văn bản'], ['Văn phòng Sở', 'các phòng, đơn vị thuộc Sở'], 'trước ngày 31/01/2024'],
      '1.1.b': [['Phòng Văn bản'], [], 'quý I/2024'],
      '1.2': [['Phòng Văn bản'], ['Thanh tra Sở'], '6 tháng cuối năm 2024'],
      '2.1': [['Phòng Văn bản'], [], 'từ tháng 3 đến tháng 9/2024'],
    });
    expect(
      allTasks(plan)
        .find((t) => t.id === '1.1.a')!
        .outputs.map((o) => o.text),
    ).toEqual(['Kế hoạch được ban hành']);
    expect(allTasks(plan).find((t) => t.id === '1.2')!.body).toBe('Tổ chức kiểm tra tại một số sở, ngành và UBND cấp huyện.');
  });

  it('keeps the paragraph it cannot place as a note with its line', () => {
    expect(imported.notes.map((n) => n.line)).toEqual([38]);
    expect(plan.notes).toEqual(['dòng 38: Một đoạn lạc chỗ không thuộc nhiệm vụ nào.']);
  });

  it('reads purposes and requirements apart, the issuer with its parent, and passes check', () => {
    expect(plan.purposes).toEqual(['Nâng cao hiệu quả công tác theo dõi tình hình thi hành pháp luật.']);
    expect(plan.requirements).toEqual(['Bảo đảm đúng quy định, thiết thực.']);
    expect(plan.issuer).toEqual({ parent: 'UBND tỉnh Bắc Giang', name: 'Sở Tư pháp', level: 'province' });
    expect(errors(plan, registry)).toEqual([]);
  });
});

describe('commune plan after the 2025 reform (no huyện)', () => {
  const imported = importFile(path.join(fixtures, 'commune-2025.txt'));
  const plan = readPlan(imported.yaml);

  it('reads a commune issuer, "Đơn vị thực hiện", "Phối hợp", "Thời hạn", "Kết quả" and a date in words', () => {
    expect(plan.issuer).toEqual({ name: 'Ủy ban nhân dân xã Sơn Động', level: 'commune' });
    expect(assignments(plan)).toEqual({
      '1': [['Công chức Tư pháp - Hộ tịch'], ['Ủy ban MTTQ Việt Nam xã', 'Đoàn Thanh niên xã', 'các thôn, tổ dân phố'], 'tháng 9/2025'],
      '2': [['Trung tâm Dịch vụ tổng hợp xã'], [], 'ngày 31 tháng 12 năm 2025'],
      // "Giao X theo dõi, báo cáo … trước ngày D": the monitoring is X's task, timed by the report (it was the duty only).
      'III.1': [['Công chức Tư pháp - Hộ tịch'], [], 'trước ngày 15/12/2025'],
    });
    expect(plan.duties.map((d) => [d.id, d.by.map((b) => b.text), d.to, d.due.text])).toEqual([['bao-cao', ['Công chức Tư pháp - Hộ tịch'], 'UBND xã', 'trước ngày 15/12/2025']]);
  });

  it('without a units file, every name is reported as a mention to add', () => {
    expect(new Set(imported.mentions.map((m) => m.name))).toEqual(
      new Set(['Công chức Tư pháp - Hộ tịch', 'Ủy ban MTTQ Việt Nam xã', 'Đoàn Thanh niên xã', 'các thôn, tổ dân phố', 'Trung tâm Dịch vụ tổng hợp xã']),
    );
  });
});

describe('encodings and line endings', () => {
  const original = readFileSync(path.join(fixtures, 'deep-numbering.txt'), 'utf8');
  const registry = units('units-deep.yaml');
  const expected = planView(readPlan(importText(original, registry).yaml), registry);
  const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
  const variants: [string, Uint8Array][] = [
    ['UTF-8 with BOM', Buffer.from(`\ufeff${original}`, 'utf8')],
    ['CRLF', Buffer.from(original.replace(/\n/g, '\r\n'), 'utf8')],
    ['NFD', Buffer.from(original.normalize('NFD'), 'utf8')],
    ['UTF-16 LE with CRLF (Word "Unicode text")', utf16le(original.replace(/\n/g, '\r\n'))],
  ];
  for (const [name, bytes] of variants) {
    it(`${name} imports to the same plan`, () => {
      const decoded = decodeText(bytes);
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      expect(planView(readPlan(importText(decoded.text, registry).yaml), registry)).toEqual(expected);
    });
  }

  it.each([
    ['tcvn3.txt', 'TCVN3'],
    ['vni.txt', 'VNI'],
  ])('%s (8-bit legacy font encoding) is refused, naming %s', (file, encoding) => {
    const decoded = decodeText(readFileSync(path.join(fixtures, file)));
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.code).toBe('legacy-encoding');
    expect(decoded.message.en).toContain(encoding);
  });

  it('TCVN3 text pasted into a UTF-8 file is refused too', () => {
    const asUtf8 = Buffer.from(new TextDecoder('windows-1252').decode(readFileSync(path.join(fixtures, 'tcvn3.txt'))), 'utf8');
    const decoded = decodeText(asUtf8);
    expect(decoded.ok ? 'ok' : decoded.message.en).toContain('TCVN3');
  });
});

describe('provincial plan mixing labelled tasks with "1. Sở Tư pháp" / "2. Sở Tài chính: …" items', () => {
  const imported = importFile(path.join(fixtures, 'mixed-provincial.txt'));
  const plan = readPlan(imported.yaml);

  it('gives the unit-headed items their lead, deadline and support from the prose', () => {
    expect(assignments(plan)).toEqual({
      '1': [['Sở Tư pháp'], ['Sở Nội vụ'], 'trong quý II/2023'],
      '2': [['Sở Tài chính'], [], 'trước ngày 30/6/2023'],
      '3': [[], [], null],
      '3.1': [['Sở Thông tin và Truyền thông'], ['Đài Phát thanh và Truyền hình tỉnh'], 'năm 2023'],
    });
    expect(allTasks(plan).find((t) => t.id === '1')!.points).toEqual(['Phối hợp với Sở Nội vụ kiểm tra việc thực hiện.']);
  });

  it('reads several labels written on one line', () => {
    const t = allTasks(plan).find((x) => x.id === '3.1')!;
    expect([t.lead.length, t.support.length, t.due?.text]).toEqual([1, 1, 'năm 2023']);
  });
});

describe('plan organised by unit inside the task section', () => {
  const text = [
    'UBND HUYỆN LỤC NAM',
    'Số: 7/KH-UBND',
    'Lục Nam, ngày 02 tháng 01 năm 2024',
    'KẾ HOẠCH',
    'Phòng, chống ma túy năm 2024',
    'II. NHIỆM VỤ CỦA CÁC CƠ QUAN, ĐƠN VỊ',
    '1. Công an huyện: chủ trì, phối hợp với Phòng Tư pháp tổ chức tuyên truyền, hoàn thành trong tháng 6/2024.',
    '2. Phòng Giáo dục và Đào tạo',
    '- Tổ chức tuyên truyền trong trường học, thường xuyên.',
    '- Báo cáo kết quả trước ngày 30/11/2024.',
  ].join('\n');
  const imported = importText(text, shippedUnits());
  const plan = readPlan(imported.yaml);

  it('makes a task of each unit, with lead, support and deadline', () => {
    expect(imported.layout).toBe('by-unit');
    // "2. Phòng Giáo dục và Đào tạo" heads its duties: each bullet is one task of that unit.
    expect(assignments(plan, shippedUnits())).toEqual({
      '1': [['Công an huyện'], ['Phòng Tư pháp'], 'trong tháng 6/2024'],
      '2': [['Phòng Giáo dục và Đào tạo'], [], null],
      '2.a': [['Phòng Giáo dục và Đào tạo'], [], 'thường xuyên'],
      '2.b': [['Phòng Giáo dục và Đào tạo'], [], 'trước ngày 30/11/2024'],
    });
    expect(allTasks(plan).find((t) => t.id === '2.a')!.title).toBe('Tổ chức tuyên truyền trong trường học, thường xuyên.');
  });
});

describe('header variants', () => {
  it('reads "KẾ HOẠCH HÀNH ĐỘNG", a date written with slashes, and notes a missing number', () => {
    const text = [
      'UBND XÃ AN LẠC',
      'An Lạc, ngày 05/02/2025',
      'KẾ HOẠCH HÀNH ĐỘNG',
      'Thực hiện chuyển đổi số năm 2025',
      'I. NHIỆM VỤ',
      '1. Số hóa hồ sơ',
      '- Chủ trì: Công chức Văn phòng - Thống kê',
      '- Thời hạn: quý III/2025',
    ].join('\n');
    const imported = importText(text);
    const plan = readPlan(imported.yaml);
    expect([plan.title, plan.place, plan.dateText, plan.number, plan.issuer.level]).toEqual(['Thực hiện chuyển đổi số năm 2025', 'An Lạc', '05/02/2025', '/KH', 'commune']);
    expect(imported.notes.map((n) => n.reason.en)).toEqual(['no "Số:" line found; wrote "/KH"']);
    expect(assignments(plan)).toEqual({ '1': [['Công chức Văn phòng - Thống kê'], [], 'quý III/2025'] });
  });
});

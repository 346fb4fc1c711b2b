import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlan, parseUnits } from '../../src/core/load.js';
import type { Plan } from '../../src/core/model.js';
import { buildSheets, sheetSlugs } from '../../src/core/sheet.js';
import type { UnitRegistry } from '../../src/core/units.js';
import { buildWorkCalendar } from '../../src/core/workdays.js';
import { planYaml, UNITS_YAML } from '../helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const madeOn = { year: 2024, month: 5, day: 21 };
// The law's days off only: these tests are about who gets what, not about dates.
const calendar = buildWorkCalendar();

function seed(): { plan: Plan; registry: UnitRegistry } {
  const plan = parsePlan('plans/kh-pbgdpl-2024-son-dong.yaml', readFileSync(path.join(ROOT, 'plans/kh-pbgdpl-2024-son-dong.yaml'), 'utf8')).value!;
  const registry = parseUnits('plans/units.yaml', readFileSync(path.join(ROOT, 'plans/units.yaml'), 'utf8')).value!;
  return { plan, registry };
}

function inline(yaml: string): Plan {
  const p = parsePlan('p.yaml', yaml);
  if (!p.value) throw new Error(JSON.stringify(p.diagnostics));
  return p.value;
}

describe('buildSheets on the seed plan', () => {
  const { plan, registry } = seed();
  const sheets = buildSheets([plan], registry, { madeOn, calendar }).sheets;
  const byName = new Map(sheets.map((s) => [s.unit.name, s]));

  it('lists what Phòng Tư pháp leads, in the document order', () => {
    const ids = byName.get('Phòng Tư pháp')!.lead.map((t) => t.id);
    for (const id of ['1.6.b', '1.6.c', '1.6.đ', '1.7.a', '1.7.b', '1.7.c', '2.1.b', '2.3.a', '2.3.b', '2.3.c', '2.4.a', '2.4.b', '2.4.c']) expect(ids).toContain(id);
    // 1.6.d before 1.6.đ before 1.7, and 1.9 before 1.10
    expect(ids.indexOf('1.6.c')).toBeLessThan(ids.indexOf('1.6.đ'));
    expect(ids.indexOf('1.6.đ')).toBeLessThan(ids.indexOf('1.7.a'));
    expect(ids.indexOf('1.9')).toBeLessThan(ids.indexOf('1.10'));
    expect(ids.indexOf('1.10')).toBeLessThan(ids.indexOf('2.1.b'));
  });
  it('gives Phòng Dân tộc 1.6.d before 1.7 tasks it gets through groups', () => {
    const ids = byName.get('Phòng Dân tộc')!.lead.map((t) => t.id);
    expect(ids).toContain('1.6.d');
    expect(ids.indexOf('1.6.d')).toBeLessThan(ids.indexOf('1.9'));
  });
  it('puts 1.1 and the three reporting duties on every commune sheet', () => {
    const group = registry.lookup('UBND các xã, thị trấn');
    expect(group?.kind).toBe('group');
    const communes = registry.expand(group!);
    expect(communes.length).toBe(12);
    for (const c of communes) {
      const s = byName.get(c.name)!;
      expect(s.lead.map((t) => t.id)).toContain('1.1');
      expect(s.duties.map((d) => d.id)).toEqual(['ke-hoach', 'bao-cao-6-thang', 'bao-cao-nam']);
      expect(s.lead.find((t) => t.id === '1.1')!.via).toBe('UBND các xã, thị trấn');
      // The group it gets the task through is not "another" lead on its own sheet; the district's offices are.
      expect(s.lead.find((t) => t.id === '1.1')!.otherLead).toEqual(['các cơ quan, tổ chức huyện']);
    }
    // Nor on a district office's sheet, which gets 1.1 through "các cơ quan, tổ chức huyện".
    expect(byName.get('Phòng Tư pháp')!.lead.find((t) => t.id === '1.1')!.otherLead).toEqual(['UBND các xã, thị trấn']);
  });
  it('has no sheet for vague references, and one per concrete unit with work', () => {
    const names = sheets.map((s) => s.unit.name);
    for (const v of registry.vague) expect(names).not.toContain(v.name);
    for (const g of registry.groups) expect(names).not.toContain(g.name);
    expect(new Set(sheets.map((s) => s.slug)).size).toBe(sheets.length);
  });
  it('makes one sheet for a collective unit, addressed to all it names ("Các phòng chuyên môn"), not one per kind', () => {
    const units = parseUnits('u.yaml', 'units:\n  - name: UBND huyện Sơn Động\n    level: district\n  - name: Các phòng chuyên môn\n    level: district\n    collective: true\n').value!;
    const one = inline(planYaml(`      - id: "1.1"\n        title: Rà soát\n        lead: [Các phòng chuyên môn]\n        due: năm 2024\n        outputs: [Báo cáo]`));
    const made = buildSheets([one], units, { madeOn, calendar }).sheets;
    expect(made.map((x) => [x.unit.name, x.unit.collective, x.lead.map((t) => t.id)])).toEqual([['Các phòng chuyên môn', true, ['1.1']]]);
  });
  it('makes no sheet for units above the issuer (check warns lead-outside-authority), and lists them', () => {
    const { outside } = buildSheets([plan], registry, { madeOn, calendar });
    expect(outside.map((o) => o.unit.name).sort()).toEqual(['Sở Tư pháp', 'UBND các huyện, thành phố']);
    expect(byName.has('Sở Tư pháp')).toBe(false);
    expect(byName.has('UBND các huyện, thành phố')).toBe(false);
  });
  it('issues every sheet from the issuer as units.yaml describes it, drafted by the unit reports go through', () => {
    const s = byName.get('Phòng Dân tộc')!;
    expect(s.from.lines).toEqual(['Ủy ban nhân dân', 'huyện Sơn Động']);
    expect(s.from.place).toBe('Sơn Động');
    expect(s.from.symbol).toBe('UBND');
    expect(s.from.signer?.name).toBe('Tổng Thị Hương Giang');
    expect(s.drafter?.symbol).toBe('TP');
    expect(s.planPlace).toBe('Sơn Đông');
  });
  it('Phòng Tư pháp sends its reports to the UBND huyện, not through itself; "UBND huyện" is the issuer by its full name', () => {
    const issuer = 'Ủy ban nhân dân huyện Sơn Động';
    expect(byName.get('Phòng Tư pháp')!.duties.map((d) => d.to)).toEqual([issuer, issuer, issuer]);
    expect(byName.get('Phòng Dân tộc')!.duties[0]!.to).toBe(`${issuer} (qua Phòng Tư pháp)`);
  });
  it('marks open tasks past their last limit with the days overdue as of the sheet day', () => {
    const late = buildSheets([plan], registry, { madeOn: { year: 2025, month: 1, day: 12 }, calendar }).sheets.find((x) => x.unit.name === 'Phòng Tư pháp')!;
    expect(late.lead.find((t) => t.id === '1.6.c')!.overdue).toBe(12);
    expect(late.lead.find((t) => t.id === '1.1')!.overdue).toBe(0);
    expect(byName.get('Phòng Tư pháp')!.lead.find((t) => t.id === '1.6.c')!.overdue).toBe(0);
  });
  it('marks reports owed and not sent past their limit (21/05/2024: the plan due 05/02 and the 6-month report due 20/05)', () => {
    const duties = byName.get('Phòng Dân tộc')!.duties;
    expect(duties.map((d) => [d.id, d.overdue])).toEqual([
      ['ke-hoach', 106],
      ['bao-cao-6-thang', 1],
      ['bao-cao-nam', 0],
    ]);
  });
  it('names the other units without the unit itself, and resolves deadlines', () => {
    const t = byName.get('Phòng Tư pháp')!.lead.find((x) => x.id === '1.6.c')!;
    expect(t.otherLead).toEqual(['Công an huyện']);
    expect(t.otherSupport).toEqual(['các cơ quan, đơn vị liên quan']);
    expect(t.due.text).toBe('năm 2024');
    expect(t.due.occurrences.map((o) => o.due)).toEqual([{ year: 2024, month: 12, day: 31 }]);
    const ongoing = byName.get('Phòng Tư pháp')!.lead.find((x) => x.id === '1.1')!;
    expect(ongoing.due.ongoing).toBe(true);
  });
  it('--unit selection keeps the same file names', () => {
    const pdt = registry.lookup('Phòng Dân tộc');
    const only = buildSheets([plan], registry, { madeOn, calendar, only: [pdt as never] }).sheets;
    expect(only.map((s) => s.slug)).toEqual(['phong-dan-toc']);
    expect(sheetSlugs(registry).get(pdt as never)).toBe('phong-dan-toc');
  });
});

describe('buildSheets across plans', () => {
  const units = parseUnits('units.yaml', UNITS_YAML).value!;
  const a = inline(
    planYaml(`      - id: "1.10"
        title: Mười
        lead: [Phòng Tư pháp]
        due: thường xuyên
      - id: "1.9"
        title: Chín
        lead: [Phòng Dân tộc]
        support:
          - các cơ quan, tổ chức huyện
        due: quý I/2024
        status: doing
        progress:
          - unit: Phòng Tư pháp
            status: done
            done: 01/03/2024`),
  );
  const b = inline(
    planYaml(`      - id: "1.1"
        title: Một của kế hoạch hai
        lead:
          - UBND các xã, thị trấn
          - Phòng Tư pháp
        due: 05/02/2024`).replace('05/KH-UBND', '07/KH-UBND'),
  );

  it('spans plans, ordered by plan then numbering, with per-unit status', () => {
    const s = buildSheets([a, b], units, { madeOn, calendar }).sheets.find((x) => x.unit.name === 'Phòng Tư pháp')!;
    expect(s.lead.map((t) => `${t.plan.number} ${t.id}`)).toEqual(['05/KH-UBND 1.10', '07/KH-UBND 1.1']);
    expect(s.support.map((t) => t.id)).toEqual(['1.9']);
    expect(s.support[0]!.status).toBe('done');
    expect(s.support[0]!.via).toBe('các cơ quan, tổ chức huyện');
    expect(s.plans.map((p) => p.number)).toEqual(['05/KH-UBND', '07/KH-UBND']);
    const pdt = buildSheets([a, b], units, { madeOn, calendar }).sheets.find((x) => x.unit.name === 'Phòng Dân tộc')!;
    expect(pdt.lead[0]!.status).toBe('doing');
    expect(pdt.plans.map((p) => p.number)).toEqual(['05/KH-UBND']);
  });
  it('lists a commune only on the plan that names its group', () => {
    const s = buildSheets([a, b], units, { madeOn, calendar }).sheets.find((x) => x.unit.name === 'UBND xã An Lạc')!;
    expect(s.lead.map((t) => t.id)).toEqual(['1.1']);
    // Its own group (how it got the task) is not another lead.
    expect(s.lead[0]!.otherLead).toEqual(['Phòng Tư pháp']);
  });
});

// --write-units: new names are inserted, every existing byte above stays.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUnits } from '../../src/core/load.js';
import { CENTRAL } from '../../src/core/text.js';
import { isCollective, namesMany } from '../../src/core/units.js';
import { startsUnit } from '../../src/import/unit-list.js';
import { appendUnits, proposeUnit } from '../../src/import/units-append.js';
import { repoRoot } from './helpers.js';

describe('appendUnits', () => {
  const shipped = readFileSync(path.join(repoRoot, 'plans/units.yaml'), 'utf8');
  const proposals = ['Sở Nội vụ', 'UBND xã Phúc Thắng', 'các đơn vị có liên quan', 'Đội: "A"'].map(proposeUnit);
  const out = appendUnits(shipped, proposals);

  it('guesses kind and level', () => {
    expect(proposals.map((p) => [p.kind, p.level ?? null])).toEqual([
      ['unit', 'province'],
      ['unit', 'commune'],
      ['vague', null],
      ['unit', null],
    ]);
  });

  it("a military command's level: a city's or a province's is the province's, a national one the centre's", () => {
    const names = ['Bộ Tư lệnh Thành phố', 'Bộ Tư lệnh Thủ đô Hà Nội', 'Bộ Chỉ huy Quân sự tỉnh', 'Bộ Tư lệnh Cảnh sát biển', 'Bộ Tư lệnh Bộ đội Biên phòng', 'Bộ Quốc phòng'];
    expect(names.map((n) => proposeUnit(n).level ?? null)).toEqual(['province', 'province', 'province', 'central', 'central', 'central']);
    // The issuer's level (import) and a proposed unit's agree, however the city is capitalised.
    expect(['Bộ Tư lệnh thành phố', 'Bộ Tư lệnh Thành phố Hồ Chí Minh', 'Bộ Tư pháp'].map((n) => CENTRAL.test(n))).toEqual([false, false, true]);
  });

  it('keeps the file byte-identical before the first insertion and after it', () => {
    const firstInsert = out.lastIndexOf('\n', out.indexOf('# thêm bởi plan import')) + 1;
    expect(firstInsert).toBeGreaterThan(0);
    expect(out.slice(0, firstInsert)).toBe(shipped.slice(0, firstInsert));
    expect(out.length).toBeGreaterThan(shipped.length);
    // Taking out exactly the inserted lines gives back the original file.
    const stamp = '  # thêm bởi plan import, cần kiểm tra (added by plan import, please check)\n';
    const unitsBlock = `${stamp}  - name: Sở Nội vụ\n    level: province\n  - name: UBND xã Phúc Thắng\n    level: commune\n  - name: 'Đội: "A"'\n`;
    const vagueBlock = `${stamp}  - các đơn vị có liên quan\n`;
    expect(out.includes(unitsBlock) && out.includes(vagueBlock)).toBe(true);
    expect(out.replace(unitsBlock, '').replace(vagueBlock, '')).toBe(shipped);
  });

  it('gives a units file where every new name resolves, to the right kind', () => {
    const parsed = parseUnits('units.yaml', out);
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const registry = parsed.value!;
    expect(proposals.map((p) => registry.lookup(p.name)?.kind)).toEqual(['unit', 'unit', 'vague', 'unit']);
    expect(registry.lookup('Phòng Tư pháp')?.kind).toBe('unit');
  });

  it('makes a name for every body of a kind a collective unit (one sheet for them all), a phrase that names nobody vague', () => {
    // Each name with the kind and collective mark the import proposes for it.
    const cases: [string, 'unit' | 'vague', boolean][] = [
      ['Các sở, ban, ngành', 'unit', true],
      ['Các Sở, Ban, Ngành tỉnh', 'unit', true],
      ['UBND các huyện, thành phố', 'unit', true],
      ['Ủy ban nhân dân xã, phường, đặc khu', 'unit', true],
      ['Ủy ban nhân dân cấp xã', 'unit', true],
      ['Các thôn, tổ dân phố', 'unit', true],
      ['các cơ quan, đơn vị liên quan', 'vague', false],
      ['Các cơ quan, đơn vị', 'vague', false],
      ['UBND xã An Lạc', 'unit', false],
      ['UBND xã', 'unit', false],
      ['Công an xã, phường', 'unit', true],
      ['Sở Tư pháp', 'unit', false],
    ];
    const kinds = cases.map(([name]) => proposeUnit(name));
    expect(kinds.map((p) => [p.name, p.kind, p.collective ?? false])).toEqual(cases);
    const text = appendUnits('units: []\n', kinds.slice(0, 2));
    expect(text).toContain('  - name: Các sở, ban, ngành\n    collective: true\n');
    const registry = parseUnits('u.yaml', text).value!;
    expect(registry.lookup('các sở, ban, ngành')).toMatchObject({ kind: 'unit', collective: true });
  });

  it('has one rule for a name for many units, shared with units.yaml (core namesMany): whose set it is does not make it one place', () => {
    // Each name with the import's kind and collective mark, and namesMany's answer.
    const cases: [string, 'unit' | 'vague', boolean, boolean][] = [
      ['Các sở, ban, ngành tỉnh Lào Cai', 'unit', true, true],
      ['UBND các xã, phường trên địa bàn tỉnh Lào Cai', 'unit', true, true],
      ['Các phòng, ban thuộc UBND huyện Sơn Động', 'unit', true, true],
      ['Các trường hợp vi phạm', 'vague', false, false],
      ['Các hội nghị', 'vague', false, false],
      ['Các đơn vị thuộc Bộ', 'unit', true, true],
      ['Các xã An Lạc, Tân Lập', 'vague', false, false],
      ['UBND xã An Lạc', 'unit', false, false],
    ];
    expect(
      cases.map(([name]) => {
        const p = proposeUnit(name);
        return [name, p.kind, p.collective ?? false, namesMany(name)];
      }),
    ).toEqual(cases);
    // One list of kind words that begin another noun, for a name of many bodies and for where a listed unit name starts:
    // "vụ việc" (cases) and "Bộ luật" (a code) name no body in either.
    expect(namesMany('Các vụ việc vi phạm')).toBe(false);
    expect(startsUnit('Bộ luật Dân sự')).toBe(false);
    expect(startsUnit('Bộ Tư pháp')).toBe(true);
    // units.yaml reads a unit so named as many bodies without the collective mark, the import's very rule.
    const registry = parseUnits('u.yaml', 'units:\n  - name: UBND các xã, phường trên địa bàn tỉnh Lào Cai\n  - name: Các trường hợp vi phạm\n').value!;
    expect(registry.units.map((u) => isCollective(u))).toEqual([true, false]);
  });

  it('adds a list that does not exist yet at the end', () => {
    const text = 'units:\n  - name: A\n';
    const added = appendUnits(text, [proposeUnit('các cơ quan liên quan')]);
    expect(added.startsWith(text)).toBe(true);
    expect(parseUnits('u.yaml', added).value!.lookup('các cơ quan liên quan')?.kind).toBe('vague');
  });
});

// The superior line of a document's header: a People's Committee is shortened ("UBND xã Tân Lập", Nghị định
// 30/2020, Phụ lục I) whether units.yaml lists it or not. A xã's plan imported as written ("Ủy ban nhân dân xã Tân
// Lập", not in units.yaml) gave its offices' reports "ỦY BAN NHÂN DÂN XÃ TÂN / LẬP", broken inside the place.
import { describe, expect, it } from 'vitest';
import { parseUnits } from '../../src/core/load.js';
import { partyOfUnit } from '../../src/core/issuing.js';
import type { Unit } from '../../src/core/units.js';

const r = parseUnits(
  'units.yaml',
  `
units:
  - name: Văn phòng HĐND và UBND xã
    level: commune
  - name: UBND huyện Sơn Động
    level: district
`,
);
if (!r.value) throw new Error(JSON.stringify(r.diagnostics));
const units = r.value;
const office = units.lookup('Văn phòng HĐND và UBND xã') as Unit;

describe('the superior line', () => {
  it('shortens a People’s Committee or Council units.yaml does not list', () => {
    expect(partyOfUnit(office, units, 'Ủy ban nhân dân xã Tân Lập').superior).toEqual(['UBND xã Tân Lập']);
    expect(partyOfUnit(office, units, 'Hội đồng nhân dân xã Tân Lập').superior).toEqual(['HĐND xã Tân Lập']);
  });

  it('as it shortens one units.yaml lists, and leaves other bodies as written', () => {
    expect(partyOfUnit(office, units, 'UBND huyện Sơn Động').superior).toEqual(['UBND huyện Sơn Động']);
    expect(partyOfUnit(office, units, 'Sở Tư pháp tỉnh Phú Thọ').superior).toEqual(['Sở Tư pháp tỉnh Phú Thọ']);
  });
});

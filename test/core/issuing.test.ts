// Who issues a document and how its header reads, when units.yaml says little:
// what a body's own name tells (a People's Committee has no superior line, its
// place is its own commune) and what it cannot (a Công an xã's superior).
import { describe, expect, it } from 'vitest';
import { parseUnits } from '../../src/core/load.js';
import { addresseeName, assumedSuperior, factsOfName, partyOfUnit, planIssuer, recipientFor } from '../../src/core/issuing.js';
import type { Plan } from '../../src/core/model.js';
import type { Unit, UnitRegistry } from '../../src/core/units.js';

const UNITS = `
units:
  - name: UBND huyện Sơn Động
    fullName: ["Ủy ban nhân dân", "huyện Sơn Động"]
    symbol: UBND
    place: Sơn Động
    level: district
  - name: Phòng Tư pháp
    parent: UBND huyện Sơn Động
    symbol: TP
    level: district
  - name: Phòng Dân tộc
    level: district
  - name: UBND xã An Lạc
    level: commune
  - name: Ủy ban nhân dân phường 12
    level: commune
  - name: UBND đặc khu Phú Quốc
    level: commune
  - name: UBND TP. Bắc Giang
    level: district
  - name: Công an xã An Lạc
    level: commune
  - name: Văn phòng UBND xã An Lạc
    level: commune
  - name: UBND các huyện, thành phố
    level: province
  - name: UBND tỉnh Tuyên Quang
    level: province
  - name: Sở Tư pháp
    parent: UBND tỉnh Tuyên Quang
    level: province
  - name: UBND xã Yên Sơn
    level: commune
    fullName: ["Ủy ban nhân dân", "xã Yên Sơn", "huyện Yên Sơn"]
    place: Yên Sơn
    parent: UBND huyện Sơn Động
`;

function registry(): UnitRegistry {
  const r = parseUnits('units.yaml', UNITS);
  if (!r.value) throw new Error(JSON.stringify(r.diagnostics));
  return r.value;
}

const units = registry();
const unit = (name: string) => units.lookup(name) as Unit;
const districtIssuer: Plan['issuer'] = { name: 'UBND huyện Sơn Động', level: 'district' };
const ofReport = (name: string) => partyOfUnit(unit(name), units, assumedSuperior(unit(name), districtIssuer));

describe('what a body’s name tells', () => {
  it('a People’s Committee: two header lines, its symbol, its own area as place', () => {
    expect(factsOfName('UBND xã An Lạc')).toEqual({ localGovernment: { lines: ['Ủy ban nhân dân', 'xã An Lạc'], symbol: 'UBND' }, place: 'An Lạc' });
    expect(factsOfName('Ủy ban nhân dân thị trấn Tây Yên Tử').place).toBe('Tây Yên Tử');
    expect(factsOfName('UBND thị xã Sơn Tây').localGovernment?.lines).toEqual(['Ủy ban nhân dân', 'thị xã Sơn Tây']);
    expect(factsOfName('UBND TP. Bắc Giang')).toEqual({ localGovernment: { lines: ['Ủy ban nhân dân', 'thành phố Bắc Giang'], symbol: 'UBND' }, place: 'Bắc Giang' });
    expect(factsOfName('HĐND xã An Lạc').localGovernment).toEqual({ lines: ['Hội đồng nhân dân', 'xã An Lạc'], symbol: 'HĐND' });
    // After the 2025 reform: special zones and merged wards.
    expect(factsOfName('UBND đặc khu Phú Quốc').place).toBe('Phú Quốc');
    expect(factsOfName("UBND xã Ea H'leo").place).toBe("Ea H'leo");
  });
  it('a unit named by a number keeps its kind in the place (Nghị định 30/2020, Phụ lục I)', () => {
    expect(factsOfName('Ủy ban nhân dân phường 12').place).toBe('Phường 12');
    expect(factsOfName('UBND quận 1').localGovernment?.lines).toEqual(['Ủy ban nhân dân', 'quận 1']);
  });
  it('another body named after its area gives the place only', () => {
    expect(factsOfName('Công an xã An Lạc')).toEqual({ place: 'An Lạc' });
    expect(factsOfName('Văn phòng UBND xã An Lạc')).toEqual({ place: 'An Lạc' });
    expect(factsOfName('Sở Tư pháp tỉnh Bắc Giang')).toEqual({ place: 'Bắc Giang' });
  });
  it('names without an area say nothing', () => {
    for (const name of ['Phòng Tư pháp', 'Công an huyện', 'UBND các huyện, thành phố', 'UBND các xã, thị trấn', 'UBND huyện', 'Sở Tư pháp']) expect(factsOfName(name), name).toEqual({});
  });
});

describe('the author of a unit’s report', () => {
  it('UBND xã: no superior line (not the plan’s issuer), its own name in full, its commune as place, symbol UBND', () => {
    const p = ofReport('UBND xã An Lạc');
    expect(p.superior).toEqual([]);
    expect(p.lines).toEqual(['Ủy ban nhân dân', 'xã An Lạc']);
    expect(p.place).toBe('An Lạc');
    expect(p.symbol).toBe('UBND');
    expect(ofReport('Ủy ban nhân dân phường 12').place).toBe('Phường 12');
  });
  it('what units.yaml says comes first', () => {
    const p = ofReport('UBND xã Yên Sơn');
    expect(p.superior).toEqual(['UBND huyện Sơn Động']);
    expect(p.lines).toEqual(['Ủy ban nhân dân', 'xã Yên Sơn', 'huyện Yên Sơn']);
    expect(p.place).toBe('Yên Sơn');
  });
  it('a Phòng: under its parent, or under the plan’s issuer of its level; placed where its superior is', () => {
    expect(ofReport('Phòng Tư pháp')).toMatchObject({ superior: ['UBND huyện Sơn Động'], lines: ['Phòng Tư pháp'], symbol: 'TP', place: 'Sơn Động' });
    expect(ofReport('Phòng Dân tộc')).toMatchObject({ superior: ['UBND huyện Sơn Động'], place: 'Sơn Động' });
    expect(ofReport('Phòng Dân tộc').symbol).toBeUndefined();
  });
  it('a Sở under its UBND tỉnh: the place is the province, from the superior’s name', () => {
    expect(ofReport('Sở Tư pháp')).toMatchObject({ superior: ['UBND tỉnh Tuyên Quang'], place: 'Tuyên Quang' });
  });
  it('a commune’s Công an in a district plan: not under the district UBND; its place from its name', () => {
    const p = ofReport('Công an xã An Lạc');
    expect(p.superior).toEqual([]);
    expect(p.lines).toEqual(['Công an xã An Lạc']);
    expect(p.place).toBe('An Lạc');
    expect(p.symbol).toBeUndefined();
  });
  it('no place at all when neither the unit, its name nor a superior gives one', () => {
    const r = parseUnits('units.yaml', 'units:\n  - name: Phòng Nội vụ\n    level: district\n').value!;
    const u = r.lookup('Phòng Nội vụ') as Unit;
    expect(partyOfUnit(u, r, 'UBND huyện')).toMatchObject({ superior: ['UBND huyện'] });
    expect(partyOfUnit(u, r, 'UBND huyện').place).toBeUndefined();
  });
});

describe('the issuer of a plan units.yaml does not list', () => {
  it('reads its header, symbol and place from its name', () => {
    const plan = { issuer: { name: 'UBND xã Tân Thành', level: 'commune' } } as Plan;
    expect(planIssuer(plan, units)).toMatchObject({ superior: [], lines: ['Ủy ban nhân dân', 'xã Tân Thành'], symbol: 'UBND', place: 'Tân Thành' });
  });
});

describe('a body listed in units.yaml with nothing but its name, and the same body unlisted', () => {
  it('read alike: header, symbol and place from the name, the superior from the plan', () => {
    const bare = parseUnits('units.yaml', 'units:\n  - name: UBND xã Tân Thành\n    level: commune\n  - name: Phòng Văn hóa - Xã hội\n    level: commune\n').value!;
    for (const [name, parent] of [
      ['UBND xã Tân Thành', undefined],
      ['Phòng Văn hóa - Xã hội', 'UBND xã Yên Sơn'],
    ] as const) {
      const plan = { issuer: { name, level: 'commune', ...(parent ? { parent } : {}) } } as Plan;
      const { unit: listedUnit, ...listed } = planIssuer(plan, bare);
      expect(listedUnit?.name).toBe(name);
      expect(planIssuer(plan, parseUnits('units.yaml', 'units: []\n').value!)).toEqual(listed);
    }
  });
  it('an unlisted issuer sits where its listed superior does', () => {
    const plan = { issuer: { name: 'Phòng Văn hóa - Xã hội', level: 'commune', parent: 'UBND xã Yên Sơn' } } as Plan;
    expect(planIssuer(plan, units)).toMatchObject({ superior: ['UBND xã Yên Sơn huyện Yên Sơn'], lines: ['Phòng Văn hóa - Xã hội'], place: 'Yên Sơn' });
  });
  it('superiors that name each other give no place, and an answer', () => {
    const loop = parseUnits('units.yaml', 'units:\n  - name: Ban A\n    parent: Ban B\n  - name: Ban B\n    parent: Ban A\n').value!;
    expect(partyOfUnit(loop.lookup('Ban A') as Unit, loop).place).toBeUndefined();
  });
});

describe('"Kính gửi": a body by its full name, as a clerk writes it', () => {
  const district = { issuer: districtIssuer } as Plan;
  it('the issuer written short, without its place, is the issuer in full (the seed: "UBND huyện (qua Phòng Tư pháp)")', () => {
    expect(recipientFor('UBND huyện (qua Phòng Tư pháp)', unit('Phòng Tư pháp'), district, units)).toBe('Ủy ban nhân dân huyện Sơn Động');
    expect(recipientFor('UBND huyện (qua Phòng Tư pháp)', unit('UBND xã An Lạc'), district, units)).toBe('Ủy ban nhân dân huyện Sơn Động (qua Phòng Tư pháp)');
    expect(addresseeName('Ủy ban nhân dân huyện', district, units)).toBe('Ủy ban nhân dân huyện Sơn Động');
    expect(addresseeName('ubnd huyện sơn động', district, units)).toBe('Ủy ban nhân dân huyện Sơn Động');
  });
  it('an issuer units.yaml does not list, and its superior, by what their names say (UBND xã Nam Đông, import-unseen)', () => {
    const commune = { issuer: { name: 'Ủy ban nhân dân xã Nam Đông', level: 'commune', parent: 'UBND tỉnh Tuyên Quang' } } as Plan;
    expect(addresseeName('Ủy ban nhân dân xã', commune, units)).toBe('Ủy ban nhân dân xã Nam Đông');
    expect(addresseeName('UBND xã', commune, units)).toBe('Ủy ban nhân dân xã Nam Đông');
    expect(addresseeName('UBND tỉnh', commune, units)).toBe('Ủy ban nhân dân tỉnh Tuyên Quang');
  });
  it('a known unit by its full name; what cannot be resolved stays as written', () => {
    expect(addresseeName('UBND xã An Lạc', district, units)).toBe('Ủy ban nhân dân xã An Lạc');
    expect(addresseeName('UBND xã Yên Sơn', district, units)).toBe('Ủy ban nhân dân xã Yên Sơn huyện Yên Sơn');
    expect(addresseeName('Phòng Tư pháp', district, units)).toBe('Phòng Tư pháp');
    expect(addresseeName('UBND xã', district, units)).toBe('UBND xã');
    expect(addresseeName('Ban Chỉ đạo', district, units)).toBe('Ban Chỉ đạo');
  });
});

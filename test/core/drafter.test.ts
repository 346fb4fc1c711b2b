// The unit that drafts for a plan's issuer (its symbol numbers the sheets, "Số: …/UBND-VP", and ends "Lưu: VT, VP"),
// when the plan names none: the office its duties send reports to the issuer through. A xã's plan whose own report
// goes up "về UBND tỉnh (qua Sở Nội vụ)" had its letters drafted by the Sở Nội vụ.
import { describe, expect, it } from 'vitest';
import { parseUnits } from '../../src/core/load.js';
import { planDrafter } from '../../src/core/issuing.js';
import type { Plan } from '../../src/core/model.js';

const UNITS = `
units:
  - name: Văn phòng HĐND và UBND xã
    symbol: VP
    level: commune
  - name: Sở Nội vụ
    symbol: SNV
    level: province
  - name: Phòng Tư pháp
    symbol: TP
    level: district
`;
const r = parseUnits('units.yaml', UNITS);
if (!r.value) throw new Error(JSON.stringify(r.diagnostics));
const units = r.value;

const xa = (...to: string[]) => ({ issuer: { name: 'Ủy ban nhân dân xã Tân Lập', level: 'commune' }, duties: to.map((t) => ({ to: t })) }) as unknown as Plan;

describe('planDrafter', () => {
  it('is the office reports reach the issuer through, though a duty up to the province comes first', () => {
    expect(planDrafter(xa('UBND tỉnh (qua Sở Nội vụ)', 'UBND xã (qua Văn phòng HĐND và UBND xã)'), units)?.name).toBe('Văn phòng HĐND và UBND xã');
    expect(planDrafter(xa('Ủy ban nhân dân xã Tân Lập (qua Văn phòng HĐND và UBND xã)'), units)?.name).toBe('Văn phòng HĐND và UBND xã');
  });

  it('is never a unit above the issuer: a xã whose only "qua" is the Sở Nội vụ has no drafter the data names', () => {
    expect(planDrafter(xa('UBND tỉnh (qua Sở Nội vụ)'), units)).toBeUndefined();
  });

  it('is, failing a duty to the issuer, a unit its duties go through at its level (the seed: "UBND huyện (qua Phòng Tư pháp)")', () => {
    const district = { issuer: { name: 'Hội đồng phối hợp PBGDPL huyện Sơn Động', level: 'district' }, duties: [{ to: 'UBND huyện (qua Phòng Tư pháp)' }] } as unknown as Plan;
    expect(planDrafter(district, units)?.name).toBe('Phòng Tư pháp');
    const seed = { issuer: { name: 'UBND huyện Sơn Động', level: 'district' }, duties: [{ to: 'UBND huyện (qua Phòng Tư pháp)' }] } as unknown as Plan;
    expect(planDrafter(seed, units)?.name).toBe('Phòng Tư pháp');
  });

  it('is the plan’s own drafter when it names one', () => {
    expect(planDrafter({ ...xa('UBND xã (qua Văn phòng HĐND và UBND xã)'), drafter: 'Sở Nội vụ' } as Plan, units)?.name).toBe('Sở Nội vụ');
  });
});

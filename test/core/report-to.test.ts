// A unit's report is addressed ("Kính gửi") as the period's duty says; with no duty for the period (a xã's plan
// with only a yearly report, reported on for 6 months) it went to no one: no "Kính gửi", no "Như trên". It goes to
// the body that issued the plan.
import { describe, expect, it } from 'vitest';
import { parsePlan, parseUnits } from '../../src/core/load.js';
import { buildUnitReport } from '../../src/core/report.js';
import type { Unit } from '../../src/core/units.js';
import { buildWorkCalendar } from '../../src/core/workdays.js';
import { planYaml, UNITS_YAML } from '../helpers.js';

const registry = parseUnits('units.yaml', UNITS_YAML.replace('units:\n', 'units:\n  - name: UBND huyện Sơn Động\n    level: district\n')).value!;
const options = { period: '6m' as const, year: 2024, madeOn: { year: 2024, month: 6, day: 20 }, calendar: buildWorkCalendar() };
const report = (yaml: string, unit: string) => buildUnitReport([parsePlan('p.yaml', yaml).value!], registry, registry.lookup(unit) as Unit, options);

describe('a unit report’s addressee', () => {
  it('with no duty for the period, is the plan’s issuer by its full name', () => {
    expect(report(planYaml(), 'Phòng Tư pháp').to).toEqual(['Ủy ban nhân dân huyện Sơn Động']);
  });

  it('with a duty for the period, is the duty’s', () => {
    const duty = `duties:
  - id: bao-cao-6-thang
    title: Báo cáo 6 tháng
    by: [Phòng Tư pháp]
    to: Sở Tư pháp
    period: 6m
    due: trước ngày 20/06/2024
`;
    expect(report(planYaml(undefined, duty), 'Phòng Tư pháp').to).toEqual(['Sở Tư pháp']);
  });

  it('is no one when the unit is the issuer itself', () => {
    const own = planYaml().replace('lead: [Phòng Tư pháp]', 'lead: [UBND huyện Sơn Động]');
    expect(report(own, 'UBND huyện Sơn Động').to).toEqual([]);
  });
});

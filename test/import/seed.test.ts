// The seed plan imports to the shipped plans/ version: same tasks, ids, units,
// deadlines, deliverables and duties.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/core/checks.js';
import { importFile, planView, readPlan, repoRoot, seedPath, shippedUnits } from './helpers.js';

const haveSeed = existsSync(seedPath);

describe.skipIf(!haveSeed)('import of the seed (skipped only when ../shared/seed is absent)', () => {
  const registry = shippedUnits();
  const imported = importFile(seedPath, registry);
  const shipped = readPlan(readFileSync(path.join(repoRoot, 'plans/kh-pbgdpl-2024-son-dong.yaml'), 'utf8'), 'plans/kh-pbgdpl-2024-son-dong.yaml');
  const mine = readPlan(imported.yaml);

  it('finds the tasks by their labelled lines', () => {
    expect(imported.layout).toBe('labelled');
  });

  it('gives the same groups, tasks, ids, titles, units, deadlines and deliverables', () => {
    expect(planView(mine, registry).groups).toEqual(planView(shipped, registry).groups);
  });

  it('gives the same duties', () => {
    expect(planView(mine, registry).duties).toEqual(planView(shipped, registry).duties);
  });

  it('keeps header, purposes, requirements, implementation, recipients and signer', () => {
    expect(mine.number).toBe(shipped.number);
    expect(mine.place).toBe(shipped.place);
    expect(mine.dateText).toBe(shipped.dateText);
    expect(mine.title).toBe(shipped.title);
    expect(mine.years).toEqual(shipped.years);
    expect(mine.purposes).toEqual(shipped.purposes);
    expect(mine.requirements).toEqual(shipped.requirements);
    expect(mine.implementation).toEqual(shipped.implementation);
    expect(mine.recipients).toEqual(shipped.recipients);
    expect(mine.signer).toEqual(shipped.signer);
    expect(mine.issuer.level).toBe('district');
  });

  it('passes plan check against the shipped units (no errors)', () => {
    const diags = runChecks(mine, { registry, unitsFile: 'plans/units.yaml' });
    expect(diags.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reports every unit it matched, and none unknown', () => {
    expect(imported.mentions.filter((m) => !registry.lookup(m.name))).toEqual([]);
  });
});

// The seed plan imports to the shipped plans/ version: same tasks, ids, units,
// deadlines, deliverables and duties — from its text, and from the DOCX that
// pandoc makes of it the way Word users write (automatic numbering, bullets).
// Nothing is read while the suite is collected, so it skips cleanly when
// ../shared is absent.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/core/checks.js';
import type { Plan } from '../../src/core/model.js';
import type { UnitRegistry } from '../../src/core/units.js';
import { readDocx } from '../../src/import/docx-reader.js';
import { needs } from '../tools.js';
import { importDocx, importFile, planView, readPlan, repoRoot, seedPath, shippedUnits } from './helpers.js';

const haveSeed = existsSync(seedPath);
const withPandoc = needs('pandoc');

interface Fixture {
  registry: UnitRegistry;
  shipped: Plan;
}

function loadShipped(): Fixture {
  const registry = shippedUnits();
  const shipped = readPlan(readFileSync(path.join(repoRoot, 'plans/kh-pbgdpl-2024-son-dong.yaml'), 'utf8'), 'plans/kh-pbgdpl-2024-son-dong.yaml');
  return { registry, shipped };
}

describe.skipIf(!haveSeed)('import of the seed text (skipped only when ../shared/seed is absent)', () => {
  let f: Fixture;
  let imported: ReturnType<typeof importFile>;
  let mine: Plan;
  beforeAll(() => {
    f = loadShipped();
    imported = importFile(seedPath, f.registry);
    mine = readPlan(imported.yaml);
  });

  it('finds the tasks by their labelled lines', () => {
    expect(imported.layout).toBe('labelled');
  });

  // The shipped plan keeps "III. Tổ chức thực hiện" as text only; the import also makes its assignments tasks.
  it('gives the same groups, tasks, ids, titles, units, deadlines and deliverables', () => {
    expect(planView(mine, f.registry).groups.filter((g) => g.id !== 'III')).toEqual(planView(f.shipped, f.registry).groups);
  });

  it('makes the assignments of "III. Tổ chức thực hiện" tasks of their units (the reporting item stays a duty)', () => {
    const iii = planView(mine, f.registry).groups.find((g) => g.id === 'III');
    expect(iii?.tasks.map((t) => [t.id, t.lead, t.support])).toEqual([
      ['2', ['Ủy ban MTTQ Việt Nam huyện', 'các tổ chức thành viên'], ['Phòng Tư pháp', 'các cơ quan, đơn vị, địa phương']],
      ['3', ['Hội đồng phối hợp PBGDPL huyện', 'Phòng Tư pháp'], ['các cơ quan, tổ chức huyện']],
    ]);
    expect(iii?.tasks[0]?.title).toMatch(/^Đề nghị UBMTTQ huyện và các tổ chức thành viên xây dựng Kế hoạch công tác PBGDPL/);
  });

  it('gives the same duties', () => {
    expect(planView(mine, f.registry).duties).toEqual(planView(f.shipped, f.registry).duties);
  });

  it('keeps header, purposes, requirements, implementation, recipients and signer', () => {
    const { shipped } = f;
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
    const diags = runChecks(mine, { registry: f.registry, unitsFile: 'plans/units.yaml' });
    expect(diags.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reports every unit it matched, and none unknown', () => {
    expect(imported.mentions.filter((m) => !f.registry.lookup(m.name))).toEqual([]);
  });
});

describe.skipIf(!haveSeed)('import of the seed saved as DOCX by `pandoc -f markdown -t docx` (automatic numbering and bullets)', () => {
  let tmp: string;
  let docxFile: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'plan-seed-docx-'));
    docxFile = path.join(tmp, 'seed.docx');
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  // pandoc's Markdown reader changes a little of the text itself: "..." becomes "…", and a line
  // that continues a list item or a bold span is joined to it (so the recipient "Hội Luật gia
  // huyện;" shares a bullet with the one before, and "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" is one
  // paragraph). The comparison undoes only the ellipsis; the joined lines are compared joined.
  const plainDots = <T>(value: T): T => JSON.parse(JSON.stringify(value).replace(/…/g, '...')) as T;

  withPandoc('labels every numbered and bulleted paragraph as Word shows it', async () => {
    execFileSync('pandoc', ['-f', 'markdown', '-t', 'docx', seedPath, '-o', docxFile]);
    const { blocks } = await readDocx(readFileSync(docxFile));
    const labelled = blocks.flatMap((b) => (b.kind === 'para' && b.label && b.text.startsWith(`${b.label} `) ? [b.text.slice(0, 14)] : []));
    expect(labelled.slice(0, 6)).toEqual(['1. Mục đích', '2. Yêu cầu', 'II. NHIỆM VỤ', '1. Nhiệm vụ tr', '- Cơ quan, đơn', '- Cơ quan, đơn']);
    expect(labelled.filter((l) => /^[a-e]\) /.test(l)).length).toBeGreaterThan(4);
  });

  withPandoc('imports to the same plan as the seed text', async () => {
    execFileSync('pandoc', ['-f', 'markdown', '-t', 'docx', seedPath, '-o', docxFile]);
    const { registry, shipped } = loadShipped();
    const imported = await importDocx(docxFile, registry);
    const mine = readPlan(imported.yaml);
    expect(imported.layout).toBe('labelled');
    expect(plainDots(planView(mine, registry))).toEqual(planView(readPlan(importFile(seedPath, registry).yaml), registry));
    expect([mine.number, mine.place, mine.dateText, mine.title, mine.years]).toEqual([shipped.number, shipped.place, shipped.dateText, shipped.title, shipped.years]);
    expect(plainDots([mine.purposes, mine.requirements, mine.implementation])).toEqual([shipped.purposes, shipped.requirements, shipped.implementation]);
    expect(mine.recipients.join(' ')).toBe(shipped.recipients.join(' '));
    expect(mine.signer!.name).toBe(shipped.signer!.name);
    expect(runChecks(mine, { registry, unitsFile: 'plans/units.yaml' }).filter((d) => d.severity === 'error')).toEqual([]);
    expect(imported.mentions.filter((m) => !registry.lookup(m.name))).toEqual([]);
  });
});

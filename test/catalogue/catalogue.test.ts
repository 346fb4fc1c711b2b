// Issue 12 §5: the catalogue knows every code the source can emit (and no code
// it cannot), docs/diagnostics.md is generated from it, and plan explain reads it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/core/catalogue.js';
import { renderCatalogueMarkdown } from '../../src/render/catalogue.js';
import { ROOT, runCli } from '../e2e/run-plan.js';
import { emittedCodes } from './emitted-codes.js';

describe('the diagnostics catalogue', () => {
  const emitted = emittedCodes();

  it('has an entry for every code the source emits', () => {
    const missing = [...emitted.keys()].filter((c) => !Object.hasOwn(CATALOGUE, c)).map((c) => `${c} (emitted in ${emitted.get(c)!.join(', ')}): add it to src/core/catalogue.ts`);
    expect(missing).toEqual([]);
  });

  it('has no entry for a code nothing emits', () => {
    expect(Object.keys(CATALOGUE).filter((c) => !emitted.has(c))).toEqual([]);
  });

  it('finds the codes it should (the scan itself works)', () => {
    for (const c of ['unknown-unit', 'duplicate-id', 'yaml-syntax', 'deadline-on-day-off', 'empty-list', 'units-not-found', 'unreadable-file']) expect(emitted.has(c), c).toBe(true);
  });

  it('every entry has a meaning and a fix in both languages, and an example', () => {
    for (const [code, entry] of Object.entries(CATALOGUE)) {
      for (const text of [entry.meaning.vi, entry.meaning.en, entry.fix.vi, entry.fix.en, entry.example]) expect(text.trim().length, code).toBeGreaterThan(0);
    }
  });

  it('docs/diagnostics.md is generated from it (regenerate: PLAN_WRITE_DOCS=1 npx vitest run test/catalogue)', async () => {
    const file = path.join(ROOT, 'docs', 'diagnostics.md');
    if (process.env.PLAN_WRITE_DOCS) (await import('node:fs')).writeFileSync(file, renderCatalogueMarkdown());
    expect(readFileSync(file, 'utf8')).toBe(renderCatalogueMarkdown());
  });
});

describe('plan explain', () => {
  it('explains a code in Vietnamese, and in English with --lang en', async () => {
    const vi = await runCli(['explain', 'unknown-unit']);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('unknown-unit: tên đơn vị không có trong danh mục đơn vị');
    expect(vi.stdout).toContain('Cách sửa:');
    const en = await runCli(['explain', '[unknown-unit]', '--lang', 'en']);
    expect(en.stdout).toContain('Fix: spell it as suggested');
    const capitals = await runCli(['explain', 'UNKNOWN-UNIT']);
    expect([capitals.code, capitals.stdout]).toEqual([0, vi.stdout]);
  });

  it('lists every code without one; an unknown code is a usage error', async () => {
    const all = await runCli(['explain']);
    expect(all.stdout.trim().split('\n')).toHaveLength(Object.keys(CATALOGUE).length);
    const wrong = await runCli(['explain', 'no-such-code']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('no-such-code');
  });
});

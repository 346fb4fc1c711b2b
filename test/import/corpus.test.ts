// Every real plan of ../shared/corpus imports, with the names it finds added to
// a copy of the shipped units.yaml, into a plan and a units file on which
// `plan check` reports no error. Skipped only when ../shared/corpus is absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/core/decode.js';
import { textToBlocks } from '../../src/import/blocks.js';
import { importPlan } from '../../src/import/pipeline.js';
import { corpusDir, repoRoot } from './helpers.js';

const haveCorpus = existsSync(corpusDir);
const files = haveCorpus
  ? readdirSync(corpusDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
  : [];

describe.skipIf(!haveCorpus)('corpus (skipped only when ../shared/corpus is absent)', () => {
  it('holds the documents', () => {
    expect(files.length).toBeGreaterThanOrEqual(11);
  });
  it.each(files)('%s imports with tasks and passes plan check', (file) => {
    const decoded = decodeText(readFileSync(path.join(corpusDir, file)));
    if (!decoded.ok) throw new Error(decoded.message.en);
    const unitsText = readFileSync(path.join(repoRoot, 'plans/units.yaml'), 'utf8');
    const out = importPlan({ blocks: textToBlocks(decoded.text), unitsText, planFile: `plans/${file.replace(/\.txt$/, '.yaml')}` });
    const tasks = out.result.plan.groups.reduce((n, g) => n + g.tasks.length, 0);
    expect(tasks).toBeGreaterThan(0);
    expect(out.errors.map((e) => `${e.code}: ${e.message.en}`)).toEqual([]);
  });
});

// The order vitest starts test files in: longest first, so the two workers of a
// 2-core machine both stay busy to the end instead of one finishing a long file
// alone. vitest orders by the durations of the last run, which a fresh clone (CI)
// does not have: then it goes by file size, and the longest files started last.
// The durations recorded here (test/durations.json, seconds) are used instead;
// a file not listed there starts first (it may be long). Refresh the list after
// adding or changing a heavy test file: `node test/durations.js`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Seconds by file path relative to the repository (test/…), from test/durations.json. */
export function recordedDurations(): Map<string, number> {
  const table = JSON.parse(readFileSync(path.join(ROOT, 'test', 'durations.json'), 'utf8')) as Record<string, number>;
  return new Map(Object.entries(table));
}

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = recordedDurations();
    const weight = (spec: TestSpecification) => seconds.get(path.relative(ROOT, spec.moduleId).split(path.sep).join('/')) ?? Number.POSITIVE_INFINITY;
    // Array.prototype.sort is stable: files of equal weight keep vitest's own order.
    return (await super.sort(files)).sort((a, b) => {
      const [x, y] = [weight(a), weight(b)];
      return x === y ? 0 : x > y ? -1 : 1;
    });
  }
}

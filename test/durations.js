// Records how long each test file takes (test/durations.json), for the order
// test/sequencer.ts starts them in. `node test/durations.js` runs the suite with
// vitest's JSON report; `node test/durations.js REPORT.json` reads a report made
// before (`npx vitest run --reporter=json --outputFile=REPORT.json`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let report = process.argv[2];
if (!report) {
  report = path.join(mkdtempSync(path.join(os.tmpdir(), 'plan-durations-')), 'vitest.json');
  spawnSync(path.join(ROOT, 'node_modules', '.bin', 'vitest'), ['run', '--reporter=json', `--outputFile=${report}`], { cwd: ROOT, stdio: 'inherit' });
}
const { testResults } = JSON.parse(readFileSync(report, 'utf8'));
const table = path.join(ROOT, 'test', 'durations.json');
// A file with a failed test, or one skipped for want of what CI has (pandoc, ../shared/corpus), ran shorter
// than it does in CI: keep the longer record. A test marked skippedInCIToo (a chmod case skipped as root, as
// CI runs) is not a reason: such a record, taken from a loaded run, stood at 47.8 s for a 15.7 s file.
const previous = existsSync(table) ? JSON.parse(readFileSync(table, 'utf8')) : {};
const ranShort = (a) => a.status !== 'passed' && !(a.status === 'skipped' && a.meta?.skippedInCIToo);
const seconds = (t, file) => {
  const now = Math.round((t.endTime - t.startTime) / 100) / 10;
  return t.assertionResults.some(ranShort) ? Math.max(now, previous[file] ?? 0) : now;
};
// The report may come from another clone (.ci/run's): paths from its test/ folder on.
const fileOf = (t) =>
  t.name
    .split(path.sep)
    .join('/')
    .replace(/^.*\/(test\/)/, '$1');
const rows = testResults.map((t) => [fileOf(t), seconds(t, fileOf(t))]).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
writeFileSync(table, `${JSON.stringify(Object.fromEntries(rows), null, 2)}\n`);
console.log(`test/durations.json: ${rows.length} files, the longest ${rows[0]?.[0]} (${rows[0]?.[1]} s)`);

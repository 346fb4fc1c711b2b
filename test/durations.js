// Records how long each test file takes (test/durations.json), for the order
// test/sequencer.ts starts them in. `node test/durations.js` runs the suite with
// vitest's JSON report; `node test/durations.js REPORT.json` reads a report made
// before (`npx vitest run --reporter=json --outputFile=REPORT.json`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
const rows = testResults.map((t) => [path.relative(ROOT, t.name).split(path.sep).join('/'), Math.round((t.endTime - t.startTime) / 100) / 10]).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
writeFileSync(path.join(ROOT, 'test', 'durations.json'), `${JSON.stringify(Object.fromEntries(rows), null, 2)}\n`);
console.log(`test/durations.json: ${rows.length} files, the longest ${rows[0]?.[0]} (${rows[0]?.[1]} s)`);

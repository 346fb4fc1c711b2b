// `npm test`: bundle dist/ (the end-to-end tests run the built binary) unless it is already the bundle
// of the sources as they are (scripts/bundle-stamp.js: after `npm ci`, which bundles), then
// type-check (TypeScript 7's tsc over src and test) and lint (Biome) while vitest runs, so the
// type check's single core is not the only one busy before the tests start. A
// type error or a lint finding fails the run like a failed test: its report is
// printed after vitest's, under its own heading.
// Arguments go to vitest (`npm test -- test/core --reporter=json`).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleIsCurrent } from '../scripts/bundle-stamp.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'node_modules', '.bin');
const bin = (name) => path.join(BIN, name);
const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** Runs a program to its end; its output goes to ours, or is collected when `collect` is set. */
function run(command, args, collect = false, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: collect ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    if (collect) {
      child.stdout.on('data', (b) => {
        output += b;
      });
      child.stderr.on('data', (b) => {
        output += b;
      });
    }
    child.on('error', (e) => resolve({ code: 1, output: `${command}: ${e.message}\n` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/**
 * A package script run as npm runs it (a shell, node_modules/.bin first on the PATH), without npm
 * itself: each npm start is ~0.4 s of CPU, and the bundle's is on the way to the first test.
 */
const runScript = (name, collect = false) => run('sh', ['-c', scripts[name]], collect, { PATH: `${BIN}${path.delimiter}${process.env.PATH}` });

const bundle = bundleIsCurrent(ROOT) ? { code: 0 } : await runScript('bundle');
if (bundle.code !== 0) {
  process.stderr.write('npm test: the bundle (npm run bundle) failed; no test was run\n');
  process.exit(bundle.code);
}
const [typecheck, lint, tests] = await Promise.all([
  // One thread: TypeScript 7 checks in parallel by default, which costs more CPU in all and takes it from vitest's workers.
  run(bin('tsc'), ['-p', 'tsconfig.json', '--singleThreaded'], true),
  runScript('lint', true),
  run(bin('vitest'), ['run', ...process.argv.slice(2)]),
]);
if (typecheck.code !== 0) process.stderr.write(`\nnpm test: type errors (tsc -p tsconfig.json), so the run fails even if every test passed:\n${typecheck.output}`);
if (lint.code !== 0) process.stderr.write(`\nnpm test: lint findings (npm run lint), so the run fails even if every test passed:\n${lint.output}`);
process.exit([tests, typecheck, lint].find((r) => r.code !== 0)?.code ?? 0);

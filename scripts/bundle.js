// `npm run bundle`: dist/ from src/. One CommonJS file for the CLI (dist/cli.cjs, in
// ASCII and already wrapped as a module function, compiled by bin/load-cli.js with
// V8's code cache), the `yaml` document model, zod and string-width
// as CommonJS files of their own (required on first use: src/vendor/libraries.ts),
// the worker thread of a big check (dist/check-worker.cjs),
// and the code cache, made by running the CLI here on the shipped plans.
// The heavy libraries of a few commands (Word, Excel, the DOCX reader) are each a
// CommonJS file of their own (dist/vendor/NAME.cjs), required when those commands run:
// the installed package needs nothing from npm (190 packages, 71 MB, ~10 s of CPU
// to install).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { asciiSource } from './ascii-source.js';
import { inputsDigest, writeStamp } from './bundle-stamp.js';
import { jsYamlWithoutSnippet } from './js-yaml-no-snippet.js';
import { ttyOnDemand } from './tty-on-demand.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
// Built beside dist/ and swapped in whole: a `plan` run while a build is under way (npm test rebuilds)
// finds the old dist/ or the new one, never a half-written one (a chunk missing: Node's raw error).
const STAGE = path.join(ROOT, `dist.build-${process.pid}`);
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' };

/**
 * commander requires node:child_process when it is loaded, for subcommands that are
 * programs of their own, which plan has none of; child_process brings dgram and more
 * with it (plan --version: 7 M instructions; a warm check: 2.5 M and ~30 page faults). Its one use,
 * childProcess.spawn (test/package/commander-spawn.test.ts holds it to that), now
 * requires child_process when called.
 */
const commanderSpawnOnUse = {
  name: 'commander-spawn-on-use',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) => (/[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'spawn-on-use' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'spawn-on-use' }, () => ({ contents: "exports.spawn = (...args) => require('node:child_process').spawn(...args);", loader: 'js' }));
  },
};

/** The libraries of a few commands, bundled apart (dist/vendor/NAME.cjs) and required by those commands when they run. */
const LIBRARIES = ['exceljs', 'docxtemplater', 'pizzip', 'saxes', 'yauzl'];
const librariesApart = {
  name: 'libraries-apart',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${LIBRARIES.join('|')})$`) }, (args) => ({ path: `./vendor/${args.path}.cjs`, external: true }));
  },
};
const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));

/** The start of the function Node would wrap a CommonJS module in (the bundle ends with its close, `});`). */
const moduleWrapper = "(function (exports, require, module, __filename, __dirname) {\nconst __planBundleUrl = require('node:url').pathToFileURL(__filename).href;";

// What the bundle is made from, taken before it is made: a source edited meanwhile is not recorded as bundled.
const inputs = inputsDigest(ROOT);
rmSync(STAGE, { recursive: true, force: true });
try {
  await Promise.all([
    build({
      ...common,
      entryPoints: [path.join(ROOT, 'src', 'cli.ts')],
      outfile: path.join(STAGE, 'cli.cjs'),
      plugins: [commanderSpawnOnUse, ttyOnDemand, librariesApart, jsYamlWithoutSnippet],
      // The sources are ES modules; in the CommonJS bundle import.meta.url is the bundle's own URL.
      define: { PLAN_BUNDLED: 'true', 'import.meta.url': '__planBundleUrl' },
      // Every start reads the whole file and copies it into V8's string: without indentation and line
      // breaks it is 1.10 → 0.83 MB, ~110 fewer pages touched a run. Names stay as written (stack traces).
      minifyWhitespace: true,
      // The file is the function Node would wrap a CommonJS module in, whole: bin/load-cli.js compiles
      // it as it is, where wrapping its text first made V8 copy the whole megabyte once more.
      banner: { js: moduleWrapper },
      footer: { js: '});' },
    }),
    // The worker thread of a big plan check (src/io/parallel.ts), found beside the bundle.
    build({
      ...common,
      // CommonJS, as the CLI: an ES module made the worker start its own ES module loader first.
      entryPoints: [path.join(ROOT, 'src', 'io', 'check-worker.ts')],
      outfile: path.join(STAGE, 'check-worker.cjs'),
      plugins: [jsYamlWithoutSnippet],
      define: { PLAN_BUNDLED: 'true', 'import.meta.url': '__planBundleUrl' },
      minifyWhitespace: true,
      // The same form as the CLI's, loaded the same way (bin/load-cli.js loadCheckWorker) with a code cache of its own.
      banner: { js: moduleWrapper },
      footer: { js: '});' },
    }),
    build({
      ...common,
      entryPoints: ['yaml.ts', 'zod.ts', 'string-width.ts'].map((name) => path.join(ROOT, 'src', 'vendor', name)),
      outdir: path.join(STAGE, 'vendor'),
      outExtension: { '.js': '.cjs' },
    }),
    build({
      ...common,
      entryPoints: LIBRARIES.map((name) => ({ in: requireFromRoot.resolve(name), out: name })),
      outdir: path.join(STAGE, 'vendor'),
      outExtension: { '.js': '.cjs' },
      minifyWhitespace: true,
    }),
  ]);
  // Unicode's confusables (src/vendor/libraries.ts), read by require as the package ships them.
  copyFileSync(requireFromRoot.resolve('unhomoglyph/data.json'), path.join(STAGE, 'vendor', 'unhomoglyph-data.json'));
  for (const name of ['cli.cjs', 'check-worker.cjs']) {
    const staged = path.join(STAGE, name);
    writeFileSync(staged, asciiSource(readFileSync(staged, 'utf8'), path.join(DIST, name)));
  }
} catch (e) {
  rmSync(STAGE, { recursive: true, force: true });
  throw e;
}
// Two renames: the old dist/ is out of the way for microseconds, not for the whole build.
const OLD = path.join(ROOT, `dist.old-${process.pid}`);
if (existsSync(DIST)) renameSync(DIST, OLD);
renameSync(STAGE, DIST);
rmSync(OLD, { recursive: true, force: true });

// The code cache holds what a run compiled, and every start reads all of it: it is made
// by the run most starts are, a check of the shipped plans whose results are all in the
// content cache. Another process fills that content cache first, so the run that writes
// the code cache compiles no reading and checking of plan files (a changed plan compiles
// what it needs when it needs it): a warm seed check then deserialises 482 kB instead of
// 609 kB, 14 M instructions and ~110 page faults less, and a cold one compiles 14 M more.
const cacheLocation = mkdtempSync(path.join(os.tmpdir(), 'plan-bundle-'));
const check = ['check', path.join(ROOT, 'plans'), '--cache-location', cacheLocation];
/** A run of the check in a process of its own, which then writes the code cache or not. */
const checkRun = (save) => `const cli = require(${JSON.stringify(path.join(ROOT, 'bin', 'load-cli.js'))}).loadCli();
const sink = { write: () => {}, isTTY: false };
cli.main(${JSON.stringify(check)}, { stdout: sink, stderr: sink, env: { NO_COLOR: '1' }, now: () => new Date(), onSignal: () => {} })${save ? '.then(() => cli.saveCodeCache())' : ''};`;
execFileSync(process.execPath, ['-e', checkRun(false)], { stdio: 'inherit' });
execFileSync(process.execPath, ['-e', checkRun(true)], { stdio: 'inherit' });
rmSync(cacheLocation, { recursive: true, force: true });
// The worker's code cache, written by the worker once it has checked every plan (so it holds what checking
// one compiles) in a run of bin/plan.js as a user's: run so, without flags (-e is one), as the worker writes it only then.
execFileSync(process.execPath, [path.join(ROOT, 'bin', 'plan.js'), 'check', path.join(ROOT, 'plans'), '--no-cache'], {
  stdio: 'ignore',
  env: { ...process.env, PLAN_THREADS: 'worker', NO_COLOR: '1' },
});
// Last, once the code caches are written: what dist/ was made from and holds (test/run.js bundles again only when either changed).
writeStamp(ROOT, inputs);

// What dist/ was bundled from, and what the bundle wrote: scripts/bundle.js records both in
// node_modules/.cache/kehoach-bundle/stamp.json when it is done (not in dist/: the package does
// not ship it; not in plan's own cache folder, node_modules/.cache/kehoach/, whose clean-up
// removes its .json files after 30 days); test/run.js bundles again only when either differs.
// `npm ci` has just bundled (prepare): without the stamp, `npm test` bundled the same sources
// a second time, ~2 s of CPU on the way to the first test.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const stampFile = (root) => path.join(root, 'node_modules', '.cache', 'kehoach-bundle', 'stamp.json');

/** Files under `dir` (relative to `root`), recursively, in name order; none when it is absent. */
function filesUnder(root, dir) {
  const at = path.join(root, dir);
  if (!existsSync(at)) return [];
  return readdirSync(at, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(path.join(root, f)).isFile())
    .sort();
}

function digestOf(root, files, extra = '') {
  const hash = createHash('sha256').update(extra);
  for (const f of files) {
    const bytes = readFileSync(path.join(root, f));
    hash.update(`\0${f.split(path.sep).join('/')}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

/**
 * Everything the bundle is made from: the sources, the build scripts, the loader that reads the code cache, the
 * plans the code cache is made by checking, the package and lock files, the libraries as installed, the TypeScript
 * settings esbuild reads, and the Node that compiles the code cache. The libraries are esbuild's input as they are in
 * node_modules, which package-lock.json does not always say (`npm install x --no-save`, a lock file changed by
 * `git checkout` before `npm ci`): npm records the tree it installed in node_modules/.package-lock.json (each
 * package's version and integrity), so a library installed anew makes a new bundle and code cache.
 */
export function inputsDigest(root) {
  const files = [...['src', 'scripts', 'bin', 'plans'].flatMap((d) => filesUnder(root, d)), 'package.json', 'package-lock.json', path.join('node_modules', '.package-lock.json'), 'tsconfig.json'];
  return digestOf(
    root,
    files.filter((f) => existsSync(path.join(root, f))),
    `${process.version} ${process.arch}`,
  );
}

/** What the bundle wrote to dist/; not the code caches of single commands, which later runs add. */
function outputsDigest(root) {
  return digestOf(
    root,
    filesUnder(root, 'dist').filter((f) => !/^cli\.cjs\.[a-z]+\.cache$/.test(path.basename(f))),
  );
}

/**
 * Records that dist/ is the bundle of the sources whose inputsDigest was `inputs` (scripts/bundle.js, once it is done;
 * the digest taken before it started: a source edited while it bundled is then not recorded as bundled).
 */
export function writeStamp(root, inputs) {
  mkdirSync(path.dirname(stampFile(root)), { recursive: true });
  writeFileSync(stampFile(root), `${JSON.stringify({ inputs, outputs: outputsDigest(root) })}\n`);
}

/** Whether dist/ is what the bundle made from the sources as they are now. */
export function bundleIsCurrent(root) {
  if (!existsSync(stampFile(root))) return false;
  try {
    const { inputs, outputs } = JSON.parse(readFileSync(stampFile(root), 'utf8'));
    return inputs === inputsDigest(root) && outputs === outputsDigest(root);
  } catch {
    return false;
  }
}

// Loads the bundled CLI (dist/cli.cjs) with V8's code cache beside it
// (dist/v8/cli.cjs.cache, made by `npm run bundle`, and one a command's first run makes), and in the worker thread of a
// big check its bundle (dist/check-worker.cjs, dist/v8/check-worker.cjs.cache). Compiling the bundle was a third
// of the start-up of `plan check`; a code cache lets V8 skip it. Node 20 has no
// compile cache of its own for a package (module.enableCompileCache is Node 22),
// and V8 takes cached code only for a classic script, hence CommonJS and vm.Script.
// A cache made by another Node or V8 is refused by V8 (the code is then compiled
// as usual) and made again at the end of the run, when dist/ can be written.
// The bundle is ASCII and already the module's wrapper function (scripts/bundle.js),
// so its text is taken as read: one-byte text, not decoded from UTF-8 into two bytes
// a character, nor joined to a wrapper (which V8 then copied whole once more).
// V8 checks little of a code cache in a release build (its version, its flags, the source's length): damaged
// cached code crashes it or runs wrongly. Under --verify-snapshot-checksum it also writes a checksum of the
// cached code into a cache it makes and refuses one whose code does not match it (Adler-32: ~0.3 M
// instructions for the 500 kB cache, where a SHA-1 of our own took 6 M and loading node:crypto for it 11 M
// more, in every start). The flag is on only while a cache is taken or made (checkingCachedCode): the flags
// are part of what a cache must match, and Node's own modules' caches were made without it (with it on, every
// built-in module required later was compiled from its source: +12 M instructions a start). The cache file is
// V8's data as V8 wrote it, read into a buffer of its own, which starts at a multiple of 8 as V8 wants (it copies
// cached data that does not: 490 kB, ~120 page faults a run).
const { isAscii } = require('node:buffer');
const { accessSync, constants, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');

const DIST = path.join(__dirname, '..', 'dist');
const BUNDLE = path.join(DIST, 'cli.cjs');
/** The worker thread of a big check (src/io/parallel.ts), a bundle of the same form with a code cache of its own. */
const WORKER_BUNDLE = path.join(DIST, 'check-worker.cjs');
// In a folder of its own: writing it must not touch dist/ itself, whose identity names
// the build for the content cache (src/io/cache.ts).
const codeCacheOf = (bundle) => path.join(DIST, 'v8', `${path.basename(bundle)}.cache`);

/** Runs `use` (taking or making a code cache) with V8 checking the cached code whole: see the head of this file. */
function checkingCachedCode(use) {
  v8.setFlagsFromString('--verify-snapshot-checksum');
  try {
    return use();
  } finally {
    v8.setFlagsFromString('--no-verify-snapshot-checksum');
  }
}

/**
 * The code cache of a command's own runs, or undefined for a check and what is no command's name.
 * The first run of a command takes a check's cache and writes its own (a check's code and what the
 * command compiled besides), which its later runs take. Every start reads the whole cache it takes,
 * so each command has its own rather than one for all: a check and --version read only a check's.
 */
function commandCodeCache(command) {
  return typeof command === 'string' && /^[a-z]+$/.test(command) && command !== 'check' ? path.join(DIST, 'v8', `cli.cjs.${command}.cache`) : undefined;
}

/** The command a run's arguments name: the first that is not an option (nor the value of --lang). */
function commandOf(args) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--lang') i++;
    else if (!args[i].startsWith('-')) return args[i];
  }
  return undefined;
}

/** The CLI's exports (main) for a run of this command, and whether V8 took the code cache (the command's own, else a check's). */
function loadCli(command) {
  const own = commandCodeCache(command);
  const { exports, cacheTaken, cacheFile, saveCodeCache } = loadBundle(BUNDLE, [own, codeCacheOf(BUNDLE)]);
  return {
    main: exports.main,
    cacheTaken,
    /** The cache file this run read (a damaged one too), or would have. */
    cacheFile,
    /** The command's own cache when it has none yet: a run that did its work writes it. */
    ownCacheToMake: own && cacheFile !== own ? own : undefined,
    saveCodeCache,
  };
}

/** The bundle (its bytes) compiled, with V8 taking `cachedData` when it is whole and was made for this bundle by this Node. */
function compileBundle(bundle, source, cachedData) {
  // A bundle written by hand or by another tool may not be ASCII: decoded as UTF-8 it still runs.
  const text = source.toString(isAscii(source) ? 'latin1' : 'utf8');
  return checkingCachedCode(() => new vm.Script(text, { filename: bundle, cachedData }));
}

/**
 * A bundle's exports, whether V8 took its code cache (the first of `caches` there is), which file that is, and how to
 * write the code compiled so far as a cache.
 */
function loadBundle(bundle, caches = [codeCacheOf(bundle)]) {
  const source = readFileSync(bundle);
  let cachedData;
  let cacheFile = caches.at(-1);
  for (const candidate of caches) {
    if (!candidate) continue;
    try {
      cachedData = readFileSync(candidate);
    } catch {
      continue; // None yet: the next, or compile.
    }
    cacheFile = candidate;
    break;
  }
  const script = compileBundle(bundle, source, cachedData);
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  return {
    exports: module.exports,
    cacheTaken: cachedData !== undefined && !script.cachedDataRejected,
    cacheFile,
    /** Writes the code V8 has compiled so far (all a run used) as the cache, whole or not at all. */
    saveCodeCache(target = cacheFile) {
      const temporary = `${target}.${process.pid}.tmp`;
      try {
        mkdirSync(path.dirname(target), { recursive: true });
        // A folder the user cannot write: known before V8 serialises the code (a few ms, every run of a command).
        accessSync(path.dirname(target), constants.W_OK);
        writeFileSync(
          temporary,
          checkingCachedCode(() => script.createCachedData()),
        );
        renameSync(temporary, target);
      } catch {
        // A folder the user cannot write (a system-wide install): runs stay correct, only slower.
        rmSync(temporary, { force: true });
      }
    },
  };
}

/**
 * The check worker's bundle, run in this (worker) thread; its code cache is written once its
 * work is done when V8 did not take one (the build's run with PLAN_THREADS=worker makes it).
 */
function loadCheckWorker() {
  const worker = loadBundle(WORKER_BUNDLE);
  if (!worker.cacheTaken && process.execArgv.length === 0 && !process.env.NODE_OPTIONS) worker.exports.afterWork(worker.saveCodeCache);
}

module.exports = { loadCli, loadCheckWorker, commandOf, compileBundle };

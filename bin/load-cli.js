// Loads the bundled CLI (dist/cli.cjs) with V8's code cache beside it
// (dist/v8/cli.cjs.cache, made by `npm run bundle`). Compiling the bundle was a third
// of the start-up of `plan check`; a code cache lets V8 skip it. Node 20 has no
// compile cache of its own for a package (module.enableCompileCache is Node 22),
// and V8 takes cached code only for a classic script, hence CommonJS and vm.Script.
// A cache made by another Node or V8 is refused by V8 (the code is then compiled
// as usual) and made again at the end of the run, when dist/ can be written.
// The bundle is ASCII and already the module's wrapper function (scripts/bundle.js),
// so its text is taken as read: one-byte text, not decoded from UTF-8 into two bytes
// a character, nor joined to a wrapper (which V8 then copied whole once more).
// V8 checks little of what it is given (its version, its flags, the source's
// length): damaged cached code crashes it or runs wrongly. So the file starts with
// a SHA-1 of the cached code and the bundle's length, and a cache that does not
// match it is not given to V8 at all. The cached code starts 24 bytes in, at a multiple
// of 8: V8 copies cached data that is not aligned so (490 kB, ~120 page faults a run).
const { isAscii } = require('node:buffer');
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const BUNDLE = path.join(__dirname, '..', 'dist', 'cli.cjs');
// In a folder of its own: writing it must not touch dist/ itself, whose identity names
// the build for the content cache (src/io/cache.ts).
const CODE_CACHE = path.join(__dirname, '..', 'dist', 'v8', 'cli.cjs.cache');

const CHECKSUM_BYTES = 20;
const HEADER_BYTES = 24;

/** What the cache file starts with: the cached code is whole, and for a bundle of this length (as V8 checks). */
function checksum(source, data) {
  return createHash('sha1').update(`${source.length}\0`).update(data).digest();
}

/** The bundle's exports, and whether V8 took the code cache. */
function loadCli() {
  const source = readFileSync(BUNDLE);
  let cachedData;
  try {
    const file = readFileSync(CODE_CACHE);
    const data = file.subarray(HEADER_BYTES);
    if (file.length > HEADER_BYTES && checksum(source, data).equals(file.subarray(0, CHECKSUM_BYTES))) cachedData = data;
  } catch {
    // No cache yet: compile.
  }
  // A bundle written by hand or by another tool may not be ASCII: decoded as UTF-8 it still runs.
  const script = new vm.Script(source.toString(isAscii(source) ? 'latin1' : 'utf8'), { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(BUNDLE), module, BUNDLE, path.dirname(BUNDLE));
  return {
    main: module.exports.main,
    cacheTaken: cachedData !== undefined && !script.cachedDataRejected,
    /** Writes the code V8 has compiled so far (all a run used) as the cache, whole or not at all. */
    saveCodeCache() {
      const temporary = `${CODE_CACHE}.${process.pid}.tmp`;
      try {
        mkdirSync(path.dirname(CODE_CACHE), { recursive: true });
        const data = script.createCachedData();
        writeFileSync(temporary, Buffer.concat([checksum(source, data), Buffer.alloc(HEADER_BYTES - CHECKSUM_BYTES), data]));
        renameSync(temporary, CODE_CACHE);
      } catch {
        // A folder the user cannot write (a system-wide install): runs stay correct, only slower.
        rmSync(temporary, { force: true });
      }
    },
  };
}

module.exports = { loadCli, HEADER_BYTES };

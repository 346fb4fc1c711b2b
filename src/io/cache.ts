// The content cache on disk: one file per entry, named by its key, in
// node_modules/.cache/kehoach/ (where a node_modules folder is, as in a
// repository made by `plan init`: never committed, never a clerk's folder), or
// in --cache-location. Best effort: an entry that cannot be read is a miss, one
// that cannot be written is skipped (the run is just slower). Entries are
// written to a temporary file and renamed into place, so concurrent runs never
// see half an entry.
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, type Stats, statSync, writeFileSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeFolders } from './files.js';
import type { ContentCache } from '../core/cache.js';

/**
 * The cache folder when --cache-location does not say: node_modules/.cache/kehoach
 * where node_modules is; elsewhere none (a command that only reads leaves a
 * folder as it found it).
 */
export function defaultCacheLocation(cwd: string): string | undefined {
  try {
    if (statSync(path.join(cwd, 'node_modules')).isDirectory()) return path.join(cwd, 'node_modules', '.cache', 'kehoach');
  } catch {
    // No node_modules here.
  }
  return undefined;
}

/**
 * The code that makes entries, so a rebuilt or upgraded tool never reads entries
 * made by another. Bundled, the build empties and remakes dist/ (package.json
 * "bundle"), and an install unpacks a new one: the folder's identity and time
 * name the build, at the cost of one stat instead of one per chunk. From src/, as
 * in the tests, any edit of any source file changes it.
 */
function codeId(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const h = createHash('sha256');
  // Bundled: this module is a chunk directly in dist/. From source: src/io/, and the code is all of src/.
  if (path.basename(here) !== 'io') {
    const st = statSync(here);
    return h.update(`${here}\0${st.dev}\0${st.ino}\0${st.mtimeMs}\0${st.ctimeMs}`).digest('hex');
  }
  const root = path.dirname(here);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.[cm]?[jt]s$/.test(entry.name)) {
        const st = statSync(full);
        h.update(`${path.relative(root, full)}\0${st.size}\0${st.mtimeMs}\0`);
      }
    }
  };
  walk(root);
  return h.digest('hex');
}

let code: string | undefined;

/**
 * Entries nobody has written for this long are removed when the cache is next
 * written to. Each edit of a plan and each new build of the tool leave entries
 * that no run reads again (a model per content of a plan file), so without this
 * the folder only grows. An entry still in use is simply made again.
 */
const UNUSED_FOR_MS = 30 * 24 * 60 * 60 * 1000;

function removeOldEntries(location: string): void {
  const before = Date.now() - UNUSED_FOR_MS;
  let names: string[];
  try {
    names = readdirSync(location);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.endsWith('.json') && !name.endsWith('.bin') && !name.endsWith('.tmp')) continue;
    const file = path.join(location, name);
    try {
      if (statSync(file).mtimeMs < before) rmSync(file, { force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
}

/** Bytes as text: the stores are ASCII (cache.ts writes \\u escapes), read as one-byte text with no UTF-8 to decode. */
const asText = (bytes: Buffer) => (isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8'));

/** Read from `at` to the end of the open file, whose stat is `stats`. */
function readFrom(fd: number, stats: Stats, at: number): Buffer {
  const bytes = Buffer.allocUnsafe(Math.max(0, stats.size - at));
  let got = 0;
  while (got < bytes.length) {
    const n = readSync(fd, bytes, got, bytes.length - got, at + got);
    if (n === 0) break;
    got += n;
  }
  return bytes.subarray(0, got);
}

/** The file's first line, read in pieces up to its line end; the rest read again only if the file is still the same one. */
function readLine(file: string): { line: string; rest: () => string | undefined } | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    let bytes = Buffer.allocUnsafe(Math.min(stats.size, 1 << 16));
    let got = 0;
    let lineEnd = -1;
    while (lineEnd < 0 && got < stats.size) {
      if (got === bytes.length) bytes = Buffer.concat([bytes, Buffer.allocUnsafe(Math.min(bytes.length, stats.size - got))]);
      const n = readSync(fd, bytes, got, bytes.length - got, got);
      if (n === 0) break;
      lineEnd = bytes.subarray(0, got + n).indexOf(0x0a, got);
      got += n;
    }
    const restAt = lineEnd < 0 ? got : lineEnd + 1;
    return {
      line: asText(bytes.subarray(0, lineEnd < 0 ? got : lineEnd)),
      rest() {
        // Another run may have renamed a new entry into place since: its rest is not this line's.
        try {
          const again = openSync(file, 'r');
          try {
            const now = fstatSync(again);
            const same = now.ino === stats.ino && now.dev === stats.dev && now.size === stats.size && now.mtimeMs === stats.mtimeMs;
            return same ? asText(readFrom(again, now, restAt)) : undefined;
          } finally {
            closeSync(again);
          }
        } catch {
          return undefined;
        }
      },
    };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

export function openCache(location: string): ContentCache {
  let made = false;
  const write = (file: string, entry: string | Uint8Array) => {
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      if (!made) {
        makeFolders(location);
        // Once per run, and only by a run that writes (a warm run reads and leaves the folder alone).
        removeOldEntries(location);
      }
      made = true;
      writeFileSync(temporary, entry);
      renameSync(temporary, file);
    } catch {
      // An unwritable cache folder only costs speed.
      try {
        rmSync(temporary, { force: true });
      } catch {
        // Nothing was written.
      }
    }
  };
  const read = (file: string) => {
    try {
      return readFileSync(file);
    } catch {
      return undefined;
    }
  };
  return {
    get codeId() {
      return (code ??= codeId());
    },
    get(key) {
      const bytes = read(path.join(location, `${key}.json`));
      return bytes && asText(bytes);
    },
    getLine: (key) => readLine(path.join(location, `${key}.json`)),
    set: (key, entry) => write(path.join(location, `${key}.json`), entry),
    getBytes: (key) => read(path.join(location, `${key}.bin`)),
    setBytes: (key, entry) => write(path.join(location, `${key}.bin`), entry),
  };
}

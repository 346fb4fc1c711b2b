// The digests of plan files remembered by what stat says of them, as git's index
// does: a warm run of a province stats 1,000 files instead of opening, reading
// and hashing 17 MB. A file's digest is taken as known only while its size,
// inode, modification and change times are all as recorded. The change time
// (ctime) cannot be set back by any program (touch, cp -p, git checkout all
// leave it at the moment of the change), and a digest is recorded only for a
// file whose ctime lies well before the moment its stat was taken, so an edit
// made after the recording always shows a ctime the record does not have, even
// on a file system whose times are coarse ("racily clean" files are hashed again,
// as git does). Kept in the content cache as one entry; a missing, corrupt or
// foreign entry is an empty memo. A run that walks a folder whole forgets the
// files no longer in it (the memo holds what the workspace has, not all it had).
import type { Stats } from 'node:fs';
import path from 'node:path';
import { type ContentCache, isObject, parseJson } from '../core/cache.js';

/** Raised when the entry's layout changes. */
const MEMO_FORMAT = 1;
const MEMO_NAME = 'digests';

/**
 * How long before the recording a file's change time must be to trust its stat
 * later: more than the coarsest file-system time (FAT keeps 2 s), so a change
 * made after the recording can never show the recorded time again.
 */
const SETTLED_MS = 3000;

/** What of a file's stat is compared: size, inode, device, mtime, ctime (ms, as Node gives them). */
type Recorded = [size: number, ino: number, dev: number, mtimeMs: number, ctimeMs: number, digest: string];

export interface DigestMemo {
  /** The digest of the file's bytes when its stat is exactly as recorded, else undefined (hash the file). */
  known(absolute: string, stats: Stats): string | undefined;
  /** Remember a digest of the bytes read after `stats` was taken (ignored for a file changed too recently to trust). */
  record(absolute: string, stats: Stats, digest: string): void;
  /**
   * Write the memo back when something was recorded or forgotten. Files under these folders (walked
   * whole by this run) that the run did not look at are no longer plan files there: forgotten.
   */
  save(walked?: readonly string[]): void;
}

/** The memo kept in this cache; `now` is the moment before any file is looked at (the tests give another). */
export function openDigestMemo(cache: ContentCache, now = Date.now()): DigestMemo {
  const files = readMemo(cache.get(MEMO_NAME));
  const looked = new Set<string>();
  let changed = false;
  return {
    known(absolute, stats) {
      looked.add(absolute);
      const kept = files.get(absolute);
      return kept && kept[0] === stats.size && kept[1] === stats.ino && kept[2] === stats.dev && kept[3] === stats.mtimeMs && kept[4] === stats.ctimeMs ? kept[5] : undefined;
    },
    record(absolute, stats, digest) {
      looked.add(absolute);
      if (!(stats.ctimeMs < now - SETTLED_MS && stats.mtimeMs < now - SETTLED_MS)) return;
      files.set(absolute, [stats.size, stats.ino, stats.dev, stats.mtimeMs, stats.ctimeMs, digest]);
      changed = true;
    },
    save(walked = []) {
      const under = walked.map((folder) => (folder.endsWith(path.sep) ? folder : folder + path.sep));
      for (const file of files.keys()) {
        if (!looked.has(file) && under.some((folder) => file.startsWith(folder))) {
          files.delete(file);
          changed = true;
        }
      }
      if (!changed) return;
      cache.set(MEMO_NAME, JSON.stringify({ format: MEMO_FORMAT, files: Object.fromEntries(files) }));
      changed = false;
    },
  };
}

function readMemo(text: string | undefined): Map<string, Recorded> {
  const files = new Map<string, Recorded>();
  const stored = parseJson(text);
  if (stored?.format !== MEMO_FORMAT || !isObject(stored.files)) return files;
  for (const [file, value] of Object.entries(stored.files)) if (isRecorded(value)) files.set(file, value);
  return files;
}

function isRecorded(value: unknown): value is Recorded {
  return Array.isArray(value) && value.length === 6 && value.slice(0, 5).every((n) => typeof n === 'number') && typeof value[5] === 'string' && /^[0-9a-f]{64}$/.test(value[5]);
}

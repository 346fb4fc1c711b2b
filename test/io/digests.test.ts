// The digest memo (src/io/digests.ts) lets a warm run take a plan file's digest
// from its stat instead of reading it: it must never give a digest that is not
// the digest of the file's bytes now. The memo is opened with a `now` well after
// the files were written where a test needs them to count as settled.
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// bench/generate.js is plain JavaScript (no types).
import { generate } from '../../bench/generate.js';
import { memoryCache } from '../helpers.js';
import { type ContentCache, contentDigest } from '../../src/core/cache.js';
import { openDigestMemo } from '../../src/io/digests.js';
import { readWorkspaceFiles } from '../../src/io/files.js';

let dir: string;
let plans: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'plan-digests-'));
  generate({ seed: 21, plans: 4, out: dir });
  plans = path.join(dir, 'plans');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Well after the files were written: every file counts as settled. */
const later = () => Date.now() + 60_000;

/** Each plan file's digest as a hashing run with this memo gives it. */
const digests = (cache: ContentCache, now: number) =>
  readWorkspaceFiles([plans], undefined, { hashOnly: true, digests: openDigestMemo(cache, now) }).plans.map((p) => ('digest' in p ? p.digest : p.file));

/** Each plan file's digest from its bytes. */
const trueDigests = () => readWorkspaceFiles([plans]).plans.map((p) => ('bytes' in p ? contentDigest(p.bytes) : p.file));

const planFile = () => {
  const part = path.join(plans, 'part-1');
  return path.join(part, readdirSync(part).find((f) => f.endsWith('.yaml'))!);
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the digest memo', () => {
  it('gives the digests of the bytes, remembered and then taken from the stat', () => {
    const cache = memoryCache();
    expect(digests(cache, later())).toEqual(trueDigests());
    const stored = JSON.parse(cache.kept.get('digests')!) as { files: Record<string, unknown[]> };
    expect(Object.keys(stored.files).length).toBe(trueDigests().length);
    // A remembered digest is used without reading the file: one spoilt in the memo shows through.
    const file = planFile();
    stored.files[file]![5] = '0'.repeat(64);
    cache.kept.set('digests', JSON.stringify(stored));
    expect(digests(cache, later())).toContain('0'.repeat(64));
  });

  it('hashes a file again when it changed, even to the same size behind the same modification time', async () => {
    const cache = memoryCache();
    const file = planFile();
    const original = readFileSync(file, 'utf8');
    // A whole second, which utimes sets exactly (a Date would lose the nanoseconds).
    const stamp = Math.floor(Date.now() / 1000) - 3600;
    utimesSync(file, stamp, stamp);
    const mtimeMs = statSync(file).mtimeMs;
    digests(cache, later());
    // The change time moves on a coarse clock: let it.
    await sleep(30);
    const edited = original.replace(/status: done/, 'status: d0ne');
    expect(edited).not.toBe(original);
    expect(edited.length).toBe(original.length);
    try {
      writeFileSync(file, edited);
      utimesSync(file, stamp, stamp);
      expect(statSync(file).mtimeMs).toBe(mtimeMs);
      expect(digests(cache, later())).toEqual(trueDigests());
      expect(digests(cache, later())).toContain(contentDigest(Buffer.from(edited)));
    } finally {
      writeFileSync(file, original);
      utimesSync(file, stamp, stamp);
    }
    expect(digests(cache, later())).toEqual(trueDigests());
  });

  it('remembers nothing of a file changed just before (a later change could show the same times)', () => {
    const cache = memoryCache();
    expect(digests(cache, Date.now())).toEqual(trueDigests());
    expect(cache.kept.has('digests')).toBe(false);
  });

  it('reads a corrupt or foreign memo as empty', () => {
    for (const text of ['{', 'null', '{"format":1,"files":{"x":[1,2]}}', '{"format":99,"files":{}}', JSON.stringify({ format: 1, files: { [planFile()]: [1, 2, 3, 4, 5, 'not a digest'] } })]) {
      const cache = memoryCache();
      cache.kept.set('digests', text);
      expect(digests(cache, later()), text).toEqual(trueDigests());
    }
  });

  it('forgets files gone from a folder a run walked whole, and keeps those outside what the run looked at', () => {
    const cache = memoryCache();
    digests(cache, later());
    const kept = () => Object.keys((JSON.parse(cache.kept.get('digests')!) as { files: Record<string, unknown> }).files).sort();
    const all = kept();
    const file = planFile();
    const moved = `${file}.moved`;
    renameSync(file, moved);
    try {
      // A run over another part, or over one file, knows nothing of this part: the entry stays.
      const otherPart = path.join(plans, 'part-2');
      readWorkspaceFiles([otherPart], undefined, { hashOnly: true, digests: openDigestMemo(cache, later()) });
      readWorkspaceFiles([path.join(otherPart, readdirSync(otherPart).find((f) => f.endsWith('.yaml'))!)], undefined, { hashOnly: true, digests: openDigestMemo(cache, later()) });
      expect(kept()).toEqual(all);
      // A run over the whole folder does not find it: forgotten, and the others kept.
      expect(digests(cache, later())).toEqual(trueDigests());
      expect(kept()).toEqual(all.filter((f) => f !== file));
    } finally {
      renameSync(moved, file);
    }
    expect(digests(cache, later())).toEqual(trueDigests());
    expect(kept()).toEqual(all);
  });

  it('writes nothing when every digest was known', () => {
    const cache = memoryCache();
    digests(cache, later());
    let writes = 0;
    const counting: ContentCache = {
      ...cache,
      set: (key, entry) => {
        writes++;
        cache.set(key, entry);
      },
    };
    expect(digests(counting, later())).toEqual(trueDigests());
    expect(writes).toBe(0);
  });
});

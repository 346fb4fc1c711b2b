// The bundle stamp (scripts/bundle-stamp.js) lets `npm test` skip a bundle of sources already bundled: it must
// record the sources as they were when the bundle began, and live where plan's own cache clean-up never removes it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleIsCurrent, inputsDigest, stampFile, writeStamp } from '../../scripts/bundle-stamp.js';
import { defaultCacheLocation } from '../../src/io/cache.js';
import { isInside } from '../../src/io/files.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A package with one source, a bundle and node_modules. */
function root(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-stamp-'));
  dirs.push(dir);
  for (const d of ['src', 'dist', 'node_modules']) mkdirSync(path.join(dir, d));
  writeFileSync(path.join(dir, 'package.json'), '{}\n');
  writeFileSync(path.join(dir, 'src', 'a.ts'), 'export const a = 1;\n');
  writeFileSync(path.join(dir, 'dist', 'cli.cjs'), 'exports.a = 1;\n');
  return dir;
}

describe('bundle stamp', () => {
  it('a source edited while the bundle was made is not recorded as bundled', () => {
    const dir = root();
    const before = inputsDigest(dir);
    writeFileSync(path.join(dir, 'src', 'a.ts'), 'export const a = 2;\n');
    writeStamp(dir, before);
    expect(bundleIsCurrent(dir)).toBe(false);
    writeStamp(dir, inputsDigest(dir));
    expect(bundleIsCurrent(dir)).toBe(true);
    // And a change of dist/ after the stamp.
    writeFileSync(path.join(dir, 'dist', 'cli.cjs'), 'exports.a = 3;\n');
    expect(bundleIsCurrent(dir)).toBe(false);
  });

  it('a library installed anew is not recorded as bundled, though package-lock.json is unchanged', () => {
    const dir = root();
    writeFileSync(path.join(dir, 'package-lock.json'), '{"packages":{"node_modules/a":{"version":"1.0.0"}}}\n');
    writeFileSync(path.join(dir, 'node_modules', '.package-lock.json'), '{"packages":{"node_modules/a":{"version":"1.0.0"}}}\n');
    writeStamp(dir, inputsDigest(dir));
    expect(bundleIsCurrent(dir)).toBe(true);
    // As `npm install a@1.0.1 --no-save` leaves it: the tree npm installed changed, the lock file did not.
    writeFileSync(path.join(dir, 'node_modules', '.package-lock.json'), '{"packages":{"node_modules/a":{"version":"1.0.1"}}}\n');
    expect(bundleIsCurrent(dir)).toBe(false);
  });

  it("lives outside plan's own cache folder, whose clean-up removes old .json files", () => {
    const dir = root();
    const cache = defaultCacheLocation(dir);
    expect(cache).toBeDefined();
    expect(isInside(stampFile(dir), cache!)).toBe(false);
  });
});

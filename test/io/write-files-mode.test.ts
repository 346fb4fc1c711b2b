// A folder plan sheets/report/init makes has the mode of any folder the user makes (the umask's), as its files do:
// it was staged with mkdtemp and renamed into place, so it stayed owner-only (700) and colleagues sharing the
// machine or the network folder could not open the sheets.
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFilesAtomic } from '../../src/io/write-files.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'plan-write-mode-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const mode = (p: string) => statSync(p).mode & 0o777;

describe('writeFilesAtomic', () => {
  it('makes a new folder, and the folders in it, with the mode mkdir gives', () => {
    const usual = path.join(work, 'usual');
    mkdirSync(usual);
    writeFilesAtomic(
      path.join(work, 'phieu'),
      [
        { name: 'a.md', data: 'a' },
        { name: 'con/b.md', data: 'b' },
      ],
      { lang: 'vi' },
    );
    expect(mode(path.join(work, 'phieu'))).toBe(mode(usual));
    expect(mode(path.join(work, 'phieu', 'con'))).toBe(mode(usual));
  });

  it('under a umask that lets others read, the new folder is readable by others', () => {
    const before = process.umask(0o022);
    try {
      writeFilesAtomic(path.join(work, 'bao-cao'), [{ name: 'a.md', data: 'a' }], { lang: 'vi' });
    } finally {
      process.umask(before);
    }
    expect(mode(path.join(work, 'bao-cao'))).toBe(0o755);
  });
});

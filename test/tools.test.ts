// The helper for tests that need outside programs: with none on the PATH it
// names the Debian packages, and on CI a missing program fails the test.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandPath, toolsFor } from './tools.js';

// A PATH where no program can be found (the process's own is left alone: other test files share this worker).
const emptyPath = mkdtempSync(path.join(os.tmpdir(), 'plan-empty-path-'));

describe('needs()', () => {
  it('finds nothing on an empty PATH and names every package in one line', () => {
    const { hasTool, missingToolsLine } = toolsFor({ PATH: emptyPath });
    expect(hasTool('pandoc')).toBe(false);
    expect(missingToolsLine(['pandoc', 'libreoffice', 'poppler'])).toBe(
      'needs pandoc, soffice, pdftoppm, not found on PATH: apt-get install pandoc libreoffice-writer-nogui fonts-liberation2 poppler-utils',
    );
  });

  it('finds a program as the shell does: the first executable file of that name on the PATH, without running it', () => {
    const [first, second] = [mkdtempSync(path.join(os.tmpdir(), 'plan-path-')), mkdtempSync(path.join(os.tmpdir(), 'plan-path-'))];
    // Not a program: a file that cannot be run, and a folder.
    writeFileSync(path.join(first, 'pandoc'), '');
    mkdirSync(path.join(first, 'pdftoppm'));
    // A program that fails if it is ever run (hasTool only looks).
    writeFileSync(path.join(second, 'pandoc'), '#!/bin/sh\nexit 1\n');
    chmodSync(path.join(second, 'pandoc'), 0o755);
    const PATH = [emptyPath, first, second].join(path.delimiter);
    expect(commandPath('pandoc', { PATH })).toBe(path.join(second, 'pandoc'));
    expect(commandPath('pdftoppm', { PATH })).toBeUndefined();
    const { hasTool } = toolsFor({ PATH });
    expect([hasTool('pandoc'), hasTool('poppler'), hasTool('libreoffice')]).toEqual([true, false, false]);
  });

  toolsFor({ PATH: emptyPath, CI: 'true' })
    .needs('pandoc')
    .fails('on CI a test whose program is missing fails instead of skipping', () => {});
});

// The helper for tests that need outside programs: with none on the PATH it
// names the Debian packages, and on CI a missing program fails the test.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toolsFor } from './tools.js';

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

  toolsFor({ PATH: emptyPath, CI: 'true' })
    .needs('pandoc')
    .fails('on CI a test whose program is missing fails instead of skipping', () => {});
});

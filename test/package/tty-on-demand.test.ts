// Issue 15 (start-up): chalk's node:tty is a stand-in (scripts/tty-on-demand.js) that asks node:tty only about a
// character device, so a run writing to a file or a pipe loads no node:tty nor the node:net it brings. Its isatty must
// answer as tty.isatty does for every kind of descriptor.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import tty from 'node:tty';
import { describe, expect, it } from 'vitest';
import { TTY_ON_DEMAND } from '../../scripts/tty-on-demand.js';
import { ROOT } from '../e2e/run-plan.js';

/** The stand-in as the bundle has it: a CommonJS module. */
function standIn(): { isatty: (fd: number) => boolean } {
  const exports = {};
  new Function('exports', 'require', TTY_ON_DEMAND)(exports, createRequire(import.meta.url));
  return exports as { isatty: (fd: number) => boolean };
}

describe("chalk's node:tty, asked only about a character device", () => {
  it('answers as tty.isatty for a file, /dev/null, this process’s standard streams, a closed or impossible descriptor', () => {
    const { isatty } = standIn();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-tty-'));
    const file = openSync(path.join(dir, 'a.txt'), 'w');
    const devNull = openSync('/dev/null', 'r');
    const closed = openSync(path.join(dir, 'b.txt'), 'w');
    closeSync(closed);
    try {
      for (const fd of [file, devNull, closed, 0, 1, 2, -1, 1.5, 2 ** 31]) expect(isatty(fd), String(fd)).toBe(tty.isatty(fd));
    } finally {
      closeSync(file);
      closeSync(devNull);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(existsSync('/usr/bin/script'))('says a terminal is one (standard output on a pseudo-terminal, as `script` gives it)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-tty-'));
    const probe = path.join(dir, 'probe.cjs');
    writeFileSync(
      probe,
      `const standIn = {}; new Function('exports', 'require', ${JSON.stringify(TTY_ON_DEMAND)})(standIn, require);
process.stdout.write(JSON.stringify([standIn.isatty(1), require('node:tty').isatty(1)]));`,
    );
    try {
      const r = spawnSync('/usr/bin/script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(probe)}`, '/dev/null'], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout.trim())).toEqual([true, true]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(existsSync(path.join(ROOT, 'dist', 'cli.cjs')))('a check writing to a file, its errors to a pipe, loads no node:tty nor node:net', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-tty-'));
    const out = openSync(path.join(dir, 'out.txt'), 'w');
    try {
      const report = `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(path.join(dir, 'loaded.json'))}, JSON.stringify(process.moduleLoadList.filter((m) => /^NativeModule (tty|net)$/.test(m)))));`;
      const r = spawnSync(process.execPath, ['-e', `${report} process.argv.splice(1, 0, 'plan'); require(${JSON.stringify(path.join(ROOT, 'bin', 'plan.js'))});`, 'check', '--as-of', '2024-01-15'], {
        cwd: ROOT,
        stdio: ['ignore', out, 'pipe'],
        encoding: 'utf8',
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(JSON.parse(readFileSync(path.join(dir, 'loaded.json'), 'utf8'))).toEqual([]);
    } finally {
      closeSync(out);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

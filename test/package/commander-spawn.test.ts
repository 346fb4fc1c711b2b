// Issue 15 (start-up): the bundle gives commander a node:child_process that is
// required on first use (scripts/bundle.js, commanderSpawnOnUse), so a start loads
// no child_process. That stand-in has only spawn: commander must use nothing else.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const COMMANDER = path.join(ROOT, 'node_modules', 'commander', 'lib');

describe("commander's child_process, required on first use", () => {
  it('commander uses child_process only as childProcess.spawn', () => {
    const uses = readdirSync(COMMANDER)
      .filter((f) => f.endsWith('.js'))
      .flatMap((f) => [...readFileSync(path.join(COMMANDER, f), 'utf8').matchAll(/childProcess\.(\w+)|require\(['"](?:node:)?child_process['"]\)/g)].map((m) => m[1] ?? m[0]));
    expect(uses.length).toBeGreaterThan(1);
    expect([...new Set(uses)].sort()).toEqual(["require('node:child_process')", 'spawn']);
  });

  it.runIf(existsSync(path.join(ROOT, 'dist', 'cli.cjs')))('a run of the built CLI loads no child_process', () => {
    const script = `const cli = require(${JSON.stringify(path.join(ROOT, 'bin', 'load-cli.js'))}).loadCli();
      const sink = { write: () => {}, isTTY: false };
      cli.main(['--version'], { stdout: sink, stderr: sink, env: {}, now: () => new Date(), onSignal: () => {} })
        .then((code) => process.stdout.write(JSON.stringify({ code, loaded: process.moduleLoadList.filter((m) => /child_process/.test(m)) })));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ code: 0, loaded: [] });
  });
});

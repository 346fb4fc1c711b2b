// plan init packs this tool into tools/ of the new repository (packPackage): the tarball must carry no script npm
// runs on install (npm 11 warned on every `npm install` there: "install scripts not yet covered by allowScripts:
// kehoach (prepare: npm run bundle)"), and be otherwise the package npm packed. A small package stands in for the
// tool, packed by the system's tar in ustar format as npm packs (a long path uses the header's name prefix).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withoutInstallScripts } from '../../src/io/pack.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'plan-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const LONG = `dist/${'vendor-libraries/'.repeat(7)}x.cjs`;

/** A package folder packed as npm does (package/…), its manifest with `scripts`. */
function tarball(name: string, scripts: Record<string, string>): string {
  const root = path.join(work, name);
  mkdirSync(path.join(root, 'package', path.dirname(LONG)), { recursive: true });
  writeFileSync(path.join(root, 'package', 'package.json'), `${JSON.stringify({ name, version: '1.0.0', bin: { [name]: 'bin.js' }, scripts }, null, 2)}\n`);
  writeFileSync(path.join(root, 'package', 'bin.js'), '#!/usr/bin/env node\nconsole.log("chạy được");\n', { mode: 0o755 });
  writeFileSync(path.join(root, 'package', LONG), 'module.exports = 1;\n');
  const file = path.join(work, `${name}.tgz`);
  const tar = spawnSync('tar', ['--format=ustar', '-czf', file, '-C', root, 'package'], { encoding: 'utf8' });
  expect(tar.status, tar.stderr).toBe(0);
  return file;
}

/** The tarball's files, unpacked by the system's tar (which checks every header's checksum). */
function unpack(data: Uint8Array, into: string): (file: string) => string {
  const file = path.join(work, `${into}.tgz`);
  writeFileSync(file, data);
  mkdirSync(path.join(work, into));
  const tar = spawnSync('tar', ['xzf', file, '-C', path.join(work, into)], { encoding: 'utf8' });
  expect(tar.status, tar.stderr).toBe(0);
  return (name) => readFileSync(path.join(work, into, 'package', name), 'utf8');
}

describe('withoutInstallScripts', () => {
  it('drops the install scripts from package.json and keeps every other entry as it was', () => {
    const original = readFileSync(tarball('cong-cu', { prepare: 'npm run bundle', postinstall: 'node x', build: 'tsc', test: 'vitest' }));
    const read = unpack(withoutInstallScripts(original), 'cong-cu-out');
    expect(JSON.parse(read('package.json'))).toEqual({ name: 'cong-cu', version: '1.0.0', bin: { 'cong-cu': 'bin.js' }, scripts: { build: 'tsc', test: 'vitest' } });
    expect(read('bin.js')).toBe('#!/usr/bin/env node\nconsole.log("chạy được");\n');
    expect(read(LONG)).toBe('module.exports = 1;\n');
  });

  it('leaves a tarball without install scripts byte for byte', () => {
    const original = readFileSync(tarball('khong-script', { build: 'tsc' }));
    expect(Buffer.from(withoutInstallScripts(original)).equals(original)).toBe(true);
  });

  it('gives npm a package it installs without the install-scripts warning, and whose command runs', () => {
    const file = path.join(work, 'cai-dat.tgz');
    writeFileSync(file, withoutInstallScripts(readFileSync(tarball('cai-dat', { prepare: 'npm run bundle' }))));
    const repo = path.join(work, 'kho');
    mkdirSync(repo);
    writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ name: 'kho', private: true, devDependencies: { 'cai-dat': `file:${file}` } }));
    const install = spawnSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: repo, encoding: 'utf8', timeout: 120_000 });
    expect(install.status, install.stderr).toBe(0);
    expect(install.stderr).not.toMatch(/install-scripts|prepare/);
    expect(spawnSync(path.join(repo, 'node_modules', '.bin', 'cai-dat'), { encoding: 'utf8' }).stdout).toBe('chạy được\n');
  });
});

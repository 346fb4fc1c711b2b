// Issue 14, point 1: the package a clerk installs. `plan init` (in process) packs
// this very tool with `npm pack` into its new repository's tools/; that tarball
// installs into an empty prefix and runs; the installed `plan init` then makes a
// plans repository whose first commit runs `plan check` through the hook. npm pack
// (~2.4 s of CPU) runs twice: in the first init, and in the installed copy's.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-plan.js';

const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const work = mkdtempSync(path.join(os.tmpdir(), 'plan-install-'));
const prefix = path.join(work, 'prefix');
const binDir = path.join(prefix, 'bin');
// A PATH with node, git and sh, and the installed plan first.
const basePath = [path.dirname(process.execPath), '/usr/bin', '/bin'].join(path.delimiter);
const env = { ...process.env, NO_COLOR: '1', PLAN_LANG: '', PATH: `${binDir}${path.delimiter}${basePath}`, npm_config_prefix: prefix };

const run = (cmd: string, args: string[], cwd: string, extra: Record<string, string> = {}) => spawnSync(cmd, args, { cwd, env: { ...env, ...extra }, encoding: 'utf8', timeout: 240_000 });
const commit = (cwd: string, extra: Record<string, string> = {}) => run('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'x'], cwd, extra);

/** A repository made by `plan init` in process, in the clerk's folder: the tool's own tarball in tools/. */
const first = path.join(work, 'first');

beforeAll(async () => {
  mkdirSync(first);
  // plan init runs `npm pack` on this folder, --ignore-scripts (npm test has just built dist/; rebuilding it here
  // would pull it from under the other tests): README's `npm pack`, which the installs below take.
  const init = await runCli(['init', '--year', '2024'], { cwd: first });
  expect(init.code, init.stderr).toBe(0);
  const tarball = path.join(first, 'tools', `kehoach-${VERSION}.tgz`);
  // The machine's CA bundle, which the test run leaves out of other processes (vitest.config.ts): npm may fetch.
  const r = run('npm', ['install', '-g', '--prefix', prefix, tarball, '--prefer-offline', '--no-audit', '--no-fund'], work, { NODE_EXTRA_CA_CERTS: process.env.PLAN_TEST_CA_CERTS ?? '' });
  expect(r.status, r.stderr).toBe(0);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('plan init (in process)', () => {
  it('produces a repository on which plan check and plan fmt --check exit 0, and never overwrites', async () => {
    const list = (dir: string, pre = ''): string[] => readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? list(path.join(dir, n), `${pre}${n}/`) : [`${pre}${n}`]));
    expect(
      list(first)
        .filter((f) => !f.startsWith('.git/'))
        .sort(),
    ).toEqual([
      '.editorconfig',
      '.gitattributes',
      '.github/workflows/plans.yml',
      '.gitignore',
      'README.md',
      'docs/plan.schema.json',
      'docs/units.schema.json',
      'hooks/pre-commit',
      'package.json',
      'plans/ke-hoach-mau.yaml',
      'plans/units.yaml',
      `tools/kehoach-${VERSION}.tgz`,
    ]);
    expect(JSON.parse(readFileSync(path.join(first, 'package.json'), 'utf8')).devDependencies).toEqual({ kehoach: `file:tools/kehoach-${VERSION}.tgz` });
    expect(run('git', ['config', 'core.hooksPath'], first).stdout.trim()).toBe('hooks');
    const check = await runCli(['check', '--as-of', '2024-01-10'], { cwd: first });
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('0 lỗi, 0 cảnh báo');
    expect((await runCli(['fmt', '--check'], { cwd: first })).code).toBe(0);
    expect(readFileSync(path.join(first, 'plans/ke-hoach-mau.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../docs/plan.schema.json');
    expect(statSync(path.join(first, 'hooks/pre-commit')).mode & 0o111).not.toBe(0);
    expect(readFileSync(path.join(first, 'hooks/pre-commit'), 'utf8')).toContain('"$plan" fmt --check plans && "$plan" check plans');

    const folder = (name: string) => {
      const d = path.join(work, name);
      mkdirSync(d);
      return d;
    };
    const pinned = folder('pinned');
    expect((await runCli(['init', '--tool', 'git+https://example.org/kehoach.git#v1', '--no-git'], { cwd: pinned })).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(pinned, 'package.json'), 'utf8')).devDependencies).toEqual({ kehoach: 'git+https://example.org/kehoach.git#v1' });
    expect(readdirSync(pinned)).not.toContain('tools');
    expect(readdirSync(pinned)).not.toContain('.git');

    const again = folder('again');
    writeFileSync(path.join(again, '.gitattributes'), 'mine\n');
    const refused = await runCli(['init'], { cwd: again });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('.gitattributes');
    expect(readdirSync(again)).toEqual(['.gitattributes']);
    expect(readFileSync(path.join(again, '.gitattributes'), 'utf8')).toBe('mine\n');
    // The tool's own tarball is named before it is packed, and refused like any other file.
    const packedBefore = folder('packed-before');
    mkdirSync(path.join(packedBefore, 'tools'));
    writeFileSync(path.join(packedBefore, 'tools', `kehoach-${VERSION}.tgz`), 'mine\n');
    const refusedTarball = await runCli(['init'], { cwd: packedBefore });
    expect(refusedTarball.code).toBe(1);
    expect(refusedTarball.stderr).toContain(`kehoach-${VERSION}.tgz`);
    expect(readdirSync(packedBefore)).toEqual(['tools']);
  });
});

describe('npm pack (by plan init) → npm install -g --prefix', () => {
  it('installs a plan that prints its version and checks the shipped plans', () => {
    const version = run(path.join(binDir, 'plan'), ['--version'], work);
    expect(version.stdout.trim()).toBe(VERSION);
    const check = run('plan', ['check', path.join(ROOT, 'plans'), '--as-of', '2024-05-21'], work);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('0 lỗi');
  });

  it('the installed copy writes sheets with its templates and DOCX library', () => {
    const out = path.join(work, 'sheets');
    const r = run('plan', ['sheets', path.join(ROOT, 'plans'), '--out', out, '--as-of', '2024-05-21', '--unit', 'Phòng Tư pháp'], work);
    // The seed's document warnings (number, date, place spelling) come first; no error.
    expect(r.stderr).not.toMatch(/^lỗi|^\s+at /m);
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(out, 'phong-tu-phap.md'), 'utf8')).toContain('Kính gửi: Phòng Tư pháp.');
    // The Word template travels in the package: the letter is filled from it.
    expect(readFileSync(path.join(out, 'phong-tu-phap.docx')).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('plan init, then git init, add, commit', () => {
  it('commits through the hook, which runs plan check and refuses a broken plan', () => {
    const init = run('plan', ['init', 'repo', '--year', '2024'], work);
    expect(init.status, init.stderr).toBe(0);
    const repo = path.join(work, 'repo');
    expect(JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).devDependencies).toEqual({ kehoach: `file:tools/kehoach-${VERSION}.tgz` });
    expect(run('git', ['init', '-q'], repo).status).toBe(0);
    expect(run('git', ['add', '.'], repo).status).toBe(0);
    const first = commit(repo);
    expect(first.status, first.stderr).toBe(0);
    // git shows the hook's output on stderr.
    expect(first.stderr).toContain('0 lỗi');

    // The hook really checks: a plan with an unknown unit cannot be committed.
    const planFile = path.join(repo, 'plans', 'ke-hoach-mau.yaml');
    writeFileSync(planFile, readFileSync(planFile, 'utf8').replace('- Công chức Tư pháp - Hộ tịch', '- Phòng Không Có'));
    run('git', ['add', '.'], repo);
    const broken = commit(repo);
    expect(broken.status).not.toBe(0);
    expect(broken.stdout + broken.stderr).toContain('Phòng Không Có');

    // Without any plan installed, the hook says how to get one. The PATH holds only git and sh, so a plan
    // installed on this machine (npm link puts one in /usr/bin) does not hide the case.
    const noPlan = path.join(work, 'no-plan-bin');
    mkdirSync(noPlan);
    for (const tool of ['git', 'sh']) symlinkSync(execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim(), path.join(noPlan, tool));
    const missing = commit(repo, { PATH: noPlan });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('npm install');
  });
});

// Issue 14, point 1: the package a clerk installs. `npm pack` makes a tarball
// that installs into an empty prefix and runs; `plan init` then makes a plans
// repository whose first commit runs `plan check` through the hook.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './run-plan.js';

const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const work = mkdtempSync(path.join(os.tmpdir(), 'plan-install-'));
const prefix = path.join(work, 'prefix');
const binDir = path.join(prefix, 'bin');
// A PATH with node, git and sh, and the installed plan first.
const basePath = [path.dirname(process.execPath), '/usr/bin', '/bin'].join(path.delimiter);
const env = { ...process.env, NO_COLOR: '1', PLAN_LANG: '', PATH: `${binDir}${path.delimiter}${basePath}`, npm_config_prefix: prefix };

const run = (cmd: string, args: string[], cwd: string, extra: Record<string, string> = {}) => spawnSync(cmd, args, { cwd, env: { ...env, ...extra }, encoding: 'utf8', timeout: 240_000 });
const commit = (cwd: string, extra: Record<string, string> = {}) => run('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'x'], cwd, extra);

beforeAll(() => {
  // --ignore-scripts: npm test has just built dist/; rebuilding it here would pull it from under the other tests.
  execFileSync('npm', ['pack', ROOT, '--ignore-scripts', '--silent', '--pack-destination', work], { env, encoding: 'utf8' });
  const tarball = path.join(work, `kehoach-${VERSION}.tgz`);
  // The machine's CA bundle, which the test run leaves out of other processes (vitest.config.ts): npm may fetch.
  const r = run('npm', ['install', '-g', '--prefix', prefix, tarball, '--prefer-offline', '--no-audit', '--no-fund'], work, { NODE_EXTRA_CA_CERTS: process.env.PLAN_TEST_CA_CERTS ?? '' });
  expect(r.status, r.stderr).toBe(0);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm pack → npm install -g --prefix', () => {
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

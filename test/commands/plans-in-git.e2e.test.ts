// End-to-end through the CLI (in process) and real git: every "Done when"
// point of issue 6 (plan init's are in test/e2e/install.test.ts, whose package
// is the tarball plan init packs: npm pack runs once for both).
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../e2e/run-plan.js';

const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
const PLAN = 'kh-pbgdpl-2024-son-dong.yaml';
const env = { ...process.env, NO_COLOR: '1', TZ: 'UTC' };
const temps: string[] = [];

function tmp(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'plan-e2e-'));
  temps.push(d);
  return d;
}
/** `plan args…` in process (runCli). */
async function plan(cwd: string, ...args: string[]) {
  const r = await runCli(args, { cwd });
  return { code: r.code, out: r.stdout, err: r.stderr };
}
function shippedCopy(): string {
  const d = tmp();
  cpSync(path.join(ROOT, 'plans'), path.join(d, 'plans'), { recursive: true });
  return d;
}
const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'init.defaultBranch=main', ...args], { cwd, env, encoding: 'utf8' });

afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe('plan fmt', () => {
  it('on the shipped plans changes nothing the second time; --check exits 0, then 1 after a bad indent', async () => {
    const d = shippedCopy();
    const first = await plan(d, 'fmt');
    expect(first.code).toBe(0);
    const once = readFileSync(path.join(d, 'plans', PLAN), 'utf8');
    const second = await plan(d, 'fmt');
    expect(second.code).toBe(0);
    expect(readFileSync(path.join(d, 'plans', PLAN), 'utf8')).toBe(once);
    expect((await plan(d, 'fmt', '--check')).code).toBe(0);
    // The shipped plan is committed in canonical form.
    expect(once).toBe(readFileSync(path.join(ROOT, 'plans', PLAN), 'utf8'));

    writeFileSync(path.join(d, 'plans', PLAN), once.replace('\n  level: district\n', '\n   level: district\n'));
    const check = await plan(d, 'fmt', '--check');
    expect(check.code).toBe(1);
    expect(check.out + check.err).toContain(`plans/${PLAN}`);
    expect(check.err).toMatch(/plans\/kh-pbgdpl-2024-son-dong\.yaml:\d+:\d+/);
  });

  it('--check lists a file whose keys are out of order, and changes nothing', async () => {
    const d = shippedCopy();
    const file = path.join(d, 'plans', PLAN);
    const text = readFileSync(file, 'utf8').replace('year: 2024\n', '').replace('number: "/KH-UBND"', 'year: 2024\nnumber: "/KH-UBND"');
    writeFileSync(file, text);
    const r = await plan(d, '--lang', 'en', 'fmt', '--check');
    expect(r.code).toBe(1);
    expect(r.out).toContain(`plans/${PLAN}`);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('plan set / plan submit', () => {
  it('changes only the edited lines of a plan with comments', async () => {
    const d = shippedCopy();
    const file = path.join(d, 'plans', PLAN);
    const before = readFileSync(file, 'utf8');
    expect(before).toContain('# nguyên văn');
    const r = await plan(d, 'set', `plans/${PLAN}`, '1.2', 'status=hoàn thành', 'done=15/03/2024', 'note=đã kiện toàn', '--as-of', '2024-06-01');
    expect(r.code).toBe(0);
    const after = readFileSync(file, 'utf8');
    const b = before.split('\n');
    const a = after.split('\n');
    const at = a.indexOf('        status: done');
    expect(at).toBeGreaterThan(0);
    // Exactly three new lines, inserted after the deliverables of 1.2; everything else byte for byte.
    expect(a.slice(at, at + 3)).toEqual(['        status: done', '        done: "15/03/2024"', '        note: đã kiện toàn']);
    expect([...a.slice(0, at), ...a.slice(at + 3)].join('\n')).toBe(b.join('\n'));
    expect((await plan(d, 'check', '--as-of', '2024-06-01')).code).toBe(0);
  });

  it('keeps CRLF files CRLF and refuses an edit that would make the plan invalid', async () => {
    const d = shippedCopy();
    const file = path.join(d, 'plans', PLAN);
    const crlf = readFileSync(file, 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(file, crlf);
    // A date after today by the clock (--as-of does not move "today" for the records).
    const future = await runCli(['set', `plans/${PLAN}`, '1.3', 'done=01/07/2024', '--as-of', '2024-06-01'], { cwd: d, now: new Date('2024-06-01T03:00:00Z') });
    expect(future.code).toBe(1);
    expect(future.stderr).toContain('date-in-future');
    // Placed at the line the edit would have written (the edited text is checked, not the file).
    const doneLine = crlf.split('\r\n').findIndex((l) => l.includes('id: "1.3"')) + 1;
    expect(future.stderr).toMatch(new RegExp(`plans/${PLAN.replace(/\./g, '\\.')}:(\\d+):\\d+`));
    expect(Number(/:(\d+):\d+/.exec(future.stderr)![1])).toBeGreaterThan(doneLine);
    expect(readFileSync(file, 'utf8')).toBe(crlf);
    const ok = await plan(d, 'set', `plans/${PLAN}`, '1.6.b', 'status=doing', '--unit', 'phòng tư pháp', '--as-of', '2024-06-01');
    expect(ok.code).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(after).toContain('\r\n            progress:\r\n              - unit: Phòng Tư pháp\r\n                status: doing\r\n');
  });

  it('submit appends a submission and refuses a duplicate or a unit that does not owe it', async () => {
    const d = shippedCopy();
    const file = path.join(d, 'plans', PLAN);
    const r = await plan(d, 'submit', `plans/${PLAN}`, 'bao-cao-6-thang', '--unit', 'Phòng Tư pháp', '--date', '15/05/2024', '--as-of', '2024-06-01');
    expect(r.code).toBe(0);
    const once = readFileSync(file, 'utf8');
    expect(once).toContain('    submissions:\n      - unit: Phòng Tư pháp\n        date: "15/05/2024"\n');
    const dup = await plan(d, 'submit', `plans/${PLAN}`, 'bao-cao-6-thang', '--unit', 'phòng tư pháp', '--date', '2024-05-16', '--as-of', '2024-06-01');
    expect(dup.code).toBe(1);
    expect(dup.err).toContain('duplicate-submission');
    const stranger = await plan(d, 'submit', `plans/${PLAN}`, 'bao-cao-6-thang', '--unit', 'Sở Tư pháp', '--as-of', '2024-06-01');
    expect(stranger.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(once);
  });
});

describe('plan diff', () => {
  it('reports exactly the moved deadline of 1.2 and the unit added to 2.3.c', async () => {
    const d = shippedCopy();
    git(d, 'init', '-q');
    git(d, 'add', 'plans');
    git(d, 'commit', '-q', '-m', 'one');
    const file = path.join(d, 'plans', PLAN);
    let text = readFileSync(file, 'utf8');
    const i = text.indexOf('- id: "1.2"');
    const j = text.indexOf('due: năm 2024', i);
    text = `${text.slice(0, j)}due: "30/06/2024"${text.slice(j + 'due: năm 2024'.length)}`;
    const k = text.indexOf('support:\n', text.indexOf('- id: "2.3.c"')) + 'support:\n'.length;
    text = `${text.slice(0, k)}              - Phòng Dân tộc\n${text.slice(k)}`;
    writeFileSync(file, text);
    git(d, 'commit', '-q', '-am', 'two');
    const r = await plan(d, 'diff', 'HEAD~1', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const { changes } = JSON.parse(r.out) as { changes: Record<string, unknown>[] };
    expect(changes).toHaveLength(2);
    expect(changes[0]).toMatchObject({ kind: 'deadline-changed', id: '1.2', before: 'năm 2024', after: '30/06/2024', resolvedBefore: ['31/12/2024'], resolvedAfter: ['30/06/2024 → 01/07/2024'] });
    expect(changes[1]).toMatchObject({ kind: 'support-added', id: '2.3.c', unit: 'Phòng Dân tộc' });
    // Reformatting is not a change.
    expect((await plan(d, 'fmt')).code).toBe(0);
    const none = JSON.parse((await plan(d, 'diff', '--json')).out) as { changes: unknown[] };
    expect(none.changes).toEqual([]);
    const md = await plan(d, '--lang', 'en', 'diff', 'HEAD~1..HEAD', '--format', 'md');
    expect(md.out).toContain('supporting unit added: Phòng Dân tộc');
  });

  it('reads the files of a revision with one git process, however many plans there are', async () => {
    const d = shippedCopy();
    const shipped = readFileSync(path.join(d, 'plans', PLAN), 'utf8');
    for (let n = 1; n <= 6; n++) writeFileSync(path.join(d, 'plans', `kh-ban-sao-${n}.yaml`), shipped.replace('number: "/KH-UBND"', `number: "${n}/KH-UBND"`));
    git(d, 'init', '-q');
    git(d, 'add', 'plans');
    git(d, 'commit', '-q', '-m', 'one');
    const copy = path.join(d, 'plans', 'kh-ban-sao-4.yaml');
    writeFileSync(copy, readFileSync(copy, 'utf8').replace('due: năm 2024', 'due: "30/06/2024"'));
    git(d, 'commit', '-q', '-am', 'two');
    // git as the command finds it on PATH, logging each run's subcommand.
    const bin = tmp();
    const log = path.join(bin, 'runs.log');
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(path.join(bin, 'git'), `#!/bin/sh\nprintf '%s\\n' "$1" >> '${log}'\nexec '${real}' "$@"\n`);
    chmodSync(path.join(bin, 'git'), 0o755);
    const pathBefore = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${pathBefore}`;
    let r: Awaited<ReturnType<typeof plan>>;
    try {
      r = await plan(d, 'diff', 'HEAD~1..HEAD', '--json');
    } finally {
      process.env.PATH = pathBefore;
    }
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const { changes } = JSON.parse(r.out) as { changes: Record<string, unknown>[] };
    expect(changes).toEqual([expect.objectContaining({ kind: 'deadline-changed', plan: 'plans/kh-ban-sao-4.yaml', id: '1.2', before: 'năm 2024', after: '30/06/2024' })]);
    const runs = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    // Seven plans and the data files at two revisions: one batch each, not a `git show` a file.
    expect(runs.filter((sub) => sub === 'show')).toEqual([]);
    expect(runs.filter((sub) => sub === 'cat-file')).toEqual(['cat-file', 'cat-file']);
    // One listing a revision answers both "is plans/ in git" and "which plans are there".
    expect(runs.filter((sub) => sub === 'ls-tree')).toEqual(['ls-tree', 'ls-tree']);
  });

  // ls-tree lists a revision's plans, cat-file reads them: either failing would read as a revision with no plans.
  it.each(['cat-file', 'ls-tree'])('refuses, naming git\'s error, when git %s fails on a revision (not "no changes", not every plan added)', async (failing) => {
    const d = shippedCopy();
    git(d, 'init', '-q');
    git(d, 'add', 'plans');
    git(d, 'commit', '-q', '-m', 'one');
    git(d, 'commit', '-q', '--allow-empty', '-m', 'two');
    // git as the command finds it on PATH: only the one subcommand fails.
    const bin = tmp();
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(path.join(bin, 'git'), `#!/bin/sh\nif [ "$1" = ${failing} ]; then echo 'fatal: hỏng giả lập' >&2; exit 128; fi\nexec '${real}' "$@"\n`);
    chmodSync(path.join(bin, 'git'), 0o755);
    const pathBefore = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${pathBefore}`;
    const runs: Awaited<ReturnType<typeof plan>>[] = [];
    try {
      runs.push(await plan(d, 'diff', 'HEAD~1..HEAD'));
      // Against the working tree: the revision's side alone is read from git.
      runs.push(await plan(d, '--lang', 'en', 'diff', 'HEAD~1', '--json'));
    } finally {
      process.env.PATH = pathBefore;
    }
    const [vi, en] = runs as [Awaited<ReturnType<typeof plan>>, Awaited<ReturnType<typeof plan>>];
    expect([vi.code, vi.out, vi.err.trim()]).toEqual([1, '', `lỗi: không đọc được các tệp ở phiên bản HEAD~1 (git ${failing}): fatal: hỏng giả lập`]);
    expect([en.code, en.out, en.err.trim()]).toEqual([1, '', `error: could not read the files at revision HEAD~1 (git ${failing}): fatal: hỏng giả lập`]);
  });

  it('says a wrong path or a missing plans/ folder is missing, not that it waits for git add', async () => {
    const d = shippedCopy();
    git(d, 'init', '-q');
    git(d, 'add', 'plans');
    git(d, 'commit', '-q', '-m', 'one');
    git(d, 'commit', '-q', '--allow-empty', '-m', 'two');
    const typo = await plan(d, 'diff', 'HEAD~1', 'plans/khong-co.yaml');
    expect([typo.code, typo.out, typo.err.trim()]).toEqual([1, '', 'lỗi: không có plans/khong-co.yaml, cả trong thư mục làm việc lẫn ở HEAD~1; kiểm tra lại đường dẫn']);
    // Run inside plans/: there is no plans/ there, and git add would not help.
    const inside = await plan(path.join(d, 'plans'), '--lang', 'en', 'diff', 'HEAD~1..HEAD');
    expect([inside.code, inside.out]).toEqual([1, '']);
    expect(inside.err.trim()).toBe(
      `error: no plans/ folder here (${realpathSync(path.join(d, 'plans'))}) or at HEAD~1 or HEAD; run it in the folder that holds plans/, or give a path: plan diff HEAD~1 PATH`,
    );
    // A new plan not yet added is still told to git add.
    writeFileSync(path.join(d, 'plans', 'new.yaml'), readFileSync(path.join(d, 'plans', PLAN)));
    const untracked = await plan(d, 'diff', 'HEAD', 'plans/new.yaml');
    expect([untracked.code, untracked.err]).toEqual([1, expect.stringContaining('chưa git add')]);
  });

  it('refuses, naming git\'s error, when git ls-files fails on a plan not yet committed (not "not in git, git add it")', async () => {
    const d = shippedCopy();
    git(d, 'init', '-q');
    git(d, 'add', 'plans');
    git(d, 'commit', '-q', '-m', 'one');
    writeFileSync(path.join(d, 'plans', 'new.yaml'), readFileSync(path.join(d, 'plans', PLAN)));
    git(d, 'add', 'plans/new.yaml');
    const bin = tmp();
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(path.join(bin, 'git'), `#!/bin/sh\nif [ "$1" = ls-files ]; then echo 'fatal: index file corrupt' >&2; exit 128; fi\nexec '${real}' "$@"\n`);
    chmodSync(path.join(bin, 'git'), 0o755);
    const pathBefore = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${pathBefore}`;
    let vi: Awaited<ReturnType<typeof plan>>;
    let en: Awaited<ReturnType<typeof plan>>;
    try {
      vi = await plan(d, 'diff', 'HEAD', 'plans/new.yaml');
      en = await plan(d, '--lang', 'en', 'diff', 'HEAD', 'plans/new.yaml');
    } finally {
      process.env.PATH = pathBefore;
    }
    expect([vi.code, vi.out, vi.err.trim()]).toEqual([1, '', 'lỗi: không biết plans/new.yaml có trong git hay không (git ls-files): fatal: index file corrupt']);
    expect([en.code, en.out, en.err.trim()]).toEqual([1, '', 'error: could not tell whether plans/new.yaml is in git (git ls-files): fatal: index file corrupt']);
    // With git working the plan added to the index is in git: the diff shows it added.
    const works = await plan(d, '--lang', 'en', 'diff', 'HEAD', 'plans/new.yaml', '--json');
    expect([works.code, works.err]).toEqual([0, '']);
    expect((JSON.parse(works.out) as { changes: { kind: string }[] }).changes.map((c) => c.kind)).toEqual(['plan-added']);
  });

  it('reads a plan whose file name is Vietnamese at a revision (git quotes such names unless asked not to)', async () => {
    const d = shippedCopy();
    const named = path.join(d, 'plans', 'kế-hoạch-phổ-biến.yaml');
    writeFileSync(named, readFileSync(path.join(d, 'plans', PLAN)));
    rmSync(path.join(d, 'plans', PLAN));
    git(d, 'init', '-q');
    git(d, 'add', 'plans');
    git(d, 'commit', '-q', '-m', 'one');
    writeFileSync(named, readFileSync(named, 'utf8').replace('due: năm 2024', 'due: "30/06/2024"'));
    git(d, 'commit', '-q', '-am', 'two');
    for (const args of [
      ['diff', 'HEAD~1', '--json'],
      ['diff', 'HEAD~1..HEAD', '--json'],
      ['diff', 'HEAD~1', 'plans/kế-hoạch-phổ-biến.yaml', '--json'],
    ]) {
      const r = await plan(d, ...args);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect((JSON.parse(r.out) as { changes: unknown[] }).changes).toEqual([
        expect.objectContaining({ kind: 'deadline-changed', plan: 'plans/kế-hoạch-phổ-biến.yaml', id: '1.2', before: 'năm 2024', after: '30/06/2024' }),
      ]);
    }
  });

  it('explains an unknown revision, a path not in git, and works on two files outside git', async () => {
    const d = shippedCopy();
    git(d, 'init', '-q');
    git(d, 'add', 'plans');
    git(d, 'commit', '-q', '-m', 'one');
    const bad = await plan(d, '--lang', 'en', 'diff', 'no-such-rev');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('unknown revision "no-such-rev"');
    writeFileSync(path.join(d, 'plans', 'new.yaml'), readFileSync(path.join(d, 'plans', PLAN)));
    const untracked = await plan(d, '--lang', 'en', 'diff', 'HEAD', 'plans/new.yaml');
    expect(untracked.code).toBe(1);
    expect(untracked.err).toContain('not in git');
    // The path outside is named, and the repository it is outside of.
    const outsideRepo = await plan(path.join(d, 'plans'), '--lang', 'en', 'diff', 'HEAD', '..', '../..');
    expect([outsideRepo.code, outsideRepo.err.trim()]).toEqual([1, `error: ../.. is outside the git repository (${git(d, 'rev-parse', '--show-toplevel').trim()})`]);
    // A name that starts with two dots is no step out of the folder.
    writeFileSync(path.join(d, '..x.yaml'), readFileSync(path.join(d, 'plans', PLAN)));
    const dots = await plan(d, '--lang', 'en', 'diff', 'HEAD', '..x.yaml');
    expect([dots.code, dots.err]).toEqual([1, expect.stringContaining('error: ..x.yaml is not in git')]);

    const outside = tmp();
    const a = path.join(outside, 'a.yaml');
    const b = path.join(outside, 'b.yaml');
    const text = readFileSync(path.join(ROOT, 'plans', PLAN), 'utf8');
    writeFileSync(a, text);
    writeFileSync(b, text.replace(/\n {10}- id: "2\.3\.a"[\s\S]*?\n\n/, '\n'));
    const two = await plan(outside, '--lang', 'en', 'diff', 'a.yaml', 'b.yaml', '--json');
    expect(two.code).toBe(0);
    const kinds = (JSON.parse(two.out) as { changes: { kind: string; id?: string }[] }).changes.map((c) => [c.kind, c.id]);
    expect(kinds).toContainEqual(['task-removed', '2.3.a']);
    const noRepo = await plan(outside, '--lang', 'en', 'diff');
    expect(noRepo.code).toBe(1);
    expect(noRepo.err).toContain('not in a git repository');
    expect(noRepo.err).toContain('two folders: plan diff FOLDER_A FOLDER_B');
    // Outside git, arguments that are not revisions are judged as paths: a missing one, or a file against a folder.
    const missing = await plan(outside, '--lang', 'en', 'diff', 'a.yaml', 'nope.yaml');
    expect([missing.code, missing.err.trim()]).toEqual([1, 'error: there is no file or folder nope.yaml']);
    mkdirSync(path.join(outside, 'folder'));
    const mixed = await plan(outside, 'diff', 'a.yaml', 'folder');
    expect(mixed.code).toBe(2);
    expect(mixed.err).toContain('lỗi: a.yaml là tệp, folder là thư mục');
  });
  it('sees units, settings and calendar: between revisions (read at each one) and between two folders, in Vietnamese and English', async () => {
    const d = shippedCopy();
    git(d, 'init', '-q');
    git(d, 'add', 'plans');
    git(d, 'commit', '-q', '-m', 'one');
    const edit = (file: string, from: string, to: string) => {
      const text = readFileSync(path.join(d, 'plans', file), 'utf8');
      expect(text).toContain(from);
      writeFileSync(path.join(d, 'plans', file), text.replace(from, to));
    };
    edit('settings.yaml', 'strictBefore: false', 'strictBefore: true');
    edit('units.yaml', '  - name: "Phòng Tư pháp"\n', '  - name: "Phòng Tư pháp huyện"\n    aliases: ["Phòng Tư pháp"]\n');
    edit('calendar.yaml', '      - {date: 29/04/2024, name: "Nghỉ hoán đổi (làm bù thứ Bảy 04/05/2024)"}\n', '');
    git(d, 'commit', '-q', '-am', 'two');

    const r = await plan(d, 'diff', 'HEAD~1..HEAD', '--json');
    expect(r.err).toBe('');
    const { changes } = JSON.parse(r.out) as { changes: Record<string, unknown>[] };
    // The old name kept as an alias is part of the rename: one change.
    expect(changes.slice(0, 3).map((c) => [c.kind, c.plan])).toEqual([
      ['unit-renamed', 'plans/units.yaml'],
      ['setting-changed', 'plans/settings.yaml'],
      ['day-off-removed', 'plans/calendar.yaml'],
    ]);
    // Monday 29/04 is worked again, yet Saturday 04/05, worked to make up for it, is still in calendar.yaml.
    expect(changes[2]!.makeUpKept).toEqual([{ date: '04/05/2024', name: 'Làm bù cho ngày 29/04/2024' }]);
    // The deadlines whose last day strictBefore moves, with the dates show --json gives.
    const shown = JSON.parse((await plan(d, 'show', `plans/${PLAN}`, '--json')).out) as { plans: { duties: { id: string; due: { dates: { due: string; written?: string }[] } }[] }[] };
    const vi = (iso: string) => iso.split('-').reverse().join('/');
    const dates = (id: string) => shown.plans[0]!.duties.find((x) => x.id === id)!.due.dates[0]!;
    expect(dates('bao-cao-nam')).toEqual({ kind: 'due', due: '2024-11-14' });
    expect(changes.find((c) => c.kind === 'duty-changed' && c.id === 'bao-cao-nam')).toMatchObject({
      field: 'due',
      resolvedBefore: ['15/11/2024'],
      resolvedAfter: [vi(dates('bao-cao-nam').due)],
      datesAfter: [dates('bao-cao-nam')],
    });
    // "trước ngày 20/5" now reads Sunday 19/05, which still ends on Monday 20/05: nothing for the unit to do.
    expect(dates('bao-cao-6-thang')).toEqual({ kind: 'due', due: '2024-05-20', written: '2024-05-19', movedBecause: expect.any(String) });
    expect(changes.find((c) => c.id === 'bao-cao-6-thang')).toBeUndefined();
    // Nothing changed between the last commit and the working tree.
    expect(JSON.parse((await plan(d, 'diff', '--json')).out)).toEqual({ changes: [] });

    // The same comparison without git: two copies of the folder.
    git(d, 'worktree', 'add', '-q', 'old', 'HEAD~1');
    const text = await plan(d, 'diff', 'old/plans', 'plans');
    expect(text.code).toBe(0);
    expect(text.out).toContain('đổi tên đơn vị "Phòng Tư pháp" → "Phòng Tư pháp huyện"');
    expect(text.out).toContain('cách hiểu "trước ngày X" (true: hạn là X − 1): false → true');
    expect(text.out).toContain('bỏ ngày nghỉ 29/04/2024');
    expect(text.out).toContain('; ngày làm bù 04/05/2024 (Làm bù cho ngày 29/04/2024) vẫn còn trong calendar.yaml: bỏ cả ngày làm bù nếu không còn hoán đổi');
    // Folders given as ../x are folders, not a revision range.
    const upward = await plan(path.join(d, 'plans'), 'diff', '../old/plans', '../plans');
    expect(upward.code).toBe(0);
    expect(upward.out).toContain('đổi tên đơn vị "Phòng Tư pháp" → "Phòng Tư pháp huyện"');
    // Every file is headed by its name inside the two folders the title names.
    expect(text.out.split('\n').filter((line) => line.endsWith('.yaml'))).toEqual(['units.yaml', 'settings.yaml', 'calendar.yaml', PLAN]);
    expect(text.out).toContain('nghĩa vụ "bao-cao-nam": thời hạn "trước ngày 15/11" đổi ngày (cũ: 15/11/2024; mới: 14/11/2024)');
    // A copy of a plan in a folder without units.yaml is read with the other side's units: only the plan's changes show.
    const loose = tmp();
    writeFileSync(path.join(loose, PLAN), readFileSync(path.join(d, 'plans', PLAN)));
    const copy = JSON.parse((await plan(d, 'diff', path.join(loose, PLAN), `plans/${PLAN}`, '--json')).out) as { changes: unknown[] };
    expect(copy.changes).toEqual([]);
    const en = await plan(d, '--lang', 'en', 'diff', 'old/plans', 'plans', '--format', 'md');
    expect(en.out).toContain('unit renamed "Phòng Tư pháp" → "Phòng Tư pháp huyện"');
    expect(en.out).toContain('day off removed 29/04/2024');
    expect(en.out).toContain('the make-up working day 04/05/2024 (Làm bù cho ngày 29/04/2024) is still in calendar.yaml');
    expect(en.out).toContain('falls on other dates (was: 15/11/2024; now: 14/11/2024)');
  });
});

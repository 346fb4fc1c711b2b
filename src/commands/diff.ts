// `plan diff [REV[..REV]] [paths…]` and `plan diff FILE_A FILE_B`: what changed
// in the plans, semantically (src/core/diff.ts). Between git revisions the
// old text is read with `git show REV:path`; the default compares HEAD with
// the working tree. Two files need no git at all.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { decodeText } from '../core/decode.js';
import type { Lang } from '../core/diagnostic.js';
import { diffPlans, type PlanChange } from '../core/diff.js';
import { parsePlan, parseUnits } from '../core/load.js';
import type { Plan } from '../core/model.js';
import type { UnitRegistry } from '../core/units.js';
import { renderDiffMarkdown } from '../render/diff-markdown.js';
import { renderDiffTerminal } from '../render/diff-terminal.js';
import type { GlobalOptions } from './context.js';
import { fail, usage } from './context.js';
import { displayPath, SPECIAL_FILES, listPlanFiles } from './workspace.js';

interface DiffOptions {
  json?: boolean;
  format?: 'text' | 'md' | 'json';
  units?: string;
}

/** One side of the comparison: a git revision, or the files on disk. */
type Side = { kind: 'rev'; rev: string } | { kind: 'worktree' };

export function run(args: unknown[], opts: DiffOptions, g: GlobalOptions): number {
  const l = g.lang;
  const rest = ((args[0] as string[] | undefined) ?? []).map(String);
  const format = opts.json ? 'json' : (opts.format ?? 'text');

  let changes: PlanChange[];
  let title: string;
  let registry: UnitRegistry | undefined;
  if (rest.length === 2 && rest.every(isFile) && !looksLikeRevision(rest[0]!)) {
    registry = loadRegistry(opts.units, path.dirname(rest[1]!), l);
    const [a, b] = rest as [string, string];
    const before = readPlan(displayPath(path.resolve(a)), readText(a, l), l, a);
    const after = readPlan(displayPath(path.resolve(b)), readText(b, l), l, b);
    changes = diffPlans(displayPath(path.resolve(b)), before, after, registry ? { registry } : {});
    title = `${displayPath(path.resolve(a))} → ${displayPath(path.resolve(b))}`;
  } else {
    let range = 'HEAD';
    let paths = rest;
    if (rest.length > 0 && !existsSync(rest[0]!)) {
      range = rest[0]!;
      paths = rest.slice(1);
    }
    const [fromRev, toRev] = range.includes('..') ? (range.split('..', 2) as [string, string]) : [range, ''];
    const from = { kind: 'rev', rev: fromRev || 'HEAD' } as const;
    const to: Side = toRev ? { kind: 'rev', rev: toRev } : { kind: 'worktree' };
    const repo = gitRepo(l);
    for (const side of [from, to]) if (side.kind === 'rev') checkRevision(repo, side.rev, l);
    const inputs = paths.length > 0 ? paths : ['plans'];
    registry = loadRegistry(opts.units, inputs.find((p) => existsSync(p) && statSync(p).isDirectory()) ?? path.dirname(inputs[0]!), l);
    const files = new Set<string>();
    for (const side of [from, to]) for (const f of planFilesAt(repo, side, inputs, l)) files.add(f);
    for (const p of inputs) {
      const rel = repoRelative(repo, p);
      const inGit = gitHasPath(repo.root, from.rev, rel) || (to.kind === 'rev' ? gitHasPath(repo.root, to.rev, rel) : gitTracked(repo.root, rel));
      if (!inGit) {
        fail(l, {
          vi: `lỗi: ${p} không có trong git (không có ở ${from.rev}${to.kind === 'rev' ? `, ${to.rev}` : ''}, chưa git add); thêm vào git, hoặc so sánh hai tệp: plan diff TỆP_A TỆP_B`,
          en: `error: ${p} is not in git (not in ${from.rev}${to.kind === 'rev' ? ` or ${to.rev}` : ''}, not added); add it to git, or compare two files: plan diff FILE_A FILE_B`,
        });
      }
    }
    changes = [];
    for (const rel of [...files].sort()) {
      const before = readSide(repo, from, rel, l);
      const after = readSide(repo, to, rel, l);
      changes.push(...diffPlans(rel, before, after, registry ? { registry } : {}));
    }
    title = `${from.kind === 'rev' ? from.rev : ''} → ${to.kind === 'rev' ? to.rev : l === 'vi' ? 'thư mục làm việc' : 'working tree'}`;
  }

  if (format === 'json') g.io.stdout.write(`${JSON.stringify({ changes }, null, 2)}\n`);
  else if (format === 'md') g.io.stdout.write(renderDiffMarkdown(changes, l, title));
  else g.io.stdout.write(renderDiffTerminal(changes, l, title));
  return 0;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function looksLikeRevision(s: string): boolean {
  return s.includes('..') || /^(HEAD|[0-9a-f]{7,40})([~^]\d*)*$/.test(s);
}

function readText(file: string, l: Lang): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    fail(l, { vi: `lỗi: không đọc được ${file}`, en: `error: cannot read ${file}` });
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) fail(l, { vi: `lỗi: ${file}: ${decoded.message.vi}`, en: `error: ${file}: ${decoded.message.en}` });
  return decoded.text;
}

function readPlan(file: string, text: string, l: Lang, where: string): Plan {
  const parsed = parsePlan(file, text);
  if (!parsed.value || parsed.diagnostics.some((d) => d.severity === 'error')) {
    fail(l, { vi: `lỗi: ${where} không đọc được như một kế hoạch (chạy plan check để xem lỗi)`, en: `error: ${where} does not read as a plan (run plan check to see why)` });
  }
  return parsed.value;
}

function loadRegistry(explicit: string | undefined, dir: string, l: Lang): UnitRegistry | undefined {
  const candidates = explicit ? [explicit] : [path.join(dir, 'units.yaml'), path.join(dir, 'units.yml'), path.join('plans', 'units.yaml')];
  const found = candidates.find((c) => existsSync(c));
  if (!found) {
    if (explicit) fail(l, { vi: `lỗi: không tìm thấy ${explicit}`, en: `error: ${explicit} not found` });
    return undefined;
  }
  // Without a readable units file units still compare by their written names.
  return parseUnits(found, readText(found, l)).value;
}

// ---- git ------------------------------------------------------------------

interface Repo {
  root: string;
}

function git(repo: string, args: string[]): string {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

function gitRepo(l: Lang): Repo {
  try {
    return { root: git('.', ['rev-parse', '--show-toplevel']).trim() };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') fail(l, { vi: 'lỗi: không tìm thấy lệnh git; cài git, hoặc so sánh hai tệp: plan diff TỆP_A TỆP_B', en: 'error: git is not installed; install it, or compare two files: plan diff FILE_A FILE_B' });
    fail(l, { vi: 'lỗi: thư mục này không nằm trong kho git; để so sánh hai tệp: plan diff TỆP_A TỆP_B', en: 'error: this folder is not in a git repository; to compare two files: plan diff FILE_A FILE_B' });
  }
}

function checkRevision(repo: Repo, rev: string, l: Lang): void {
  try {
    git(repo.root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  } catch {
    usage(l, { vi: `lỗi: không có phiên bản "${rev}" trong git (xem: git log --oneline)`, en: `error: unknown revision "${rev}" (see: git log --oneline)` });
  }
}

function repoRelative(repo: Repo, p: string): string {
  return path.relative(realpath(repo.root), realpath(path.resolve(p))).split(path.sep).join('/');
}

function realpath(p: string): string {
  // A path that no longer exists (deleted since the revision) keeps its folder's real path.
  try {
    return realpathSync(p);
  } catch {
    const parent = path.dirname(p);
    return parent === p ? p : path.join(realpath(parent), path.basename(p));
  }
}

function gitHasPath(root: string, rev: string, rel: string): boolean {
  try {
    return git(root, ['ls-tree', '-r', '--name-only', rev, '--', rel || '.']).trim().length > 0;
  } catch {
    return false;
  }
}

function gitTracked(root: string, rel: string): boolean {
  try {
    git(root, ['ls-files', '--error-unmatch', '--', rel || '.']);
    return true;
  } catch {
    return false;
  }
}

function isPlanPath(rel: string): boolean {
  const base = rel.split('/').pop()!;
  return /\.ya?ml$/i.test(base) && !SPECIAL_FILES.has(base.toLowerCase()) && !rel.split('/').some((seg) => seg.startsWith('.'));
}

/** Repo-relative plan files under the inputs, at a revision or on disk. */
function planFilesAt(repo: Repo, side: Side, inputs: string[], l: Lang): string[] {
  if (side.kind === 'worktree') {
    const existing = inputs.filter((p) => existsSync(p));
    return listPlanFiles(existing).files.map((f) => repoRelative(repo, f));
  }
  const rels = inputs.map((p) => repoRelative(repo, p));
  if (rels.some((r) => r.startsWith('..'))) fail(l, { vi: 'lỗi: đường dẫn nằm ngoài kho git', en: 'error: the path is outside the git repository' });
  let listed: string;
  try {
    listed = git(repo.root, ['ls-tree', '-r', '--name-only', side.rev, '--', ...rels.map((r) => r || '.')]);
  } catch {
    return [];
  }
  return listed.split('\n').filter((f) => f && isPlanPath(f));
}

function readSide(repo: Repo, side: Side, rel: string, l: Lang): Plan | undefined {
  let text: string;
  const where = side.kind === 'rev' ? `${side.rev}:${rel}` : rel;
  if (side.kind === 'rev') {
    if (!gitHasPath(repo.root, side.rev, rel)) return undefined;
    let bytes: Buffer;
    try {
      bytes = execFileSync('git', ['show', `${side.rev}:${rel}`], { cwd: repo.root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    } catch {
      return undefined;
    }
    const decoded = decodeText(bytes);
    if (!decoded.ok) fail(l, { vi: `lỗi: ${where}: ${decoded.message.vi}`, en: `error: ${where}: ${decoded.message.en}` });
    text = decoded.text;
  } else {
    const abs = path.join(repo.root, rel);
    if (!existsSync(abs)) return undefined;
    text = readText(abs, l);
  }
  return readPlan(rel, text, l, where);
}

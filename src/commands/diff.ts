// `plan diff [REV[..REV]] [paths…]` and `plan diff FILE_A FILE_B`: what changed
// in the plans, semantically (src/core/diff.ts). Between git revisions the
// old text is read with `git show REV:path`; the default compares HEAD with
// the working tree. Two files need no git at all.
import path from 'node:path';
import type { Lang } from '../core/diagnostic.js';
import { diffPlans, type PlanChange } from '../core/diff.js';
import type { ScheduleOptions } from '../core/schedule.js';
import { assembleWorkspace, type FileInput, type WorkspaceFiles } from '../core/workspace.js';
import type { Plan } from '../core/model.js';
import type { UnitRegistry } from '../core/units.js';
import { renderDiffMarkdown } from '../render/diff-markdown.js';
import { renderDiffTerminal } from '../render/diff-terminal.js';
import type { GlobalOptions } from './context.js';
import { fail, today, usage } from './context.js';
import { gitFileBytes, gitFilesAt, gitHasRevision, gitTopLevel, gitTracks } from '../io/git.js';
import { displayPath, listPlanFiles, pathKind, readDataFiles, readInput, realPathOf, SPECIAL_FILES } from '../io/files.js';

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
  if (rest.length === 2 && rest.every(isFile) && !looksLikeRevision(rest[0]!)) {
    const [a, b] = rest as [string, string];
    const data = dataFiles([path.dirname(b)], opts.units, l);
    const before = readPlan(data, readInput(path.resolve(a)), a, g);
    const after = readPlan(data, readInput(path.resolve(b)), b, g);
    changes = diffSides(displayPath(path.resolve(b)), before, after);
    title = `${displayPath(path.resolve(a))} → ${displayPath(path.resolve(b))}`;
  } else {
    let range = 'HEAD';
    let paths = rest;
    if (rest.length > 0 && pathKind(rest[0]!) === undefined) {
      range = rest[0]!;
      paths = rest.slice(1);
    }
    const [fromRev, toRev] = range.includes('..') ? (range.split('..', 2) as [string, string]) : [range, ''];
    const from = { kind: 'rev', rev: fromRev || 'HEAD' } as const;
    const to: Side = toRev ? { kind: 'rev', rev: toRev } : { kind: 'worktree' };
    const repo = gitRepo(l);
    for (const side of [from, to]) if (side.kind === 'rev') checkRevision(repo, side.rev, l);
    const inputs = paths.length > 0 ? paths : ['plans'];
    const data = dataFiles([inputs.find((p) => pathKind(p) === 'folder') ?? path.dirname(inputs[0]!)], opts.units, l);
    const files = new Set<string>();
    for (const side of [from, to]) for (const f of planFilesAt(repo, side, inputs, l)) files.add(f);
    for (const p of inputs) {
      const rel = repoRelative(repo, p);
      const inGit = gitFilesAt(repo.root, from.rev, [rel]).length > 0 || (to.kind === 'rev' ? gitFilesAt(repo.root, to.rev, [rel]).length > 0 : gitTracks(repo.root, rel));
      if (!inGit) {
        fail(l, {
          vi: `lỗi: ${p} không có trong git (không có ở ${from.rev}${to.kind === 'rev' ? `, ${to.rev}` : ''}, chưa git add); thêm vào git, hoặc so sánh hai tệp: plan diff TỆP_A TỆP_B`,
          en: `error: ${p} is not in git (not in ${from.rev}${to.kind === 'rev' ? ` or ${to.rev}` : ''}, not added); add it to git, or compare two files: plan diff FILE_A FILE_B`,
        });
      }
    }
    changes = [];
    for (const rel of [...files].sort()) {
      const before = readSide(repo, from, rel, data, g);
      const after = readSide(repo, to, rel, data, g);
      if (before || after) changes.push(...diffSides(rel, before, after));
    }
    title = `${from.kind === 'rev' ? from.rev : ''} → ${to.kind === 'rev' ? to.rev : l === 'vi' ? 'thư mục làm việc' : 'working tree'}`;
  }

  if (format === 'json') g.io.stdout.write(`${JSON.stringify({ changes }, null, 2)}\n`);
  else if (format === 'md') g.io.stdout.write(renderDiffMarkdown(changes, l, title));
  else g.io.stdout.write(renderDiffTerminal(changes, l, title));
  return 0;
}

function isFile(p: string): boolean {
  return pathKind(p) === 'file';
}

function looksLikeRevision(s: string): boolean {
  return s.includes('..') || /^(HEAD|[0-9a-f]{7,40})([~^]\d*)*$/.test(s);
}

/** One side of a plan as the one loader reads it, with the units, calendar and settings beside the plans. */
function readPlan(data: Omit<WorkspaceFiles, 'plans'>, input: FileInput, where: string, g: GlobalOptions): Side2 {
  const ws = assembleWorkspace({ ...data, plans: [input] }, { today: today(g) });
  const plan = ws.plans[0];
  if (!plan) {
    const why = ws.diagnostics.find((d) => d.file === input.file && d.severity === 'error');
    const reason = why ? `: ${why.message[g.lang]}` : '';
    fail(g.lang, { vi: `lỗi: ${where} không đọc được như một kế hoạch${reason} (chạy plan check để xem lỗi)`, en: `error: ${where} does not read as a plan${reason} (run plan check to see why)` });
  }
  return { plan, registry: ws.registry, rules: { calendar: ws.calendar, strictBefore: ws.settings.strictBefore } };
}

interface Side2 {
  plan: Plan;
  registry: UnitRegistry;
  rules: ScheduleOptions;
}

/** The changes of one plan file between two sides (either may be absent). */
function diffSides(file: string, before: Side2 | undefined, after: Side2 | undefined): PlanChange[] {
  const rules = (after ?? before)!.rules;
  return diffPlans(file, before?.plan, after?.plan, { registry: (after ?? before)!.registry, rulesBefore: before?.rules ?? rules, rulesAfter: after?.rules ?? rules });
}

// ---- git ------------------------------------------------------------------

interface Repo {
  root: string;
}

function gitRepo(l: Lang): Repo {
  const top = gitTopLevel('.');
  if ('root' in top) return top;
  if (top.problem === 'no-git') fail(l, { vi: 'lỗi: không tìm thấy lệnh git; cài git, hoặc so sánh hai tệp: plan diff TỆP_A TỆP_B', en: 'error: git is not installed; install it, or compare two files: plan diff FILE_A FILE_B' });
  fail(l, { vi: 'lỗi: thư mục này không nằm trong kho git; để so sánh hai tệp: plan diff TỆP_A TỆP_B', en: 'error: this folder is not in a git repository; to compare two files: plan diff FILE_A FILE_B' });
}

function checkRevision(repo: Repo, rev: string, l: Lang): void {
  if (!gitHasRevision(repo.root, rev)) usage(l, { vi: `lỗi: không có phiên bản "${rev}" trong git (xem: git log --oneline)`, en: `error: unknown revision "${rev}" (see: git log --oneline)` });
}

function repoRelative(repo: Repo, p: string): string {
  return path.relative(realPathOf(repo.root), realPathOf(path.resolve(p))).split(path.sep).join('/');
}

function isPlanPath(rel: string): boolean {
  const base = rel.split('/').pop()!;
  return /\.ya?ml$/i.test(base) && !SPECIAL_FILES.has(base.toLowerCase()) && !rel.split('/').some((seg) => seg.startsWith('.'));
}

/** Repo-relative plan files under the inputs, at a revision or on disk. */
function planFilesAt(repo: Repo, side: Side, inputs: string[], l: Lang): string[] {
  if (side.kind === 'worktree') {
    const existing = inputs.filter((p) => pathKind(p) !== undefined);
    return listPlanFiles(existing).files.map((f) => repoRelative(repo, f));
  }
  const rels = inputs.map((p) => repoRelative(repo, p));
  if (rels.some((r) => r.startsWith('..'))) fail(l, { vi: 'lỗi: đường dẫn nằm ngoài kho git', en: 'error: the path is outside the git repository' });
  return gitFilesAt(repo.root, side.rev, rels).filter(isPlanPath);
}

function readSide(repo: Repo, side: Side, rel: string, data: Omit<WorkspaceFiles, 'plans'>, g: GlobalOptions): Side2 | undefined {
  if (side.kind === 'worktree') {
    const abs = path.join(repo.root, rel);
    if (pathKind(abs) === undefined) return undefined;
    return readPlan(data, { ...readInput(abs), file: rel }, rel, g);
  }
  const bytes = gitFileBytes(repo.root, side.rev, rel);
  if (!bytes) return undefined;
  return readPlan(data, { file: rel, bytes }, `${side.rev}:${rel}`, g);
}

/** The units, calendar and settings for these folders; a --units that is not there is a mistake. */
function dataFiles(dirs: string[], units: string | undefined, l: Lang): Omit<WorkspaceFiles, 'plans'> {
  const data = readDataFiles(dirs, units);
  if (units && !data.units) fail(l, { vi: `lỗi: không tìm thấy ${units}`, en: `error: ${units} not found` });
  return data;
}

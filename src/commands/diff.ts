// `plan diff [REV[..REV]] [paths…]`, `plan diff FILE_A FILE_B` and
// `plan diff FOLDER_A FOLDER_B`: what changed, semantically (src/core/diff.ts):
// in the plans, and in the units, settings and calendar beside them (with the
// deadlines they move). Between git revisions the old files are read with
// one `git cat-file --batch`; the default compares HEAD with the working tree. Two
// files or two folders need no git at all.
import path from 'node:path';
import type { Lang } from '../core/diagnostic.js';
import { diffPlans, diffWorkspaceData, type PlanChange, type WorkspaceData } from '../core/diff.js';
import type { Plan } from '../core/model.js';
import type { ScheduleOptions } from '../core/schedule.js';
import { assembleWorkspace, type FileInput, type WorkspaceFiles } from '../core/workspace.js';
import type { GlobalOptions } from './context.js';
import { fail, today, usage } from './context.js';
import { periodNames } from './wording.js';
import { chooseOutput, type OutputOptions, printView } from './output.js';
import { gitFilesAt, gitFilesBytes, gitHasRevision, gitTopLevel, gitTracks } from '../io/git.js';
import { displayPath, isInside, listPlanFiles, pathKind, readDataFiles, readInput, realPathOf, SPECIAL_FILES } from '../io/files.js';

interface DiffOptions extends OutputOptions {
  units?: string;
}

/** One side of the comparison: a git revision, or the files on disk. */
type Side = { kind: 'rev'; rev: string } | { kind: 'worktree' };

type DataFiles = Omit<WorkspaceFiles, 'plans'>;

/** What one side holds: its data files and its plan files, each under the name both sides share. */
interface SideFiles {
  data: DataFiles;
  plans: FileInput[];
  /** How a plan file of this side is named in a message ("HEAD:plans/a.yaml"). */
  where: (file: string) => string;
}

/** One side read by the one loader. */
interface LoadedSide {
  plans: Map<string, Plan>;
  data: WorkspaceData;
  rules: ScheduleOptions;
}

export async function run(args: unknown[], opts: DiffOptions, g: GlobalOptions): Promise<number> {
  const l = g.lang;
  const rest = ((args[0] as string[] | undefined) ?? []).map(String);
  const format = chooseOutput('diff', opts, l);

  let sides: [SideFiles, SideFiles];
  let title: string;
  const two = rest.length === 2 && !looksLikeRevision(rest[0]!) ? (rest as [string, string]) : undefined;
  if (two?.every((p) => pathKind(p) === 'file')) {
    // Each file with the units, calendar and settings beside it (the same ones when both sit in one folder).
    const [a, b] = [path.resolve(two[0]), path.resolve(two[1])];
    const name = displayPath(b);
    const fileSide = (f: string): SideFiles => ({ data: dataFiles([path.dirname(f)], opts.units, l), plans: [{ ...readInput(f), file: name }], where: () => displayPath(f) });
    sides = [fileSide(a), fileSide(b)];
    // A file alone in a folder without units.yaml (a copy in /tmp) is read with the other one's units, calendar and settings.
    if (!sides[0].data.units) sides[0].data = sides[1].data;
    if (!sides[1].data.units) sides[1].data = sides[0].data;
    title = `${displayPath(a)} → ${displayPath(b)}`;
  } else if (two?.every((p) => pathKind(p) === 'folder')) {
    // Two copies of a workspace: plans paired by their path inside each folder.
    const folderSide = (dir: string): SideFiles => {
      const root = path.resolve(dir);
      const inFolder = (f: string) => path.relative(root, path.resolve(f)).split(path.sep).join('/');
      const plans = listPlanFiles([root]).files.map((f) => ({ ...readInput(f), file: inFolder(f) }));
      // Every file named inside its folder, as the title names the folders: "settings.yaml" beside "kh.yaml".
      const data = dataFiles([root], opts.units, l);
      const named = <F extends { file: string }>(input: F | undefined) => (input ? { ...input, file: inFolder(input.file) } : undefined);
      const [units, calendar, settings] = [named(data.units), named(data.calendar), named(data.settings)];
      return {
        data: { ...data, unitsFile: inFolder(data.unitsFile), ...(units ? { units } : {}), ...(calendar ? { calendar } : {}), ...(settings ? { settings } : {}) },
        plans,
        where: (file) => displayPath(path.join(root, file)),
      };
    };
    sides = [folderSide(two[0]), folderSide(two[1])];
    title = `${displayPath(path.resolve(two[0]))} → ${displayPath(path.resolve(two[1]))}`;
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
    const repo = gitRepo(l, rest);
    for (const side of [from, to]) if (side.kind === 'rev') checkRevision(repo, side.rev, l);
    const inputs = paths.length > 0 ? paths : ['plans'];
    const data = dataFiles([inputs.find((p) => pathKind(p) === 'folder') ?? path.dirname(inputs[0]!)], opts.units, l);
    const outside = inputs.find((p) => !isInside(realPathOf(path.resolve(p)), realPathOf(repo.root)));
    if (outside !== undefined) fail(l, { vi: `lỗi: ${outside} nằm ngoài kho git (${repo.root})`, en: `error: ${outside} is outside the git repository (${repo.root})` });
    const rels = inputs.map((p) => repoRelative(repo, p));
    // One listing a revision answers both "is this input in git" and "which plans are there".
    const fromFiles = filesAt(repo, from.rev, rels, l);
    const toFiles = to.kind === 'rev' ? filesAt(repo, to.rev, rels, l) : undefined;
    for (const [i, p] of inputs.entries()) {
      const rel = rels[i]!;
      const inGit = holds(fromFiles, rel) || (toFiles ? holds(toFiles, rel) : tracked(repo, p, rel, l));
      if (inGit) continue;
      const at = to.kind === 'rev' ? { vi: `${from.rev} hay ${to.rev}`, en: `${from.rev} or ${to.rev}` } : { vi: from.rev, en: from.rev };
      // Neither here nor in a revision: a wrong path or folder, not a file waiting for `git add`.
      fail(
        l,
        pathKind(p) !== undefined
          ? {
              vi: `lỗi: ${p} không có trong git (không có ở ${from.rev}${to.kind === 'rev' ? `, ${to.rev}` : ''}, chưa git add); thêm vào git, hoặc so sánh hai tệp (plan diff TỆP_A TỆP_B) hay hai thư mục (plan diff THƯ_MỤC_A THƯ_MỤC_B)`,
              en: `error: ${p} is not in git (not in ${at.en}, not added); add it to git, or compare two files (plan diff FILE_A FILE_B) or two folders (plan diff FOLDER_A FOLDER_B)`,
            }
          : paths.length > 0
            ? { vi: `lỗi: không có ${p}, cả trong thư mục làm việc lẫn ở ${at.vi}; kiểm tra lại đường dẫn`, en: `error: there is no ${p}, neither in the working tree nor at ${at.en}; check the path` }
            : {
                vi: `lỗi: không thấy thư mục plans/ ở đây (${path.resolve('.')}) hay ở ${at.vi}; chạy lệnh trong thư mục chứa plans/, hoặc ghi đường dẫn: plan diff ${from.rev} ĐƯỜNG_DẪN`,
                en: `error: no plans/ folder here (${path.resolve('.')}) or at ${at.en}; run it in the folder that holds plans/, or give a path: plan diff ${from.rev} PATH`,
              },
      );
    }
    sides = [gitSideFiles(repo, from, planFiles(repo, inputs, fromFiles), data, l), gitSideFiles(repo, to, planFiles(repo, inputs, toFiles), data, l)];
    title = `${from.rev} → ${to.kind === 'rev' ? to.rev : l === 'vi' ? 'thư mục làm việc' : 'working tree'}`;
  }

  const before = loadSide(sides[0], g);
  const after = loadSide(sides[1], g);
  const changes: PlanChange[] = diffWorkspaceData(before.data, after.data);
  for (const file of [...new Set([...before.plans.keys(), ...after.plans.keys()])].sort()) {
    // Unit names compare through the newer list, so a renamed unit is one change, not one per task.
    changes.push(...diffPlans(file, before.plans.get(file), after.plans.get(file), { registry: after.data.registry, rulesBefore: before.rules, rulesAfter: after.rules }));
  }

  await printView('diff', { changes, title, periodName: periodNames(g) }, format, g);
  return 0;
}

function looksLikeRevision(s: string): boolean {
  // A path that exists is a path, even with ".." in it (plan diff ../a ../b).
  if (pathKind(s) !== undefined) return false;
  return s.includes('..') || /^(HEAD|[0-9a-f]{7,40})([~^]\d*)*$/.test(s);
}

/** One side through the one loader: every plan file must read as a plan. */
function loadSide(side: SideFiles, g: GlobalOptions): LoadedSide {
  const ws = assembleWorkspace({ ...side.data, plans: side.plans }, { today: today(g) });
  const plans = new Map(ws.plans.map((p) => [p.file, p]));
  for (const input of side.plans) {
    if (plans.has(input.file)) continue;
    const why = ws.diagnostics.find((d) => d.file === input.file && d.severity === 'error');
    const reason = why ? `: ${why.message[g.lang]}` : '';
    const where = side.where(input.file);
    fail(g.lang, { vi: `lỗi: ${where} không đọc được như một kế hoạch${reason} (chạy plan check để xem lỗi)`, en: `error: ${where} does not read as a plan${reason} (run plan check to see why)` });
  }
  return {
    plans,
    rules: { calendar: ws.calendar, strictBefore: ws.settings.strictBefore },
    data: {
      registry: ws.registry,
      calendar: ws.calendar,
      settings: ws.settings,
      unitsFile: side.data.units?.file ?? side.data.unitsFile,
      calendarFile: side.data.calendar?.file ?? dataFileName(side.data, 'calendar.yaml'),
      settingsFile: side.data.settings?.file ?? dataFileName(side.data, 'settings.yaml'),
      plans: ws.plans.map((plan) => ({ file: plan.file, plan })),
    },
  };
}

/** Where a data file that is absent would sit: beside the units file. */
function dataFileName(data: DataFiles, name: string): string {
  const unitsName = data.units?.file ?? data.unitsFile;
  return unitsName.includes('/') ? `${unitsName.slice(0, unitsName.lastIndexOf('/'))}/${name}` : name;
}

// ---- git ------------------------------------------------------------------

interface Repo {
  root: string;
}

/** The repository of the working folder; outside one, says what was wrong with the arguments that needed no git. */
function gitRepo(l: Lang, args: readonly string[]): Repo {
  const top = gitTopLevel('.');
  if ('root' in top) return top;
  const missing = args.find((p) => !looksLikeRevision(p) && pathKind(p) === undefined);
  if (missing) fail(l, { vi: `lỗi: không có tệp hay thư mục ${missing}`, en: `error: there is no file or folder ${missing}` });
  const kinds = args.map((p) => pathKind(p));
  if (args.length === 2 && kinds.includes('file') && kinds.includes('folder'))
    usage(l, {
      vi: `lỗi: ${args[0]} là ${kinds[0] === 'file' ? 'tệp' : 'thư mục'}, ${args[1]} là ${kinds[1] === 'file' ? 'tệp' : 'thư mục'}: so sánh hai tệp (plan diff TỆP_A TỆP_B) hoặc hai thư mục (plan diff THƯ_MỤC_A THƯ_MỤC_B)`,
      en: `error: ${args[0]} is a ${kinds[0] === 'file' ? 'file' : 'folder'} and ${args[1]} a ${kinds[1] === 'file' ? 'file' : 'folder'}: compare two files (plan diff FILE_A FILE_B) or two folders (plan diff FOLDER_A FOLDER_B)`,
    });
  if (top.problem === 'no-git')
    fail(l, {
      vi: 'lỗi: không tìm thấy lệnh git; cài git, hoặc so sánh hai tệp (plan diff TỆP_A TỆP_B) hay hai thư mục (plan diff THƯ_MỤC_A THƯ_MỤC_B)',
      en: 'error: git is not installed; install it, or compare two files (plan diff FILE_A FILE_B) or two folders (plan diff FOLDER_A FOLDER_B)',
    });
  fail(l, {
    vi: 'lỗi: thư mục này không nằm trong kho git; để so sánh hai tệp: plan diff TỆP_A TỆP_B, hai thư mục: plan diff THƯ_MỤC_A THƯ_MỤC_B',
    en: 'error: this folder is not in a git repository; to compare two files: plan diff FILE_A FILE_B, two folders: plan diff FOLDER_A FOLDER_B',
  });
}

function checkRevision(repo: Repo, rev: string, l: Lang): void {
  if (!gitHasRevision(repo.root, rev)) usage(l, { vi: `lỗi: không có phiên bản "${rev}" trong git (xem: git log --oneline)`, en: `error: unknown revision "${rev}" (see: git log --oneline)` });
}

function repoRelative(repo: Repo, p: string): string {
  return path
    .relative(realPathOf(repo.root), realPathOf(path.resolve(p)))
    .split(path.sep)
    .join('/');
}

function isPlanPath(rel: string): boolean {
  const base = rel.split('/').pop()!;
  return /\.ya?ml$/i.test(base) && !SPECIAL_FILES.has(base.toLowerCase()) && !rel.split('/').some((seg) => seg.startsWith('.'));
}

/** Repo-relative plan files under the inputs: from a revision's listing, or on disk (no listing). */
function planFiles(repo: Repo, inputs: string[], listing: string[] | undefined): string[] {
  if (listing) return listing.filter(isPlanPath);
  const existing = inputs.filter((p) => pathKind(p) !== undefined);
  return listPlanFiles(existing).files.map((f) => repoRelative(repo, f));
}

/** Whether a revision's listing has the path: the file, or a file under the folder ("" is the whole tree). */
function holds(listing: readonly string[], rel: string): boolean {
  return rel === '' ? listing.length > 0 : listing.some((f) => f === rel || f.startsWith(`${rel}/`));
}

/** A revision's files under rels; git's failure stops the command (an unread revision is not an empty one). */
function filesAt(repo: Repo, rev: string, rels: readonly string[], l: Lang): string[] {
  const r = gitFilesAt(repo.root, rev, rels);
  if ('error' in r) unreadRevision(rev, 'git ls-tree', r.error, l);
  return r.files;
}

/** Whether the index has the input; git's failure stops the command (it is not "untracked"). */
function tracked(repo: Repo, input: string, rel: string, l: Lang): boolean {
  const r = gitTracks(repo.root, rel);
  if ('error' in r) fail(l, { vi: `lỗi: không biết ${input} có trong git hay không (git ls-files): ${r.error}`, en: `error: could not tell whether ${input} is in git (git ls-files): ${r.error}` });
  return r.tracked;
}

function unreadRevision(rev: string, command: string, error: string, l: Lang): never {
  return fail(l, { vi: `lỗi: không đọc được các tệp ở phiên bản ${rev} (${command}): ${error}`, en: `error: could not read the files at revision ${rev} (${command}): ${error}` });
}

/**
 * A side of a git comparison: its plan files (repository-relative) and the data
 * files in the folder the working tree's units file is in, all named
 * repository-relative, read from the revision or from disk.
 */
function gitSideFiles(repo: Repo, side: Side, planRels: string[], disk: DataFiles, l: Lang): SideFiles {
  const dataDir = repoRelative(repo, disk.dataDir);
  const inDataDir = (name: string) => (dataDir ? `${dataDir}/${name}` : name);
  const unitsRel = disk.units ? repoRelative(repo, path.resolve(disk.units.file)) : undefined;
  const dataRels = (name: string) => ['yaml', 'yml'].map((ext) => inDataDir(`${name}.${ext}`));
  // A revision's files, the plans and the data files that may be there, come from one git process.
  const batch =
    side.kind === 'rev' ? gitFilesBytes(repo.root, side.rev, [...planRels, ...(unitsRel !== undefined ? [unitsRel] : []), ...['units', 'calendar', 'settings'].flatMap(dataRels)]) : undefined;
  // An unread revision is not an empty one: "no changes" or "every plan added" would be a wrong answer.
  if (batch && 'error' in batch && side.kind === 'rev') unreadRevision(side.rev, 'git cat-file', batch.error, l);
  const atRev = batch && 'files' in batch ? batch.files : undefined;
  const read = (rel: string): FileInput | undefined => {
    if (!atRev) {
      const abs = path.join(repo.root, rel);
      return pathKind(abs) === 'file' ? { ...readInput(abs), file: rel } : undefined;
    }
    const bytes = atRev.get(rel);
    return bytes ? { file: rel, bytes } : undefined;
  };
  const plans = planRels.flatMap((rel) => read(rel) ?? []);
  const firstOf = (name: string) =>
    dataRels(name)
      .map(read)
      .find((f) => f !== undefined);
  const units = unitsRel !== undefined ? read(unitsRel) : firstOf('units');
  const calendar = firstOf('calendar');
  const settings = firstOf('settings');
  const data: DataFiles = {
    ...(units ? { units } : {}),
    unitsFile: units?.file ?? inDataDir('units.yaml'),
    dataDir: disk.dataDir,
    ...(calendar ? { calendar } : {}),
    ...(settings ? { settings } : {}),
    problems: [],
  };
  return { data, plans, where: (file) => (side.kind === 'rev' ? `${side.rev}:${file}` : file) };
}

/** The units, calendar and settings for these folders; a --units that is not there is a mistake. */
function dataFiles(dirs: string[], units: string | undefined, l: Lang): DataFiles {
  const data = readDataFiles(dirs, units);
  if (units && !data.units) fail(l, { vi: `lỗi: không tìm thấy ${units}`, en: `error: ${units} not found` });
  return data;
}

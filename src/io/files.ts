// The I/O layer of loading: finds the plan files, the units file and the data
// files beside it, and reads their bytes (refusing huge ones before reading).
// What the bytes mean is src/core/workspace.ts's business.
import { type Dirent, existsSync, mkdirSync, readdirSync, realpathSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { contentDigest } from '../core/cache.js';
import type { FileInput, HashedInput, WorkspaceFiles } from '../core/workspace.js';
import type { DigestMemo } from './digests.js';
import { type Allocate, fileProblem, readFileLimited, symlinkOutside } from './read-file.js';

/** Files beside the plans that are not plans. */
export const SPECIAL_FILES = new Set(['units.yaml', 'units.yml', 'calendar.yaml', 'calendar.yml', 'settings.yaml', 'settings.yml']);

/** A path as the user sees it: relative to the working folder when inside it. */
export function displayPath(p: string): string {
  const cwd = process.cwd();
  // A plain absolute path inside the working folder (each of a thousand plan files, every run): the rest of it, as path.relative gives it.
  if (
    p.length > cwd.length + 1 &&
    p.startsWith(cwd) &&
    p[cwd.length] === path.sep &&
    cwd !== path.sep &&
    !p.includes(`${path.sep}.`) &&
    !p.includes(`${path.sep}${path.sep}`) &&
    !p.endsWith(path.sep)
  ) {
    return p.slice(cwd.length + 1);
  }
  const rel = path.relative(cwd, p);
  return rel && staysInside(rel) ? rel : p;
}

/**
 * `mkdir -p`, one level at a time from the deepest folder that exists: Node's
 * recursive mkdirSync never returns under /proc (a missing parent answers ENOENT
 * where it expects EEXIST), and a stuck synchronous call cannot even be stopped by Ctrl-C.
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  let d = path.resolve(dir);
  for (; !existsSync(d) && path.dirname(d) !== d; d = path.dirname(d)) missing.push(d);
  // A file where a folder should be fails as mkdirSync would (EEXIST, or ENOTDIR below it).
  if (missing.length === 0 && !statSync(d).isDirectory()) mkdirSync(d);
  for (const m of missing.reverse()) mkdirSync(m);
}

/** What is at a path, links followed: a file, a folder, something else, or nothing (undefined). */
export function pathKind(p: string): 'file' | 'folder' | 'other' | undefined {
  try {
    const st = statSync(p);
    return st.isFile() ? 'file' : st.isDirectory() ? 'folder' : 'other';
  } catch {
    return undefined;
  }
}

/** The path with every link resolved; a path that does not exist keeps its nearest existing folder's real path. */
export function realPathOf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    const parent = path.dirname(p);
    return parent === p ? p : path.join(realPathOf(parent), path.basename(p));
  }
}

/** A small UTF-8 text file (a template, a manifest), or the located reason it cannot be read. */
export function readTextFile(file: string): { ok: true; text: string } | { ok: false; diagnostic: Diagnostic } {
  const read = readFileLimited(file, displayPath(path.resolve(file)));
  return read.ok ? { ok: true, text: new TextDecoder().decode(read.bytes) } : read;
}

/** Every file under a folder, as sorted relative paths with '/' (links followed). */
export function listFilesUnder(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(path.join(dir, name)).isDirectory()) out.push(...listFilesUnder(path.join(dir, name), rel));
    else out.push(rel);
  }
  return out;
}

/**
 * Find and read every file of the workspace named by these paths (default ./plans).
 * With `hashOnly` (a run with a content cache), plan files are only hashed, through one
 * reused buffer, and read again if their results are not kept.
 */
export function readWorkspaceFiles(paths: readonly string[], units?: string, options: { hashOnly?: boolean; digests?: DigestMemo; alloc?: Allocate } = {}): WorkspaceFiles {
  const inputs = paths.length > 0 ? [...paths] : ['plans'];
  const listed = listPlanFiles(inputs);
  const scratch = options.hashOnly ? Buffer.allocUnsafeSlow(SCRATCH_BYTES) : undefined;
  const plans = listed.files.map((absolute) => (scratch ? hashInput(absolute, scratch, options.alloc, options.digests) : readInput(absolute, options.alloc)));
  if (scratch) options.digests?.save(listed.folders);
  return { ...readDataFiles(inputs, units), plans, problems: listed.problems };
}

/** Plan files up to this size are hashed in the one scratch buffer (a province's are 5–40 kB). */
const SCRATCH_BYTES = 1 << 18;

/**
 * One plan file's digest under its shown name, or the reason it cannot be read; readable again in full.
 * With a memo, a file whose stat is as recorded is not even opened (one system call instead of four, and no hashing).
 */
function hashInput(absolute: string, scratch: Buffer, alloc: Allocate | undefined, memo: DigestMemo | undefined): FileInput | HashedInput {
  const file = displayPath(absolute);
  const read = () => readInput(absolute, alloc);
  // Taken before the bytes are read: a change in between shows in the next run's stat.
  const stats = memo ? regularFileStats(absolute) : undefined;
  const known = stats ? memo!.known(absolute, stats) : undefined;
  if (known !== undefined) return { file, digest: known, read };
  const got = readFileLimited(absolute, file, undefined, scratch);
  if (!got.ok) return { file, problem: got.diagnostic };
  const digest = contentDigest(got.bytes);
  if (stats) memo!.record(absolute, stats, digest);
  return { file, digest, read };
}

/** The stat of a regular file (links followed); undefined for anything else or a failure, which reading then reports. */
function regularFileStats(absolute: string): Stats | undefined {
  try {
    const stats = statSync(absolute, { throwIfNoEntry: false });
    return stats?.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

/** The units file for these inputs, and calendar.yaml and settings.yaml beside it. */
export function readDataFiles(inputs: readonly string[], units?: string): Omit<WorkspaceFiles, 'plans'> {
  const unitsPath = findUnitsFile(inputs, units);
  const dataDir = unitsPath ? path.dirname(unitsPath) : path.resolve('plans');
  // calendar.yaml and settings.yaml sit beside units.yaml; both are optional (and unlooked for without units.yaml).
  const dataFile = (name: string) => (unitsPath ? ['yaml', 'yml'].map((ext) => path.join(dataDir, `${name}.${ext}`)).find((f) => existsSync(f)) : undefined);
  const calendarPath = dataFile('calendar');
  const settingsPath = dataFile('settings');
  return {
    ...(unitsPath ? { units: readInput(unitsPath) } : {}),
    unitsFile: unitsPath ? displayPath(unitsPath) : (units ?? 'plans/units.yaml'),
    dataDir,
    ...(calendarPath ? { calendar: readInput(calendarPath) } : {}),
    ...(settingsPath ? { settings: readInput(settingsPath) } : {}),
    problems: [],
  };
}

/** One file's bytes under its shown name, or the reason they cannot be read (src/io/read-file.ts's limits). */
export function readInput(absolute: string, alloc?: Allocate): FileInput {
  const file = displayPath(absolute);
  const read = readFileLimited(absolute, file, undefined, undefined, alloc);
  return read.ok ? { file, bytes: read.bytes } : { file, problem: read.diagnostic };
}

/**
 * Which files are plans: YAML files under the folders given (hidden folders and
 * units/calendar/settings.yaml left out), and files named explicitly.
 */
export function listPlanFiles(inputs: readonly string[]): { files: string[]; problems: Diagnostic[]; folders: string[] } {
  const files: string[] = [];
  // The folders named, walked whole: every plan file under one of them is in `files`.
  const folders: string[] = [];
  const problems: Diagnostic[] = [];
  const seen = new Set<string>();
  const add = (abs: string) => {
    if (!seen.has(abs)) {
      seen.add(abs);
      files.push(abs);
    }
  };
  const visitedDirs = new Set<string>();
  let roots: string[] = [];
  // `absolute`: the folder resolved once, so a file's absolute path is its name appended (no path.resolve per file).
  const walk = (dir: string, absolute: string, depth: number) => {
    // Deep enough for any real layout; stops symlink loops.
    if (depth > 20) return;
    // Each real folder once: two looping links would otherwise branch 2^20 times.
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (e) {
      problems.push(fileProblem(displayPath(dir), e as NodeJS.ErrnoException));
      return;
    }
    if (visitedDirs.has(real)) return;
    visitedDirs.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (e) {
      problems.push(fileProblem(displayPath(dir), e as NodeJS.ErrnoException));
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.') || name === 'node_modules') continue;
      // A listed name is never '.' or '..' and holds no separator: appended, the path is as path.resolve makes it.
      const childAbsolute = `${absolute}${absolute.endsWith(path.sep) ? '' : path.sep}${name}`;
      // The folder listing says what most entries are (one system call per folder, not two per file);
      // links, and entries whose kind the file system does not report, are looked at.
      let isDir = entry.isDirectory();
      if (!isDir && !entry.isFile()) {
        const child = path.join(dir, name);
        try {
          if (entry.isSymbolicLink()) {
            // /etc/passwd or /dev/zero behind a link in plans/ is not a plan to read.
            const target = realpathSync(child);
            if (!roots.some((root) => isInside(target, root))) {
              if (/\.ya?ml$/i.test(name) || statSync(child).isDirectory()) problems.push(symlinkOutside(displayPath(child), target));
              continue;
            }
          }
          isDir = statSync(child).isDirectory();
        } catch (e) {
          problems.push(fileProblem(displayPath(child), e as NodeJS.ErrnoException));
          continue;
        }
      }
      if (isDir) walk(path.join(dir, name), childAbsolute, depth + 1);
      else if (/\.ya?ml$/i.test(name) && !SPECIAL_FILES.has(name.toLowerCase())) add(childAbsolute);
    }
  };
  for (const input of inputs) {
    let isDir: boolean;
    try {
      isDir = statSync(input).isDirectory();
    } catch (e) {
      problems.push(fileProblem(displayPath(input), e as NodeJS.ErrnoException));
      continue;
    }
    // Links may point anywhere inside the folder walked or the folder the command runs in.
    if (isDir) {
      roots = [realpathOrSelf(input), realpathOrSelf('.')];
      folders.push(path.resolve(input));
      walk(input, folders[folders.length - 1]!, 0);
    } else if (!SPECIAL_FILES.has(path.basename(input).toLowerCase())) add(path.resolve(input));
  }
  return { files, problems, folders };
}

function realpathOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** Whether `target` is `root` or under it. By path segments: a name that starts with two dots (`..x.yaml`) is inside. */
export function isInside(target: string, root: string): boolean {
  return staysInside(path.relative(root, target));
}

/** Whether a path relative to a folder (as path.relative gives it) is inside that folder. */
function staysInside(rel: string): boolean {
  return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

function findUnitsFile(inputs: readonly string[], explicit: string | undefined): string | undefined {
  if (explicit) return existsSync(explicit) ? path.resolve(explicit) : undefined;
  const candidates: string[] = [];
  for (const input of inputs) {
    let dir: string;
    try {
      dir = statSync(input).isDirectory() ? input : path.dirname(input);
    } catch {
      continue;
    }
    candidates.push(path.join(dir, 'units.yaml'), path.join(dir, 'units.yml'));
  }
  candidates.push(path.join('plans', 'units.yaml'));
  const found = candidates.find((c) => existsSync(c));
  return found ? path.resolve(found) : undefined;
}

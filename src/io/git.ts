// The I/O layer's git reader: the few git questions `plan diff` asks (which
// files a revision holds, their bytes) and the commands `plan init` runs.
// Answers are data; what to tell the user is the command's business.
import { spawnSync } from 'node:child_process';

const MAX_OUTPUT = 64 * 1024 * 1024;

/** A git command's outcome: missing when git itself is not installed. */
export interface GitResult<Out = string> {
  ok: boolean;
  missing: boolean;
  stdout: Out;
  /** git's error, else the spawn's, else how it ended ("exit 128"). */
  stderr: string;
}

/** What to feed a git command, and how much it may print (64 MiB unless said). */
interface GitInput {
  input?: string;
  maxBuffer?: number;
}

/** Run git in a folder; never throws. With binary, stdout is the bytes as printed (a file's content). */
export function runGit(cwd: string, args: readonly string[], opts: GitInput & { binary: true }): GitResult<Buffer>;
export function runGit(cwd: string, args: readonly string[], opts?: GitInput): GitResult;
export function runGit(cwd: string, args: readonly string[], opts: GitInput & { binary?: boolean } = {}): GitResult<string | Buffer> {
  const r = spawnSync('git', args, {
    cwd,
    ...(opts.binary ? {} : { encoding: 'utf8' as const }),
    ...(opts.input !== undefined ? { input: opts.input } : {}),
    stdio: [opts.input !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    maxBuffer: opts.maxBuffer ?? MAX_OUTPUT,
  });
  const missing = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  const ok = !r.error && r.status === 0;
  const stderr = r.stderr?.toString().trim() || r.error?.message || (ok ? '' : `exit ${r.status ?? r.signal}`);
  return { ok, missing, stdout: r.stdout ?? (opts.binary ? Buffer.alloc(0) : ''), stderr };
}

/** The work tree's top folder, or why there is none. */
export function gitTopLevel(cwd: string): { root: string } | { problem: 'no-git' | 'not-a-repository' } {
  const r = runGit(cwd, ['rev-parse', '--show-toplevel']);
  if (r.ok) return { root: r.stdout.trim() };
  return { problem: r.missing ? 'no-git' : 'not-a-repository' };
}

/** Whether rev names a commit. */
export function gitHasRevision(root: string, rev: string): boolean {
  return runGit(root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).ok;
}

/**
 * The repository-relative files under rels (the whole tree for "") at a revision; empty when there are none.
 * When git fails the answer is its error, not an empty list (which would read as every plan gone).
 */
export function gitFilesAt(root: string, rev: string, rels: readonly string[]): { files: string[] } | { error: string } {
  // -z: names as they are, NUL-ended (without it git quotes a name with a Vietnamese letter: "k\341\272\277.yaml").
  const r = runGit(root, ['ls-tree', '-r', '--name-only', '-z', rev, '--', ...rels.map((rel) => rel || '.')]);
  if (!r.ok) return { error: r.stderr };
  return { files: r.stdout.split('\0').filter((f) => f.length > 0) };
}

/**
 * Whether git tracks the path (a file, or anything under a folder) in the index. When git fails the answer is its
 * error, not "untracked" (which would tell the user to git add a file git already has).
 */
export function gitTracks(root: string, rel: string): { tracked: boolean } | { error: string } {
  // Without --error-unmatch an untracked path is an empty answer, so any failure is git's own.
  const r = runGit(root, ['ls-files', '-z', '--', rel || '.']);
  return r.ok ? { tracked: r.stdout.length > 0 } : { error: r.stderr };
}

/**
 * Files' bytes at a revision, by repository-relative path; a path the revision does not hold as a file is absent.
 * One `git cat-file --batch` for them all (a province is a thousand plans: a process each cost seconds).
 * When that process fails the answer is its error, not an empty revision (which would read as every plan gone).
 */
export function gitFilesBytes(root: string, rev: string, rels: readonly string[]): { files: Map<string, Uint8Array> } | { error: string } {
  const out = new Map<string, Uint8Array>();
  // The batch reads a name a line: a path with a line break in it cannot be asked so (nor is it a plan's).
  const asked = [...new Set(rels)].filter((rel) => !/[\n\r]/.test(rel));
  if (asked.length === 0) return { files: out };
  const r = runGit(root, ['cat-file', '--batch'], { input: asked.map((rel) => `${rev}:${rel}\n`).join(''), binary: true, maxBuffer: MAX_BATCH });
  if (!r.ok) return { error: r.stderr };
  const bytes = r.stdout;
  // Per name, in order: "<oid> <type> <size>\n<content>\n", or "<name> missing\n" (or "ambiguous").
  let at = 0;
  for (const rel of asked) {
    const end = bytes.indexOf(10, at);
    if (end < 0) break;
    const header = bytes.toString('utf8', at, end).split(' ');
    at = end + 1;
    const size = Number(header[2]);
    if (header.length !== 3 || !Number.isSafeInteger(size)) continue;
    // A folder (a tree) is not a file.
    if (header[1] === 'blob') out.set(rel, bytes.subarray(at, at + size));
    at += size + 1;
  }
  return { files: out };
}

/** What one batch may bring back: every plan of a big province at a revision. */
const MAX_BATCH = 1024 * 1024 * 1024;

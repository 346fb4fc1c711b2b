// The I/O layer's git reader: the few git questions `plan diff` asks (which
// files a revision holds, their bytes) and the commands `plan init` runs.
// Answers are data; what to tell the user is the command's business.
import { execFileSync, spawnSync } from 'node:child_process';

const MAX_OUTPUT = 64 * 1024 * 1024;

/** A git command's outcome: missing when git itself is not installed. */
export interface GitResult {
  ok: boolean;
  missing: boolean;
  stdout: string;
}

/** Run git in a folder; never throws. */
export function runGit(cwd: string, args: readonly string[]): GitResult {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: MAX_OUTPUT });
  const missing = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return { ok: !r.error && r.status === 0, missing, stdout: r.stdout ?? '' };
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

/** The repository-relative files under rels (the whole tree for "") at a revision; empty when there are none. */
export function gitFilesAt(root: string, rev: string, rels: readonly string[]): string[] {
  const r = runGit(root, ['ls-tree', '-r', '--name-only', rev, '--', ...rels.map((rel) => rel || '.')]);
  return r.ok ? r.stdout.split('\n').filter((f) => f.length > 0) : [];
}

/** Whether git tracks the path (a file, or anything under a folder) in the index. */
export function gitTracks(root: string, rel: string): boolean {
  return runGit(root, ['ls-files', '--error-unmatch', '--', rel || '.']).ok;
}

/** A file's bytes at a revision; undefined when the revision does not hold it (one git process, no listing first). */
export function gitFileBytes(root: string, rev: string, rel: string): Uint8Array | undefined {
  try {
    return execFileSync('git', ['show', `${rev}:${rel}`], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: MAX_OUTPUT });
  } catch {
    return undefined;
  }
}

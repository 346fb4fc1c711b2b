// Safe writes: never overwrite a user's file without --force, never leave a
// half-written file or folder behind. Content goes to a temporary name in the
// same folder first, then is renamed into place.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../core/diagnostic.js';
import type { CliIo } from './exit.js';
import { fail } from './exit.js';
import { makeFolders } from './files.js';
import { systemErrorReason } from './fs-errors.js';
import { countEn } from '../core/text.js';

export interface OutputFile {
  /** Path relative to the output folder; no "..", no absolute paths. */
  name: string;
  data: string | Uint8Array;
  /** Written with mode 755 (a git hook). */
  executable?: boolean;
}

function tempName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
}

/** Write one file atomically. Refuses an existing file unless force. */
export function writeFileAtomic(target: string, data: string | Uint8Array, opts: { force?: boolean; lang: Lang }): void {
  const { lang } = opts;
  if (existsSync(target)) {
    if (statSync(target).isDirectory()) fail(lang, { vi: `lỗi: ${target} là một thư mục`, en: `error: ${target} is a folder` });
    if (!opts.force) fail(lang, { vi: `lỗi: ${target} đã có; thêm --force để ghi đè`, en: `error: ${target} already exists; add --force to overwrite it` });
  }
  const dir = path.dirname(target);
  ensureDir(dir, lang);
  const tmp = tempName(target);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    fail(lang, writeProblem(target, e as NodeJS.ErrnoException));
  }
}

/**
 * Write a set of files into a folder, all or nothing. Everything is written
 * to a staging folder beside the target first; a new folder is then that
 * staging folder renamed into place (an interrupted run leaves no folder or
 * the complete one); into an existing folder the files move one rename each,
 * after all of them were written (signals wait for the moves to finish).
 */
export function writeFilesAtomic(outDir: string, files: readonly OutputFile[], opts: { force?: boolean; lang: Lang }): string[] {
  const { lang } = opts;
  for (const f of files) {
    if (path.isAbsolute(f.name) || f.name.split(/[\\/]/).includes('..')) {
      fail(lang, { vi: `lỗi nội bộ: tên tệp không an toàn "${f.name}"`, en: `internal error: unsafe file name "${f.name}"` });
    }
  }
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
    fail(lang, { vi: `lỗi: ${outDir} là một tệp, không phải thư mục`, en: `error: ${outDir} is a file, not a folder` });
  }
  // A folder given through a link is written where the link points, and the link stays.
  const target = existsSync(outDir) ? realpathSync(outDir) : path.resolve(outDir);
  cleanLeftovers(target);
  const clashes = files.map((f) => path.join(outDir, f.name)).filter((p) => existsSync(p));
  if (clashes.length > 0 && !opts.force) {
    const list = clashes.slice(0, 5).join(', ') + (clashes.length > 5 ? ', …' : '');
    fail(lang, {
      vi: `lỗi: ${clashes.length} tệp đã có (${list}); không ghi gì. Thêm --force để ghi đè`,
      en: `error: ${countEn(clashes.length, 'file')} already ${clashes.length === 1 ? 'exists' : 'exist'} (${list}); nothing written. Add --force to overwrite`,
    });
  }
  ensureDir(path.dirname(target), lang);
  // mkdir, not mkdtemp: the staging folder becomes the new folder, which should have the mode of any folder the
  // user makes (the umask's: others may read the sheets), not mkdtemp's owner-only 700.
  const staging = `${stagingPrefix(target)}${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    mkdirSync(staging);
  } catch (e) {
    fail(lang, writeProblem(outDir, e as NodeJS.ErrnoException));
  }
  pendingStaging.add(staging);
  const existed = existsSync(target);
  const moved: string[] = [];
  try {
    for (const f of files) {
      const p = path.join(staging, f.name);
      makeFolders(path.dirname(p));
      writeFileSync(p, f.data);
      // Whatever the umask: a hook git cannot run is no hook.
      if (f.executable) chmodSync(p, 0o755);
    }
    if (!existed) {
      renameSync(staging, target);
    } else {
      // An existing folder keeps its identity (it may be the current folder, or open in a
      // file manager): the complete set moves in file by file, each rename atomic.
      for (const f of files) {
        const dest = path.join(target, f.name);
        makeFolders(path.dirname(dest));
        const isNew = !existsSync(dest);
        renameSync(path.join(staging, f.name), dest);
        if (isNew) moved.push(dest);
      }
    }
  } catch (e) {
    // Take back the files this run added, so a failure leaves the folder as it was.
    for (const m of moved) rmSync(m, { force: true });
    fail(lang, writeProblem(outDir, e as NodeJS.ErrnoException));
  } finally {
    rmSync(staging, { recursive: true, force: true });
    pendingStaging.delete(staging);
  }
  return files.map((f) => path.join(outDir, f.name));
}

/** Staging folders sit beside the target, hidden, named after it and this process. */
function stagingPrefix(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.plan-staging-`);
}

/**
 * What an earlier run killed mid-write (SIGKILL, power cut) left behind: its
 * staging folders are removed. Folders of runs still alive are left alone.
 */
function cleanLeftovers(target: string): void {
  const dir = path.dirname(target);
  const prefix = path.basename(stagingPrefix(target));
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(prefix));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/plan-staging-(\d+)/.exec(name)?.[1] ?? NaN);
    if (!Number.isNaN(pid) && isAlive(pid)) continue;
    rmSync(path.join(dir, name), { recursive: true, force: true });
  }
  // Older versions staged inside the target itself.
  try {
    for (const n of readdirSync(target)) if (n.startsWith('.plan-tmp-')) rmSync(path.join(target, n), { recursive: true, force: true });
  } catch {
    // no target yet
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return pid !== process.pid;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Staging folders of this run, removed if a signal ends it. */
const pendingStaging = new Set<string>();

/** Remove what this run has staged and not yet moved into place (a signal is ending it). */
function removeStagedOutput(): void {
  for (const p of pendingStaging) rmSync(p, { recursive: true, force: true });
}

/**
 * Ctrl-C (SIGINT), SIGTERM or a closed terminal (SIGHUP) while a command
 * writes output: what it staged is removed and the process ends 130/143/129.
 * The process part is bin/plan.js's (io.onSignal); in process nothing is
 * trapped. Writes are synchronous, so a signal is handled before a write
 * begins or after it ends, never in the middle. Commands that write folders
 * call this first.
 */
export function cleanUpOnSignals(io: CliIo): void {
  io.onSignal?.(removeStagedOutput);
}

function ensureDir(dir: string, lang: Lang): void {
  try {
    makeFolders(dir);
  } catch (e) {
    fail(lang, writeProblem(dir, e as NodeJS.ErrnoException));
  }
}

function writeProblem(target: string, e: NodeJS.ErrnoException): { vi: string; en: string } {
  const why = systemErrorReason(e, 'write');
  return { vi: `lỗi: không ghi được ${target}: ${why.vi}`, en: `error: cannot write ${target}: ${why.en}` };
}

// Safe writes: never overwrite a user's file without --force, never leave a
// half-written file or folder behind. Content goes to a temporary name in the
// same folder first, then is renamed into place.
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync, mkdtempSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../core/diagnostic.js';
import { fail } from './context.js';

export interface OutputFile {
  /** Path relative to the output folder; no "..", no absolute paths. */
  name: string;
  data: string | Uint8Array;
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
 * Write a set of files into a folder, all or nothing: they are written to a
 * temporary folder beside it, checked against existing files, then moved in.
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
  const clashes = files.map((f) => path.join(outDir, f.name)).filter((p) => existsSync(p));
  if (clashes.length > 0 && !opts.force) {
    const list = clashes.slice(0, 5).join(', ') + (clashes.length > 5 ? ', …' : '');
    fail(lang, {
      vi: `lỗi: ${clashes.length} tệp đã có (${list}); không ghi gì. Thêm --force để ghi đè`,
      en: `error: ${clashes.length} file(s) already exist (${list}); nothing written. Add --force to overwrite`,
    });
  }
  ensureDir(outDir, lang);
  let staging: string;
  try {
    staging = mkdtempSync(path.join(outDir, '.plan-tmp-'));
  } catch (e) {
    fail(lang, writeProblem(outDir, e as NodeJS.ErrnoException));
  }
  const moved: string[] = [];
  try {
    for (const f of files) {
      const p = path.join(staging, f.name);
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, f.data);
    }
    for (const f of files) {
      const target = path.join(outDir, f.name);
      mkdirSync(path.dirname(target), { recursive: true });
      const isNew = !existsSync(target);
      renameSync(path.join(staging, f.name), target);
      if (isNew) moved.push(target);
    }
  } catch (e) {
    // Take back the files this run added, so a failure leaves the folder as it was.
    for (const m of moved) rmSync(m, { force: true });
    fail(lang, writeProblem(outDir, e as NodeJS.ErrnoException));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return files.map((f) => path.join(outDir, f.name));
}

function ensureDir(dir: string, lang: Lang): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    fail(lang, writeProblem(dir, e as NodeJS.ErrnoException));
  }
}

function writeProblem(target: string, e: NodeJS.ErrnoException): { vi: string; en: string } {
  const reasons: Record<string, [string, string]> = {
    EACCES: ['không có quyền ghi', 'permission denied'],
    EPERM: ['không có quyền ghi', 'permission denied'],
    EROFS: ['ổ đĩa chỉ đọc', 'read-only file system'],
    ENOSPC: ['hết chỗ trên đĩa', 'no space left on the disk'],
    ENOTDIR: ['một phần của đường dẫn là tệp, không phải thư mục', 'part of the path is a file, not a folder'],
    EEXIST: ['đã có một tệp cùng tên', 'a file of that name exists'],
  };
  const [vi, en] = reasons[e.code ?? ''] ?? [e.message, e.message];
  return { vi: `lỗi: không ghi được ${target}: ${vi}`, en: `error: cannot write ${target}: ${en}` };
}

/** Whether a folder is missing or empty (for commands that create a fresh one). */
export function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

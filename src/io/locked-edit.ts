// Rewriting a clerk's file without losing anyone's work: an advisory lock
// (proper-lockfile: a lock folder beside the file, stale after 10 s of no
// heartbeat) so two `plan set` on one file take turns, the file read again
// under the lock, a refusal if it changed behind our back (an editor saving
// meanwhile), and a write that keeps what the file is: its mode and owner, the
// target of a symbolic link, and every hard link.
import { chmodSync, chownSync, copyFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import type { Localized } from '../core/diagnostic.js';
import { localized } from '../core/diagnostic.js';
import { systemErrorReason } from './fs-errors.js';
import { readFileLimited } from './read-file.js';

export type LockedOutcome<T> = { ok: true; value: T } | { ok: false; reason: Localized };

/** The lock folder: hidden, so plan listings and editors pass it by. */
function lockPath(real: string): string {
  return path.join(path.dirname(real), `.${path.basename(real)}.lock`);
}

/** How long to wait for another command's lock, by default. */
const DEFAULT_LOCK_WAIT_SECONDS = 30;
/** The first pause between two tries to take the lock, doubled at each try up to the longest. */
const MIN_RETRY_PAUSE_MS = 10;
/** The longest pause between two tries to take the lock. */
const MAX_RETRY_PAUSE_MS = 100;

/**
 * Tries enough that the pauses between them add up to the whole wait even at their
 * shortest (the retry library lengthens each by a random factor of 1 to 2): the first
 * pauses are shorter than the longest, so wait / longest pause tries (10 for 1 s)
 * waited only ~0.8 s.
 */
export function lockRetries(waitSeconds: number): number {
  let retries = 0;
  for (let waited = 0; waited < waitSeconds * 1000; retries++) waited += Math.min(MIN_RETRY_PAUSE_MS * 2 ** retries, MAX_RETRY_PAUSE_MS);
  return retries;
}

/** The longest wait PLAN_LOCK_WAIT may ask for, an hour: the retry library lays out every try in advance. */
const MAX_LOCK_WAIT_SECONDS = 3600;

/**
 * Seconds to wait for another command's lock: PLAN_LOCK_WAIT from the
 * (injected) environment, e.g. longer on a slow network share, or short in
 * tests; unset or empty means the default 30 s; undefined when it is not a
 * number of seconds from 0 to MAX_LOCK_WAIT_SECONDS.
 */
export function lockWaitSeconds(env: Readonly<Record<string, string | undefined>>): number | undefined {
  const text = env.PLAN_LOCK_WAIT?.trim();
  if (!text) return DEFAULT_LOCK_WAIT_SECONDS;
  const seconds = Number(text);
  return Number.isFinite(seconds) && seconds >= 0 && seconds <= MAX_LOCK_WAIT_SECONDS ? seconds : undefined;
}

/**
 * Run `work` holding the lock on `file` (on its real path, so a link and its
 * target share one lock). Waits up to PLAN_LOCK_WAIT seconds of `env` (30 by
 * default) for another process; then, or when the folder cannot hold a lock,
 * gives a reason instead, naming the file as `shown` (the path the user sees
 * elsewhere in the output, not the absolute one).
 */
export async function withFileLock<T>(file: string, env: Readonly<Record<string, string | undefined>>, work: (real: string) => Promise<T> | T, shown = file): Promise<LockedOutcome<T>> {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return { ok: false, reason: localized(`không tìm thấy ${shown}`, `${shown} not found`) };
  }
  const waitSeconds = lockWaitSeconds(env);
  if (waitSeconds === undefined) {
    const text = env.PLAN_LOCK_WAIT?.trim();
    return {
      ok: false,
      reason: localized(
        `PLAN_LOCK_WAIT="${text}" không dùng được: cần số giây chờ khoá, từ 0 đến ${MAX_LOCK_WAIT_SECONDS} (ví dụ PLAN_LOCK_WAIT=5); ${shown} chưa được sửa`,
        `PLAN_LOCK_WAIT="${text}" cannot be used: give the seconds to wait for a lock, 0 to ${MAX_LOCK_WAIT_SECONDS} (e.g. PLAN_LOCK_WAIT=5); ${shown} was not changed`,
      ),
    };
  }
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(real, {
      lockfilePath: lockPath(real),
      realpath: false,
      stale: 10_000,
      update: 2_000,
      // After a few short pauses every try waits MAX_RETRY_PAUSE_MS: the count of tries sets the wait.
      retries: { retries: lockRetries(waitSeconds), minTimeout: MIN_RETRY_PAUSE_MS, maxTimeout: MAX_RETRY_PAUSE_MS, randomize: true },
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      ok: false,
      reason:
        code === 'ELOCKED'
          ? localized(`${shown} đang được một lệnh khác sửa; chờ lệnh đó xong rồi chạy lại`, `${shown} is being changed by another command; wait for it to finish and run again`)
          : localized(
              `không khoá được ${shown} để sửa (${code === 'EACCES' || code === 'EPERM' ? 'không có quyền ghi vào thư mục' : (code ?? 'lỗi hệ thống')})`,
              `cannot lock ${shown} for editing (${code === 'EACCES' || code === 'EPERM' ? 'no permission to write in its folder' : (code ?? 'system error')})`,
            ),
    };
  }
  try {
    return { ok: true, value: await work(real) };
  } finally {
    await release().catch(() => undefined);
  }
}

/**
 * Replace the content of `real` (a resolved path, under the lock) with `data`,
 * if it still holds `expected`. A file with other hard links is written in
 * place after a backup copy; any other file through a temporary file renamed
 * over it, with the original mode and (where allowed) owner.
 */
export function replaceFileContent(real: string, shown: string, expected: Uint8Array, data: string | Uint8Array): LockedOutcome<void> {
  const now = readFileLimited(real, shown);
  if (!now.ok || !Buffer.from(now.bytes).equals(Buffer.from(expected))) {
    return {
      ok: false,
      reason: localized(
        `${shown} vừa bị thay đổi bởi chương trình khác trong lúc sửa; không ghi gì, hãy chạy lại lệnh`,
        `${shown} was changed by another program meanwhile; nothing written, run the command again`,
      ),
    };
  }
  const stats = statSync(real);
  const mode = stats.mode & 0o7777;
  const dir = path.dirname(real);
  const base = path.basename(real);
  if (stats.nlink > 1) {
    // Renaming would split the hard links; write in place, with a copy to fall back on.
    const backup = path.join(dir, `.${base}.${process.pid}.bak`);
    try {
      copyFileSync(real, backup);
    } catch (e) {
      return { ok: false, reason: writeReason(shown, e) };
    }
    try {
      writeFileSync(real, data);
    } catch (e) {
      try {
        copyFileSync(backup, real);
      } catch {
        return { ok: false, reason: localized(`không ghi được ${shown}; bản gốc vẫn còn ở ${backup}`, `cannot write ${shown}; the original is kept in ${backup}`) };
      }
      rmSync(backup, { force: true });
      return { ok: false, reason: writeReason(shown, e) };
    }
    rmSync(backup, { force: true });
    return { ok: true, value: undefined };
  }
  const tmp = path.join(dir, `.${base}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, data, { mode });
    // The umask narrowed the mode at creation; a shared plan stays group-writable.
    chmodSync(tmp, mode);
    try {
      chownSync(tmp, stats.uid, stats.gid);
    } catch {
      // Only root may give a file away; the owner stays the current user then.
    }
    renameSync(tmp, real);
  } catch (e) {
    rmSync(tmp, { force: true });
    return { ok: false, reason: writeReason(shown, e) };
  }
  return { ok: true, value: undefined };
}

function writeReason(shown: string, e: unknown): Localized {
  const why = systemErrorReason(e, 'write');
  return localized(`không ghi được ${shown}: ${why.vi}; tệp giữ nguyên`, `cannot write ${shown}: ${why.en}; the file is unchanged`);
}

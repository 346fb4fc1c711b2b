// Reading a clerk's file safely: only regular files (a FIFO would hang the
// command, a device such as /dev/zero never ends), at most a byte cap counted
// while reading (stat says 0 for /dev/zero and for files still growing), and
// every failure as a located, translated diagnostic instead of an exception.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import type { Diagnostic } from '../core/diagnostic.js';
import { localized } from '../core/diagnostic.js';
import { MAX_PLAN_BYTES, tooLarge } from '../core/decode.js';
import { systemErrorReason } from './fs-errors.js';

/** Memory for a file's bytes. */
export type Allocate = (size: number) => Uint8Array;

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; diagnostic: Diagnostic };

/**
 * The bytes of a regular file, refusing anything else and stopping at `limit` bytes.
 * With `scratch`, a file that fits is read into it (its bytes then last only until the
 * scratch is used again): memory touched once per file, not fresh pages for each.
 * `alloc` gives the memory otherwise (shared memory, for a worker thread to read too).
 */
export function readFileLimited(file: string, shown: string, limit = MAX_PLAN_BYTES, scratch?: Buffer, alloc: Allocate = Buffer.allocUnsafe): ReadResult {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { ok: false, diagnostic: fileProblem(shown, e as NodeJS.ErrnoException) };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, diagnostic: notRegular(shown, stats) };
    // Already past the cap by its size: refused unread (a 20 MB file cost every command 10 MB of reading).
    if (stats.size > limit) return { ok: false, diagnostic: tooLargeFile(shown, stats.size, limit) };
    // A regular file is read in one piece of its size plus one byte (which tells it grew meanwhile);
    // the buffer doubles only for a file still growing, never past one byte over the limit.
    const wanted = Math.min(Math.max(stats.size + 1, 4096), limit + 1);
    let buffer: Uint8Array = scratch && scratch.length >= wanted ? scratch : alloc(wanted);
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total > limit) break;
        const bigger = alloc(Math.min(buffer.length * 2, limit + 1));
        bigger.set(buffer.subarray(0, total));
        buffer = bigger;
      }
      const asked = buffer.length - total;
      const n = readSync(fd, buffer, total, asked, null);
      if (n === 0) break;
      total += n;
      // The size stat gave, short of the byte asked beyond it: the end (one system call fewer per file).
      if (n < asked && total === stats.size) break;
    }
    if (total > limit) return { ok: false, diagnostic: tooLargeFile(shown, Math.max(total, stats.size), limit) };
    return { ok: true, bytes: buffer.subarray(0, total) };
  } catch (e) {
    return { ok: false, diagnostic: fileProblem(shown, e as NodeJS.ErrnoException) };
  } finally {
    closeSync(fd);
  }
}

function tooLargeFile(file: string, size: number, limit: number): Diagnostic {
  const { code, message, help } = tooLarge(size, limit);
  return { file, severity: 'error', code, message, ...(help ? { help } : {}), line: 1, column: 1 };
}

function notRegular(file: string, stats: Stats): Diagnostic {
  const [vi, en] = stats.isDirectory()
    ? ['là thư mục, không phải tệp', 'is a folder, not a file']
    : stats.isFIFO()
      ? ['là một đường ống (FIFO), không phải tệp văn bản', 'is a pipe (FIFO), not a text file']
      : stats.isCharacterDevice() || stats.isBlockDevice()
        ? ['là một thiết bị, không phải tệp văn bản', 'is a device, not a text file']
        : stats.isSocket()
          ? ['là một socket, không phải tệp văn bản', 'is a socket, not a text file']
          : ['không phải tệp thông thường', 'is not a regular file'];
  return {
    file,
    severity: 'error',
    code: 'not-a-file',
    line: 1,
    column: 1,
    message: localized(`${file}: ${vi}; không đọc`, `${file}: ${en}; not read`),
    help: localized('chỉ đọc các tệp văn bản thông thường; kiểm tra liên kết tượng trưng hoặc đường dẫn', 'only ordinary text files are read; check the symbolic link or the path'),
  };
}

/** A file-system error as a diagnostic in the user's language (the library's own text never reaches the user). */
export function fileProblem(file: string, e: NodeJS.ErrnoException): Diagnostic {
  const reason = systemErrorReason(e, 'read');
  return { file, severity: 'error', code: e.code === 'ENXIO' ? 'not-a-file' : 'unreadable-file', line: 1, column: 1, message: localized(`${file}: ${reason.vi}`, `${file}: ${reason.en}`) };
}

/** A symbolic link whose target lies outside the folders the user pointed at. */
export function symlinkOutside(file: string, target: string): Diagnostic {
  return {
    file,
    severity: 'error',
    code: 'symlink-outside',
    line: 1,
    column: 1,
    message: localized(`${file} là liên kết tượng trưng trỏ ra ngoài thư mục kế hoạch (${target}); không đọc`, `${file} is a symbolic link pointing outside the plans folder (${target}); not read`),
    help: localized('chép tệp vào thư mục kế hoạch, hoặc chỉ ra đích danh tệp đó trên dòng lệnh', 'copy the file into the plans folder, or name that file on the command line'),
  };
}

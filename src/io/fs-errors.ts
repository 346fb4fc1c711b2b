// System errors in the user's language: the library's own text ("ENOENT: no
// such file or directory, mkdir 'phieu'") never reaches a clerk.
import type { Localized } from '../core/diagnostic.js';
import { localized } from '../core/diagnostic.js';

const COMMON: Record<string, [string, string]> = {
  EACCES: ['không có quyền', 'permission denied'],
  EPERM: ['không có quyền', 'permission denied'],
  ELOOP: ['liên kết tượng trưng lặp vòng', 'symbolic link loop'],
  ENOTDIR: ['một phần của đường dẫn là tệp, không phải thư mục', 'part of the path is a file, not a folder'],
  ENAMETOOLONG: ['đường dẫn quá dài', 'the path is too long'],
  EIO: ['lỗi đọc/ghi đĩa', 'disk input/output error'],
  EMFILE: ['mở quá nhiều tệp cùng lúc', 'too many open files'],
  EBUSY: ['tệp đang bị chương trình khác giữ', 'the file is held by another program'],
};

const READING: Record<string, [string, string]> = {
  ...COMMON,
  ENOENT: ['không tìm thấy tệp hoặc thư mục', 'no such file or folder'],
  EACCES: ['không có quyền đọc', 'permission denied'],
  EPERM: ['không có quyền đọc', 'permission denied'],
  EISDIR: ['là thư mục, không phải tệp', 'is a folder, not a file'],
  // A Unix socket cannot be opened as a file.
  ENXIO: ['là một socket hoặc thiết bị không mở được, không phải tệp văn bản', 'is a socket or device that cannot be opened, not a text file'],
};

const WRITING: Record<string, [string, string]> = {
  ...COMMON,
  ENOENT: ['thư mục chứa nó không tồn tại hoặc vừa bị xoá', 'its folder does not exist or was just removed'],
  EACCES: ['không có quyền ghi', 'permission denied'],
  EPERM: ['không có quyền ghi', 'permission denied'],
  EROFS: ['ổ đĩa chỉ đọc', 'read-only file system'],
  ENOSPC: ['hết chỗ trên đĩa', 'no space left on the disk'],
  EDQUOT: ['hết hạn mức dung lượng', 'disk quota exceeded'],
  EEXIST: ['đã có một tệp cùng tên', 'a file of that name exists'],
  EISDIR: ['là thư mục, không phải tệp', 'is a folder, not a file'],
};

/** Why reading or writing failed, as a short phrase in both languages. */
export function systemErrorReason(e: unknown, doing: 'read' | 'write'): Localized {
  const code = (e as NodeJS.ErrnoException | undefined)?.code ?? '';
  const known = (doing === 'read' ? READING : WRITING)[code];
  if (known) return localized(known[0], known[1]);
  return localized(`lỗi hệ thống${code ? ` ${code}` : ''}`, `system error${code ? ` ${code}` : ''}`);
}

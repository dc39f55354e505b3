import { accessSync, constants, existsSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Message } from '@edulens/shared';
import { AgentError } from '../errors';

/**
 * What went wrong with the disk under the data folder, told apart so the person reading the message
 * knows what to do: free space, make the folder writable, or check the drive.
 */
export type DiskProblemKind = 'full' | 'read_only' | 'denied' | 'cannot_open' | 'io';

export interface DiskProblem {
  kind: DiskProblemKind;
  /** The OS or SQLite code behind it (ENOSPC, SQLITE_FULL, …), for the log. */
  code: string;
}

// better-sqlite3 reports extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED, …): the prefix decides.
const KIND_OF_CODE: ReadonlyArray<readonly [RegExp, DiskProblemKind]> = [
  // EFBIG: a file reached the size limit set for the process or the filesystem; the remedy is the same.
  [/^(ENOSPC|EDQUOT|EFBIG|SQLITE_FULL)$/, 'full'],
  [/^(EROFS|SQLITE_READONLY(_\w+)?)$/, 'read_only'],
  [/^(EACCES|EPERM|SQLITE_AUTH|SQLITE_PERM)$/, 'denied'],
  [/^SQLITE_CANTOPEN(_\w+)?$/, 'cannot_open'],
  [/^(EIO|SQLITE_IOERR(_\w+)?)$/, 'io'],
];

/** Below this much free space, an I/O or open failure is reported as a full disk: that is what it is. */
const NEARLY_FULL_BYTES = 1024 * 1024;

/** The disk problem behind `error`, or undefined when it is something else. `folder` is where it happened. */
export function diskProblem(error: unknown, folder: string): DiskProblem | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  // Node's recursive mkdir reports ENOENT when it cannot create a folder on a read-only disk (or
  // without permission): ask the nearest existing parent why.
  if (code === 'ENOENT' && (error as NodeJS.ErrnoException).syscall === 'mkdir')
    return diskProblem(whyNotWritable(folder), folder) ?? { kind: 'cannot_open', code };
  const kind = KIND_OF_CODE.find(([pattern]) => pattern.test(code))?.[1];
  if (kind === undefined) return undefined;
  // SQLite names a failed shared-memory or journal allocation on a full disk an I/O or open error.
  if ((kind === 'io' || kind === 'cannot_open') && freeBytes(folder) < NEARLY_FULL_BYTES)
    return { kind: 'full', code };
  return { kind, code };
}

function whyNotWritable(folder: string): unknown {
  let existing = folder;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  try {
    accessSync(existing, constants.W_OK);
    return undefined;
  } catch (error) {
    return error;
  }
}

function freeBytes(folder: string): number {
  try {
    const stats = statfsSync(folder);
    return stats.bavail * stats.bsize;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** The problem in plain words: which folder, what happened, what to do. Vietnamese first. */
export function describeDiskProblem(
  { kind, code }: DiskProblem,
  folder: string,
  /** A running agent retries by itself; a command that stopped has to be run again. */
  when: 'running' | 'stopped' = 'running',
): Message {
  switch (kind) {
    case 'full':
      return {
        vi: `Ổ đĩa chứa thư mục dữ liệu EduLens (${folder}) đã đầy (${code}). Hãy giải phóng dung lượng (xoá bớt tệp, dọn thùng rác); ${when === 'running' ? 'EduLens tự lưu tiếp khi có chỗ trống, không cần khởi động lại' : 'rồi chạy lại lệnh'}.`,
        en: `The disk holding the EduLens data folder (${folder}) is full (${code}). Free some space (delete files, empty the trash); ${when === 'running' ? 'EduLens resumes saving by itself once there is room, no restart needed' : 'then run the command again'}.`,
      };
    case 'read_only':
      return {
        vi: `Thư mục dữ liệu EduLens (${folder}) chỉ đọc được, không ghi được (${code}). Hãy gắn lại ổ đĩa ở chế độ ghi được, hoặc chọn thư mục khác bằng biến EDULENS_HOME.`,
        en: `The EduLens data folder (${folder}) is read-only (${code}). Remount the disk writable, or choose another folder with EDULENS_HOME.`,
      };
    case 'denied':
      return {
        vi: `EduLens không có quyền ghi vào thư mục dữ liệu (${folder}) (${code}). Hãy kiểm tra chủ sở hữu và quyền của thư mục (và thuộc tính "immutable"), hoặc chọn thư mục khác bằng biến EDULENS_HOME.`,
        en: `EduLens may not write to its data folder (${folder}) (${code}). Check the folder's owner and permissions (and the "immutable" attribute), or choose another folder with EDULENS_HOME.`,
      };
    case 'cannot_open':
      return {
        vi: `Không tạo hoặc mở được tệp trong thư mục dữ liệu EduLens (${folder}) (${code}). Hãy kiểm tra thư mục tồn tại và ghi được, hoặc chọn thư mục khác bằng biến EDULENS_HOME.`,
        en: `Cannot create or open files in the EduLens data folder (${folder}) (${code}). Check that the folder exists and is writable, or choose another folder with EDULENS_HOME.`,
      };
    case 'io':
      return {
        vi: `Lỗi đọc/ghi ổ đĩa ở thư mục dữ liệu EduLens (${folder}) (${code}). Ổ đĩa có thể hỏng hoặc đã bị rút ra; hãy kiểm tra ổ đĩa rồi khởi động lại EduLens.`,
        en: `A disk read/write error in the EduLens data folder (${folder}) (${code}). The disk may be failing or was unplugged; check it, then restart EduLens.`,
      };
  }
}

/** A disk failure as the one-line error a command prints before it exits; undefined for any other error. */
export function diskAgentError(error: unknown, folder: string): AgentError | undefined {
  const problem = diskProblem(error, folder);
  return problem && new AgentError(`disk.${problem.kind}`, describeDiskProblem(problem, folder, 'stopped'));
}

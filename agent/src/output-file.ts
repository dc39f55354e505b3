import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Message } from '@edulens/shared';
import { AgentError, EXIT_USAGE } from './errors';
import { diskProblem, type DiskProblemKind } from './store/disk-errors';

/** A file EduLens was asked to write and cannot: names the file and why, Vietnamese first; exit 2. */
export class UnwritableFileError extends AgentError {
  constructor(
    readonly file: string,
    readonly reason: Message,
  ) {
    super(
      'file.unwritable',
      { vi: `Không ghi được tệp ${file}: ${reason.vi}`, en: `Cannot write ${file}: ${reason.en}` },
      EXIT_USAGE,
    );
    this.name = 'UnwritableFileError';
  }
}

export const writeReasons = {
  folderMissing: (folder: string): Message => ({
    vi: `thư mục ${folder} không tồn tại`,
    en: `the folder ${folder} does not exist`,
  }),
  parentNotFolder: (folder: string): Message => ({
    vi: `${folder} là một tệp, không phải thư mục`,
    en: `${folder} is a file, not a folder`,
  }),
  isFolder: {
    vi: 'đây là một thư mục; hãy ghi thêm tên tệp',
    en: 'it is a folder; add a file name',
  },
  exists: {
    vi: 'tệp đã có; thêm --force để ghi đè',
    en: 'the file already exists; add --force to overwrite it',
  },
  noPermission: { vi: 'không có quyền ghi', en: 'permission denied' },
  diskFull: { vi: 'ổ đĩa đã đầy', en: 'the disk is full' },
  readOnly: { vi: 'ổ đĩa chỉ đọc', en: 'the disk is read-only' },
} as const;

async function kindOf(path: string): Promise<'file' | 'folder' | undefined> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined;
  }
}

/**
 * Refuses, before any work is done, an output path that cannot be written: a folder, a file in a
 * folder that does not exist, and (with `refuseExisting`, for backups) a file already there.
 */
export async function checkOutputPath(file: string, { refuseExisting = false } = {}): Promise<void> {
  const folder = dirname(resolve(file));
  const parent = await kindOf(folder);
  if (parent === undefined) throw new UnwritableFileError(file, writeReasons.folderMissing(folder));
  if (parent === 'file') throw new UnwritableFileError(file, writeReasons.parentNotFolder(folder));
  const existing = await kindOf(file);
  if (existing === 'folder') throw new UnwritableFileError(file, writeReasons.isFolder);
  if (existing === 'file' && refuseExisting) throw new UnwritableFileError(file, writeReasons.exists);
}

/** What a disk problem (the data folder's classification, shared) means for one output file. */
const diskReasons: Partial<Record<DiskProblemKind, Message>> = {
  full: writeReasons.diskFull,
  read_only: writeReasons.readOnly,
  denied: writeReasons.noPermission,
};

/** A failed write as one bilingual line; never the system's English (EISDIR, ENOENT, …). */
export function unwritable(file: string, error: unknown): UnwritableFileError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const folder = dirname(resolve(file));
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new UnwritableFileError(file, writeReasons.folderMissing(folder));
  if (code === 'EISDIR') return new UnwritableFileError(file, writeReasons.isFolder);
  const problem = diskProblem(error, folder);
  const reason = (problem && diskReasons[problem.kind]) ?? {
    vi: `lỗi hệ thống ${code ?? 'không rõ'}`,
    en: `system error ${code ?? 'unknown'}`,
  };
  return new UnwritableFileError(file, reason);
}

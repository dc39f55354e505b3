import { basename } from 'node:path';
import type { Message } from '@edulens/shared';
import { AgentError } from '../errors';

/** A file EduLens cannot use; its message names the file and why, Vietnamese first. */
export class UnreadableFileError extends AgentError {
  constructor(
    readonly file: string,
    readonly reason: Message,
  ) {
    const name = basename(file);
    super('file.unreadable', {
      vi: `Không đọc được tệp ${name}: ${reason.vi}`,
      en: `Cannot read ${name}: ${reason.en}`,
    });
    this.name = 'UnreadableFileError';
  }
}

export const reasons = {
  notFound: { vi: 'không tìm thấy tệp', en: 'file not found' },
  isFolder: { vi: 'đây là thư mục, không phải tệp', en: 'it is a folder, not a file' },
  noPermission: { vi: 'không có quyền đọc tệp', en: 'permission denied' },
  empty: { vi: 'tệp rỗng (0 byte)', en: 'the file is empty (0 bytes)' },
  notSpreadsheet: {
    vi: 'không phải bảng tính .xlsx/.csv hợp lệ',
    en: 'not a valid .xlsx/.csv spreadsheet',
  },
  damagedXlsx: {
    vi: 'không phải bảng tính .xlsx/.csv hợp lệ (tệp .xlsx bị hỏng hoặc không đầy đủ)',
    en: 'not a valid .xlsx/.csv spreadsheet (the .xlsx file is damaged or truncated)',
  },
  legacyXls: {
    vi: 'tệp .xls (Excel 97–2003) chưa được hỗ trợ — hãy mở bằng Excel và lưu thành .xlsx',
    en: '.xls (Excel 97–2003) files are not supported — open it in Excel and save it as .xlsx',
  },
  noSheets: { vi: 'bảng tính không có trang tính nào', en: 'the workbook has no sheets' },
  noGradeSheet: {
    vi: 'không trang tính nào có dòng tiêu đề bảng điểm (Họ và tên hoặc Mã HS cùng các cột TX/GK/CK)',
    en: 'no sheet has a grade-sheet header (a name or student-code column with TX/GK/CK columns)',
  },
} satisfies Record<string, Message>;

/** Maps a failed fs call to a reason the user can act on. */
export function fileSystemReason(error: unknown): Message | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return reasons.notFound;
  if (code === 'EISDIR') return reasons.isFolder;
  if (code === 'EACCES' || code === 'EPERM') return reasons.noPermission;
  return undefined;
}

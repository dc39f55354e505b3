import type { Book } from './book';
import { lockMessage } from './locks';
import { isValidEntry } from './scoring';
import type { VnEduState } from './state';

// The portal's server-side check of a posted grid: everything or nothing is stored, and every
// problem is reported in Vietnamese with the row number (STT) and column the teacher sees.

export interface CellError {
  dong: number;
  maHs: string;
  cot: string;
  message: string;
}

export type SaveOutcome =
  { ok: true; changed: number } | { ok: false; status: 403 | 422; message: string; errors: CellError[] };

const MAX_REPORTED = 20;

export function saveBook(
  state: VnEduState,
  book: Book,
  posted: Readonly<Record<string, Readonly<Record<string, string>>>>,
): SaveOutcome {
  const lock = state.locks.book(book.term, state.clock.now());
  if (lock.locked) return { ok: false, status: 403, message: lockMessage(book.term, lock), errors: [] };

  const lockedColumns = state.locks.lockedColumns(book.ref);
  const errors: CellError[] = [];
  const changes: Array<{ code: string; key: string; value: string }> = [];
  for (const [code, cells] of Object.entries(posted)) {
    const index = book.roster.students.findIndex((student) => student.code === code);
    if (index < 0) {
      const message = `Không tìm thấy học sinh mã ${code} trong lớp ${book.roster.schoolClass.name}.`;
      errors.push({ dong: 0, maHs: code, cot: '', message });
      continue;
    }
    const dong = index + 1;
    const stored = state.scores.values(book.ref, code);
    for (const [key, raw] of Object.entries(cells)) {
      const column = book.columns.find((c) => c.key === key);
      if (!column) {
        const message = `Cột "${key}" không có trong sổ điểm môn ${book.subject.name} (dòng ${dong}).`;
        errors.push({ dong, maHs: code, cot: key, message });
        continue;
      }
      const value = raw.trim().normalize('NFC');
      if ((stored[key] ?? '') === value) continue;
      const at = `tại dòng ${dong}, cột ${column.label}`;
      if (lockedColumns.has(key)) {
        const message = `Cột ${column.label} đã khóa, không thể sửa điểm tại dòng ${dong}.`;
        errors.push({ dong, maHs: code, cot: key, message });
      } else if (value !== '' && !isValidEntry(value, book.subject.comment)) {
        const message = book.subject.comment
          ? `Nhận xét không hợp lệ ${at}: "${raw}" (chỉ nhập Đ hoặc CĐ).`
          : `Điểm không hợp lệ ${at}: "${raw}" (điểm từ 0 đến 10, nhiều nhất một chữ số thập phân).`;
        errors.push({ dong, maHs: code, cot: key, message });
      } else {
        changes.push({ code, key, value });
      }
    }
  }
  if (errors.length > 0) {
    errors.sort((a, b) => a.dong - b.dong);
    const more = errors.length > MAX_REPORTED ? ` (và ${errors.length - MAX_REPORTED} lỗi khác)` : '';
    return {
      ok: false,
      status: 422,
      message: `Dữ liệu chưa được lưu. Có ${errors.length} lỗi${more}.`,
      errors: errors.slice(0, MAX_REPORTED),
    };
  }
  for (const { code, key, value } of changes) state.scores.set(book.ref, code, key, value);
  return { ok: true, changed: changes.length };
}

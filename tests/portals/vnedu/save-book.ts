import type { Account } from './accounts';
import { type Book, cellLock, cellName, cellTitle, parseCellName } from './book';
import { lockMessage } from './locks';
import { entryProblem } from './scoring';
import type { VnEduState } from './state';

// The portal's server-side check of a "Lưu": the page posts `txt_<hoc_sinh_id>_<column>_<muc>=value`
// for the inputs it holds changed. Everything or nothing is stored, and every problem is reported
// in Vietnamese with the row number (STT) and the column the teacher sees.

export interface CellError {
  dong: number;
  maHs: string;
  /** Column key (tx1, kt…). */
  cot: string;
  /** The posted input name. */
  name: string;
  message: string;
}

export type SaveOutcome =
  | { ok: true; changed: number; cells: Record<string, { value0: string; title: string }> }
  | { ok: false; status: 403 | 422; message: string; errors: CellError[] };

const MAX_REPORTED = 20;

const normalise = (raw: string, comment: boolean): string => {
  const value = raw.normalize('NFC');
  return comment ? value.replace(/\r\n/g, '\n').trim() : value.trim();
};

export function saveBook(
  state: VnEduState,
  book: Book,
  account: Account,
  posted: ReadonlyArray<readonly [string, string]>,
): SaveOutcome {
  const now = state.clock.now();
  const lock = state.locks.book(book.term, now);
  if (lock.locked) return { ok: false, status: 403, message: lockMessage(book.term, lock), errors: [] };

  const errors: CellError[] = [];
  const changes: Array<{ index: number; key: string; value: string }> = [];
  for (const [name, raw] of posted) {
    const parsed = parseCellName(name);
    const index = parsed ? book.roster.students.findIndex((s) => s.hocSinhId === parsed.hocSinhId) : -1;
    if (!parsed || index < 0) {
      const message = `Không tìm thấy học sinh của ô "${name}" trong lớp ${book.roster.schoolClass.name}.`;
      errors.push({ dong: 0, maHs: '', cot: parsed?.key ?? '', name, message });
      continue;
    }
    const student = book.roster.students[index]!;
    const dong = index + 1;
    const column = book.columns.find((c) => c.key === parsed.key);
    if (!column || parsed.muc !== book.muc) {
      const message = `Cột "${parsed.key}_${parsed.muc}" không có trong sổ môn ${book.subject.name} (dòng ${dong}).`;
      errors.push({ dong, maHs: student.code, cot: parsed.key, name, message });
      continue;
    }
    const value = normalise(raw, column.type === 'comment');
    if ((state.scores.cell(book.ref, student.code, column.key)?.value ?? '') === value) continue;
    const at = `tại dòng ${dong}, cột ${column.label}`;
    const why = cellLock(state, book, column);
    const problem = entryProblem(column, value);
    const fail = (message: string) =>
      errors.push({ dong, maHs: student.code, cot: column.key, name, message });
    if (why === 'column') fail(`Cột ${column.label} đã khóa, không thể sửa điểm tại dòng ${dong}.`);
    else if (why === 'retake')
      fail(`Cột ${column.label} chỉ được nhập sau kỳ thi lại, không thể nhập tại dòng ${dong}.`);
    else if (problem && column.type === 'comment')
      fail(`Nhận xét quá dài ${at}: ${[...value].length} ký tự (${problem}).`);
    else if (problem && (column.type === 'score' || column.type === 'test'))
      fail(`Điểm không hợp lệ ${at}: "${raw}" (${problem}).`);
    else if (problem && column.type === 'result') fail(`Nhận xét không hợp lệ ${at}: "${raw}" (${problem}).`);
    else if (problem) fail(`Mức đạt không hợp lệ ${at}: "${raw}" (${problem}).`);
    else changes.push({ index, key: column.key, value });
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
  const cells: Record<string, { value0: string; title: string }> = {};
  for (const { index, key, value } of changes) {
    const student = book.roster.students[index]!;
    const column = book.columns.find((c) => c.key === key)!;
    state.scores.set(book.ref, student.code, key, value, account.username, Math.floor(now / 1000) * 1000);
    const name = cellName(student, column, book.muc);
    cells[name] = { value0: value, title: cellTitle(state.scores.cell(book.ref, student.code, key), column) };
  }
  return { ok: true, changed: changes.length, cells };
}

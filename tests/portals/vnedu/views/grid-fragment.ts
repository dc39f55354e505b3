import type { Account } from '../accounts';
import { type Book, cellLock, cellName, cellTitle, computedValues } from '../book';
import { lockNotice } from '../locks';
import type { Student } from '../roster';
import type { EntryColumn } from '../scoring';
import type { VnEduState } from '../state';
import { attrs, escapeHtml } from './html';

// The grid fragment the window's panel loads (POST /v5/?load=edu.so_diem.nhap): the form with the
// book's hidden fields, the heading in plain table cells, and table.table.tablefix. Both books
// share this markup family; they differ where the portal's two books differ:
// - primary (TT27): one header row `tr.head` of <td>s (some with rowspan="2" and no second row);
//   per period a comment <textarea> (followed by a hidden textarea.temp), KT and XL inputs of class
//   `input_diem_c1 txtDiem <kind> t<col>_<muc> r1`;
// - secondary (TT22): two header rows (ĐĐGtx spans its sub-columns), body cells with data-loai,
//   data-cot and data-hang, inputs in the input_diem family, computed ĐTBmhk as td.tbhk_tt text
//   and TB cả năm as a read-only input.input_diem_tbm, a "Nhận xét" column of input.input_nhan_xet.

/** disabled: a locked cell is td.allowedit1 holding a disabled input; none: a cell with text and no input. */
export type LockStyle = 'disabled' | 'none';

export interface FragmentProps {
  state: VnEduState;
  account: Account;
  book: Book;
  windowId: string;
  lockStyle: LockStyle;
}

const primary = (book: Book) => book.roster.school.level === 'th';

/** Header cell: a <td> naming its column with `ten` (display name) and `ma` (key). */
function head(
  text: string,
  ten: string,
  ma: string,
  extra: Record<string, string | number | undefined> = {},
) {
  return `<td${attrs({ ...extra, ten, ma })}>${escapeHtml(text)}</td>`;
}

function header(book: Book): string {
  const hidden = { rowspan: 2, style: 'display:none' };
  const lead = [
    head('STT', 'STT', 'stt', { rowspan: 2 }),
    head('Mã HS', 'Mã học sinh', 'ma_hs', hidden),
    head('Họ và tên', 'Họ và tên', 'ho_ten', { rowspan: 2, colspan: 2 }),
    head('Ngày sinh', 'Ngày sinh', 'ngay_sinh', { rowspan: 2 }),
  ];
  const sms = head('SMS', 'Liên lạc', 'sms', { rowspan: 2 });
  if (primary(book)) {
    const columns = book.columns.map((c) => head(c.header, c.displayName, `${c.key}_${book.muc}`));
    return `<thead><tr class="head">${[...lead, ...columns, sms].join('')}</tr></thead>`;
  }
  const regular = book.columns.filter((c) => c.regular);
  const rest = book.columns.filter((c) => !c.regular && c.type !== 'comment');
  const comment = book.columns.filter((c) => c.type === 'comment');
  const top = [
    ...lead,
    head('ĐĐGtx', 'ĐĐGtx', 'tx', { colspan: regular.length }),
    ...rest.map((c) => head(c.header, c.displayName, c.key, { rowspan: 2 })),
    ...book.computed.map((c) => head(c.header, c.displayName, c.code, { rowspan: 2 })),
    ...comment.map((c) => head(c.header, c.displayName, c.key, { rowspan: 2 })),
    sms,
  ];
  const bottom = regular.map((c) => head(c.header, c.displayName, c.key));
  return `<thead><tr class="head">${top.join('')}</tr><tr class="head">${bottom.join('')}</tr></thead>`;
}

function inputClasses(book: Book, column: EntryColumn): string {
  const tail = `${column.kind} t${column.key}_${book.muc} r1`;
  if (primary(book)) return `input_diem_c1 txtDiem ${tail}`;
  return column.type === 'comment' ? `input_nhan_xet txtDiem ${tail}` : `input_diem txtDiem ${tail}`;
}

function entryCell(props: FragmentProps, student: Student, row: number, column: EntryColumn): string {
  const { state, book } = props;
  const stored = state.scores.cell(book.ref, student.code, column.key);
  const value = stored?.value ?? '';
  const locked = cellLock(state, book, column) !== undefined;
  const dataAttrs = primary(book)
    ? {}
    : {
        'data-loai': column.type === 'comment' ? 'nhanxet' : 'diem',
        'data-cot': column.key,
        'data-hang': row,
      };
  if (locked && props.lockStyle === 'none') return `<td${attrs(dataAttrs)}>${escapeHtml(value)}</td>`;
  const name = cellName(student, column, book.muc);
  const field = {
    class: inputClasses(book, column),
    name,
    id: name,
    a: student.hocSinhId,
    b: `t${column.key}_${book.muc}`,
    c: column.key,
    t: book.muc,
    value0: value,
    title: cellTitle(stored, column),
    disabled: locked,
    autocomplete: 'off',
  };
  const td = `<td${attrs({ class: locked ? 'allowedit1' : 'allowedit', ...dataAttrs })}>`;
  if (column.type === 'comment' && primary(book)) {
    const area = `<textarea${attrs({ ...field, maxlength: 500, rows: 2 })}>${escapeHtml(value)}</textarea>`;
    return `${td}${area}<textarea class="temp" style="display:none"></textarea></td>`;
  }
  const maxlength = column.type === 'comment' ? 500 : column.type === 'score' ? 4 : 2;
  return `${td}<input${attrs({ type: 'text', ...field, value, maxlength })}></td>`;
}

function bodyRow(props: FragmentProps, student: Student, index: number): string {
  const { book, state } = props;
  const row = index + 1;
  const entries = book.columns.filter((c) => c.type !== 'comment' || primary(book));
  const comments = primary(book) ? [] : book.columns.filter((c) => c.type === 'comment');
  const computed = computedValues(state, book, student.code);
  const computedCells = book.computed.map((c) => {
    const data = { 'data-loai': 'tbm', 'data-cot': c.code, 'data-hang': row };
    const value = computed[c.key] ?? '';
    return c.code === 'tbhk'
      ? `<td${attrs({ class: 'tbhk_tt', ...data })}>${escapeHtml(value)}</td>`
      : `<td${attrs({ class: 'tbcn_tt', ...data })}><input${attrs({ type: 'text', class: 'input_diem_tbm', readonly: true, value })}></td>`;
  });
  const sms = `<span${attrs({ class: 'icon-sms', title: 'Gửi tin nhắn', hoc_sinh_id: student.hocSinhId, ma_hoc_sinh: student.code, ho_ten: student.fullName })}></span>`;
  return `<tr${attrs({ id: student.code, class: row % 2 === 0 ? 'r-alt' : undefined })}><td class="stt">${row}</td><td style="display:none">${escapeHtml(student.code)}</td><td class="ho"><b>${escapeHtml(student.familyName)}</b></td><td class="ten"><b>${escapeHtml(student.givenName)}</b></td><td class="ngaysinh">${escapeHtml(student.birthDate)}</td>${[
    ...entries.map((c) => entryCell(props, student, row, c)),
    ...computedCells,
    ...comments.map((c) => entryCell(props, student, row, c)),
  ].join('')}<td class="sms">${sms}</td></tr>`;
}

/** The user's right on the book, as the heading's "Quyền hạn" cell says it. */
function permission(props: FragmentProps): string {
  const lock = props.state.locks.book(props.book.term, props.state.clock.now());
  if (lock.locked) return 'Sổ đã khóa, bạn không có quyền nhập điểm';
  return primary(props.book) ? 'Bạn có quyền nhập điểm' : 'Giáo viên bộ môn - Bạn có quyền nhập điểm';
}

/** The teacher named in the heading: the account's own name, or the subject's teacher for an admin. */
function teacherName(props: FragmentProps): string {
  const { account, book, state } = props;
  if (account.role === 'teacher') return account.fullName;
  const teacher = state.accounts.find(
    (a) => a.role === 'teacher' && a.school === account.school && a.subjects.includes(book.subject.code),
  );
  return teacher?.fullName ?? account.fullName;
}

export function gridFragment(props: FragmentProps): string {
  const { book, windowId, state } = props;
  const { schoolClass } = book.roster;
  const hidden = {
    iNamHoc: state.schoolYear,
    iKhoi: schoolClass.grade,
    iLopId: schoolClass.id,
    iMonHocId: book.subject.id,
    iHocKy: book.term,
    muc: book.muc,
  };
  const fields = Object.entries(hidden)
    .map(([name, value]) => `<input${attrs({ type: 'hidden', name, id: `${windowId}_${name}`, value })}>`)
    .join('');
  const lock = state.locks.book(book.term, state.clock.now());
  const notice = lockNotice(book.term, lock);
  const heading = `<table class="tieude" width="100%" cellspacing="0" cellpadding="2">
<tr><td colspan="2" class="tieude-so" align="center">SỔ ĐIỂM CHI TIẾT</td></tr>
<tr><td>Lớp: <b>${escapeHtml(schoolClass.name)}</b></td><td>Môn học: <b>${escapeHtml(book.subject.name)} - Học kỳ ${book.term}</b></td></tr>
<tr><td>Giáo viên dạy: <b id="gvbm">${escapeHtml(teacherName(props))}</b></td><td>Quyền hạn: <b>${escapeHtml(permission(props))}</b></td></tr>
<tr><td colspan="2"${attrs({ class: lock.locked ? 'lock-notice is-locked' : 'lock-notice' })}>${escapeHtml(notice)}</td></tr>
</table>`;
  const rows = book.roster.students.map((student, index) => bodyRow(props, student, index)).join('\n');
  return `<form${attrs({ id: `${windowId}_frm`, name: `${windowId}_frm`, method: 'post' })}>${fields}
${heading}
<table${attrs({ class: 'table tablefix', id: `${windowId}_tbl`, cellspacing: 0, cellpadding: 0 })}>${header(book)}
<tbody>
${rows}
</tbody></table>
</form>`;
}

import type { ProfilePage } from '../schema';

type GradeGridPage = Extract<ProfilePage, { kind: 'grade-grid' }>;

// SMAS, current generation: the score book is a single-page app over a JSON API. What the entries
// below rely on: the book drawn as `div.mark-book > table.mark-table` with a header of two rows
// built from the school's mark template (point groups over their points: "Thường xuyên" over
// TX1…TXn, the subject's own number of them; "Giữa kỳ", "Cuối kỳ"; the computed ĐTBmhk; a
// comment), one row per student carrying its id (`tr[data-student-id]`) and its code under
// "Mã học sinh", framework-controlled inputs (`input.mark-input`), disabled when the semester is
// locked, the last change of a cell in its title ("<user> - HH:MM:SS dd/mm/yyyy"); a toolbar of
// "Lớp", "Môn học", "Học kỳ" selects under a heading naming the school year; "Lưu" answered by a
// toast with the server's message. A reload (after a save, a new token) draws the table anew.

const gradeBook: GradeGridPage = {
  kind: 'grade-grid',
  name: 'Sổ điểm (ứng dụng mới)',
  when: { selector: 'div.mark-book table.mark-table' },
  // Lower secondary and upper secondary follow TT22, primary TT27.
  rulepack: { byGrade: { '1-5': 'tt27', '6-12': 'tt22' }, otherwise: 'tt22' },
  context: {
    schoolYear: [{ label: ['Sổ điểm - Năm học', 'Năm học'] }],
    class: [{ select: ['Lớp'] }],
    subject: [{ select: ['Môn học', 'Môn'] }],
    term: [{ select: ['Học kỳ', 'Học kì'] }],
  },
  // One account holds one school's books: the school is not part of the page.
  key: ['schoolYear', 'class', 'subject', 'term'],
  grid: {
    table: 'div.mark-book table.mark-table',
    rowKey: { header: ['Mã học sinh', 'Mã HS'], attr: 'data-student-id' },
    columns: {
      name: { header: ['Họ và tên', 'Họ tên'] },
      birthDate: { header: ['Ngày sinh'] },
      tx: { header: ['Thường xuyên', 'Đánh giá thường xuyên'], repeat: true },
      gk: { header: ['Giữa kỳ', 'Giữa kì', 'GK', 'GHK'] },
      ck: { header: ['Cuối kỳ', 'Cuối kì', 'CK', 'CHK'] },
      average: { header: ['ĐTBmhk', 'TBmhk', 'ĐTB môn học kỳ'], computed: true },
      comment: { header: ['Nhận xét'] },
    },
  },
  cell: {
    input: 'input.mark-input',
    locked: ['no-input', 'disabled', 'readonly'],
    lastEdit: { attr: 'title' },
  },
  save: {
    button: { text: ['Lưu'] },
    success: '.toast-success',
    error: '.toast-error',
  },
};

/** The grade pages of SMAS's current generation. */
export const smasGradePages: GradeGridPage[] = [gradeBook];

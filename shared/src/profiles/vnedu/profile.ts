import type { Profile, ProfilePage } from '../schema';

type GradeGridPage = Extract<ProfilePage, { kind: 'grade-grid' }>;

// vnEdu (VNPT): an ExtJS desktop whose "Nhập điểm" window holds the grade grid, directly or in
// an iframe. Every selector and text below was checked against the saved, scrubbed pages of the
// simulator (tests/portals/vnedu/pages), which follow what public material shows of the real
// portal (shared/domain notes: table.tablefix, input.input_diem, locked = no input, "Lưu").

const filters: GradeGridPage['context'] = {
  school: { label: ['Trường'] },
  schoolYear: { label: ['Năm học'] },
  grade: { label: ['Khối'] },
  class: { label: ['Lớp'] },
  subject: { label: ['Môn', 'Môn học'] },
  term: { label: ['Học kỳ'] },
};

const grid: GradeGridPage['grid'] = {
  table: 'table.tablefix',
  headerRows: 2,
  rowKey: { header: ['Mã HS', 'Mã học sinh'] },
  columns: {
    name: { header: ['Họ và tên', 'Họ tên'], computed: true },
    tx: { header: ['ĐĐGtx', 'ĐGtx', 'TX'], repeat: true },
    gk: { header: ['ĐĐGgk', 'ĐGgk', 'GK'] },
    ck: { header: ['ĐĐGck', 'ĐGck', 'CK'] },
    average: { header: ['ĐTBmhk', 'ĐTBMHK', 'Kết quả HK'], computed: true },
    yearAverage: { header: ['ĐTBmcn', 'ĐTBMCN', 'Kết quả CN'], computed: true },
  },
  pagination: { kind: 'pages', next: { text: ['Trang sau'] } },
};

const cell: GradeGridPage['cell'] = {
  input: 'input.input_diem, input.txtDiem, input.input_nhan_xet',
  clickToEdit: 'span.input_diem, span.input_nhan_xet',
  lockedWhen: 'no-input',
};

const save: GradeGridPage['save'] = {
  button: { text: ['Lưu'] },
  success: '.x-window-dlg .ext-mb-info',
  error: '.x-window-dlg .ext-mb-error',
};

/** What every variant of the grade page shares: primary books follow TT27, secondary TT22. */
const gradeBook = {
  rulepack: { byGrade: { '1-5': 'tt27', '6-12': 'tt22' } },
  context: filters,
  grid,
  cell,
  save,
} satisfies Partial<GradeGridPage>;

/** Pages of a grade book: the desktop window (iframe or not) and the grade page on its own. */
const gradeGridPages: GradeGridPage[] = [
  {
    kind: 'grade-grid',
    name: 'Nhập điểm môn học (cửa sổ có iframe)',
    when: { selector: 'table.tablefix' },
    container: { window: '.x-window:not(.x-window-dlg)', frames: ['iframe#ifrNhapDiem'] },
    ...gradeBook,
  },
  {
    kind: 'grade-grid',
    name: 'Nhập điểm môn học (cửa sổ)',
    when: { selector: 'table.tablefix' },
    container: { window: '.x-window:not(.x-window-dlg)' },
    ...gradeBook,
  },
  {
    kind: 'grade-grid',
    name: 'Nhập điểm môn học (trang riêng)',
    when: { url: ['*://*/v5/so-diem/*'], selector: 'table.tablefix' },
    ...gradeBook,
  },
];

export const vneduProfile: Profile = {
  id: 'vnedu',
  name: 'vnEdu',
  version: 1,
  // The real portal (one host per school) and the local simulator (any port).
  match: ['https://*.vnedu.vn/v5/*', 'http://127.0.0.1/v5/*'],
  calendar: { id: 'vnedu-default' },
  pages: [
    {
      kind: 'login',
      name: 'Đăng nhập',
      when: { selector: 'form#frmLogin' },
      captcha: 'img.captcha',
    },
    ...gradeGridPages,
  ],
};

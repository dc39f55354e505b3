import type { Profile, ProfilePage } from '../schema';

type GradeGridPage = Extract<ProfilePage, { kind: 'grade-grid' }>;

// vnEdu (VNPT): an ExtJS desktop whose book windows ("[2025-2026] Sổ điểm", "… Sổ nhận xét") hold
// the grade grid, directly or in an iframe. What every entry below relies on is what pages saved
// from the live portal show: several windows open at once with the front one marked
// `ux-desktop-active-win`; the context in hidden form fields (iNamHoc, iKhoi, iHocKy, muc), in the
// heading ("Lớp: 2D", "Môn học: Tiếng Việt - Học kỳ 2") and in the window title; a header of `td`
// cells read from the markup; rows keyed by the student code (`tr id`, a hidden cell); inputs
// carrying `value0` (last saved) and a title naming who saved them; locked cells as `td.allowedit1`
// with a disabled input, or cells without an input.

/** "Kỳ" is spelled "kỳ" and "kì"; periods are named by their short and long names. */
function periodHeaders(prefixes: readonly string[]): string[] {
  const periods = [
    'GK',
    'CK',
    'CN',
    'GK1',
    'GK2',
    'CK1',
    'CK2',
    'GKI',
    'GKII',
    'CKI',
    'CKII',
    ...['giữa kỳ', 'giữa kì', 'cuối kỳ', 'cuối kì', 'giữa học kỳ', 'cuối học kỳ'].flatMap((p) => [
      p,
      `${p} I`,
      `${p} II`,
      `${p} 1`,
      `${p} 2`,
    ]),
    'cuối năm',
    'cả năm',
  ];
  return prefixes.flatMap((prefix) => periods.map((period) => `${prefix} ${period}`));
}

const context: GradeGridPage['context'] = {
  school: [{ label: ['Trường'] }],
  schoolYear: [
    { field: 'iNamHoc' },
    { windowTitle: '\\[(\\d{4}\\s*-\\s*\\d{4})\\]' },
    { label: ['Năm học'] },
  ],
  grade: [{ field: 'iKhoi' }, { label: ['Khối'] }],
  class: [{ label: ['Lớp'] }],
  subject: [{ label: ['Môn học'], until: ' - ' }, { label: ['Môn'] }],
  term: [{ field: 'iHocKy' }, { label: ['Học kỳ', 'Học kì'] }],
  period: [{ field: 'muc' }],
};

const grid: GradeGridPage['grid'] = {
  table: 'table.tablefix',
  rowKey: { header: ['Mã HS', 'Mã học sinh'], attr: 'id' },
  columns: {
    name: { header: ['Họ và tên', 'Họ tên'] },
    birthDate: { header: ['Ngày sinh'] },
    tx: { header: ['ĐĐGtx', 'ĐGtx', 'TX'], repeat: true },
    gk: { header: ['ĐĐGgk', 'ĐGgk', 'GK'] },
    ck: { header: ['ĐĐGck', 'ĐGck', 'CK'] },
    test: { header: ['KT', 'KTĐK', ...periodHeaders(['KT', 'KTĐK', 'Điểm KT'])] },
    level: { header: ['XL', 'Mức đạt', ...periodHeaders(['XL', 'Mức đạt'])] },
    retakeTest: { header: ['KT CN(Sau thi lại)', 'KT sau thi lại', 'Điểm thi lại'] },
    retakeLevel: { header: ['XL CN(Sau thi lại)', 'XL sau thi lại'] },
    comment: { header: ['Nhận xét', ...periodHeaders(['Nhận xét'])] },
    average: { header: ['ĐTBmhk', 'TBHK', 'TBm HK', 'Kết quả HK'], computed: true },
    yearAverage: { header: ['ĐTBmcn', 'TB cả năm', 'TBCN', 'Kết quả CN'], computed: true },
  },
  pagination: { kind: 'pages', next: { text: ['Trang sau'] } },
};

const cell: GradeGridPage['cell'] = {
  // The hidden `textarea.temp` after each comment is the page's own scratch copy, never a cell.
  input: 'input.input_diem, input.txtDiem, input.input_nhan_xet, textarea:not(.temp)',
  clickToEdit: 'span.input_diem, span.input_nhan_xet',
  locked: ['no-input', 'disabled', 'readonly', { selector: 'td.allowedit1' }],
  savedValue: { attr: 'value0' },
  lastEdit: { attr: 'title' },
};

const save: GradeGridPage['save'] = {
  button: { text: ['Lưu'] },
  success: '.x-message-box .x-message-box-info, .x-window-dlg .ext-mb-info',
  error: '.x-message-box .x-message-box-error, .x-window-dlg .ext-mb-error',
};

/** What every variant of the grade page shares: primary books follow TT27, secondary TT22. */
const gradeBook = {
  // A book whose grade cannot be read is most likely a secondary one (TT22 covers grades 6–12).
  rulepack: { byGrade: { '1-5': 'tt27', '6-12': 'tt22' }, otherwise: 'tt22' },
  context,
  grid,
  cell,
  save,
} satisfies Partial<GradeGridPage>;

/** Book windows, never the message boxes that float over them. */
const bookWindows = {
  window: '.x-window:not(.x-window-dlg):not(.x-message-box)',
  activeWindow: '.ux-desktop-active-win, .x-window-active',
};

/** Pages of a grade book: a desktop window (iframe or not) and the grade page on its own. */
const gradeGridPages: GradeGridPage[] = [
  {
    kind: 'grade-grid',
    name: 'Sổ điểm (cửa sổ có iframe)',
    when: { selector: 'table.tablefix' },
    container: { ...bookWindows, frames: ['iframe#ifrNhapDiem'] },
    ...gradeBook,
  },
  {
    kind: 'grade-grid',
    name: 'Sổ điểm (cửa sổ)',
    when: { selector: 'table.tablefix' },
    container: bookWindows,
    ...gradeBook,
  },
  {
    kind: 'grade-grid',
    name: 'Sổ điểm (trang riêng)',
    when: { url: ['*://*/v5/so-diem/*'], selector: 'table.tablefix' },
    ...gradeBook,
  },
];

export const vneduProfile: Profile = {
  id: 'vnedu',
  name: 'vnEdu',
  version: 2,
  // The real portal (one host per school); the local simulator (any port) in test builds only.
  match: ['https://*.vnedu.vn/v5/*'],
  testMatch: ['http://127.0.0.1/v5/*'],
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

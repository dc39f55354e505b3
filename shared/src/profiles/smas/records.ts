import type { ProfilePage } from '../schema';

type RecordFormPage = Extract<ProfilePage, { kind: 'record-form' }>;
type RecordListPage = Extract<ProfilePage, { kind: 'record-list' }>;
type LoginPage = Extract<ProfilePage, { kind: 'login' }>;

// SMAS legacy (ASP.NET MVC, jQuery, Telerik/Kendo controls): the log-on form with its anti-forgery
// token, the choice of school level, the student list as a RadGrid (header and body in separate
// tables, a filter row, a pager of 20 rows) and each student's profile form, opened by "Sửa" in a
// RadWindow that holds an iframe. Coded fields (gender, ethnicity, status) are RadComboBoxes: a
// text input, a hidden input with the chosen item, a list of items. After "Lưu" the page answers in
// `p.message-of-success` / `p.message-of-error`, field errors in `span.field-validation-error`, and
// a radalert pop-up.

const login: LoginPage = {
  kind: 'login',
  name: 'Đăng nhập SMAS',
  when: { selector: 'form#formLogOn' },
};

const levelChoice: LoginPage = {
  kind: 'login',
  name: 'Chọn cấp học',
  when: { selector: 'input[name=RdbSelectLevel]' },
};

const combo = (id: string, name: string) => ({
  root: `div.RadComboBox#${id}`,
  text: 'input.rcbInput',
  value: `input[name=${name}]`,
  items: 'div.rcbSlide li.rcbItem',
});

const studentForm: RecordFormPage = {
  kind: 'record-form',
  name: 'Hồ sơ học sinh (cửa sổ Sửa)',
  record: 'student',
  when: { selector: 'form#frmHoSo' },
  container: { window: 'div.RadWindow#winHoSo', frames: ['iframe#ifrHoSo'] },
  form: 'form#frmHoSo',
  fields: {
    studentCode: { label: ['Mã học sinh'] },
    fullName: { label: ['Họ và tên'] },
    birthDate: { label: ['Ngày sinh'] },
    gender: { label: ['Giới tính'], combo: combo('cbGioiTinh', 'GioiTinh') },
    ethnicity: { label: ['Dân tộc'], combo: combo('cbDanToc', 'DanToc') },
    status: { label: ['Trạng thái'], combo: combo('cbTrangThai', 'TrangThai') },
    citizenId: { label: ['Số CCCD'] },
    phone: { label: ['Điện thoại di động'] },
    parentPhone: { label: ['Điện thoại cha/mẹ'] },
    fatherName: { label: ['Họ tên cha'] },
    motherName: { label: ['Họ tên mẹ'] },
    address: { label: ['Địa chỉ'] },
  },
  required: ['fullName', 'birthDate', 'gender', 'ethnicity', 'status', 'citizenId'],
  save: {
    button: { text: ['Lưu'] },
    success: 'p.message-of-success',
    error: 'p.message-of-error',
    fieldError: 'span.field-validation-error',
    alert: { dialog: 'div.RadWindow.rwAlert', text: '.rwDialogText', ok: 'a.rwPopupButton' },
  },
  locked: ['disabled', 'readonly'],
};

const studentList: RecordListPage = {
  kind: 'record-list',
  name: 'Danh sách học sinh',
  record: 'student',
  when: { selector: 'div.RadGrid .rgDataDiv' },
  grid: {
    table: 'div.rgHeaderDiv table.rgMasterTable',
    body: { container: 'div.RadGrid', table: 'div.rgDataDiv table.rgMasterTable', scroller: 'div.rgDataDiv' },
    skipRows: 'tr.rgFilterRow, tr.rgPager, tr.rgNoRecords',
    rowKey: { header: ['Mã học sinh'] },
    // The student code is the row key (its column is read as the key, not as a field).
    columns: {
      fullName: { header: ['Họ và tên'] },
      birthDate: { header: ['Ngày sinh'] },
      gender: { header: ['Giới tính'] },
      ethnicity: { header: ['Dân tộc'] },
      status: { header: ['Trạng thái'] },
    },
    pagination: {
      kind: 'pages',
      next: { selector: 'input.rgPageNext' },
      previous: { selector: 'input.rgPagePrev' },
      number: 'div.rgPager a.rgNumPage',
      current: 'span.rgInfoPart',
    },
  },
  open: { selector: 'a.rgEdit' },
  formUrl: { attr: 'data-id', url: '/HoSoHocSinh/HoSo/{id}' },
};

/** The legacy generation's pages, the form before the list (the form's window floats over it). */
export const smasLegacyPages: ProfilePage[] = [login, levelChoice, studentForm, studentList];

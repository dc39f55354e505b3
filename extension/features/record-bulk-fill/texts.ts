import type { Message } from '@edulens/shared';
import { inputLimits, limitReason } from '@edulens/shared/limits';

// The record bulk fill's own words, Vietnamese first (shown in the extension's language by `pick`).

export const FILL_TEXT = {
  title: { vi: 'Điền hồ sơ từ Excel', en: 'Fill records from Excel' },
  pick: { vi: 'Chọn tệp (.xlsx, .csv)…', en: 'Pick a file (.xlsx, .csv)…' },
  engineFailed: {
    vi: 'Không tải được phần điền hồ sơ; hãy tải lại trang.',
    en: 'Could not load record filling; please reload the page.',
  },
  reading: (name: string): Message => ({ vi: `Đang đọc "${name}"…`, en: `Reading "${name}"…` }),
  readingList: {
    vi: 'Đang đọc danh sách học sinh (mọi trang)…',
    en: 'Reading the student list (every page)…',
  },
  readingRecords: (count: number): Message => ({
    vi: `Đang đọc ${count} hồ sơ hiện có để so sánh…`,
    en: `Reading ${count} current records to compare…`,
  }),
  listCapped: limitReason('listPages', {
    vi: `chỉ những học sinh ở ${inputLimits.listPages} trang đầu được ghép`,
    en: `only the students of the first ${inputLimits.listPages} pages are matched`,
  }),
  listFailed: {
    vi: 'Không đọc được danh sách học sinh của cổng (phiên đăng nhập có thể đã hết hạn).',
    en: "Could not read the portal's student list (the session may have expired).",
  },
  noForm: {
    vi: 'Hồ sơ cấu hình của cổng này không mô tả biểu mẫu hồ sơ học sinh: chưa điền được.',
    en: "This portal's profile describes no student record form: cannot fill yet.",
  },
  noRecords: (reason: Message): Message => ({
    vi: `Không đọc được hồ sơ trong tệp: ${reason.vi}.`,
    en: `No records read from the file: ${reason.en}.`,
  }),
  mappingTitle: { vi: 'Cột trong tệp → trường hồ sơ', en: 'File column → record field' },
  mappingSaved: {
    vi: 'Cách ghép cột đã sửa được nhớ cho các tệp cùng mẫu.',
    en: 'The corrected column mapping is remembered for files of the same kind.',
  },
  notUsed: { vi: '(không dùng)', en: '(not used)' },
  summary: (records: number, fields: number, skipped: number, unchanged: number): Message => ({
    vi: `${records} hồ sơ sẽ thay đổi (${fields} trường), ${skipped} dòng bỏ qua, ${unchanged} hồ sơ đã đúng.`,
    en: `${records} records will change (${fields} fields), ${skipped} rows skipped, ${unchanged} records already right.`,
  }),
  readOnOpen: { vi: '(đọc khi mở hồ sơ)', en: '(read when the record opens)' },
  skippedTitle: { vi: 'Dòng bỏ qua', en: 'Rows skipped' },
  refusedTitle: { vi: 'Giá trị không điền (sai quy tắc)', en: 'Values not filled (against the rules)' },
  repaired: (count: number): Message => ({
    vi: `${count} ô chữ TCVN3/VNI đã được chuyển sang Unicode.`,
    en: `${count} TCVN3/VNI text cells were converted to Unicode.`,
  }),
  start: { vi: 'Điền và lưu từng hồ sơ', en: 'Fill and save each record' },
  close: { vi: 'Đóng', en: 'Close' },
  cancel: { vi: 'Dừng', en: 'Stop' },
  resume: { vi: 'Tiếp tục', en: 'Resume' },
  skipRecord: { vi: 'Bỏ qua hồ sơ này', en: 'Skip this record' },
  stopRequested: {
    vi: 'Đang dừng sau bước hiện tại…',
    en: 'Stopping after the current step…',
  },
  finished: (saved: number, unchanged: number): Message => ({
    vi: `Xong: đã lưu ${saved} hồ sơ, ${unchanged} hồ sơ không cần sửa.`,
    en: `Done: ${saved} records saved, ${unchanged} needed no change.`,
  }),
  savedSoFar: (saved: number, total: number): Message => ({
    vi: `Đã lưu ${saved}/${total} hồ sơ.`,
    en: `${saved} of ${total} records saved.`,
  }),
  fixHint: {
    vi: 'Sửa giá trị bên dưới (hoặc trong cổng), rồi bấm "Tiếp tục" để làm lại từ hồ sơ này.',
    en: 'Fix the value below (or in the portal), then press "Resume" to start again from this record.',
  },
  student: { vi: 'Học sinh', en: 'Student' },
  row: { vi: 'Dòng', en: 'Row' },
  changes: { vi: 'Thay đổi (cũ → mới)', en: 'Changes (old → new)' },
  reason: { vi: 'Lý do', en: 'Reason' },
} as const;

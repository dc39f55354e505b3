import type { Calendar, CalendarEntry } from './schema';

// Lock instants, chosen per entry and stated with the data:
// - "Khóa ngày X" (locked on day X) → 00:00 of X. The update window before it ends on the eve
//   (30 Dec → lock 31 Dec), so the lock starts the moment the window closes; and a countdown that
//   ends early is harmless where one that ends late costs a school its data.
// - "sau ngày X" (after day X) → 24:00 of X: day X itself is still allowed.
// - "trước ngày X" (before day X) → 00:00 of X.
// - Update windows "từ ngày A đến ngày B" run from 00:00 of A to 24:00 of B.

const SMAS_VINH_LONG_PLAN = 'Kế hoạch số 1648/SGDĐT-VP ngày 30/9/2019 của Sở GD&ĐT Vĩnh Long';

/** A report's update window and the lock that follows it, as the SMAS plan pairs them. */
function smasReport(
  id: string,
  report: { vi: string; en: string },
  window: { opens: { month: number; day: number }; closes: { month: number; day: number } },
  lockOn: { month: number; day: number },
): CalendarEntry[] {
  return [
    {
      id: `${id}-update`,
      kind: 'update-window',
      title: { vi: `Cập nhật dữ liệu ${report.vi}`, en: `Update window: ${report.en}` },
      every: 'year',
      opens: { ...window.opens, time: '00:00' },
      at: { ...window.closes, time: '24:00' },
      source: `${SMAS_VINH_LONG_PLAN}, mục II.2.2`,
    },
    {
      id: `${id}-lock`,
      kind: 'lock',
      title: { vi: `Khóa SMAS: ${report.vi}`, en: `SMAS lock: ${report.en}` },
      every: 'year',
      at: { ...lockOn, time: '00:00' },
      source: `${SMAS_VINH_LONG_PLAN}, mục II.2.1`,
    },
  ];
}

const smasVinhLong: Calendar = {
  id: 'smas-vinhlong',
  name: { vi: 'Lịch khóa SMAS (Vĩnh Long)', en: 'SMAS lock calendar (Vĩnh Long)' },
  entries: [
    ...smasReport(
      'after-opening',
      { vi: 'Báo cáo sau khai giảng', en: 'after-opening report' },
      { opens: { month: 9, day: 1 }, closes: { month: 9, day: 6 } },
      { month: 9, day: 9 },
    ),
    {
      id: 'monthly-update',
      kind: 'update-window',
      title: { vi: 'Cập nhật dữ liệu Báo cáo tháng', en: 'Update window: monthly report' },
      every: 'month',
      opens: { day: 15, time: '00:00' },
      at: { day: 15, time: '24:00' },
      source: `${SMAS_VINH_LONG_PLAN}, mục II.2.2`,
      assumption: {
        vi: 'Văn bản ghi "ngày 15/9 hằng tháng"; EduLens hiểu là ngày 15 mỗi tháng.',
        en: 'The plan says "15/9 every month"; EduLens reads it as the 15th of each month.',
      },
    },
    {
      id: 'monthly-lock',
      kind: 'lock',
      title: { vi: 'Khóa SMAS: Báo cáo tháng', en: 'SMAS lock: monthly report' },
      every: 'month',
      at: { day: 17, time: '00:00' },
      source: `${SMAS_VINH_LONG_PLAN}, mục II.2.1`,
    },
    ...smasReport(
      'semester-1',
      { vi: 'Báo cáo học kỳ I', en: 'semester I report' },
      { opens: { month: 12, day: 25 }, closes: { month: 12, day: 30 } },
      { month: 12, day: 31 },
    ),
    ...smasReport(
      'thcs-graduation',
      { vi: 'Báo cáo tốt nghiệp THCS', en: 'lower-secondary graduation report' },
      { opens: { month: 5, day: 20 }, closes: { month: 5, day: 24 } },
      { month: 5, day: 25 },
    ),
    ...smasReport(
      'school-year',
      { vi: 'Báo cáo năm học', en: 'school-year report' },
      { opens: { month: 5, day: 25 }, closes: { month: 5, day: 30 } },
      { month: 5, day: 31 },
    ),
    ...smasReport(
      'thpt-graduation',
      { vi: 'Báo cáo tốt nghiệp THPT', en: 'upper-secondary graduation report' },
      { opens: { month: 8, day: 5 }, closes: { month: 8, day: 10 } },
      { month: 8, day: 15 },
    ),
  ],
};

/** Sync to CSDL ngành is a day's job: open from 00:00, due by 24:00 of the day. */
function csdlSync(
  id: string,
  report: { vi: string; en: string },
  on: { month: number; day: number },
): CalendarEntry {
  return {
    id,
    kind: 'sync',
    title: { vi: `Đồng bộ CSDL ngành: ${report.vi}`, en: `Sync to the ministry database: ${report.en}` },
    every: 'year',
    opens: { ...on, time: '00:00' },
    at: { ...on, time: '24:00' },
    source: `${SMAS_VINH_LONG_PLAN}, mục II.3`,
  };
}

const csdlSyncCalendar: Calendar = {
  id: 'csdl-sync',
  name: { vi: 'Lịch đồng bộ CSDL ngành', en: 'Ministry database (CSDL ngành) sync calendar' },
  entries: [
    csdlSync(
      'start-of-year',
      { vi: 'Báo cáo kỳ đầu năm học', en: 'start-of-year report' },
      { month: 10, day: 10 },
    ),
    csdlSync('mid-year', { vi: 'Báo cáo kỳ giữa năm học', en: 'mid-year report' }, { month: 1, day: 10 }),
    csdlSync(
      'end-of-year',
      { vi: 'Báo cáo kỳ cuối năm học', en: 'end-of-year report' },
      { month: 5, day: 31 },
    ),
    csdlSync(
      'thpt-graduation',
      { vi: 'Báo cáo tốt nghiệp THPT', en: 'upper-secondary graduation report' },
      {
        month: 8,
        day: 15,
      },
    ),
  ],
};

const PMIS_BEN_TRE_LETTER = 'Công văn số 346/SGD&ĐT-TCCB ngày 02/4/2009 của Sở GD&ĐT Bến Tre, mục IV';

/** "Gửi dữ liệu quý N trước ngày D": due at 00:00 of D. */
function pmisQuarter(quarter: number, before: { month: number; day: number }): CalendarEntry {
  return {
    id: `quarter-${quarter}`,
    kind: 'deadline',
    title: { vi: `Gửi dữ liệu PMIS quý ${quarter}`, en: `Send PMIS data for quarter ${quarter}` },
    every: 'year',
    at: { ...before, time: '00:00' },
    source: PMIS_BEN_TRE_LETTER,
  };
}

const pmisQuarterly: Calendar = {
  id: 'pmis-quarterly',
  name: { vi: 'Hạn gửi dữ liệu PMIS hằng quý', en: 'PMIS quarterly deadlines' },
  assumption: {
    vi: 'Ngày do Sở GD&ĐT Bến Tre đặt cho năm 2009; tỉnh khác hoặc năm khác cần ghi đè lịch này.',
    en: 'Dates set by the Bến Tre education department for 2009; override them for other provinces or years.',
  },
  entries: [
    pmisQuarter(1, { month: 4, day: 20 }),
    pmisQuarter(2, { month: 5, day: 15 }),
    pmisQuarter(3, { month: 9, day: 20 }),
    pmisQuarter(4, { month: 12, day: 20 }),
  ],
};

const scoreEditCutoff: Calendar = {
  id: 'score-edit-cutoff',
  name: { vi: 'Hạn chót sửa điểm', en: 'Score edit cut-off' },
  entries: [
    {
      id: 'no-score-edits',
      kind: 'lock',
      title: { vi: 'Không sửa điểm sau ngày 31/5', en: 'No score edits after 31 May' },
      every: 'year',
      at: { month: 5, day: 31, time: '24:00' },
      source: 'Hướng dẫn sử dụng sổ điện tử năm 2017 của Phòng GD&ĐT huyện Vân Hồ (Sơn La), mục 2.2.2',
    },
  ],
};

const VNEDU_DAK_NONG_RULES = 'Quyết định số 150/QĐ-SGDĐT ngày 27/3/2018 của Sở GD&ĐT Đắk Nông';

const vneduDefault: Calendar = {
  id: 'vnedu-default',
  name: { vi: 'Lịch khóa sổ vnEdu (mặc định)', en: 'vnEdu score-book locks (default)' },
  assumption: {
    vi: 'Hiệu trưởng quyết định ngày khóa sổ; đây là ngày mặc định, hãy ghi đè theo quyết định của trường.',
    en: 'The principal sets the lock dates; these are defaults to override with the school’s decision.',
  },
  entries: [
    {
      id: 'semester-1-score-lock',
      kind: 'lock',
      title: { vi: 'Khóa sổ điểm học kỳ I', en: 'Semester I score book lock' },
      every: 'year',
      at: { month: 1, day: 15, time: '24:00' },
      source: VNEDU_DAK_NONG_RULES,
      assumption: {
        vi: 'Giả định: học kỳ I kết thúc giữa tháng 1, khóa sổ sau ngày 15/01.',
        en: 'Assumed: semester I ends mid-January and the book locks after 15 January.',
      },
    },
    {
      id: 'year-score-lock',
      kind: 'lock',
      title: { vi: 'Khóa sổ điểm cả năm', en: 'Whole-year score book lock' },
      every: 'year',
      at: { month: 5, day: 31, time: '24:00' },
      source: VNEDU_DAK_NONG_RULES,
      assumption: {
        vi: 'Giả định: khóa sau ngày 31/5, ngày không ai được sửa điểm nữa (hướng dẫn Vân Hồ, Sơn La 2017).',
        en: 'Assumed: locks after 31 May, after which nobody may change scores (Vân Hồ, Sơn La guidance, 2017).',
      },
    },
  ],
};

export const calendarIds = [
  'smas-vinhlong',
  'csdl-sync',
  'pmis-quarterly',
  'score-edit-cutoff',
  'vnedu-default',
] as const;

export type CalendarId = (typeof calendarIds)[number];

const CALENDARS: Record<CalendarId, Calendar> = {
  'smas-vinhlong': smasVinhLong,
  'csdl-sync': csdlSyncCalendar,
  'pmis-quarterly': pmisQuarterly,
  'score-edit-cutoff': scoreEditCutoff,
  'vnedu-default': vneduDefault,
};

/** A built-in calendar. The object is shared: derive changed copies with applyCalendarOverride. */
export function getCalendar(id: CalendarId): Calendar {
  return CALENDARS[id];
}

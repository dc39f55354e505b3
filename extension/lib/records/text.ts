import type { Message } from '@edulens/shared';

// The record features' own words, Vietnamese first (shown in the extension's language by `pick`).

export const RECORD_TEXT = {
  requiredFilled: (filled: number, total: number): Message => ({
    vi: `${filled}/${total} trường bắt buộc`,
    en: `${filled}/${total} required fields`,
  }),
  missingHint: { vi: 'Còn thiếu (bấm để đến ô):', en: 'Missing (click to go to the field):' },
  allRequiredFilled: { vi: 'Đủ thông tin bắt buộc', en: 'All required fields filled' },
  recordsComplete: (complete: number, total: number): Message => ({
    vi: `${complete}/${total} hồ sơ đủ thông tin bắt buộc`,
    en: `${complete}/${total} records have every required field`,
  }),
  reading: (done: number, total: number): Message => ({
    vi: `Đang đọc hồ sơ ${done}/${total}…`,
    en: `Reading records ${done}/${total}…`,
  }),
  pagesRead: (read: number, pages: number): Message => ({
    vi: `Đã xem ${read}/${pages} trang của danh sách`,
    en: `${read} of ${pages} pages of the list read`,
  }),
  readWholeList: { vi: 'Kiểm tra cả danh sách', en: 'Check the whole list' },
  unreadable: (count: number): Message => ({
    vi: `${count} hồ sơ không đọc được`,
    en: `${count} records could not be read`,
  }),
  tooMany: (max: number): Message => ({
    vi: `Chỉ đếm ${max} hồ sơ đầu tiên của danh sách.`,
    en: `Only the first ${max} records of the list are counted.`,
  }),
  incomplete: { vi: 'Hồ sơ còn thiếu:', en: 'Incomplete records:' },
  locked: {
    vi: 'Hồ sơ đang bị khóa trên cổng: chỉ xem.',
    en: 'The portal has locked this record: read only.',
  },
} as const;

/** The record pages' deadline banner. */
export const DEADLINE_TEXT = {
  lockIn: (title: Message, when: string): Message => ({
    vi: `${title.vi} sau ${when}`,
    en: `${title.en} in ${when}`,
  }),
  lockedByPortal: { vi: 'Cổng đang khóa hồ sơ', en: 'The portal shows the record locked' },
  windowOpen: (title: Message, when: string): Message => ({
    vi: `Đang mở: ${title.vi}, đóng sau ${when}`,
    en: `Open: ${title.en}, closes in ${when}`,
  }),
  windowNext: (title: Message, when: string): Message => ({
    vi: `${title.vi}: mở sau ${when}`,
    en: `${title.en}: opens in ${when}`,
  }),
} as const;

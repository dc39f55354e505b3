// The logical fields of a student record, named once for every portal: a profile says where each
// one is on its record pages (labels, inputs, list columns), features work with these names only.
// No zod here: the content script and the record features import this without the schemas.

/** What the student rules check (rules/fields) and what the completeness meter counts. */
export const recordFields = [
  'studentCode',
  'fullName',
  'birthDate',
  'gender',
  'ethnicity',
  'status',
  'citizenId',
  'phone',
  'parentPhone',
  'fatherName',
  'motherName',
  'address',
] as const;

export type RecordField = (typeof recordFields)[number];

/** Fields whose values are items of the ministry's catalogues, compared without case. */
export const codedRecordFields: ReadonlySet<RecordField> = new Set(['gender', 'ethnicity', 'status']);

/** Fields that say who the student is (with the code): a fill writes them only when the code matched. */
export const identityRecordFields: ReadonlySet<RecordField> = new Set(['fullName', 'birthDate']);

/** Whose record a page holds. */
export const recordKinds = ['student', 'staff'] as const;
export type RecordKind = (typeof recordKinds)[number];

/** Each field's name in messages (Vietnamese, English). */
export const RECORD_FIELD_NAMES: Readonly<Record<RecordField, { vi: string; en: string }>> = {
  studentCode: { vi: 'Mã học sinh', en: 'Student code' },
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  birthDate: { vi: 'Ngày sinh', en: 'Date of birth' },
  gender: { vi: 'Giới tính', en: 'Gender' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnicity' },
  status: { vi: 'Trạng thái', en: 'Status' },
  citizenId: { vi: 'Số CCCD', en: 'Citizen ID' },
  phone: { vi: 'Điện thoại di động', en: 'Mobile phone' },
  parentPhone: { vi: 'Điện thoại cha/mẹ', en: "Parent's phone" },
  fatherName: { vi: 'Họ tên cha', en: "Father's name" },
  motherName: { vi: 'Họ tên mẹ', en: "Mother's name" },
  address: { vi: 'Địa chỉ', en: 'Address' },
};

// The fields of a student record (hồ sơ học sinh) as both simulated SMAS generations store them,
// with their Vietnamese labels, the required list and the coded values of the combo fields.

export interface StudentRecord {
  fullName: string;
  /** dd/mm/yyyy */
  birthDate: string;
  /** 'Nam' | 'Nữ' once filled; '' when left blank. */
  gender: string;
  ethnicity: string;
  status: string;
  /** Số CCCD / định danh cá nhân: 12 digits. */
  citizenId: string;
  /** The student's own mobile (10 digits). */
  phone: string;
  parentPhone: string;
  fatherName: string;
  motherName: string;
  address: string;
}

export type RecordField = keyof StudentRecord;

export const FIELD_LABELS: Readonly<Record<RecordField, string>> = {
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  gender: 'Giới tính',
  ethnicity: 'Dân tộc',
  status: 'Trạng thái',
  citizenId: 'Số CCCD',
  phone: 'Điện thoại di động',
  parentPhone: 'Điện thoại cha/mẹ',
  fatherName: 'Họ tên cha',
  motherName: 'Họ tên mẹ',
  address: 'Địa chỉ',
};

/** Every field of a record, in the order the form shows them (FIELD_LABELS' order). */
export const RECORD_FIELDS = Object.keys(FIELD_LABELS) as readonly RecordField[];

/**
 * Required by the simulated SMAS (a record missing one is incomplete and its save is refused):
 * Họ và tên, Ngày sinh, Giới tính, Dân tộc, Trạng thái, Số CCCD. The extension's SMAS profile
 * declares the same list.
 */
export const REQUIRED_FIELDS: readonly RecordField[] = [
  'fullName',
  'birthDate',
  'gender',
  'ethnicity',
  'status',
  'citizenId',
];

export const GENDERS = ['Nam', 'Nữ'] as const;

/** Dân tộc items, most common in the Mekong delta first. */
export const ETHNICITIES: readonly string[] = [
  'Kinh',
  'Khmer',
  'Hoa',
  'Tày',
  'Thái',
  'Mường',
  'Nùng',
  'Chăm',
];

export const STATUSES: readonly string[] = ['Đang học', 'Chuyển đến', 'Chuyển đi', 'Thôi học', 'Nghỉ học'];

/** The combo (coded) fields and their items. */
export const CODED_VALUES: Readonly<Partial<Record<RecordField, readonly string[]>>> = {
  gender: GENDERS,
  ethnicity: ETHNICITIES,
  status: STATUSES,
};

export function missingRequired(record: StudentRecord): RecordField[] {
  return REQUIRED_FIELDS.filter((field) => record[field].trim() === '');
}

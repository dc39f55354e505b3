import type { Grade, Level } from './subjects';

// Three schools of Đắk Nông province (ministry code 63): two lower-secondary schools (TT22 books)
// and a primary school (TT27 books). School codes follow the 8-digit shape seen in the ministry
// database: 2-digit province + 3-digit district + 3-digit sequence.

export interface Teacher {
  fullName: string;
  /** Subject codes (of the school's level) this teacher enters grades for. */
  subjects: readonly string[];
}

export interface SchoolClass {
  name: string;
  grade: Grade;
  /** Internal numeric id, posted as `iLopId`. */
  id: number;
  /** Number of students; random (35–48) when absent. */
  size?: number;
}

export interface School {
  code: string;
  name: string;
  level: Level;
  /** Account suffix, e.g. "thcsnd" in "annv.thcsnd". */
  abbr: string;
  district: string;
  districtAbbr: string;
  classes: readonly SchoolClass[];
  teachers: readonly Teacher[];
}

export const PROVINCE = 'Đắk Nông';
/** The fixture's school year, which tests pin (`VnEduOptions.schoolYear`); the demo follows today's. */
export const SCHOOL_YEAR = '2025-2026';
/** `iNamHoc`: the first calendar year of the school year. */
export const SCHOOL_YEAR_START = 2025;

/** "2026-2027", as window titles show it. */
export const schoolYearLabel = (start: number): string => `${start}-${start + 1}`;

/**
 * The school year an instant falls in (its first calendar year), in Vietnam's time: a school year
 * starts in September, so 07/12/2026 is in 2026-2027 and 20/08/2026 still in 2025-2026.
 */
export function schoolYearAt(instant: number): number {
  const d = new Date(instant + 7 * 3_600_000);
  return d.getUTCMonth() >= 8 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
}

const classesOf = (base: number, names: ReadonlyArray<string | [string, number]>): SchoolClass[] =>
  names.map((entry, index) => {
    const [name, size] = typeof entry === 'string' ? [entry, undefined] : entry;
    return { name, grade: Number(name[0]) as Grade, id: base + index, ...(size && { size }) };
  });

export const schools: readonly School[] = [
  {
    code: '63001012',
    name: 'Trường THCS Nguyễn Du',
    level: 'thcs',
    abbr: 'thcsnd',
    district: 'Thành phố Gia Nghĩa',
    districtAbbr: 'gn',
    classes: classesOf(418_201, ['6A1', '6A2', '7A1', '7A2', '8A1', '8A2', '9A1', '9A2']),
    teachers: [
      { fullName: 'Nguyễn Văn An', subjects: ['TOAN'] },
      { fullName: 'Trần Thị Bích Ngọc', subjects: ['VAN'] },
      { fullName: 'Lê Hoàng Minh', subjects: ['ANH', 'TIN'] },
      { fullName: 'Phạm Thị Thuỷ', subjects: ['KHTN', 'CN'] },
      { fullName: 'Đỗ Đức Hải', subjects: ['GDTC', 'HDTN'] },
      { fullName: 'Vũ Thị Hoà', subjects: ['LSDL', 'GDCD', 'NT', 'GDDP'] },
    ],
  },
  {
    code: '63003005',
    name: 'Trường THCS Lê Lợi',
    level: 'thcs',
    abbr: 'thcsll',
    district: 'Huyện Cư Jút',
    districtAbbr: 'cj',
    classes: classesOf(425_301, ['6A', '6B', '7A', '8A', '9A']),
    teachers: [
      { fullName: 'Hoàng Văn Nam', subjects: ['TOAN', 'TIN'] },
      { fullName: 'Nguyễn Thị Lan', subjects: ['VAN', 'GDCD', 'GDDP'] },
      { fullName: 'Đặng Quốc Bảo', subjects: ['ANH', 'KHTN'] },
      { fullName: 'Bùi Thị Mai', subjects: ['LSDL', 'CN', 'NT', 'GDTC', 'HDTN'] },
    ],
  },
  {
    code: '63001020',
    name: 'Trường Tiểu học Trần Quốc Toản',
    level: 'th',
    abbr: 'thtqt',
    district: 'Thành phố Gia Nghĩa',
    districtAbbr: 'gn',
    classes: classesOf(431_101, ['1A', '2A', ['2D', 38], '3A', '4A', '5A']),
    teachers: [
      // The class teacher of 2D teaches most of its subjects, as primary class teachers do.
      { fullName: 'Lê Thị Hồng Nhung', subjects: ['TV', 'TOAN', 'DD', 'TNXH', 'KH', 'LSDL', 'HDTN'] },
      { fullName: 'Trần Văn Phúc', subjects: ['ANH', 'TINCN'] },
      { fullName: 'Đinh Thị Mai', subjects: ['GDTC', 'NT'] },
    ],
  },
];

export function findSchool(codeOrAbbr: string): School | undefined {
  return schools.find((school) => school.code === codeOrAbbr || school.abbr === codeOrAbbr);
}

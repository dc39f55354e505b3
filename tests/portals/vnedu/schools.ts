import type { Grade } from './subjects';

// Two schools of Đắk Nông province (ministry code 63). School codes follow the 8-digit shape
// seen in the ministry database: 2-digit province + 3-digit district + 3-digit sequence.

export interface Teacher {
  fullName: string;
  /** Subject codes this teacher enters grades for. */
  subjects: readonly string[];
}

export interface SchoolClass {
  name: string;
  grade: Grade;
}

export interface School {
  code: string;
  name: string;
  /** Account suffix, e.g. "thcsnd" in "annv.thcsnd". */
  abbr: string;
  district: string;
  districtAbbr: string;
  classes: readonly SchoolClass[];
  teachers: readonly Teacher[];
}

export const PROVINCE = 'Đắk Nông';
export const SCHOOL_YEAR = '2025-2026';

const classesOf = (names: readonly string[]): SchoolClass[] =>
  names.map((name) => ({ name, grade: Number(name[0]) as Grade }));

export const schools: readonly School[] = [
  {
    code: '63001012',
    name: 'Trường THCS Nguyễn Du',
    abbr: 'thcsnd',
    district: 'Thành phố Gia Nghĩa',
    districtAbbr: 'gn',
    classes: classesOf(['6A1', '6A2', '7A1', '7A2', '8A1', '8A2', '9A1', '9A2']),
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
    abbr: 'thcsll',
    district: 'Huyện Cư Jút',
    districtAbbr: 'cj',
    classes: classesOf(['6A', '6B', '7A', '8A', '9A']),
    teachers: [
      { fullName: 'Hoàng Văn Nam', subjects: ['TOAN', 'TIN'] },
      { fullName: 'Nguyễn Thị Lan', subjects: ['VAN', 'GDCD', 'GDDP'] },
      { fullName: 'Đặng Quốc Bảo', subjects: ['ANH', 'KHTN'] },
      { fullName: 'Bùi Thị Mai', subjects: ['LSDL', 'CN', 'NT', 'GDTC', 'HDTN'] },
    ],
  },
];

export function findSchool(codeOrAbbr: string): School | undefined {
  return schools.find((school) => school.code === codeOrAbbr || school.abbr === codeOrAbbr);
}

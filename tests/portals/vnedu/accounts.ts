import { type School, schools } from './schools';
import { subjectsOf } from './subjects';

// Demo accounts named by the vnEdu rule (Đắk Nông operating rules, 2018): a teacher is
// <given name><initials of family and middle names>.<school>, a school admin <district>_<school>.
// Written here independently of @edulens/shared so the fixture cannot inherit its bugs.

export const TEACHER_PASSWORD = 'Vnedu@2025';
export const ADMIN_PASSWORD = 'Admin@2025';

export interface Account {
  username: string;
  password: string;
  fullName: string;
  role: 'teacher' | 'admin';
  school: School;
  /** Subject codes (of the school's level) the account may enter grades for (an admin: all). */
  subjects: readonly string[];
}

/** "Nguyễn Văn Đức" → "nguyen van duc": no tone marks, đ → d, lower case. */
function plainLatin(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

function teacherUsername(fullName: string, schoolAbbr: string): string {
  const words = plainLatin(fullName).split(/\s+/).filter(Boolean);
  const given = words.pop() ?? '';
  return `${given}${words.map((word) => word[0]).join('')}.${schoolAbbr}`;
}

export function demoAccounts(): Account[] {
  return schools.flatMap((school) => [
    ...school.teachers.map((teacher): Account => ({
      username: teacherUsername(teacher.fullName, school.abbr),
      password: TEACHER_PASSWORD,
      fullName: teacher.fullName,
      role: 'teacher',
      school,
      subjects: teacher.subjects,
    })),
    {
      username: `${school.districtAbbr}_${school.abbr}`,
      password: ADMIN_PASSWORD,
      fullName: `Quản trị ${school.name}`,
      role: 'admin',
      school,
      subjects: subjectsOf(school.level).map((subject) => subject.code),
    },
  ]);
}

/** The teacher account that enters a subject at a school (the admin when no teacher does). */
export function teacherOf(
  accounts: readonly Account[],
  school: School,
  subjectCode: string,
): Account | undefined {
  const inSchool = accounts.filter((account) => account.school === school);
  return (
    inSchool.find((account) => account.role === 'teacher' && account.subjects.includes(subjectCode)) ??
    inSchool.find((account) => account.role === 'admin')
  );
}

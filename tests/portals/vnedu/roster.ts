import { anchorNames, compareForClassList, randomStudentName } from './names';
import { createRng, seedFrom } from './prng';
import { type School, type SchoolClass, SCHOOL_YEAR_START, schools } from './schools';

export interface Student {
  /** Mã học sinh: 10 digits, as seen in the ministry database; unique across schools. */
  code: string;
  /** The portal's internal numeric id (`hoc_sinh_id`, in input names): not the code. */
  hocSinhId: number;
  fullName: string;
  /** Family and middle names, as the first of the two name cells shows them. */
  familyName: string;
  /** Given name (the last word), the second name cell. */
  givenName: string;
  /** dd/mm/yyyy */
  birthDate: string;
}

export interface ClassRoster {
  school: School;
  schoolClass: SchoolClass;
  /** In class-list order; a student's row number (STT) is its index + 1. */
  students: readonly Student[];
}

export interface Roster {
  classes: readonly ClassRoster[];
  find(schoolCode: string, className: string): ClassRoster | undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "H'Hen Niê" → ["H'Hen", "Niê"]: the name cells split at the last space. */
export function splitName(fullName: string): { familyName: string; givenName: string } {
  const at = fullName.lastIndexOf(' ');
  return at < 0
    ? { familyName: '', givenName: fullName }
    : { familyName: fullName.slice(0, at), givenName: fullName.slice(at + 1) };
}

/** Every class of every school, 35–48 students each (or the class's fixed size), the same for the same seed. */
export function buildRoster(seed: number, schoolYear = SCHOOL_YEAR_START): Roster {
  const usedCodes = new Set<string>();
  const usedIds = new Set<number>();
  const classes = schools.flatMap((school, schoolIndex) =>
    school.classes.map((schoolClass, classIndex): ClassRoster => {
      const rng = createRng(seedFrom(seed, school.code, schoolClass.name));
      const drawn = rng.int(35, 48);
      const size = schoolClass.size ?? drawn;
      const anchors = schoolIndex === 0 && classIndex === 0 ? anchorNames : [];
      const names = [...anchors];
      while (names.length < size) names.push(randomStudentName(rng));
      // Ids and birth dates come from their own stream so that codes stay what they were.
      const extra = createRng(seedFrom(seed, 'hoc_sinh_id', school.code, schoolClass.name));
      const birthYear = schoolYear - 5 - schoolClass.grade;
      const students = names.sort(compareForClassList).map((fullName): Student => {
        let code: string;
        do code = `63${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
        while (usedCodes.has(code));
        usedCodes.add(code);
        let hocSinhId: number;
        do hocSinhId = extra.int(1_200_000, 9_899_999);
        while (usedIds.has(hocSinhId));
        usedIds.add(hocSinhId);
        const birth = new Date(Date.UTC(birthYear, 0, 1) + extra.int(0, 364) * 86_400_000);
        const birthDate = `${pad(birth.getUTCDate())}/${pad(birth.getUTCMonth() + 1)}/${birth.getUTCFullYear()}`;
        return { code, hocSinhId, fullName, ...splitName(fullName), birthDate };
      });
      return { school, schoolClass, students };
    }),
  );
  return {
    classes,
    find: (schoolCode, className) =>
      classes.find((c) => c.school.code === schoolCode && c.schoolClass.name === className),
  };
}

import { anchorNames, compareForClassList, randomStudentName } from './names';
import { createRng, seedFrom } from './prng';
import { type School, type SchoolClass, schools } from './schools';

export interface Student {
  /** 10 digits, as seen in the ministry database; unique across schools. */
  code: string;
  fullName: string;
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

/** Every class of every school, 35–48 students each, the same for the same seed. */
export function buildRoster(seed: number): Roster {
  const usedCodes = new Set<string>();
  const classes = schools.flatMap((school, schoolIndex) =>
    school.classes.map((schoolClass, classIndex): ClassRoster => {
      const rng = createRng(seedFrom(seed, school.code, schoolClass.name));
      const size = rng.int(35, 48);
      const anchors = schoolIndex === 0 && classIndex === 0 ? anchorNames : [];
      const names = [...anchors];
      while (names.length < size) names.push(randomStudentName(rng));
      const students = names.sort(compareForClassList).map((fullName) => {
        let code: string;
        do code = `63${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
        while (usedCodes.has(code));
        usedCodes.add(code);
        return { code, fullName };
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

import { rules } from '@edulens/shared';
import { createRng, seedFrom } from '../../vnedu/prng';
import { MarkStore } from './mark-store';
import { SUBJECTS, type SubjectPlan } from './subjects';

// Seeded marks, the same on every run: semester I under way in mid November, so most students
// have their first regular assessments, many the mid-term, a few the whole book (their ĐTBmhk
// shows); some cells were corrected once (a history of two). Tin học was never entered: its
// marks answer 204.

export interface SeedClass {
  classId: number;
  studentIds: readonly number[];
}

/** Share of students with a value, per point, in semester I. */
const FILL: Readonly<Record<string, number>> = { TX1: 0.95, TX2: 0.85, TX3: 0.6, TX4: 0.5, GK: 0.6 };
const COMPLETE_SHARE = 0.15;
const CORRECTED_SHARE = 0.1;
const NEVER_ENTERED = 'Tin học';
const DAY_MS = 86_400_000;

export function seedMarks(
  classes: readonly SeedClass[],
  teacher: string,
  seed: number,
  enteredAt: number,
): MarkStore {
  const store = new MarkStore();
  for (const schoolClass of classes) {
    for (const subject of SUBJECTS) {
      if (subject.subjectName !== NEVER_ENTERED)
        seedBook(store, schoolClass, subject, teacher, seed, enteredAt);
    }
  }
  return store;
}

function seedBook(
  store: MarkStore,
  schoolClass: SeedClass,
  subject: SubjectPlan,
  teacher: string,
  seed: number,
  enteredAt: number,
): void {
  const rng = createRng(seedFrom(seed, 'smas-current-marks', schoolClass.classId, subject.subjectId));
  const ref = { classId: schoolClass.classId, subjectId: subject.subjectId, semester: 1 };
  const score = () => {
    const tenths = rng.chance(0.6) ? rng.int(4, 10) * 10 : rng.int(8, 19) * 5;
    return rules.formatTenths(Math.min(tenths, 100)).replace(/\.0$/, '');
  };
  const points = [...Array.from({ length: subject.txCount }, (_, i) => `TX${i + 1}`), 'GK'];
  for (const studentId of schoolClass.studentIds) {
    const complete = rng.chance(COMPLETE_SHARE);
    let at = enteredAt - 25 * DAY_MS + rng.int(0, 5) * DAY_MS;
    for (const pointKey of [...points, ...(complete ? ['CK'] : [])]) {
      at += rng.int(1, 3) * DAY_MS + rng.int(0, 3_600_000);
      if (!complete && !rng.chance(FILL[pointKey] ?? 0.5)) continue;
      const first = score();
      store.set(ref, studentId, pointKey, first, teacher, at);
      if (rng.chance(CORRECTED_SHARE)) store.set(ref, studentId, pointKey, score(), teacher, at + 600_000);
    }
  }
}

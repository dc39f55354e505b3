import { fields } from '@edulens/shared/rules';
import { compareForClassList, randomGenderedName } from '../../vnedu/names';
import { createRng, type Rng, seedFrom } from '../../vnedu/prng';
import {
  applyMistake,
  CONVERTIBLE_PREFIXES,
  type Mistake,
  MISTAKE_KINDS,
  type MistakeKind,
} from './mistakes';
import { ETHNICITIES, missingRequired, type RecordField, type StudentRecord } from './record-fields';
import { BULK_CLASS_ID, CLASS_PLANS, type ClassPlan, LEVELS, SCHOOL, SCHOOL_YEAR } from './school';

// The seeded school both simulated SMAS generations show: classes and student records, the same
// for the same seed, and the seeded truth — which values are wrong, why, and what they should be.
// Required fields: Họ và tên, Ngày sinh, Giới tính, Dân tộc, Trạng thái, Số CCCD (REQUIRED_FIELDS).

export interface SmasStudent extends StudentRecord {
  /** The portal's internal id (StudentID, URLs). */
  studentId: number;
  /** Mã học sinh: 10 digits. */
  studentCode: string;
  classId: number;
}

export interface SmasClass extends ClassPlan {
  /** Class-list order (by given name); STT = index + 1. */
  students: readonly SmasStudent[];
}

export interface StudentTruth {
  mistakes: readonly Mistake[];
  /** Required fields left blank. */
  missing: readonly RecordField[];
  /** Every required field filled (wrong values do not make a record incomplete). */
  complete: boolean;
  /** The record as it should be: every mistake put right, blanks filled. */
  correct: StudentRecord;
}

/** Named students of the 60-student class that tests rely on, all among its first rows. */
export interface RosterExamples {
  /** CCCD whose gender digit disagrees with the record's gender. */
  wrongCccd: SmasStudent;
  /** Parent's phone stored as an old 11-digit number. */
  oldPhone: SmasStudent;
  /** Full name stored in NFD. */
  nfdName: SmasStudent;
  /** A TCVN3 leftover (address or a parent's name). */
  tcvn3: SmasStudent;
  /** A required field (Số CCCD) blank. */
  blankRequired: SmasStudent;
  /** Wrong CCCD/gender, an 11-digit phone and an NFD name on one record. */
  threeMistakes: SmasStudent;
  /** No mistake at all. */
  clean: SmasStudent;
}

export interface SmasRoster {
  seed: number;
  /** First calendar year of the school year the records are for (birth years follow it). */
  schoolYear: number;
  school: typeof SCHOOL;
  levels: typeof LEVELS;
  classes: readonly SmasClass[];
  /** 6A1: exactly 60 students, three grid pages. */
  bulkClass: SmasClass;
  truth: ReadonlyMap<number, StudentTruth>;
  examples: RosterExamples;
  classById(id: number): SmasClass | undefined;
  student(studentId: number): SmasStudent | undefined;
}

/** Share of students of the other classes (and of 6A1 beyond its examples) with a random mistake. */
const MISTAKE_RATE = 0.12;
const BULK_CLASS_EXTRA_RATE = 0.08;
const EXAMPLE_ROWS = 10;

const hamlets = ['Phước Ngươn', 'Phước Thạnh', 'Phước Yên', 'Long Khánh', 'Tân Thuận', 'Thanh Mỹ'];
const communes = ['xã Long Phước', 'xã Phước Hậu', 'xã Tân Hạnh', 'xã Thanh Đức', 'phường 5'];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const digits = (rng: Rng, count: number) => pad(rng.int(0, 10 ** count - 1), count);

interface Draft {
  record: StudentRecord;
  mistakes: Mistake[];
  correct: StudentRecord;
}

function mobile(rng: Rng): string {
  const prefix = rng.chance(0.6) ? rng.pick(CONVERTIBLE_PREFIXES) : rng.pick(fields.MOBILE_PREFIXES);
  return prefix + digits(rng, 7);
}

function citizenId(rng: Rng, birthYear: number, female: boolean, used: Set<string>): string {
  const place = rng.chance(0.9) ? SCHOOL.placeCode : rng.pick(Object.keys(fields.CCCD_PROVINCE_CODES));
  // 4th digit: century (0 for 1900s, 2 for 2000s) plus 1 for a woman.
  const centuryGender = 2 * Math.floor((birthYear - 1900) / 100) + (female ? 1 : 0);
  let id: string;
  do id = `${place}${centuryGender}${pad(birthYear % 100)}${digits(rng, 6)}`;
  while (used.has(id));
  used.add(id);
  return id;
}

function drawRecord(rng: Rng, plan: ClassPlan, schoolYear: number, used: Set<string>): StudentRecord {
  const female = rng.chance(0.5);
  const father = randomGenderedName(rng, 'male');
  const family = father.slice(0, father.indexOf(' '));
  const fullName = randomGenderedName(rng, female ? 'female' : 'male', family);
  const motherName = randomGenderedName(rng, 'female');
  const birthYear = schoolYear - 5 - plan.grade;
  const birth = new Date(Date.UTC(birthYear, 0, 1) + rng.int(0, 364) * 86_400_000);
  return {
    fullName,
    birthDate: `${pad(birth.getUTCDate())}/${pad(birth.getUTCMonth() + 1)}/${birthYear}`,
    gender: female ? 'Nữ' : 'Nam',
    ethnicity: rng.chance(0.85) ? 'Kinh' : rng.pick(ETHNICITIES.slice(1)),
    status: rng.chance(0.95) ? 'Đang học' : 'Chuyển đến',
    citizenId: citizenId(rng, birthYear, female, used),
    phone: plan.level === 'lower-secondary' && rng.chance(0.4) ? mobile(rng) : '',
    parentPhone: mobile(rng),
    fatherName: father,
    motherName,
    address: `Ấp ${rng.pick(hamlets)}, ${rng.pick(communes)}, tỉnh ${SCHOOL.province}`,
  };
}

function mistake(draft: Draft, kind: MistakeKind, rng: Rng, field?: RecordField): boolean {
  const made = applyMistake(draft.record, kind, rng, field);
  if (made) draft.mistakes.push(made);
  return made !== undefined;
}

/** The first rows of 6A1 carry one kind each, then one row all three of the marked-record test. */
function seedExamples(drafts: Draft[], rng: Rng): Record<keyof RosterExamples, number> {
  const taken = new Set<number>();
  const take = (apply: (draft: Draft) => boolean): number => {
    for (let i = 0; i < Math.min(EXAMPLE_ROWS, drafts.length); i++) {
      if (taken.has(i)) continue;
      const trial = structuredClone(drafts[i]!);
      if (!apply(trial)) continue;
      drafts[i] = trial;
      taken.add(i);
      return i;
    }
    throw new Error('seed gives no student for an example; choose another seed');
  };
  const convertibleParentPhone = (draft: Draft) => {
    draft.record.parentPhone = rng.pick(CONVERTIBLE_PREFIXES) + draft.record.parentPhone.slice(3);
    draft.correct.parentPhone = draft.record.parentPhone;
  };
  const oldParentPhone = (draft: Draft) => {
    convertibleParentPhone(draft);
    return mistake(draft, 'phone-11-digits', rng, 'parentPhone');
  };
  return {
    wrongCccd: take((d) => mistake(d, 'cccd-gender', rng)),
    oldPhone: take(oldParentPhone),
    nfdName: take((d) => mistake(d, 'name-nfd', rng)),
    tcvn3: take((d) => mistake(d, 'tcvn3', rng)),
    blankRequired: take((d) => mistake(d, 'blank-required', rng, 'citizenId')),
    threeMistakes: take(
      (d) => mistake(d, 'cccd-gender', rng) && oldParentPhone(d) && mistake(d, 'name-nfd', rng),
    ),
    clean: take(() => true),
  };
}

/** The school's records for a seed and a school year (default: the fixture year 2025-2026). */
export function buildSmasRoster(seed = 2025, schoolYear = SCHOOL_YEAR): SmasRoster {
  const usedCitizenIds = new Set<string>();
  const usedIds = new Set<number>();
  const usedCodes = new Set<string>();
  const truth = new Map<number, StudentTruth>();
  const found: { examples?: Record<keyof RosterExamples, number> } = {};

  const classes = CLASS_PLANS.map((plan): SmasClass => {
    const rng = createRng(seedFrom(seed, 'smas', plan.id));
    const size = plan.size ?? rng.int(28, 38);
    const drafts: Draft[] = Array.from({ length: size }, () => {
      const record = drawRecord(rng, plan, schoolYear, usedCitizenIds);
      return { record, mistakes: [], correct: { ...record } };
    });
    drafts.sort((a, b) => compareForClassList(a.record.fullName, b.record.fullName));
    const isBulk = plan.id === BULK_CLASS_ID;
    if (isBulk) found.examples = seedExamples(drafts, rng);
    const examples = new Set(isBulk && found.examples ? Object.values(found.examples) : []);
    drafts.forEach((draft, index) => {
      if (examples.has(index)) return;
      if (rng.chance(isBulk ? BULK_CLASS_EXTRA_RATE : MISTAKE_RATE))
        mistake(draft, rng.pick(MISTAKE_KINDS), rng);
    });
    const students = drafts.map((draft): SmasStudent => {
      let studentId: number;
      do studentId = rng.int(100_000, 999_999);
      while (usedIds.has(studentId));
      usedIds.add(studentId);
      let studentCode: string;
      do studentCode = `86${digits(rng, 8)}`;
      while (usedCodes.has(studentCode));
      usedCodes.add(studentCode);
      // A CCCD made wrong must not collide with someone else's.
      if (usedCitizenIds.has(draft.record.citizenId) && draft.record.citizenId !== draft.correct.citizenId) {
        throw new Error(`seeded CCCD ${draft.record.citizenId} is used twice; choose another seed`);
      }
      const missing = missingRequired(draft.record);
      truth.set(studentId, {
        mistakes: draft.mistakes,
        missing,
        complete: missing.length === 0,
        correct: draft.correct,
      });
      return { studentId, studentCode, classId: plan.id, ...draft.record };
    });
    return { ...plan, students };
  });

  const byId = new Map(classes.flatMap((c) => c.students.map((s) => [s.studentId, s] as const)));
  const bulkClass = classes.find((c) => c.id === BULK_CLASS_ID)!;
  if (!found.examples) throw new Error('the bulk-fill class is missing from the plan');
  const examples = Object.fromEntries(
    Object.entries(found.examples).map(([key, index]) => [key, bulkClass.students[index]!]),
  ) as unknown as RosterExamples;
  return {
    seed,
    schoolYear,
    school: SCHOOL,
    levels: LEVELS,
    classes,
    bulkClass,
    truth,
    examples,
    classById: (id) => classes.find((c) => c.id === id),
    student: (studentId) => byId.get(studentId),
  };
}

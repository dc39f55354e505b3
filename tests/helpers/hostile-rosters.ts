import type { FillSource } from '@edulens/shared/sheets';
import fc from 'fast-check';
import { buildPlan, type PlanCell, type PlanRow } from '../../extension/features/bulk-fill/plan';
import { valueChecker } from '../../extension/features/bulk-fill/values';
import { getRulepack } from '@edulens/shared/rules';
import { deaccentNameKey } from '@edulens/shared/matching';

// Random classes and the score files a teacher might bring to them, made to trick a matcher: same-
// name classmates, classmates sharing a given or a family name, minority names, NFD and old tone
// placement, no accents, typos; files that drop students, add strangers who share a given or a
// family name with a classmate, carry codes of another class, swap codes between two rows, miss
// codes, repeat a student and come in any order. Every file row knows its true student (or none),
// so a test can count the cells planned for anyone else. Used by the property test and the bench.

const FAMILY =
  'Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lò Vàng Nông Hà Giàng'.split(' ');
const MIDDLE = 'Văn Thị Minh Ngọc Hoàng Thanh Quốc Thu Bảo Gia Đức Hữu Xuân Mỹ Thị Ngọc'.split(' ');
const GIVEN =
  'An Anh Bình Hòa Thủy Khôi Trung Mai Lan Hải Hài Nhi Linh Dũng Hùng Tuấn Phương Ngân Thư Quỳnh Duy Khoa Tú Hà Dế Chứ Páo Khải Huy Thúy'.split(
    ' ',
  );
/** Names of the Central Highlands, written as the portal writes them. */
const MINORITY = ["H'Hen Niê", 'Y Bhim Mlô', 'Kpă Hyơ', "H'Lan Êban", 'Rơ Mah Hoa', 'Siu Thị Bình'];

export interface Student {
  code: string;
  name: string;
  birthDate: string;
}

export interface FileRow {
  code: string;
  name: string;
  birthDate: string;
  /** The student this row is really about (by code of the roster), null for a stranger. */
  truth: string | null;
}

export interface HostileCase {
  roster: Student[];
  /** Whether the page shows birth dates (vnEdu's "Ngày sinh" column). */
  pageBirthDates: boolean;
  file: FileRow[];
}

// Draws without fast-check's bias towards edge values: a class of 10-digit codes, and the shares
// below, must come out as the numbers say.
const chance = fc.noBias(fc.integer({ min: 0, max: 99 }));
const code = fc.noBias(fc.integer({ min: 1_000_000_000, max: 9_999_999_999 })).map(String);
const birthDate = fc
  .tuple(
    fc.integer({ min: 1, max: 28 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 2010, max: 2019 }),
  )
  .map(([d, m, y]) => `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`);
const generatedName = fc
  .tuple(fc.constantFrom(...FAMILY), fc.constantFrom(...MIDDLE), fc.constantFrom(...GIVEN))
  .map((parts) => parts.join(' '));
const name = fc.oneof(
  { weight: 9, arbitrary: generatedName },
  { weight: 1, arbitrary: fc.constantFrom(...MINORITY) },
);

/** Old tone placement (hoà, thuỷ) for the new (hòa, thủy): the same name to a person. */
function oldTones(text: string): string {
  return text
    .normalize('NFC')
    .replace(/([òóỏõọ])a/g, (_, o: string) => `o${'àáảãạ'['òóỏõọ'.indexOf(o)]}`)
    .replace(/([ùúủũụ])y/g, (_, u: string) => `u${'ỳýỷỹỵ'['ùúủũụ'.indexOf(u)]}`);
}

function noAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** One typo in the family or a middle name (never the given name, which tells classmates apart). */
function typo(text: string, at: number, kind: number): string {
  const words = text.split(' ');
  if (words.length < 2) return text;
  const w = at % (words.length - 1);
  const word = [...words[w]!];
  const i = Math.min(word.length - 1, 1 + (at % Math.max(1, word.length - 1)));
  if (kind === 0) word.splice(i, 1, 'x');
  else if (kind === 1) word.splice(i, 0, word[i]!);
  else if (i > 0) [word[i - 1], word[i]] = [word[i]!, word[i - 1]!];
  words[w] = word.join('');
  return words.join(' ');
}

const spelling = fc.record({
  style: fc.noBias(fc.integer({ min: 0, max: 9 })),
  at: fc.nat(),
  kind: fc.integer({ min: 0, max: 2 }),
});

function spelled(text: string, { style, at, kind }: { style: number; at: number; kind: number }): string {
  switch (style) {
    case 0:
      return text.normalize('NFD');
    case 1:
      return oldTones(text);
    case 2:
      return text.toUpperCase();
    case 3:
      return noAccents(text);
    case 4:
      return typo(text, at, kind);
    default:
      return text;
  }
}

const rosterArb = fc
  .record({
    names: fc.array(name, { minLength: 12, maxLength: 45 }),
    twins: fc.array(fc.nat(), { maxLength: 2 }),
    codes: fc.uniqueArray(code, { minLength: 45, maxLength: 45 }),
    births: fc.array(birthDate, { minLength: 47, maxLength: 47 }),
  })
  .map(({ names, twins, codes, births }) => {
    // Same-name classmates: a name given twice.
    const all = [...names, ...twins.map((i) => names[i % names.length]!)].slice(0, 45);
    return all.map((n, i) => ({ code: codes[i]!, name: n, birthDate: births[i]! }));
  });

interface RowPlan {
  keep: boolean;
  twice: boolean;
  codeMode: number;
  spelling: { style: number; at: number; kind: number };
}

const rowPlan: fc.Arbitrary<RowPlan> = fc.record({
  keep: chance.map((x) => x < 85),
  twice: chance.map((x) => x < 4),
  codeMode: fc.noBias(fc.integer({ min: 0, max: 9 })),
  spelling,
});

const strangerPlan = fc.record({
  shares: fc.constantFrom('given', 'family'),
  of: fc.nat(),
  family: fc.constantFrom(...FAMILY),
  middle: fc.constantFrom(...MIDDLE),
  given: fc.constantFrom(...GIVEN),
  codeMode: fc.noBias(fc.integer({ min: 0, max: 9 })),
  otherCode: code,
  spelling,
});

export const hostileCase: fc.Arbitrary<HostileCase> = rosterArb.chain((roster) =>
  fc
    .record({
      rows: fc.array(rowPlan, { minLength: roster.length, maxLength: roster.length }),
      strangers: fc.array(strangerPlan, { maxLength: 6 }),
      otherCodes: fc.uniqueArray(code, { minLength: roster.length, maxLength: roster.length }),
      swaps: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }),
      fileBirthDates: fc.boolean(),
      pageBirthDates: fc.boolean(),
      order: fc.array(fc.nat(), { minLength: 70, maxLength: 70 }),
    })
    .map(({ rows, strangers, otherCodes, swaps, fileBirthDates, pageBirthDates, order }) => {
      const inRoster = new Set(roster.map((s) => s.code));
      const keys = new Set(roster.map((s) => deaccentNameKey(s.name)));
      const foreign = (c: string) => (inRoster.has(c) ? `9${c.slice(1)}` : c);
      const file: FileRow[] = [];
      roster.forEach((student, i) => {
        const plan = rows[i]!;
        if (!plan.keep) return;
        // Code: as on the page (60%), missing (30%), another class's (10%).
        const rowCode = plan.codeMode < 6 ? student.code : plan.codeMode < 9 ? '' : foreign(otherCodes[i]!);
        const row = {
          code: rowCode,
          name: spelled(student.name, plan.spelling),
          birthDate: fileBirthDates ? student.birthDate : '',
          truth: student.code,
        };
        file.push(row);
        if (plan.twice) file.push({ ...row });
      });
      for (const s of strangers) {
        const mate = roster[s.of % roster.length]!;
        const words = mate.name.split(' ');
        const stranger =
          s.shares === 'given'
            ? `${s.family} ${s.middle} ${words.at(-1)!}`
            : `${words[0]!} ${s.middle} ${s.given}`;
        // Someone whose whole name, without accents, is a classmate's cannot be told apart from them.
        if (keys.has(deaccentNameKey(stranger))) continue;
        // Code: none, or another class's. (A stranger's row carrying a classmate's code is that
        // classmate's row as far as anyone can tell: the code is decisive, by the policy.)
        const strangerCode = s.codeMode < 5 ? '' : foreign(s.otherCode);
        file.push({
          code: strangerCode,
          name: spelled(stranger, s.spelling),
          birthDate: fileBirthDates ? '01/01/2012' : '',
          truth: null,
        });
      }
      // Codes swapped between two rows of different people (two students of the same name, without
      // accents, swapping codes make rows that are each exactly the other student: nothing can tell).
      for (const [a, b] of swaps) {
        const x = file[a % Math.max(1, file.length)];
        const y = file[b % Math.max(1, file.length)];
        if (!x || !y || x === y || x.code === '' || y.code === '') continue;
        const nameOf = (codeOrTruth: string | null) => roster.find((st) => st.code === codeOrTruth)?.name;
        const person = (row: FileRow) => deaccentNameKey(nameOf(row.truth) ?? row.name);
        // After the swap, neither row may carry the code of someone with its own person's name.
        const owner = (c: string) => deaccentNameKey(nameOf(c) ?? '');
        if (owner(y.code) === person(x) || owner(x.code) === person(y)) continue;
        [x.code, y.code] = [y.code, x.code];
      }
      // Shuffled.
      const shuffled = file
        .map((row, i) => ({ row, key: order[i % order.length]! * 100 + i }))
        .sort((p, q) => p.key - q.key)
        .map(({ row }) => row);
      return { roster, pageBirthDates, file: shuffled };
    }),
);

interface FakeCell extends PlanCell {
  row: { key: string };
}

/** The plan a teacher would see for a case, with one empty score cell per student. */
export function planFor(c: HostileCase) {
  const pageRows: PlanRow<FakeCell>[] = c.roster.map((student) => {
    const row: PlanRow<FakeCell> & { birthDate?: string } = {
      key: student.code,
      name: student.name,
      ...(c.pageBirthDates && { birthDate: student.birthDate }),
      cells: [],
    };
    row.cells.push({
      id: `${student.code}|tx|0`,
      column: { kind: 'tx', index: 0, label: 'ĐĐGtx 1', computed: false, checks: 'tx' },
      locked: false,
      row,
      read: () => '',
    });
    return row;
  });
  const source: FillSource = {
    sheet: 'Lớp',
    subject: '',
    columns: [{ kind: 'tx', index: 0, col: 2, label: 'ĐĐGtx 1' }],
    rows: c.file.map((row, i) => ({
      row: i + 1,
      code: row.code,
      name: row.name,
      birthDate: row.birthDate,
      values: ['8'],
    })),
    repairs: [],
    otherBlocks: [],
    context: {},
  };
  return buildPlan<FakeCell, PlanRow<FakeCell>>(source, pageRows, valueChecker(getRulepack('tt22'), 'Toán'));
}

export interface PolicyScore {
  cases: number;
  /** Cells planned (to be written without the teacher ticking anything) for a student other than the row's own. */
  wrong: number;
  /** Students of the files (present, with their true student in the class) whose cell is planned. */
  filled: number;
  present: number;
}

/** Plans every case and counts wrong cells and the students filled. */
export function scorePolicy(cases: readonly HostileCase[]): PolicyScore {
  const score: PolicyScore = { cases: cases.length, wrong: 0, filled: 0, present: 0 };
  for (const c of cases) {
    const plan = planFor(c);
    const filled = new Set<string>();
    for (const row of plan.rows) {
      const truth = c.file[row.line - 2]!.truth;
      for (const change of row.ticked ? row.changes : []) {
        if (truth === null || change.cell.row.key !== truth) score.wrong++;
        else filled.add(truth);
      }
    }
    const present = new Set(c.file.map((row) => row.truth).filter((t): t is string => t !== null));
    score.present += present.size;
    score.filled += filled.size;
  }
  return score;
}

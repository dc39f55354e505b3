import { type Account, teacherOf } from './accounts';
import type { Book } from './book';
import { createRng, type Rng, seedFrom } from './prng';
import type { Roster, Student } from './roster';
import { type BookRef, ScoreStore } from './score-store';
import { type EntryColumn, entryColumns, formatTenths, primaryColumns } from './scoring';
import { SCHOOL_YEAR_START } from './schools';
import { subjectsOf } from './subjects';

// Scores already saved when the simulator starts (20/11/2025 in the fixture year, mid semester I): secondary books
// part-way through semester I (some complete, most without the end-of-term, a few untouched);
// primary books with the mid-term (giữa kỳ I) entered in most subjects. Semester II is empty.
// Every stored cell remembers the account that saved it and when, as the portal's titles show.

type Progress = 'full' | 'partial' | 'empty';

const DAY = 86_400_000;
/** 15/09 00:00 in Vietnam (15/09/2025 in the fixture year): the first saves of the year. */
const termStart = (year: number) => Date.parse(`${year}-09-15T00:00:00+07:00`);
/** 03/11 (03/11/2025): mid-term results of primary books are entered from here. */
const midTerm = (year: number) => Date.parse(`${year}-11-03T00:00:00+07:00`);

function randomScore(rng: Rng, ability: number): string {
  const raw = Math.min(100, Math.max(0, ability + rng.int(-15, 15)));
  const roll = rng.next();
  const value = roll < 0.6 ? Math.round(raw / 10) * 10 : roll < 0.85 ? Math.round(raw / 5) * 5 : raw;
  return value % 10 === 0 ? String(value / 10) : formatTenths(value);
}

const GOOD = [
  'Em đọc to, rõ ràng, viết đúng chính tả và trình bày bài sạch đẹp.',
  'Em nắm vững kiến thức đã học, làm bài cẩn thận và chính xác.',
  'Em tích cực phát biểu xây dựng bài, hoàn thành tốt các bài tập.',
  'Em tiếp thu bài nhanh, biết vận dụng kiến thức vào bài tập thực hành.',
];
const FAIR = [
  'Em hoàn thành các nội dung của môn học; cần rèn thêm chữ viết cho đẹp hơn.',
  'Em đọc khá trôi chảy; cần cẩn thận hơn khi làm bài để tránh sai sót.',
  'Em hoàn thành bài tập trên lớp; cần mạnh dạn phát biểu hơn.',
];

/** A generated value for one cell: scores from the student's ability, Đ/CĐ, T/H/C with a matching comment. */
export function generatedValue(column: EntryColumn, rng: Rng, ability: number, level: string): string {
  switch (column.type) {
    case 'score':
      return randomScore(rng, ability);
    case 'result':
      return rng.chance(0.98) ? 'Đ' : 'CĐ';
    case 'test':
      return String(Math.min(10, Math.max(5, Math.round((ability + rng.int(-8, 8)) / 10))));
    case 'level':
      return level;
    case 'comment':
      return rng.pick(level === 'T' ? GOOD : FAIR);
  }
}

const abilityOf = (seed: number, student: Student) => createRng(seedFrom(seed, student.code)).int(45, 92);
// Levels seen on the real page are T and H; C (Chưa hoàn thành) is left for tests to type.
const levelOf = (ability: number, rng: Rng) => (ability + rng.int(-6, 6) >= 75 ? 'T' : 'H');

/**
 * Fills a book with generated values, saved by `by` at instants in [from, to): every column except
 * the retake ones, each cell with probability `fraction`. Deterministic for the same seed.
 */
export function fillBook(
  store: ScoreStore,
  book: Pick<Book, 'roster' | 'columns' | 'ref'>,
  seed: number,
  options: { by: string; from: number; to: number; fraction: number; columns?: readonly string[] },
): number {
  const rng = createRng(seedFrom(seed, 'fill', JSON.stringify(book.ref)));
  let filled = 0;
  for (const student of book.roster.students) {
    const ability = abilityOf(seed, student);
    const level = levelOf(ability, rng);
    for (const column of book.columns) {
      if (column.retake || (options.columns && !options.columns.includes(column.key))) continue;
      if (!rng.chance(options.fraction)) continue;
      const at = options.from + Math.floor(rng.next() * Math.max(1, options.to - options.from));
      store.set(
        book.ref,
        student.code,
        column.key,
        generatedValue(column, rng, ability, level),
        options.by,
        Math.floor(at / 1000) * 1000,
      );
      filled++;
    }
  }
  return filled;
}

function isEntered(rng: Rng, progress: Progress, key: string, last: boolean): boolean {
  if (progress === 'full') return rng.chance(0.97);
  if (progress === 'empty' || key === 'ck' || key === 'nx') return false;
  if (key === 'gk') return rng.chance(0.7);
  return rng.chance(last ? 0.4 : 0.9);
}

export function seedScores(
  roster: Roster,
  accounts: readonly Account[],
  seed: number,
  schoolYear = SCHOOL_YEAR_START,
): ScoreStore {
  const TERM_START = termStart(schoolYear);
  const MID_TERM = midTerm(schoolYear);
  const store = new ScoreStore();
  for (const { school, schoolClass, students } of roster.classes) {
    for (const subject of subjectsOf(school.level)) {
      if (!subject.grades.includes(schoolClass.grade)) continue;
      const rng = createRng(seedFrom(seed, school.code, schoolClass.name, subject.code));
      const progress = rng.pick<Progress>(['full', 'full', 'partial', 'partial', 'partial', 'empty']);
      const by = teacherOf(accounts, school, subject.code)?.username ?? '';
      // Save instants from their own stream, so the values stay those of earlier versions.
      const clock = createRng(seedFrom(seed, 'saved-at', school.code, schoolClass.name, subject.code));
      const when = (from: number, days: number) =>
        Math.floor((from + clock.next() * days * DAY) / 1000) * 1000;
      if (school.level === 'th') {
        if (progress === 'empty') continue;
        const ref: BookRef = {
          schoolCode: school.code,
          className: schoolClass.name,
          subjectCode: subject.code,
          term: 1,
          period: 'gk1',
        };
        const columns = primaryColumns(subject, schoolClass.grade, 'gk1');
        fillBook(store, { roster: { school, schoolClass, students }, columns, ref }, seed, {
          by,
          from: MID_TERM,
          to: MID_TERM + 16 * DAY,
          fraction: progress === 'full' ? 0.97 : 0.6,
        });
        continue;
      }
      const columns = entryColumns(subject, schoolClass.grade);
      const lastRegular = columns.filter((column) => column.regular).at(-1)?.key;
      const ref: BookRef = {
        schoolCode: school.code,
        className: schoolClass.name,
        subjectCode: subject.code,
        term: 1,
      };
      for (const student of students) {
        const ability = abilityOf(seed, student);
        for (const column of columns) {
          if (!isEntered(rng, progress, column.key, column.key === lastRegular)) continue;
          const value = generatedValue(column, rng, ability, 'H');
          store.set(ref, student.code, column.key, value, by, when(TERM_START, 65));
        }
      }
    }
  }
  return store;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommentedSubject, ScoredSubject } from './subjects';
import { tt22, regularAssessments as tt22RegularAssessments } from './tt22';
import {
  type CommentMark,
  CONDUCT_LEVELS,
  type Conduct,
  commentSubjectResult,
  commentSubjectYearResult,
  HOC_LUC_LEVELS,
  type HocLuc,
  hocLuc,
  isCommentSubject,
  minimumRegularTests,
  overallAverage,
  promotion,
  retestCandidates,
  TT58_COMMENT_SUBJECTS,
  TT58_KEY_SUBJECTS,
  title,
  tt26,
  tt58,
  yearConduct,
} from './tt58';

/** Toán, Ngữ văn, Ngoại ngữ, then "Môn 4", "Môn 5", … with these averages (tenths). */
function subjects(toan: number, nguVan: number, ngoaiNgu: number, ...others: number[]): ScoredSubject[] {
  return [
    { subject: 'Toán', average: toan },
    { subject: 'Ngữ văn', average: nguVan },
    { subject: 'Ngoại ngữ', average: ngoaiNgu },
    ...others.map((average, index) => ({ subject: `Môn ${index + 4}`, average })),
  ];
}

function repeat(count: number, average: number): number[] {
  return Array.from({ length: count }, () => average);
}

const passedComments: CommentedSubject[] = [
  { subject: 'Âm nhạc', mark: 'dat' },
  { subject: 'Thể dục', mark: 'dat' },
];

describe('tt58 rulepack (original TT58, before 2020-21)', () => {
  it('names the original TT58 and no amendment', () => {
    expect(tt58.id).toBe('tt58');
    expect(tt58.basis).toContain('58/2011/TT-BGDĐT');
    expect(tt58.basis).not.toContain('26/2020');
  });

  it.each([
    [1, 2],
    [35, 2], // 1 period a week
    [36, 3],
    [70, 3], // 2 periods a week
    [104, 3],
    [105, 4], // 3 periods a week
    [140, 4],
  ])('%i periods a year (35 weeks) → at least %i regular tests', (periods, count) => {
    expect(tt58.regularAssessments(periods)).toBe(count);
  });

  it.each([
    [37, 37, 2],
    [38, 37, 3],
    [110, 37, 3],
    [111, 37, 4],
  ])('%i periods over %i weeks → %i', (periods, weeks, count) => {
    expect(minimumRegularTests(periods, weeks)).toBe(count);
  });

  it('rejects a non-positive period count', () => {
    expect(() => tt58.regularAssessments(0)).toThrow(RangeError);
  });

  it('checks scores on the 10-point scale with one decimal', () => {
    expect(tt58.checkScore('7,5', 'tx')).toEqual({ value: 75, problems: [] });
    expect(tt58.checkScore('7,55', 'tx').problems).toMatchObject([{ code: 'score.decimals' }]);
    expect(tt58.checkScore(12, 'ck').problems).toMatchObject([{ code: 'score.range' }]);
  });
});

describe('tt58.semesterAverage', () => {
  it('is (Σtx + 2·Σgk + 3·ck) / (n_tx + 2·n_gk + 3) with several periodic tests', () => {
    // (7 + 8 + 9 + 2·(6 + 8) + 3·9) / (3 + 4 + 3) = 7.9
    expect(tt58.semesterAverage({ tx: [70, 80, 90], gk: [60, 80], ck: [90] }, 3)).toEqual({
      average: 79,
      problems: [],
    });
  });

  it.each([
    [[80, 80, 80], [80, 80, 80], 90, 83, '99 / 12 = 8.25 → 8.3'],
    [[60, 60, 70], [60, 70], 65, 65, '64.5 / 10 = 6.45 → 6.5'],
    [[60, 60, 70], [60, 70], 64, 64, '64.2 / 10 = 6.42 → 6.4'],
  ])('tx %j, gk %j, ck %i → %i tenths (%s)', (tx, gk, ck, tenths) => {
    expect(tt58.semesterAverage({ tx, gk, ck: [ck] }, 3)).toEqual({ average: tenths, problems: [] });
  });

  it('treats the regular count as a minimum', () => {
    expect(tt58.semesterAverage({ tx: [80, 80, 80, 80, 80], gk: [80], ck: [80] }, 3)).toEqual({
      average: 80,
      problems: [],
    });
  });

  it.each([
    [{ tx: [80, 80], gk: [80], ck: [80] }, 'score.missing'],
    [{ tx: [80, 80, 80], gk: [], ck: [80] }, 'score.missing'],
    [{ tx: [80, 80, 80], gk: [80], ck: [] }, 'score.missing'],
    [{ tx: [80, 80, 80], gk: [80], ck: [80, 70] }, 'score.too-many'],
  ])('gives no average for %j (%s)', (scores, code) => {
    const result = tt58.semesterAverage(scores, 3);
    expect(result.average).toBeNull();
    expect(result.problems).toMatchObject([{ code }]);
  });

  it('equals the TT22 formula when there is one mid-term', () => {
    const score = fc.integer({ min: 0, max: 100 });
    fc.assert(
      fc.property(fc.array(score, { minLength: 2, maxLength: 4 }), score, score, (tx, gk, ck) => {
        const scores = { tx, gk: [gk], ck: [ck] };
        expect(tt58.semesterAverage(scores, tx.length)).toEqual(tt22.semesterAverage(scores, tx.length));
      }),
    );
  });

  it('year average is (I + 2·II) / 3', () => {
    expect(tt58.yearAverage(65, 70)).toBe(68);
    expect(tt58.yearAverage(64, 65)).toBe(65);
  });
});

describe('comment subjects and overall average', () => {
  it.each([
    ['Âm nhạc', true],
    ['Mỹ thuật', true],
    ['Mĩ thuật', true],
    ['Thể dục', true],
    ['Giáo dục thể chất', false],
    ['Toán', false],
  ])('%j is a comment subject: %s', (name, expected) => {
    expect(isCommentSubject(name)).toBe(expected);
  });

  it('lists three comment-only subjects', () => {
    expect(TT58_COMMENT_SUBJECTS).toEqual(['Âm nhạc', 'Mỹ thuật', 'Thể dục']);
  });

  it.each([
    [[80, 85], 83], // 8.25 → 8.3
    [[65, 64, 64], 64], // 6.433… → 6.4
    [[80, 79], 80], // 7.95 → 8.0
    [[], null],
  ])('mean of %j → %s', (averages, overall) => {
    expect(overallAverage(averages)).toBe(overall);
  });
});

describe('hocLuc levels', () => {
  it.each([
    // [case, scored subjects, level]
    [
      'Giỏi at its edges: overall 8.0, key 8.0, lowest 6.5',
      subjects(80, 80, 80, 65, 95, ...repeat(5, 80)),
      'gioi',
    ],
    ['overall 7.9 → Khá', subjects(79, 79, 79, ...repeat(7, 79)), 'kha'],
    ['overall 7.95 rounds to 8.0 → Giỏi', subjects(80, 80, 80, ...repeat(6, 80), 75), 'gioi'],
    ['key subjects all below 8.0 → Khá', subjects(79, 79, 79, ...repeat(7, 90)), 'kha'],
    ['Ngoại ngữ counts as key (TT26)', subjects(79, 79, 80, ...repeat(7, 85)), 'gioi'],
    [
      'Giỏi average with one 6.4 is Khá (one level: no adjustment)',
      subjects(90, 90, 90, 64, ...repeat(6, 90)),
      'kha',
    ],
    [
      'Khá at its edges: overall 6.5, key 6.5, lowest 5.0',
      subjects(65, 65, 65, 50, 80, ...repeat(5, 65)),
      'kha',
    ],
    ['key subjects below 6.5 → Trung bình', subjects(64, 64, 64, ...repeat(7, 70)), 'trung-binh'],
    [
      'Trung bình at its edges: 5.0, 5.0, lowest 3.5',
      subjects(50, 50, 50, 35, 65, ...repeat(5, 50)),
      'trung-binh',
    ],
    ['key subjects below 5.0 → Yếu', subjects(49, 49, 49, ...repeat(7, 55)), 'yeu'],
    ['overall 4.9 → Yếu', subjects(49, 49, 49, ...repeat(7, 49)), 'yeu'],
    [
      'Trung bình average with one 3.4 is Yếu (not from Giỏi or Khá)',
      subjects(60, 60, 60, 34, ...repeat(6, 60)),
      'yeu',
    ],
    ['Yếu at its edges: overall 3.5, lowest 2.0', subjects(35, 35, 35, 20, 50, ...repeat(5, 35)), 'yeu'],
    ['overall 3.4 → Kém', subjects(34, 34, 34, ...repeat(7, 34)), 'kem'],
    ['one subject below 2.0 → Kém', subjects(55, 55, 55, 19, ...repeat(6, 55)), 'kem'],
    ['two low subjects: no single cause', subjects(95, 95, 95, 30, 30, ...repeat(5, 95)), 'yeu'],
  ] as const)('%s', (_case, scored, level) => {
    const result = hocLuc({ scored, commented: passedComments });
    expect(result.level).toBe(level);
    expect(result.raisedFrom).toBeNull();
  });

  it('original TT58 keys: only Toán or Ngữ văn count', () => {
    const scored = subjects(79, 79, 80, ...repeat(7, 85));
    expect(hocLuc({ scored, commented: [] }, { keySubjects: TT58_KEY_SUBJECTS }).level).toBe('kha');
  });

  it('accepts a school-specific key subject', () => {
    const scored = [...subjects(70, 70, 70, ...repeat(7, 90)), { subject: 'Tiếng Anh', average: 90 }];
    expect(hocLuc({ scored, commented: [] }, { keySubjects: ['Tiếng Anh'] }).level).toBe('gioi');
  });

  it('reports the overall average and labels', () => {
    const result = hocLuc({ scored: subjects(80, 85, 90), commented: passedComments });
    expect(result).toEqual({
      level: 'gioi',
      label: { vi: 'Giỏi', en: 'Excellent' },
      raisedFrom: null,
      overall: 85,
    });
  });

  it('needs at least one scored subject', () => {
    expect(() => hocLuc({ scored: [], commented: passedComments })).toThrow(RangeError);
  });
});

describe('hocLuc one-subject adjustments', () => {
  it.each([
    // [case, scored, comments, strict level, subject to blame, adjusted level]
    [
      'Giỏi → Trung bình becomes Khá',
      subjects(90, 90, 90, 49, ...repeat(6, 90)),
      passedComments,
      'trung-binh',
      'Môn 4',
      'kha',
    ],
    [
      'Giỏi → Yếu becomes Trung bình',
      subjects(90, 90, 90, 30, ...repeat(6, 90)),
      passedComments,
      'yeu',
      'Môn 4',
      'trung-binh',
    ],
    [
      'Khá → Yếu becomes Trung bình',
      subjects(75, 75, 75, 30, ...repeat(6, 75)),
      passedComments,
      'yeu',
      'Môn 4',
      'trung-binh',
    ],
    [
      'Khá → Kém becomes Yếu',
      subjects(75, 75, 75, 10, ...repeat(6, 75)),
      passedComments,
      'kem',
      'Môn 4',
      'yeu',
    ],
    [
      'a low key subject is the single cause when another key subject holds',
      subjects(30, 90, 90, ...repeat(7, 90)),
      passedComments,
      'yeu',
      'Toán',
      'trung-binh',
    ],
    [
      'one comment subject CĐ on a Giỏi record (Yếu) becomes Trung bình',
      subjects(90, 90, 90, ...repeat(7, 90)),
      [{ subject: 'Âm nhạc', mark: 'chua-dat' }],
      'yeu',
      'Âm nhạc',
      'trung-binh',
    ],
  ] as const)('%s', (_case, scored, commented, strict, subject, adjusted) => {
    const result = hocLuc({ scored, commented });
    expect(result.level).toBe(adjusted);
    expect(result.raisedFrom).toEqual({ level: strict, subject });
  });

  it.each([
    ['Giỏi → Kém is not in the list: stays Kém', subjects(90, 90, 90, 19, ...repeat(6, 90)), 'kem'],
    ['Khá → Trung bình is one level: stays', subjects(75, 75, 75, 45, ...repeat(6, 75)), 'trung-binh'],
    // 7.87 → 7.9 overall: the average itself reaches only Khá, though the rest alone would average 8.3.
    ['the overall stays the one of all subjects', subjects(83, 83, 83, 40, ...repeat(6, 83)), 'trung-binh'],
  ] as const)('%s', (_case, scored, level) => {
    const result = hocLuc({ scored, commented: passedComments });
    expect(result.level).toBe(level);
    expect(result.raisedFrom).toBeNull();
  });
});

describe('tt26 rulepack (TT58 as amended by TT26/2020, from 2020-21)', () => {
  it('names TT58 and its TT26 amendment', () => {
    expect(tt26.id).toBe('tt26');
    expect(tt26.basis).toContain('58/2011/TT-BGDĐT');
    expect(tt26.basis).toContain('26/2020/TT-BGDĐT');
  });

  it.each([
    [1, 2],
    [35, 2], // "từ 35 tiết trở xuống/năm học: 2 ĐĐGtx"
    [36, 3],
    [70, 3], // "từ trên 35 tiết đến 70 tiết/năm học: 3 ĐĐGtx"
    [71, 4], // "từ trên 70 tiết/năm học: 4 ĐĐGtx"
    [105, 4],
  ])('TT26 Điều 8 (amended): %i periods per school year → %i regular assessments', (periods, count) => {
    expect(tt26.regularAssessments(periods)).toBe(count);
  });

  it('TT26 counts by periods per school year, not per week: 71 to 104 periods are 4 under TT26, 3 under the original TT58', () => {
    for (const periods of [71, 90, 104]) {
      expect(tt26.regularAssessments(periods)).toBe(4);
      expect(tt58.regularAssessments(periods)).toBe(3);
    }
  });

  it('TT26 Điều 8 (amended) as a formula: ≤ 35 → 2, ≤ 70 → 3, else 4, the same as TT22, for any period count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), (periods) => {
        const expected = periods <= 35 ? 2 : periods <= 70 ? 3 : 4;
        expect(tt26.regularAssessments(periods)).toBe(expected);
        expect(tt26.regularAssessments(periods)).toBe(tt22RegularAssessments(periods));
      }),
    );
  });

  it('TT26 Điều 10 (amended): ĐTBmhk = (ΣĐĐGtx + 2·ĐĐGgk + 3·ĐĐGck) / (n_tx + 5), the TT22 formula for any scores', () => {
    const score = fc.integer({ min: 0, max: 100 });
    fc.assert(
      fc.property(fc.array(score, { minLength: 2, maxLength: 4 }), score, score, (tx, gk, ck) => {
        const scores = { tx, gk: [gk], ck: [ck] };
        expect(tt26.semesterAverage(scores, tx.length)).toEqual(tt22.semesterAverage(scores, tx.length));
      }),
    );
    // (7 + 8 + 9 + 2·8 + 3·9) / 8 = 8.375 → 8.4
    expect(tt26.semesterAverage({ tx: [70, 80, 90], gk: [80], ck: [90] }, 3).average).toBe(84);
  });

  it('TT26 has one mid-term: a second periodic score gives no average (the original TT58 averages both)', () => {
    const scores = { tx: [70, 80, 90], gk: [60, 80], ck: [90] };
    expect(tt26.semesterAverage(scores, 3)).toMatchObject({
      average: null,
      problems: [{ code: 'score.too-many', severity: 'error' }],
    });
    expect(tt58.semesterAverage(scores, 3).average).toBe(79);
  });

  it('checks cells like TT58: one decimal, Đ/CĐ for Thể dục', () => {
    expect(tt26.checkCell('7,5', 'tx').value).toBe('7.5');
    expect(tt26.checkCell('7.25', 'gk').problems[0]?.code).toBe('score.decimals');
    expect(tt26.checkCell('đạt', 'ck', { subject: 'Thể dục' }).value).toBe('Đ');
  });
});

const D: CommentMark = 'dat';
const CD: CommentMark = 'chua-dat';

describe('comment-only subject result', () => {
  it('TT58 Điều 12: Đ with every test taken and exactly 2/3 of them Đ, the end-of-semester one included', () => {
    // 6 tests, 4 Đ = 2/3.
    expect(commentSubjectResult({ tx: [D, CD, D], gk: [CD], ck: [D] }, 3).level).toBe('chua-dat'); // 3/5 < 2/3
    expect(commentSubjectResult({ tx: [D, CD, D, D], gk: [CD], ck: [D] }, 3).level).toBe('dat'); // 4/6
    expect(commentSubjectResult({ tx: [D, CD, D, CD], gk: [CD], ck: [D] }, 3).level).toBe('chua-dat'); // 3/6
  });

  it('TT58 Điều 12: CĐ when the end-of-semester test is CĐ, however many others are Đ', () => {
    const result = commentSubjectResult({ tx: [D, D, D, D], gk: [D], ck: [CD] }, 3);
    expect(result).toEqual({ level: 'chua-dat', label: { vi: 'Chưa đạt', en: 'Not yet passed' } });
  });

  it('TT58 Điều 12: CĐ without enough tests (a regular, the periodic or the end-of-semester one missing)', () => {
    expect(commentSubjectResult({ tx: [D, D], gk: [D], ck: [D] }, 3).level).toBe('chua-dat');
    expect(commentSubjectResult({ tx: [D, D, D], gk: [], ck: [D] }, 3).level).toBe('chua-dat');
    expect(commentSubjectResult({ tx: [D, D, D], gk: [D], ck: [] }, 3).level).toBe('chua-dat');
    expect(commentSubjectResult({ tx: [D, D, D], gk: [D], ck: [D] }, 3).level).toBe('dat');
  });

  it('TT58 Điều 12 as a formula: Đ ⇔ complete ∧ 3·(Đ count) ≥ 2·(tests) ∧ the end-of-semester test Đ', () => {
    const marks = (min: number) => fc.array(fc.constantFrom(D, CD), { minLength: min, maxLength: 6 });
    fc.assert(
      fc.property(marks(0), marks(0), marks(0), fc.integer({ min: 2, max: 4 }), (tx, gk, ck, required) => {
        const all = [...tx, ...gk, ...ck];
        const passed = all.filter((mark) => mark === D).length;
        const expected =
          tx.length >= required &&
          gk.length >= 1 &&
          ck.length >= 1 &&
          3 * passed >= 2 * all.length &&
          ck.every((mark) => mark === D);
        expect(commentSubjectResult({ tx, gk, ck }, required).level).toBe(expected ? 'dat' : 'chua-dat');
      }),
    );
  });

  it('TT58 Điều 12: the year result of a comment-only subject is semester II’s', () => {
    expect(commentSubjectYearResult(CD, D).level).toBe('dat');
    expect(commentSubjectYearResult(D, CD).level).toBe('chua-dat');
  });
});

describe('year conduct', () => {
  it('TT58 Điều 4: the year conduct is based mainly on semester II (proposed as semester II’s level)', () => {
    for (const semesterI of CONDUCT_LEVELS) {
      for (const semesterII of CONDUCT_LEVELS) {
        expect(yearConduct(semesterI, semesterII)).toMatchObject({ level: semesterII, fromSemesterII: true });
      }
    }
    expect(yearConduct('yeu', 'tot').label).toEqual({ vi: 'Tốt', en: 'Good' });
  });
});

describe('promotion', () => {
  const decide = (level: HocLuc, conduct: Conduct, absentSessions = 0) =>
    promotion({ hocLuc: level, conduct, absentSessions }).level;

  it('TT58 Điều 15.1: promoted with conduct and học lực at least Trung bình and at most 45 sessions absent', () => {
    expect(decide('trung-binh', 'trung-binh', 45)).toBe('len-lop');
    expect(promotion({ hocLuc: 'gioi', conduct: 'tot', absentSessions: 0 }).label.vi).toBe('Lên lớp');
  });

  it('TT58 Điều 15.2a: more than 45 sessions absent repeats the grade', () => {
    expect(decide('gioi', 'tot', 46)).toBe('o-lai-lop');
  });

  it('TT58 Điều 15.2b: học lực Kém, or học lực and conduct both Yếu, repeats the grade', () => {
    expect(decide('kem', 'tot')).toBe('o-lai-lop');
    expect(decide('yeu', 'yeu')).toBe('o-lai-lop');
  });

  it('TT58 Điều 16: học lực Yếu with conduct at least Trung bình takes a summer re-test', () => {
    expect(decide('yeu', 'trung-binh')).toBe('kiem-tra-lai');
    expect(decide('yeu', 'tot')).toBe('kiem-tra-lai');
  });

  it('TT58 Điều 17: conduct Yếu with học lực at least Trung bình does summer conduct training', () => {
    expect(decide('trung-binh', 'yeu')).toBe('ren-luyen-he');
    expect(decide('gioi', 'yeu')).toBe('ren-luyen-he');
  });

  it('TT58 Điều 15 as a formula: promoted ⇔ học lực ≥ Trung bình ∧ conduct ≥ Trung bình ∧ absent ≤ 45', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HOC_LUC_LEVELS),
        fc.constantFrom(...CONDUCT_LEVELS),
        fc.integer({ min: 0, max: 100 }),
        (level, conduct, absent) => {
          const expected =
            HOC_LUC_LEVELS.indexOf(level) <= 2 && CONDUCT_LEVELS.indexOf(conduct) <= 2 && absent <= 45;
          expect(decide(level, conduct, absent) === 'len-lop').toBe(expected);
        },
      ),
    );
  });

  it('rejects a negative or fractional absence count', () => {
    expect(() => decide('gioi', 'tot', -1)).toThrow(RangeError);
    expect(() => decide('gioi', 'tot', 1.5)).toThrow(RangeError);
  });

  it('TT58 Điều 16: re-tests choose among subjects with ĐTBmcn below 5.0 and comment subjects CĐ', () => {
    const year = {
      scored: [
        { subject: 'Toán', average: 49 },
        { subject: 'Ngữ văn', average: 50 },
      ],
      commented: [
        { subject: 'Thể dục', mark: CD },
        { subject: 'Âm nhạc', mark: D },
      ],
    };
    expect(retestCandidates(year)).toEqual(['Toán', 'Thể dục']);
  });
});

describe('titles', () => {
  it('TT58 Điều 18: Học sinh giỏi needs conduct Tốt and học lực Giỏi', () => {
    expect(title({ hocLuc: 'gioi', conduct: 'tot' })).toEqual({
      level: 'gioi',
      label: { vi: 'Học sinh giỏi', en: 'Excellent student' },
    });
  });

  it('TT58 Điều 18: Học sinh tiên tiến needs conduct and học lực at least Khá', () => {
    expect(title({ hocLuc: 'gioi', conduct: 'kha' })?.level).toBe('tien-tien');
    expect(title({ hocLuc: 'kha', conduct: 'tot' })?.level).toBe('tien-tien');
    expect(title({ hocLuc: 'kha', conduct: 'kha' })?.label.vi).toBe('Học sinh tiên tiến');
    expect(title({ hocLuc: 'kha', conduct: 'trung-binh' })).toBeNull();
    expect(title({ hocLuc: 'trung-binh', conduct: 'tot' })).toBeNull();
  });

  it('TT58 Điều 18 for every pair of levels', () => {
    for (const level of HOC_LUC_LEVELS) {
      for (const conduct of CONDUCT_LEVELS) {
        const expected =
          level === 'gioi' && conduct === 'tot'
            ? 'gioi'
            : HOC_LUC_LEVELS.indexOf(level) <= 1 && CONDUCT_LEVELS.indexOf(conduct) <= 1
              ? 'tien-tien'
              : null;
        expect(title({ hocLuc: level, conduct })?.level ?? null).toBe(expected);
      }
    }
  });
});

describe('hocLuc in chuyên classes', () => {
  /** Toán, Ngữ văn, Ngoại ngữ at `key`, six others at 9.0 and the specialised Vật lí at `specialised`. */
  const chuyen = (key: number, specialised: number) => ({
    scored: [...subjects(key, key, key, ...repeat(6, 90)), { subject: 'Vật lí', average: specialised }],
    commented: passedComments,
  });
  const level = (key: number, specialised: number) =>
    hocLuc(chuyen(key, specialised), { specialisedSubject: 'Vật lí' }).level;

  it('TT58 Điều 13.1a: Giỏi in a chuyên class needs the specialised subject ≥ 8.0 as well as a key subject ≥ 8.0', () => {
    expect(level(90, 80)).toBe('gioi');
    // A key subject at 9.0 is not enough: the specialised subject at 7.9 makes it Khá.
    expect(level(90, 79)).toBe('kha');
    expect(hocLuc(chuyen(90, 79)).level).toBe('gioi'); // the same record outside a chuyên class
    // The specialised subject at 9.0 does not replace the key subjects (all at 7.9).
    expect(level(79, 90)).toBe('kha');
  });

  it('TT58 Điều 13.2a: Khá in a chuyên class needs the specialised subject ≥ 6.5 as well', () => {
    expect(level(70, 65)).toBe('kha');
    expect(level(70, 64)).toBe('trung-binh');
  });

  it('TT58 Điều 13.3a: Trung bình in a chuyên class needs the specialised subject ≥ 5.0 as well', () => {
    expect(level(55, 50)).toBe('trung-binh');
    const low = hocLuc(chuyen(55, 49), { specialisedSubject: 'Vật lí' });
    expect(low.level).toBe('yeu');
    // The specialised subject's own condition is never lifted by the one-subject rule.
    expect(low.raisedFrom).toBeNull();
  });

  it('a chuyên student is never graded above the same record judged without the specialised condition', () => {
    const average = fc.integer({ min: 0, max: 100 });
    fc.assert(
      fc.property(
        average,
        average,
        fc.array(average, { minLength: 1, maxLength: 8 }),
        (key, spec, others) => {
          const record = {
            scored: [...subjects(key, key, key, ...others), { subject: 'Vật lí', average: spec }],
            commented: [],
          };
          const plain = HOC_LUC_LEVELS.indexOf(hocLuc(record).level);
          const chuyenLevel = HOC_LUC_LEVELS.indexOf(hocLuc(record, { specialisedSubject: 'Vật lí' }).level);
          expect(chuyenLevel).toBeGreaterThanOrEqual(plain);
        },
      ),
    );
  });
});

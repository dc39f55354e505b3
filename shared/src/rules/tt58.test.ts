import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommentedSubject, ScoredSubject } from './subjects';
import { tt22, regularAssessments as tt22RegularAssessments } from './tt22';
import {
  hocLuc,
  isCommentSubject,
  minimumRegularTests,
  overallAverage,
  TT58_COMMENT_SUBJECTS,
  TT58_KEY_SUBJECTS,
  tt26,
  tt58,
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

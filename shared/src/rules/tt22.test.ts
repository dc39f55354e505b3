import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SemesterScores } from './rulepack';
import type { CommentedSubject, CommentMark, ScoredSubject } from './subjects';
import {
  academicResult,
  award,
  commentSubjectResult,
  isCommentSubject,
  promotion,
  regularAssessments,
  TT22_COMMENT_SUBJECTS,
  type Tt22Level,
  tt22,
  yearConduct,
} from './tt22';

/** Scored subjects "Môn 1", "Môn 2", … with these averages (tenths). */
function scored(...averages: number[]): ScoredSubject[] {
  return averages.map((average, index) => ({ subject: `Môn ${index + 1}`, average }));
}

function repeat(count: number, average: number): number[] {
  return Array.from({ length: count }, () => average);
}

/** The two comment subjects every test student takes, with these marks. */
function commented(arts: CommentMark = 'dat', sport: CommentMark = 'dat'): CommentedSubject[] {
  return [
    { subject: 'Nghệ thuật', mark: arts },
    { subject: 'Giáo dục thể chất', mark: sport },
  ];
}

describe('tt22 rulepack', () => {
  it('names its legal basis', () => {
    expect(tt22.id).toBe('tt22');
    expect(tt22.name).toBe('Thông tư 22/2021/TT-BGDĐT');
    expect(tt22.basis).toContain('22/2021/TT-BGDĐT');
  });

  it.each([
    [1, 2],
    [35, 2],
    [36, 3],
    [70, 3],
    [71, 4],
    [140, 4],
  ])('%i periods a year → %i regular assessments', (periods, count) => {
    expect(regularAssessments(periods)).toBe(count);
    expect(tt22.regularAssessments(periods)).toBe(count);
  });

  it.each([0, -35, Number.NaN, Number.POSITIVE_INFINITY])('rejects %d periods', (periods) => {
    expect(() => regularAssessments(periods)).toThrow(RangeError);
  });
});

describe('tt22.checkScore', () => {
  it.each([
    ['8,5', 85],
    ['8.5', 85],
    [8.5, 85],
    [10, 100],
    ['0', 0],
    [' 7 ', 70],
  ])('accepts %j as %i tenths', (raw, tenths) => {
    expect(tt22.checkScore(raw, 'tx')).toEqual({ value: tenths, problems: [] });
  });

  it.each([null, '', '  '])('blank %j is not a problem', (raw) => {
    expect(tt22.checkScore(raw, 'ck')).toEqual({ value: null, problems: [] });
  });

  it.each([
    ['11', 'score.range', 'Điểm 11 phải từ 0 đến 10', 'Score 11 must be between 0 and 10'],
    [10.5, 'score.range', 'Điểm 10.5 phải từ 0 đến 10', 'Score 10.5 must be between 0 and 10'],
    ['-1', 'score.range', 'Điểm -1 phải từ 0 đến 10', 'Score -1 must be between 0 and 10'],
    [
      '8,25',
      'score.decimals',
      'Điểm 8,25 chỉ được có tối đa một chữ số thập phân',
      'Score 8,25 may have at most one decimal place',
    ],
    [
      'tám',
      'score.format',
      '"tám" không phải là điểm hợp lệ (ví dụ: 8 hoặc 8,5)',
      '"tám" is not a valid score (e.g. 8 or 8.5)',
    ],
  ])('rejects %j with %s', (raw, code, vi, en) => {
    expect(tt22.checkScore(raw, 'gk')).toEqual({
      value: null,
      problems: [{ code, severity: 'error', message: { vi, en } }],
    });
  });
});

describe('tt22.semesterAverage', () => {
  const average = (scores: SemesterScores, requiredTx: number) => tt22.semesterAverage(scores, requiredTx);

  it('is (ΣĐĐGtx + 2·ĐĐGgk + 3·ĐĐGck) / (n_tx + 5)', () => {
    // (8 + 7 + 9 + 2·8 + 3·9) / 8 = 8.375 → 8.4
    expect(average({ tx: [80, 70, 90], gk: [80], ck: [90] }, 3)).toEqual({ average: 84, problems: [] });
  });

  it.each([
    // [tx, gk, ck, requiredTx, tenths, why]
    [[87, 86, 44], 91, 87, 3, 83, '66 / 8 = 8.25 → 8.3 (floats give 8.249999999999998)'],
    [[60, 70, 70], 68, 60, 3, 65, '51.6 / 8 = 6.45 → 6.5'],
    [[60, 70, 70, 60], 70, 60, 4, 64, '58 / 9 = 6.444… → 6.4'],
    [[50, 50], 50, 50, 2, 50, 'all 5.0 → 5.0'],
    [[100, 100, 100, 100], 100, 100, 4, 100, 'all 10 → 10.0'],
    [[0, 0], 0, 0, 2, 0, 'all 0 → 0.0'],
  ])('tx %j, gk %i, ck %i → %i tenths (%s)', (tx, gk, ck, requiredTx, tenths) => {
    expect(average({ tx, gk: [gk], ck: [ck] }, requiredTx)).toEqual({ average: tenths, problems: [] });
  });

  it('rounds exactly where a float average would not', () => {
    const naive = (8.7 + 8.6 + 4.4 + 2 * 9.1 + 3 * 8.7) / 8;
    expect(Math.round(naive * 10) / 10).toBe(8.2); // the trap
    expect(average({ tx: [87, 86, 44], gk: [91], ck: [87] }, 3).average).toBe(83);
  });

  it('withholds the average and says what is missing', () => {
    expect(average({ tx: [80, 70], gk: [80], ck: [] }, 3)).toEqual({
      average: null,
      problems: [
        {
          code: 'score.missing',
          severity: 'warning',
          message: {
            vi: 'Chưa tính được điểm trung bình môn học kỳ, còn thiếu điểm thường xuyên (ĐĐGtx) (có 2/3), điểm cuối kỳ (ĐĐGck) (có 0/1)',
            en: 'Semester average not computed: missing regular assessment scores (2 of 3), end-term scores (0 of 1)',
          },
        },
      ],
    });
  });

  it.each([
    [{ tx: [80, 70], gk: [], ck: [90] }, 'ĐĐGgk'],
    [{ tx: [], gk: [], ck: [] }, 'ĐĐGtx'],
  ])('withholds the average when %j', (scores, named) => {
    const result = average(scores, 2);
    expect(result.average).toBeNull();
    expect(result.problems.map(({ code }) => code)).toEqual(['score.missing']);
    expect(result.problems[0]?.message.vi).toContain(named);
  });

  it('warns about extra regular scores but still averages all of them', () => {
    const result = average({ tx: [80, 80, 80, 80, 30], gk: [80], ck: [80] }, 4);
    // (320 + 30 + 160 + 240) / 10 = 75
    expect(result.average).toBe(75);
    expect(result.problems).toEqual([
      {
        code: 'score.too-many',
        severity: 'warning',
        message: {
          vi: 'Có 5 điểm thường xuyên (ĐĐGtx), quy định là 4',
          en: '5 regular assessment scores recorded; the rule is 4',
        },
      },
    ]);
  });

  it.each([[{ tx: [80, 80], gk: [80, 70], ck: [80] }], [{ tx: [80, 80], gk: [80], ck: [80, 90] }]])(
    'refuses a second mid-term or end-term score: %j',
    (scores) => {
      const result = average(scores, 2);
      expect(result.average).toBeNull();
      expect(result.problems).toMatchObject([{ code: 'score.too-many', severity: 'error' }]);
    },
  );

  it('lies within the lowest and highest score', () => {
    const score = fc.integer({ min: 0, max: 100 });
    fc.assert(
      fc.property(fc.array(score, { minLength: 2, maxLength: 4 }), score, score, (tx, gk, ck) => {
        const { average: result } = average({ tx, gk: [gk], ck: [ck] }, tx.length);
        expect(result).toBeGreaterThanOrEqual(Math.min(...tx, gk, ck));
        expect(result).toBeLessThanOrEqual(Math.max(...tx, gk, ck));
      }),
    );
  });
});

describe('tt22.yearAverage', () => {
  it.each([
    [65, 70, 68, '(6.5 + 2·7.0) / 3 = 6.833… → 6.8'],
    [80, 81, 81, '(8.0 + 2·8.1) / 3 = 8.066… → 8.1'],
    [74, 80, 78, '(7.4 + 2·8.0) / 3 = 7.8'],
    [90, 64, 73, '(9.0 + 2·6.4) / 3 = 7.266… → 7.3'],
    [64, 65, 65, '(6.4 + 2·6.5) / 3 = 6.466… → 6.5'],
    [66, 64, 65, '(6.6 + 2·6.4) / 3 = 6.466… → 6.5'],
  ])('I %i, II %i → %i (%s)', (semesterI, semesterII, year) => {
    expect(tt22.yearAverage(semesterI, semesterII)).toBe(year);
  });
});

describe('comment subjects', () => {
  it('lists the six comment-only subjects and activities', () => {
    expect(TT22_COMMENT_SUBJECTS).toHaveLength(6);
  });

  it.each([
    ['Giáo dục thể chất', true],
    ['  giáo dục THỂ CHẤT ', true],
    ['Mỹ thuật', true],
    ['Hoạt động trải nghiệm, hướng nghiệp', true],
    ['Nội dung giáo dục của địa phương', true],
    ['Toán', false],
    ['Thể dục', false],
  ])('%j is a comment subject: %s', (name, expected) => {
    expect(isCommentSubject(name)).toBe(expected);
  });

  it.each([
    [['dat', 'dat'], ['dat'], ['dat'], 2, 'dat'],
    [['dat', 'dat', 'dat'], ['dat'], ['dat'], 2, 'dat'],
    [['dat', 'chua-dat'], ['dat'], ['dat'], 2, 'chua-dat'],
    [['dat', 'dat'], ['chua-dat'], ['dat'], 2, 'chua-dat'],
    [['dat', 'dat'], ['dat'], ['chua-dat'], 2, 'chua-dat'],
    [['dat'], ['dat'], ['dat'], 2, 'chua-dat'],
    [['dat', 'dat'], [], ['dat'], 2, 'chua-dat'],
    [['dat', 'dat'], ['dat'], [], 2, 'chua-dat'],
  ] as const)('tx %j gk %j ck %j (needs %i tx) → %s', (tx, gk, ck, requiredTx, level) => {
    const result = commentSubjectResult({ tx, gk, ck }, requiredTx);
    expect(result.level).toBe(level);
    expect(result.label.vi).toBe(level === 'dat' ? 'Đạt' : 'Chưa đạt');
  });
});

describe('academicResult', () => {
  it.each([
    // [case, scored averages, comment marks, level]
    ['Tốt at its edges: six at 8.0, the rest 6.5', [...repeat(6, 80), 65, 65], commented(), 'tot'],
    ['only five at 8.0 → Khá', [...repeat(5, 80), 79, 65, 65], commented(), 'kha'],
    [
      'Tốt needs every comment subject Đ: one CĐ alone → Đạt, raised to Khá',
      repeat(8, 80),
      commented('chua-dat'),
      'kha',
    ],
    ['Khá at its edges: six at 6.5, the rest 5.0', [...repeat(6, 65), 50, 50], commented(), 'kha'],
    ['only five at 6.5 → Đạt', [...repeat(5, 65), 64, 50, 50], commented(), 'dat'],
    ['Đạt at its edges: six at 5.0, the rest 3.5', [...repeat(6, 50), 35, 35], commented(), 'dat'],
    ['Đạt allows one comment CĐ', [...repeat(6, 50), 35, 35], commented('chua-dat'), 'dat'],
    ['two comment CĐ → Chưa đạt', repeat(8, 50), commented('chua-dat', 'chua-dat'), 'chua-dat'],
    ['only five at 5.0 → Chưa đạt', [...repeat(5, 50), 49, 35, 35], commented(), 'chua-dat'],
    ['one below 3.5 → Chưa đạt', [...repeat(7, 50), 34], commented(), 'chua-dat'],
    ['fewer than six scored subjects cannot reach Đạt', repeat(5, 100), commented(), 'chua-dat'],
  ] as const)('%s', (_case, averages, marks, level) => {
    expect(academicResult({ scored: scored(...averages), commented: marks }).level).toBe(level);
  });

  it.each([
    // [case, scored averages, comment marks, strict level, subject to blame, raised level]
    ['Tốt → Đạt by one scored 4.0 becomes Khá', [...repeat(7, 80), 40], commented(), 'dat', 'Môn 8', 'kha'],
    [
      'Tốt → Đạt by one comment CĐ becomes Khá',
      repeat(8, 80),
      commented('chua-dat'),
      'dat',
      'Nghệ thuật',
      'kha',
    ],
    [
      'Tốt → Chưa đạt by one scored 3.0 becomes Đạt',
      [...repeat(7, 80), 30],
      commented(),
      'chua-dat',
      'Môn 8',
      'dat',
    ],
    [
      'Tốt kept by exactly six 8.0 besides the low one',
      [...repeat(6, 80), 30],
      commented(),
      'chua-dat',
      'Môn 7',
      'dat',
    ],
    [
      'Khá → Chưa đạt by one scored 3.4 becomes Đạt',
      [...repeat(7, 70), 34],
      commented(),
      'chua-dat',
      'Môn 8',
      'dat',
    ],
  ] as const)('%s', (_case, averages, marks, strict, subject, raised) => {
    const result = academicResult({ scored: scored(...averages), commented: marks });
    expect(result.level).toBe(raised);
    expect(result.raisedFrom).toEqual({ level: strict, subject });
  });

  it.each([
    ['Tốt → Khá by one 6.4 is one level: kept', [...repeat(7, 80), 64], commented(), 'kha'],
    ['Khá → Đạt by one 4.9 is one level: kept', [...repeat(7, 70), 49], commented(), 'dat'],
    [
      'Đạt → Chưa đạt by one 3.4 is not from Tốt or Khá: kept',
      [...repeat(6, 50), 40, 34],
      commented(),
      'chua-dat',
    ],
    ['two low subjects: no single cause', [...repeat(6, 80), 30, 30], commented(), 'chua-dat'],
    [
      'one low scored subject and one comment CĐ: no single cause',
      [...repeat(7, 80), 30],
      commented('chua-dat'),
      'chua-dat',
    ],
  ] as const)('%s', (_case, averages, marks, level) => {
    const result = academicResult({ scored: scored(...averages), commented: marks });
    expect(result.level).toBe(level);
    expect(result.raisedFrom).toBeNull();
  });

  it('labels the level in Vietnamese and English', () => {
    const result = academicResult({ scored: scored(...repeat(8, 90)), commented: commented() });
    expect(result).toEqual({ level: 'tot', label: { vi: 'Tốt', en: 'Good' }, raisedFrom: null });
  });
});

describe('yearConduct', () => {
  it.each([
    // [semester I, semester II, year]
    ['tot', 'tot', 'tot'],
    ['kha', 'tot', 'tot'],
    ['dat', 'tot', 'kha'],
    ['chua-dat', 'tot', 'kha'],
    ['tot', 'kha', 'kha'],
    ['kha', 'kha', 'kha'],
    ['dat', 'kha', 'kha'],
    ['chua-dat', 'kha', 'dat'],
    ['tot', 'dat', 'kha'],
    ['kha', 'dat', 'dat'],
    ['dat', 'dat', 'dat'],
    ['chua-dat', 'dat', 'dat'],
    ['tot', 'chua-dat', 'chua-dat'],
    ['kha', 'chua-dat', 'chua-dat'],
    ['dat', 'chua-dat', 'chua-dat'],
    ['chua-dat', 'chua-dat', 'chua-dat'],
  ] as const)('I %s, II %s → %s', (semesterI, semesterII, year) => {
    expect(yearConduct(semesterI, semesterII).level).toBe(year);
  });

  it('labels the result', () => {
    expect(yearConduct('kha', 'tot').label).toEqual({ vi: 'Tốt', en: 'Good' });
  });
});

describe('promotion', () => {
  const passing = { scored: scored(...repeat(8, 70)), commented: commented() };
  const failing = {
    // Chưa đạt: 3.0 is below 3.5 and 4.9 is below 5.0 (only six reach 5.0), and one comment CĐ.
    scored: [
      ...scored(...repeat(6, 60)),
      { subject: 'Toán', average: 49 },
      { subject: 'Ngữ văn', average: 30 },
    ],
    commented: commented('chua-dat'),
  };

  it.each([
    ['tot', passing, 0, 'len-lop', []],
    ['dat', passing, 45, 'len-lop', []],
    ['kha', passing, 46, 'o-lai-lop', []],
    ['dat', failing, 46, 'o-lai-lop', []],
    ['dat', failing, 10, 'kiem-tra-lai', ['Toán', 'Ngữ văn', 'Nghệ thuật']],
    ['chua-dat', passing, 0, 'ren-luyen-he', []],
    ['chua-dat', failing, 0, 'ren-luyen-he', ['Toán', 'Ngữ văn', 'Nghệ thuật']],
  ] as const)(
    'conduct %s, %j, %i sessions absent → %s %j',
    (conduct, subjects, absentSessions, decision, candidates) => {
      const result = promotion({ ...subjects, conduct: conduct as Tt22Level, absentSessions });
      expect(result.decision).toBe(decision);
      expect(result.retestCandidates).toEqual(candidates);
    },
  );

  it('labels the decision', () => {
    expect(promotion({ ...passing, conduct: 'tot', absentSessions: 0 }).label).toEqual({
      vi: 'Lên lớp',
      en: 'Promoted',
    });
    expect(promotion({ ...passing, conduct: 'tot', absentSessions: 50 }).label.vi).toBe(
      'Ở lại lớp (nghỉ quá 45 buổi)',
    );
  });

  it('counts a subject at exactly 5.0 as passed', () => {
    const result = promotion({
      scored: [
        ...scored(...repeat(6, 50)),
        { subject: 'Toán', average: 50 },
        { subject: 'Tin học', average: 20 },
      ],
      commented: commented(),
      conduct: 'dat',
      absentSessions: 0,
    });
    expect(result.retestCandidates).toEqual(['Tin học']);
  });

  it.each([-1, 1.5, Number.NaN])('rejects %d absent sessions', (absentSessions) => {
    expect(() => promotion({ ...passing, conduct: 'tot', absentSessions })).toThrow(RangeError);
  });
});

describe('award', () => {
  it.each([
    ['tot', [...repeat(6, 90), 80, 80], commented(), 'xuat-sac'],
    ['tot', [...repeat(5, 90), 89, 80, 80], commented(), 'gioi'],
    ['tot', repeat(8, 80), commented(), 'gioi'],
    ['kha', repeat(8, 100), commented(), null],
    ['tot', [...repeat(7, 90), 60], commented(), null], // academic Khá
    ['tot', repeat(8, 100), commented('chua-dat'), null], // Đạt raised to Khá is still not Tốt
  ] as const)('conduct %s, %j, %j → %s', (conduct, averages, marks, expected) => {
    const result = award({ scored: scored(...averages), commented: marks, conduct });
    expect(result?.level ?? null).toBe(expected);
  });

  it('labels the title', () => {
    const result = award({ scored: scored(...repeat(8, 95)), commented: commented(), conduct: 'tot' });
    expect(result?.label).toEqual({ vi: 'Học sinh Xuất sắc', en: 'Outstanding student' });
  });
});

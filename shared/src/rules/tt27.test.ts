import { describe, expect, it } from 'vitest';
import {
  makeTt27Rulepack,
  periodicTests,
  type QualityLevel,
  type SubjectLevel,
  tt27,
  YEAR_RESULT_LABEL,
  yearResult,
} from './tt27';

describe('tt27 rulepack', () => {
  it('names its legal basis', () => {
    expect(tt27.id).toBe('tt27');
    expect(tt27.basis).toContain('27/2020/TT-BGDĐT');
  });

  it('records no regular scores and computes no averages', () => {
    expect(tt27.regularAssessments(35)).toBe(0);
    expect(tt27.semesterAverage({ tx: [], gk: [80], ck: [90] }, 0)).toEqual({ average: null, problems: [] });
  });

  it('year value is the end-of-year (semester II) one', () => {
    expect(tt27.yearAverage(70, 90)).toBe(90);
  });
});

describe('tt27.checkScore', () => {
  it.each([
    ['8', 80],
    [8, 80],
    ['10', 100],
    ['8.0', 80],
    ['8,0', 80],
    [' 5 ', 50],
  ])('accepts %j as %i tenths', (raw, tenths) => {
    expect(tt27.checkScore(raw, 'ck')).toEqual({ value: tenths, problems: [] });
  });

  it.each(['8.5', '8,5', 8.5, '8,25', 7.75])('rejects the decimal %j with score.integer', (raw) => {
    expect(tt27.checkScore(raw, 'ck')).toEqual({
      value: null,
      problems: [
        {
          code: 'score.integer',
          severity: 'error',
          message: {
            vi: `Điểm ${String(raw)} phải là số nguyên, không cho điểm thập phân`,
            en: `Score ${String(raw)} must be a whole number, decimals are not allowed`,
          },
        },
      ],
    });
  });

  it.each([
    ['11', 'score.range'],
    ['-1', 'score.range'],
    ['mười', 'score.format'],
  ])('rejects %j with %s', (raw, code) => {
    expect(tt27.checkScore(raw, 'gk')).toMatchObject({
      value: null,
      problems: [{ code, severity: 'error' }],
    });
  });

  it('accepts 0 with a warning by default', () => {
    expect(tt27.checkScore('0', 'ck')).toMatchObject({
      value: 0,
      problems: [{ code: 'score.zero', severity: 'warning' }],
    });
  });

  it('can allow 0 silently or refuse it', () => {
    expect(makeTt27Rulepack({ zeroScore: 'allow' }).checkScore(0, 'ck')).toEqual({ value: 0, problems: [] });
    expect(makeTt27Rulepack({ zeroScore: 'error' }).checkScore(0, 'ck')).toMatchObject({
      value: null,
      problems: [{ code: 'score.zero', severity: 'error' }],
    });
  });

  it('regular assessment is by comment: a score there is an error, a blank is fine', () => {
    expect(tt27.checkScore('', 'tx')).toEqual({ value: null, problems: [] });
    expect(tt27.checkScore('8', 'tx')).toMatchObject({
      value: null,
      problems: [{ code: 'score.not-scored' }],
    });
  });
});

describe('periodicTests', () => {
  const endOnly = ['cuoi-hk1', 'cuoi-nam'];
  const withMidTerms = ['giua-hk1', 'cuoi-hk1', 'giua-hk2', 'cuoi-nam'];

  it.each([
    [1, { 'Tiếng Việt': endOnly, Toán: endOnly }],
    [2, { 'Tiếng Việt': endOnly, Toán: endOnly }],
    [3, { 'Tiếng Việt': endOnly, Toán: endOnly, 'Ngoại ngữ 1': endOnly, 'Tin học và Công nghệ': endOnly }],
    [
      4,
      {
        'Tiếng Việt': withMidTerms,
        Toán: withMidTerms,
        'Ngoại ngữ 1': endOnly,
        'Tin học và Công nghệ': endOnly,
        'Lịch sử và Địa lí': endOnly,
        'Khoa học': endOnly,
      },
    ],
    [
      5,
      {
        'Tiếng Việt': withMidTerms,
        Toán: withMidTerms,
        'Ngoại ngữ 1': endOnly,
        'Tin học và Công nghệ': endOnly,
        'Lịch sử và Địa lí': endOnly,
        'Khoa học': endOnly,
      },
    ],
  ])('grade %i', (grade, expected) => {
    const tests = Object.fromEntries(periodicTests(grade).map(({ subject, moments }) => [subject, moments]));
    expect(tests).toEqual(expected);
  });

  it('takes another grade split for mid-term tests', () => {
    const grade4 = periodicTests(4, [5]);
    expect(grade4.find(({ subject }) => subject === 'Toán')?.moments).toEqual(endOnly);
  });

  it.each([0, 6, 2.5])('rejects grade %d', (grade) => {
    expect(() => periodicTests(grade)).toThrow(RangeError);
  });
});

describe('yearResult', () => {
  const allT: SubjectLevel[] = ['T', 'T', 'T', 'T'];
  const allGood: QualityLevel[] = ['T', 'T', 'T', 'T', 'T'];

  it.each([
    // [subjects, qualities, competences, end-of-year tests, result]
    [allT, allGood, ['T', 'T', 'T'], [90, 100], 'hoan-thanh-xuat-sac'],
    [allT, allGood, ['T', 'T', 'T'], [90, 89], 'hoan-thanh-tot'],
    [allT, allGood, ['T', 'T', 'T'], [70, 100], 'hoan-thanh-tot'],
    [allT, allGood, ['T', 'T', 'Đ'], [100, 100], 'hoan-thanh'],
    [['T', 'H', 'T'], allGood, ['T', 'T', 'T'], [100, 100], 'hoan-thanh'],
    [allT, allGood, ['T', 'T', 'T'], [69, 100], 'hoan-thanh'],
    [['H', 'H'], ['Đ', 'Đ'], ['Đ'], [50, 50], 'hoan-thanh'],
    [['H', 'H'], ['Đ', 'Đ'], ['Đ'], [49, 100], 'chua-hoan-thanh'],
    [['T', 'C'], allGood, ['T'], [100], 'chua-hoan-thanh'],
    [allT, ['T', 'C'], ['T'], [100], 'chua-hoan-thanh'],
    [allT, allGood, ['C'], [100], 'chua-hoan-thanh'],
    [allT, allGood, ['T'], [], 'hoan-thanh-xuat-sac'], // no tests to hold anyone back
  ] as const)(
    'subjects %j, qualities %j, competences %j, tests %j → %s',
    (subjects, qualities, competences, endOfYearTests, result) => {
      expect(yearResult({ subjects, qualities, competences, endOfYearTests })).toEqual({
        level: result,
        label: YEAR_RESULT_LABEL[result],
      });
    },
  );

  it('labels the result in Vietnamese and English', () => {
    expect(YEAR_RESULT_LABEL['hoan-thanh-xuat-sac']).toEqual({
      vi: 'Hoàn thành xuất sắc',
      en: 'Completed with excellence',
    });
  });
});

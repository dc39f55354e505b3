import { describe, expect, it } from 'vitest';
import { getRulepack, rulepackForGrade, rulepackIds } from './registry';

describe('getRulepack', () => {
  it.each(rulepackIds)('%s is registered under its own id with a name and basis', (id) => {
    const rulepack = getRulepack(id);
    expect(rulepack.id).toBe(id);
    expect(rulepack.name).not.toBe('');
    expect(rulepack.basis).not.toBe('');
  });

  it('lists every rulepack once', () => {
    expect([...rulepackIds].sort()).toEqual(['tt22', 'tt27', 'tt58']);
  });
});

describe('rulepackForGrade', () => {
  it.each([
    // [school year start, secondary grades under TT22; the others follow TT58 as amended by TT26]
    [2020, []],
    [2021, [6]],
    [2022, [6, 7, 10]],
    [2023, [6, 7, 8, 10, 11]],
    [2024, [6, 7, 8, 9, 10, 11, 12]],
    [2030, [6, 7, 8, 9, 10, 11, 12]],
  ])('school year %i: TT22 for grades %j', (schoolYearStart, tt22Grades) => {
    for (const grade of [6, 7, 8, 9, 10, 11, 12]) {
      expect(rulepackForGrade(grade, schoolYearStart)).toBe(tt22Grades.includes(grade) ? 'tt22' : 'tt58');
    }
  });

  it.each([1, 2, 3, 4, 5])('grade %i is primary (TT27)', (grade) => {
    expect(rulepackForGrade(grade, 2021)).toBe('tt27');
    expect(rulepackForGrade(grade, 2025)).toBe('tt27');
  });

  it.each([0, 13, 6.5, Number.NaN])('rejects grade %d', (grade) => {
    expect(() => rulepackForGrade(grade, 2024)).toThrow(RangeError);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getRulepack, rulepackForGrade, rulepackIds, tt27FirstSchoolYear } from './registry';

describe('getRulepack', () => {
  it.each(rulepackIds)('%s is registered under its own id with a name and basis', (id) => {
    const rulepack = getRulepack(id);
    expect(rulepack.id).toBe(id);
    expect(rulepack.name).not.toBe('');
    expect(rulepack.basis).not.toBe('');
  });

  it('lists every rulepack once', () => {
    expect([...rulepackIds].sort()).toEqual(['tt22', 'tt26', 'tt27', 'tt30', 'tt58']);
  });
});

describe('rulepackForGrade', () => {
  it.each([
    // [school year start, secondary grades under TT22; the others follow TT58 — as amended by TT26 from 2020-21]
    [2011, []],
    [2019, []],
    [2020, []],
    [2021, [6]],
    [2022, [6, 7, 10]],
    [2023, [6, 7, 8, 10, 11]],
    [2024, [6, 7, 8, 9, 10, 11, 12]],
    [2030, [6, 7, 8, 9, 10, 11, 12]],
  ])('school year %i: TT22 for grades %j', (schoolYearStart, tt22Grades) => {
    const older = schoolYearStart >= 2020 ? 'tt26' : 'tt58';
    for (const grade of [6, 7, 8, 9, 10, 11, 12]) {
      expect(rulepackForGrade(grade, schoolYearStart)).toBe(tt22Grades.includes(grade) ? 'tt22' : older);
    }
  });

  it('TT26/2020 amends TT58 from 2020-21: a secondary grade not under TT22 is tt58 up to 2019-20, tt26 after', () => {
    fc.assert(
      fc.property(fc.integer({ min: 6, max: 12 }), fc.integer({ min: 2000, max: 2023 }), (grade, year) => {
        const id = rulepackForGrade(grade, year);
        if (id !== 'tt22') expect(id).toBe(year >= 2020 ? 'tt26' : 'tt58');
        if (year < 2021) expect(id).not.toBe('tt22');
      }),
    );
  });

  it.each([
    // [school year start, primary grades under TT27; the others follow TT30 as amended by TT22/2016]
    [2016, []],
    [2019, []],
    [2020, [1]],
    [2021, [1, 2]],
    [2022, [1, 2, 3]],
    [2023, [1, 2, 3, 4]],
    [2024, [1, 2, 3, 4, 5]],
    [2030, [1, 2, 3, 4, 5]],
  ])(
    'TT27 roll-out, school year %i: TT27 for grades %j, TT30/TT22-2016 for the others',
    (year, tt27Grades) => {
      for (const grade of [1, 2, 3, 4, 5]) {
        expect(rulepackForGrade(grade, year)).toBe(tt27Grades.includes(grade) ? 'tt27' : 'tt30');
      }
    },
  );

  it('TT27 reaches grade g in school year 2019 + g; every primary year before it is TT30 (any grade, any year)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 2000, max: 2100 }), (grade, year) => {
        expect(rulepackForGrade(grade, year)).toBe(year >= tt27FirstSchoolYear(grade) ? 'tt27' : 'tt30');
      }),
    );
    expect([1, 2, 3, 4, 5].map(tt27FirstSchoolYear)).toEqual([2020, 2021, 2022, 2023, 2024]);
  });

  it('never gives a primary rulepack to a secondary grade nor the reverse', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2000, max: 2100 }), (grade, year) => {
        const primary = ['tt27', 'tt30'].includes(rulepackForGrade(grade, year));
        expect(primary).toBe(grade <= 5);
      }),
    );
  });

  it.each([0, 13, 6.5, Number.NaN])('rejects grade %d', (grade) => {
    expect(() => rulepackForGrade(grade, 2024)).toThrow(RangeError);
  });
});

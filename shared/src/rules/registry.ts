import type { Rulepack, RulepackId } from './rulepack';
import { tt22 } from './tt22';
import { tt27 } from './tt27';
import { tt30 } from './tt30';
import { tt26, tt58 } from './tt58';

const RULEPACKS: Record<RulepackId, Rulepack> = { tt22, tt26, tt58, tt27, tt30 };

export { rulepackIds } from './rulepack';

export function getRulepack(id: RulepackId): Rulepack {
  return RULEPACKS[id];
}

/** TT22's roll-out: the secondary grades it covered in each school year before it covered them all. */
const TT22_GRADES_BY_YEAR: ReadonlyMap<number, readonly number[]> = new Map([
  [2021, [6]],
  [2022, [6, 7, 10]],
  [2023, [6, 7, 8, 10, 11]],
]);

/** From the school year starting in this calendar year, every secondary grade follows TT22. */
const TT22_EVERY_GRADE_FROM = 2024;

/** From the school year starting in this calendar year, TT26's amendments to TT58 apply. */
const TT26_FROM = 2020;

/** TT27's roll-out: grade 1 from 2020-21, grade 2 from 2021-22, … grade 5 from 2024-25. */
export function tt27FirstSchoolYear(grade: number): number {
  return 2019 + grade;
}

/**
 * The rulepack a class follows. `schoolYearStart` is the calendar year the school year begins
 * (2023 for 2023-24). Throws RangeError for a grade outside 1–12.
 * - Grades 1–5: TT27 from its roll-out year for the grade, before it TT30 as amended by TT22/2016.
 * - Grades 6–12: TT22 where its roll-out had reached them; otherwise TT58 as amended by TT26 from
 *   2020-21, the original TT58 before.
 */
export function rulepackForGrade(grade: number, schoolYearStart: number): RulepackId {
  if (!Number.isInteger(grade) || grade < 1 || grade > 12) {
    throw new RangeError(`Grades are 1–12, got ${grade}`);
  }
  if (grade <= 5) return schoolYearStart >= tt27FirstSchoolYear(grade) ? 'tt27' : 'tt30';
  if (schoolYearStart >= TT22_EVERY_GRADE_FROM) return 'tt22';
  if (TT22_GRADES_BY_YEAR.get(schoolYearStart)?.includes(grade)) return 'tt22';
  return schoolYearStart >= TT26_FROM ? 'tt26' : 'tt58';
}

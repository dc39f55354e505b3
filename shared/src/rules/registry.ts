import type { Rulepack, RulepackId } from './rulepack';
import { tt22 } from './tt22';
import { tt27 } from './tt27';
import { tt58 } from './tt58';

const RULEPACKS: Record<RulepackId, Rulepack> = { tt22, tt58, tt27 };

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

/**
 * The rulepack a class follows: grades 1–5 → TT27; grades 6–12 → TT22 where its roll-out had
 * reached them, else TT58 as amended by TT26. `schoolYearStart` is the calendar year the
 * school year begins (2023 for 2023-24). Throws RangeError for a grade outside 1–12.
 */
export function rulepackForGrade(grade: number, schoolYearStart: number): RulepackId {
  if (!Number.isInteger(grade) || grade < 1 || grade > 12) {
    throw new RangeError(`Grades are 1–12, got ${grade}`);
  }
  if (grade <= 5) return 'tt27';
  if (schoolYearStart >= TT22_EVERY_GRADE_FROM) return 'tt22';
  return TT22_GRADES_BY_YEAR.get(schoolYearStart)?.includes(grade) ? 'tt22' : 'tt58';
}

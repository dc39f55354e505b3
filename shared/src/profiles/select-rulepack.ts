import type { RulepackId } from '../rules/rulepack';

// Kept apart from the zod schema so that the browser extension's content script can choose a
// rulepack without carrying zod.

const GRADE_RANGE = /^(\d{1,2})(?:-(\d{1,2}))?$/;

/**
 * One rulepack for every grade, or one per grade range ("1-5", "6-12", "10") and `otherwise` for a
 * page whose grade cannot be read or lies outside the ranges.
 */
export type RulepackSelectionData =
  RulepackId | { byGrade: Record<string, RulepackId>; otherwise: RulepackId };

/** The grades of a range "6-9" or "10"; undefined when it is not a range within 1–12. */
export function gradesIn(range: string): number[] | undefined {
  const match = GRADE_RANGE.exec(range);
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  if (from < 1 || to > 12 || from > to) return undefined;
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The rulepack that checks a page of a grade (undefined: the page does not say which). */
export function selectRulepack(selection: RulepackSelectionData, grade: number | undefined): RulepackId {
  if (typeof selection === 'string') return selection;
  const range =
    grade === undefined
      ? undefined
      : Object.keys(selection.byGrade).find((key) => gradesIn(key)?.includes(grade));
  return range === undefined ? selection.otherwise : selection.byGrade[range]!;
}

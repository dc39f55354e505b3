// Ordered result levels and the "one subject" adjustment shared by TT22 and TT58.
import type { Message } from '../problem';
import type { SubjectResult } from './subjects';

/** A result level with its labels, Vietnamese first. */
export interface Labelled<Level extends string> {
  level: Level;
  label: Message;
}

/** A semester or year result that the one-subject rule may have raised. */
export interface AdjustableResult<Level extends string> extends Labelled<Level> {
  /** Set when the one-subject rule raised the level: the level strictly earned and the subject that caused it. */
  raisedFrom: { level: Level; subject: string } | null;
}

/**
 * Classifies `subjects` and applies the one-subject rule.
 *
 * Reading of the rule: "the level the rest earns" is the best level reached when exactly one
 * subject is left out of the classification (its average no longer counts against the floors
 * and comment conditions, nor towards the "at least N subjects" counts). When that level is
 * higher than the strict one, that single subject alone pulled the result down, and `adjust`
 * decides the replacement (or null to keep the strict level).
 */
export function classifyWithOneSubjectRule<Level extends string>(
  levels: readonly Level[],
  labels: Record<Level, Message>,
  subjects: readonly SubjectResult[],
  classify: (subjects: readonly SubjectResult[]) => Level,
  adjust: (restLevel: Level, strictLevel: Level) => Level | null,
): AdjustableResult<Level> {
  const strict = classify(subjects);
  let rest: { level: Level; subject: string } | null = null;
  for (const [index, left] of subjects.entries()) {
    const level = classify(subjects.filter((_, other) => other !== index));
    if (rest === null || levels.indexOf(level) < levels.indexOf(rest.level)) {
      rest = { level, subject: left.subject };
    }
  }
  const adjusted = rest === null ? null : adjust(rest.level, strict);
  if (rest === null || adjusted === null) {
    return { level: strict, label: labels[strict], raisedFrom: null };
  }
  return { level: adjusted, label: labels[adjusted], raisedFrom: { level: strict, subject: rest.subject } };
}

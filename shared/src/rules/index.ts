// Contract of the rules module (implemented in sibling files).
export type {
  Tenths, RulepackId, AssessmentKind, ScoreCheck, SemesterScores, AverageResult, Rulepack,
} from './rulepack';
export { parseTenths, formatTenths, divideHalfUp } from './decimal';
export { getRulepack, rulepackIds, rulepackForGrade } from './registry';
export * as tt22 from './tt22';
export * as tt58 from './tt58';
export * as tt27 from './tt27';
export * as fields from './fields/index';

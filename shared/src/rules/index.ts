// Contract of the rules module (implemented in sibling files).

export {
  type CellCheck,
  type CellCheckOptions,
  type CellKind,
  type CheckCell,
  cellKinds,
  tenthsText,
} from './cells';
export { type RowCell, rowAverageOf } from './row-average';
export { divideHalfUp, formatTenths, type ParsedTenths, parseTenths } from './decimal';
export * as fields from './fields/index';
export { getRulepack, rulepackForGrade, rulepackIds, tt27FirstSchoolYear } from './registry';
export type {
  AssessmentKind,
  AverageResult,
  Rulepack,
  RulepackId,
  ScoreCheck,
  SemesterScores,
  Tenths,
} from './rulepack';
export * as tt22 from './tt22';
export * as tt27 from './tt27';
export * as tt30 from './tt30';
export * as tt58 from './tt58';

export {
  matchesUrl,
  type ProfileFile,
  type ProfileFileResult,
  parseProfileFile,
  profileFileSchema,
} from './file';
export {
  cellKindOf,
  type ContextField,
  contextFields,
  defaultPageKey,
  type GridColumnKind,
  gridColumnKinds,
} from './columns';
export { isMatchPattern, matchesPattern, originPattern } from './match-pattern';
export {
  codedRecordFields,
  identityRecordFields,
  RECORD_FIELD_NAMES,
  type RecordField,
  type RecordKind,
  recordFields,
  recordKinds,
} from './record-fields';
export { recordFieldOfHeader } from './record-headers';
export {
  type PageKind,
  type Profile,
  type GridColumnSpec,
  type GridShape,
  columnSchema,
  gridShapeSchema,
  type ProfilePage,
  pageSchema,
  profileSchema,
  type RulepackSelection,
  type SyncStep,
  selectRulepack,
  type Target,
} from './schema';
export { problemsFromIssues } from './zod-kit';
export { allMatchPatterns, builtInProfiles, findProfileForUrl } from './registry';
export { smasProfile } from './smas/profile';
export { vneduProfile } from './vnedu/profile';

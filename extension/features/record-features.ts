import type { RecordFeature } from '../lib/records/feature';
import { recordBulkFill } from './record-bulk-fill';
import { recordCompleteness } from './record-completeness';
import { recordListCompleteness } from './record-list-completeness';
import { recordValidate } from './record-validate';

// Every record-page feature, in mount order (built into the on-demand record-pages script).
export const recordFeatures: readonly RecordFeature[] = [
  recordValidate,
  recordCompleteness,
  recordListCompleteness,
  recordBulkFill,
];

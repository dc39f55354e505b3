import type { Feature } from '../lib/feature';
import { bulkFill } from './bulk-fill';
import { cellHistory } from './cell-history';
import { commentLength } from './comment-length';
import { draftsFeature } from './drafts';
import { lockCountdown } from './lock-countdown';
import { unsavedChanges } from './unsaved-changes';
import { validate } from './validate';

// Every overlay feature, in mount order (each is one file of features/; add yours to the list).
export const features: readonly Feature[] = [
  lockCountdown,
  unsavedChanges,
  validate,
  commentLength,
  cellHistory,
  draftsFeature,
  bulkFill,
];

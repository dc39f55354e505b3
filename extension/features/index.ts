import type { Feature } from '../lib/feature';
import { bulkFill } from './bulk-fill';
import { draftsFeature } from './drafts';
import { lockCountdown } from './lock-countdown';
import { validate } from './validate';

// Every overlay feature, in mount order (each is one file of features/; add yours to the list).
export const features: readonly Feature[] = [lockCountdown, validate, draftsFeature, bulkFill];

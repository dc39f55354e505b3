import type { Feature } from './feature';
import { lazyScript } from './lazy-script';

// The grade-book features (validation, countdown, drafts, bulk fill…) are their own script,
// loaded when a grade grid first shows (lib/content.ts): every other portal page (log-in, menus,
// record pages) pays nothing for them, and the content script stays small.

/** Where the grade-features script (entrypoints/grade-features.ts) leaves its start function. */
export const GRADE_FEATURES_KEY = '__edulensGradeFeatures';

/** Starts answering the page's perf requests (until the signal aborts) and gives the features. */
export type StartGradeFeatures = (doc: Document, signal: AbortSignal) => readonly Feature[];

export const gradeFeatures = lazyScript<StartGradeFeatures>(GRADE_FEATURES_KEY, '/grade-features.js');

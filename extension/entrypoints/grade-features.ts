import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { features } from '../features/index';
import { GRADE_FEATURES_KEY, type StartGradeFeatures } from '../lib/grade-features';
import { servePerf } from '../lib/perf';

// The grade-book features as their own script: the background injects it into the content
// script's world when a grade grid first shows (lib/grade-features.ts); running there, it leaves
// its start function where the content script looks for it. The features record their timings
// here, so this script answers the page's perf requests too.
const start: StartGradeFeatures = (doc, signal) => {
  servePerf(doc, signal);
  return features;
};

export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<string, unknown>)[GRADE_FEATURES_KEY] = start;
});

// The extension's scripts a content script runs on first use (unlisted entrypoints of the same
// names): the background injects them into the asking frame (lib/on-demand-handler.ts), so none of
// the extension's files is web-accessible and no site can probe for the extension.
export const ON_DEMAND_SCRIPTS = [
  '/grade-features.js',
  '/bulk-fill-engine.js',
  '/record-pages.js',
  '/record-fill-engine.js',
] as const;

export type OnDemandScript = (typeof ON_DEMAND_SCRIPTS)[number];

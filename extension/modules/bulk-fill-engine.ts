import { defineWxtModule } from 'wxt/modules';

// Makes the bulk-fill engine (entrypoints/bulk-fill-engine.ts) importable by the content script:
// a web-accessible resource on the pages the content scripts run on. Kept here, next to no other
// manifest setting, so the feature carries its own build wiring.
export default defineWxtModule((wxt) => {
  wxt.hook('build:manifestGenerated', (_wxt, manifest) => {
    // Chrome refuses web_accessible_resources patterns with a path other than "/*" (the whole
    // extension then fails to load), so keep only scheme and host of the content scripts' patterns.
    const matches = [
      ...new Set(
        (manifest.content_scripts ?? [])
          .flatMap((script) => script.matches ?? [])
          .map((pattern) => pattern.replace(/^([^:]+:\/\/[^/]+)\/.*$/, '$1/*')),
      ),
    ];
    if (matches.length === 0) return;
    manifest.web_accessible_resources = [
      ...((manifest.web_accessible_resources ?? []) as { resources: string[]; matches: string[] }[]),
      { resources: ['bulk-fill-engine.js'], matches },
    ];
  });
});

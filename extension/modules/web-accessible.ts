import { relative } from 'node:path';
import { originPattern } from '@edulens/shared/profiles';
import { defineWxtModule } from 'wxt/modules';

// What the content script loads from the extension, made web-accessible on the pages it runs on:
// the chosen language's messages (lib/i18n.ts) and every script it imports on first use (each
// unlisted script entrypoint: bulk-fill-engine.js, the record engines…). Both lists are derived,
// the scripts from the entrypoints and the origins from the content scripts' matches, so an engine
// added later or a profile's `testMatch` (its simulator, in a test build) needs no change here.
export default defineWxtModule((wxt) => {
  let lazyScripts: string[] = [];
  wxt.hook('entrypoints:resolved', (_wxt, entrypoints) => {
    lazyScripts = entrypoints
      .filter((entrypoint) => entrypoint.type === 'unlisted-script' && !entrypoint.skipped)
      .map((entrypoint) => {
        const dir = relative(wxt.config.outDir, entrypoint.outputDir).split('\\').join('/');
        return dir === '' ? `${entrypoint.name}.js` : `${dir}/${entrypoint.name}.js`;
      })
      .sort();
  });
  wxt.hook('build:manifestGenerated', (_wxt, manifest) => {
    // Chrome refuses web_accessible_resources patterns with a path other than "/*" (the whole
    // extension then fails to load): only the scheme and host of the content scripts' patterns.
    const patterns = (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []);
    const matches = [...new Set(patterns.map(originPattern))].sort();
    if (matches.length === 0) return;
    manifest.web_accessible_resources = [
      ...((manifest.web_accessible_resources ?? []) as { resources: string[]; matches: string[] }[]),
      { resources: ['_locales/*/messages.json', ...lazyScripts], matches },
    ];
  });
});

import { allMatchPatterns, builtInProfiles, originPattern } from '@edulens/shared/profiles';
import { defineConfig } from 'wxt';

/**
 * Public half of the key the extension is signed with in development and tests. It fixes the
 * extension id (jdpakbjhcfeagahdmceihcdijcnmiffm) whatever folder the build is loaded from, so
 * the agent's CORS check and pairing see one known origin.
 */
const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEApxh8mcSG1YKwY4u17LAFdpDf4OnzlfK1EWwA3E4bugeLt2yy+N0BKpcirN0qGOvJY01w1a7GydJYtFhR0K2r31U/wGva5FZ1ls43pKXe6b33d2zslHakywFIiRwuPPeVEZxBkAS+1lm3+bAwI7jkO2mpNas6hXe4raOMBEt/N0H5N19G5adQPf0dLbcIgdL+vhkK71JfXUspI9pNuap3jwN0tnlBixGICP7kQeG8qaQ6dhiE3ng5iFX/VEAEAOKqtYiVoaN4yp/xrspm/tdI+JEFt2SmyBxoQTd5N0fnzJAfckZ89MPz+SDrGTvwTITydmgh8EMpblKuQJSu9Tm4zQIDAQAB';

/** Firefox's fixed add-on id (it has no `key`): the agent and an AMO signature see one add-on. */
const GECKO_ID = 'edulens@edulens.vn';

/**
 * EDULENS_TEST_BUILD=1: the build the end-to-end tests and the demo load. It adds each profile's
 * `testMatch` (the portal simulator on http://127.0.0.1/v5/*) to the content script and builds
 * into .output/test/, so a packaged build (`npm run zip`) never lands where the tests look, nor
 * the other way round. Without it the build carries no test scaffolding.
 */
const testBuild = process.env.EDULENS_TEST_BUILD === '1';

/**
 * Every built-in profile's portal, from the profiles' own match patterns (portal specifics are
 * profile data): the content script runs on those paths, the permissions cover their origins. In a
 * test build the simulators' origins too: the background injects the scripts a content script
 * loads on demand only where it holds the host.
 */
const PORTAL_HOSTS = [...new Set(allMatchPatterns(builtInProfiles, { test: testBuild }).map(originPattern))];
/**
 * The agent runs on the teacher's own machine on a port chosen at set-up, so any port on loopback.
 * Match patterns cannot name a port range; http://127.0.0.1/* is the narrowest that reaches it.
 * The content script never runs there outside a test build (see `testMatch` in the profiles).
 */
const AGENT_HOSTS = ['http://127.0.0.1/*'];

/** Any portal a profile added later may name (asked for at run time, one origin at a time). */
const OPTIONAL_HOSTS = ['https://*/*', 'http://*/*'];

const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

export default defineConfig({
  // Explicit imports everywhere (`wxt/browser`, `wxt/utils/storage`…): plain `tsc` can check the
  // sources without WXT's generated auto-import declarations.
  imports: false,
  manifestVersion: 3,
  // EDULENS_WXT_OUT builds elsewhere (size analysis) without touching the tests' build.
  outDir: process.env.EDULENS_WXT_OUT ?? (testBuild ? '.output/test' : '.output'),
  // `npm run zip` → .output/edulens-<version>-chrome.zip and …-firefox.zip. No sources zip: the
  // extension's sources alone do not build (they need the shared workspace); the repository is the
  // source a reviewer gets.
  zip: { name: 'edulens', zipSources: false },
  vite: () => ({
    // EDULENS_SOURCEMAP=1 adds source maps (to see what makes up the content script's size).
    build: {
      sourcemap: process.env.EDULENS_SOURCEMAP === '1',
      rollupOptions: {
        // zod writes `@__PURE__` notes Rollup cannot place, and says so six times a build in
        // several lines each: noise that reads as failure to anyone building the extension.
        onwarn(warning, warn) {
          if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
          warn(warning);
        },
      },
    },
    // Read by shared/src/profiles/registry.ts, both in the bundles and when WXT evaluates the
    // content script's `matches` at build time.
    define: { __EDULENS_TEST_BUILD__: JSON.stringify(testBuild) },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    icons: ICONS,
    // storage: settings and pairing; alarms: the drafts' periodic sync; scripting: the content
    // script registered at run time on the portal of a profile added later (its origin is not
    // known at build time; scripting alone adds no warning at install). `sidePanel` is added by WXT
    // for Chromium from the side panel entrypoint (Firefox gets a sidebar instead). No `tabs`: the
    // popup and side panel read the URL of a portal tab through the host permission below, and
    // tabs.query/get/onUpdated need no permission; `tabs` would only add the "read your browsing
    // history" warning at install.
    permissions: ['storage', 'alarms', 'scripting'],
    host_permissions: [...AGENT_HOSTS, ...PORTAL_HOSTS],
    // A profile added later (options page) names a portal of its own: its origins are asked for
    // then, once, with the user's click (lib/added-profiles.ts), never at install.
    optional_host_permissions: OPTIONAL_HOSTS,
    action: { default_title: '__MSG_extName__', default_icon: ICONS },
    // No web_accessible_resources: the background injects the scripts loaded on first use into the
    // asking frame and answers the language's messages (lib/on-demand-handler.ts), so no site can
    // probe for the extension's files, and a portal added later gets them as a built-in one does.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140 (ESR): the first to read `data_collection_permissions`; MV3 host permissions are
              // granted at install (from 127), so the content script runs on the portal unprompted.
              strict_min_version: '140.0',
              // Nothing leaves the teacher's computer: drafts go to the agent on the same machine.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads `data_collection_permissions` from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { key: MANIFEST_KEY }),
  }),
});

import { defineConfig } from 'wxt';

/**
 * Public half of the key the extension is signed with in development and tests. It fixes the
 * extension id (jdpakbjhcfeagahdmceihcdijcnmiffm) whatever folder the build is loaded from, so
 * the agent's CORS check and pairing see one known origin.
 */
const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEApxh8mcSG1YKwY4u17LAFdpDf4OnzlfK1EWwA3E4bugeLt2yy+N0BKpcirN0qGOvJY01w1a7GydJYtFhR0K2r31U/wGva5FZ1ls43pKXe6b33d2zslHakywFIiRwuPPeVEZxBkAS+1lm3+bAwI7jkO2mpNas6hXe4raOMBEt/N0H5N19G5adQPf0dLbcIgdL+vhkK71JfXUspI9pNuap3jwN0tnlBixGICP7kQeG8qaQ6dhiE3ng5iFX/VEAEAOKqtYiVoaN4yp/xrspm/tdI+JEFt2SmyBxoQTd5N0fnzJAfckZ89MPz+SDrGTvwTITydmgh8EMpblKuQJSu9Tm4zQIDAQAB';

export default defineConfig({
  // Explicit imports everywhere (`wxt/browser`, `wxt/utils/storage`…): plain `tsc` can check the
  // sources without WXT's generated auto-import declarations.
  imports: false,
  manifestVersion: 3,
  // EDULENS_WXT_OUT builds elsewhere (size analysis) without touching the tests' build.
  outDir: process.env.EDULENS_WXT_OUT ?? '.output',
  // EDULENS_SOURCEMAP=1 adds source maps (to see what makes up the content script's size).
  vite: () => ({ build: { sourcemap: process.env.EDULENS_SOURCEMAP === '1' } }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    key: MANIFEST_KEY,
    permissions: ['storage', 'sidePanel', 'tabs', 'alarms'],
    // The agent (any port on loopback) and every built-in profile's portal.
    host_permissions: ['http://127.0.0.1/*', 'https://*.vnedu.vn/*'],
    action: { default_title: '__MSG_extName__' },
    // The content script loads the chosen language's messages (lib/i18n.ts).
    web_accessible_resources: [
      { resources: ['_locales/*/messages.json'], matches: ['http://127.0.0.1/*', 'https://*.vnedu.vn/*'] },
    ],
  },
});

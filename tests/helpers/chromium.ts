import { type Browser, chromium } from 'playwright';

/** Debian's Chromium (installed by `npm test`'s set-up); Playwright never downloads a browser here. */
export const chromiumPath = process.env.EDULENS_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Flags for a headless Chromium on a machine with no network but loopback: without the
 * background-networking ones it keeps trying (and failing) to reach Google's hosts.
 */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: [...chromiumArgs] });
}

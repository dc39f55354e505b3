import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Profile } from '@edulens/shared/profiles';
import { build } from 'esbuild';
import type { Page } from 'playwright';
import type { FocusFindings, PageFindings } from './walk-entry';

// The extension's own page reader, bundled for the browser (walk-entry.ts), and how to run it on a
// page: what each page of a profile finds there.

const here = dirname(fileURLToPath(import.meta.url));

/** walk-entry.ts as one script for `page.addScriptTag`. */
export async function bundleWalker(): Promise<string> {
  const bundle = await build({
    entryPoints: [join(here, 'walk-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  return bundle.outputFiles[0]!.text;
}

/** Walks a profile over the page loaded now. */
export async function walkOn(page: Page, walker: string, profile: Profile): Promise<PageFindings[]> {
  await page.addScriptTag({ content: walker });
  return page.evaluate(
    (p) => (globalThis as unknown as { edulensWalk(profile: unknown): PageFindings[] }).edulensWalk(p),
    profile,
  );
}

/** Focuses a cell (by id) of the profile's grade grid on the page loaded now (after `walkOn`). */
export async function focusOn(page: Page, profile: Profile, id: string): Promise<FocusFindings | undefined> {
  return page.evaluate(
    ([p, cell]) =>
      (
        globalThis as unknown as { edulensFocus(profile: unknown, id: string): FocusFindings | undefined }
      ).edulensFocus(p, cell),
    [profile, id] as const,
  );
}

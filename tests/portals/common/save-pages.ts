import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, ElementHandle, Frame, Page } from 'playwright';
import { launchChromium } from '../../helpers/chromium';
import { keepFormState } from './keep-form-state';
import { type RunningPortals, startPortals } from '../start-portals';

// What every simulator's save-pages script does around its own walk to a page: start the
// portals and a browser, save each page (its frame's document beside it), list them in a
// manifest, and report the files when run from the command line. The walk to a page, the scrub
// and the banner are each simulator's own.

// The scrub below runs inside the page; this file has no DOM types, so it names what it uses.
interface DomRoot {
  querySelectorAll(selector: string): Iterable<{ remove(): void; content: DomRoot }>;
}
declare const document: DomRoot;

/** A page a save-pages script saves. */
export interface SavedPageSpec {
  file: string;
  /** Path and query of the page on the portal (the host is left out). */
  path: string;
  shows: string;
  /** The page's iframe whose document is saved next to the page. */
  frame?: string;
  /** Simulated time to open the page at. */
  at?: string;
}

/** A page's line in pages/manifest.json. */
export interface ManifestEntry {
  file: string;
  /** Path and query of the page on the portal (the host is left out). */
  path: string;
  shows: string;
  /** The page's iframe whose document is saved as its own file. */
  frame?: { selector: string; file: string };
}

/** The file a page's frame document is saved to, beside the page. */
const frameFileOf = (file: string) => file.replace(/\.html$/, '.frame.html');

export function manifestEntry({ file, path, shows, frame }: SavedPageSpec): ManifestEntry {
  return { file, path, shows, ...(frame && { frame: { selector: frame, file: frameFileOf(file) } }) };
}

/** Posts to a simulator's test controls (`/__test/<control>` on `base`); a refusal throws. */
export async function postTestControl(base: string, control: string, body: unknown = {}): Promise<void> {
  const response = await fetch(new URL(`/__test/${control}`, base), {
    method: 'POST',
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`/__test/${control} → ${response.status} ${await response.text()}`);
}

/** Gives the simulator its first state back and, when `at` is given, sets its clock there. */
async function resetSimulator(base: string, at: string | undefined): Promise<void> {
  await postTestControl(base, 'reset');
  if (at) await postTestControl(base, 'clock', { now: at });
}

export interface SaveRun<Spec extends SavedPageSpec> {
  outDir: URL;
  specs: readonly Spec[];
  /** The simulator's address among the running portals: its test controls are there. */
  base: (portals: RunningPortals) => string;
  viewport: { width: number; height: number };
  /** Brings a new page (after the reset, at `spec.at`) to what is saved: sign-in, navigation, waits. */
  walk: (page: Page, portals: RunningPortals, spec: Spec) => Promise<void>;
  /** Waits in a page's frame document before it is saved. */
  frameReady?: (frame: Frame) => Promise<void>;
  /** The comment put on the first line of each file of a page. */
  banner: (spec: Spec) => string;
  /** Runs in a document before it is saved, once its typed values are kept and its scripts gone: secrets out. */
  scrub: (target: Page | Frame) => Promise<void>;
  /** Writes the manifest lines of every page saved. */
  writeManifest: (entries: readonly ManifestEntry[]) => Promise<void>;
}

async function writeDocument<Spec extends SavedPageSpec>(
  run: SaveRun<Spec>,
  spec: Spec,
  target: Page | Frame,
  file: string,
): Promise<void> {
  await target.evaluate(keepFormState);
  await target.evaluate(() => {
    const roots = [document, ...[...document.querySelectorAll('template')].map((t) => t.content)];
    for (const root of roots) for (const script of root.querySelectorAll('script')) script.remove();
  });
  await run.scrub(target);
  await writeFile(new URL(file, run.outDir), run.banner(spec) + (await target.content()));
}

/**
 * Saves the page, and first the document of its `spec.frame` iframe beside it, pointing the
 * saved iframe at the saved frame file.
 */
async function writePage<Spec extends SavedPageSpec>(
  run: SaveRun<Spec>,
  spec: Spec,
  page: Page,
): Promise<void> {
  if (spec.frame) {
    const element: ElementHandle = await page.waitForSelector(spec.frame);
    const content = await element.contentFrame();
    if (!content) throw new Error(`no frame document in ${spec.file}`);
    await run.frameReady?.(content);
    const frameFile = frameFileOf(spec.file);
    await writeDocument(run, spec, content, frameFile);
    await element.evaluate((iframe, src) => iframe.setAttribute('src', src), frameFile);
  }
  await writeDocument(run, spec, page, spec.file);
}

async function savePage<Spec extends SavedPageSpec>(
  run: SaveRun<Spec>,
  browser: Browser,
  portals: RunningPortals,
  spec: Spec,
): Promise<void> {
  await resetSimulator(run.base(portals), spec.at);
  const context = await browser.newContext({ viewport: run.viewport });
  try {
    const page = await context.newPage();
    await run.walk(page, portals, spec);
    await writePage(run, spec, page);
  } finally {
    await context.close();
  }
}

/** Saves every spec's page, one after the other in a new browser context, and returns the files written. */
export async function saveAll<Spec extends SavedPageSpec>(run: SaveRun<Spec>): Promise<string[]> {
  await mkdir(run.outDir, { recursive: true });
  const portals = await startPortals({ port: 0 });
  const browser = await launchChromium();
  try {
    for (const spec of run.specs) await savePage(run, browser, portals, spec);
    await run.writeManifest(run.specs.map(manifestEntry));
    return run.specs.map((spec) => fileURLToPath(new URL(spec.file, run.outDir)));
  } finally {
    await browser.close();
    await portals.stop();
  }
}

/** Runs `savePages` when the module at `moduleUrl` is the script node was started with. */
export function saveWhenRun(moduleUrl: string, savePages: () => Promise<string[]>): void {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  savePages().then(
    (files) => console.log(`Đã lưu / saved ${files.length} trang / pages:\n${files.join('\n')}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

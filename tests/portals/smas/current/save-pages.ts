import type { Frame, Page } from 'playwright';
import type { RunningPortals } from '../../start-portals';
import { saveAll, saveWhenRun, type SavedPageSpec } from '../../common/save-pages';
import { mergeManifest } from '../common/saved-manifest';
import { MAIN_TEACHER } from './accounts';

// Saves the current generation's score book as the browser shows it once the app rendered it
// (scripts and the app's config removed, typed values kept as attributes) into
// ../pages/current-*.html, and puts their entries into ../pages/manifest.json beside the
// legacy generation's.
// Run: node --import tsx tests/portals/smas/current/save-pages.ts

// The scrub below runs inside the page; this file has no DOM types, so it names what it uses.
declare const document: { querySelectorAll(selector: string): Iterable<{ remove(): void }> };

const BOOK = '/?classId=601&subjectId=11&semester=1';

export const specs: readonly SavedPageSpec[] = [
  {
    file: 'current-mark-book.html',
    path: BOOK,
    shows:
      'current generation: score book of 6A1, Toán, học kỳ I rendered by the app from the mark template: "Thường xuyên" over TX1–TX3 (txCount 3), GK, CK, ĐTBmhk as text, Nhận xét; 60 tr[data-student-id] rows of input.mark-input; titles name the last change',
  },
  {
    file: 'current-mark-book-4tx.html',
    path: '/?classId=601&subjectId=12&semester=1',
    shows: 'current generation: the same class in Ngữ văn, whose subject list gives 4 TX columns (TX1–TX4)',
  },
  {
    file: 'current-mark-book-locked.html',
    path: BOOK,
    at: '2025-12-17T09:00:00+07:00',
    shows:
      'current generation: the Toán book on a lock day of the SMAS calendar (monthly report, the 17th): div.lock-banner, every input.mark-input disabled, "Lưu" disabled',
  },
];

const MANIFEST_PREFIX = 'current-';

async function scrub(target: Page | Frame): Promise<void> {
  await target.evaluate(() => {
    for (const meta of document.querySelectorAll('meta[name^="smas-"]')) meta.remove();
  });
}

const banner = (spec: SavedPageSpec) =>
  `<!-- Simulated SMAS (current generation) page saved by tests/portals/smas/current/save-pages.ts: ${spec.path} — ${spec.shows}. Scripts and config scrubbed. -->\n`;

/** Signs in at the SSO host as the main teacher and waits for the app's rendered score book. */
async function walk(page: Page, portals: RunningPortals, spec: SavedPageSpec): Promise<void> {
  const { url: app, ssoUrl: sso } = portals.smasCurrent;
  await page.goto(new URL(spec.path, app).href);
  await page.waitForURL((url) => url.origin === new URL(sso).origin);
  await page.fill('#username', MAIN_TEACHER.username);
  await page.fill('#password', MAIN_TEACHER.password);
  await page.click('#btnLogin');
  await page.locator('table.mark-table tbody > tr[data-student-id]').first().waitFor();
}

export function savePages(outDir = new URL('../pages/', import.meta.url)): Promise<string[]> {
  return saveAll({
    outDir,
    specs,
    base: (portals) => portals.smasCurrent.url,
    viewport: { width: 1366, height: 768 },
    walk,
    banner,
    scrub,
    writeManifest: (entries) => mergeManifest(outDir, MANIFEST_PREFIX, entries),
  });
}

saveWhenRun(import.meta.url, savePages);

import type { Frame, Page } from 'playwright';
import { buildSmasRoster } from '../common/roster';
import { saveAll, saveWhenRun, type SavedPageSpec } from '../../common/save-pages';
import { mergeManifest } from '../common/saved-manifest';
import { LEGACY_ACCOUNTS } from './accounts';

// Saves the legacy generation's pages of the profile walk as the browser shows them after their
// scripts ran (scripts removed, typed values kept as attributes, tokens scrubbed) into
// ../pages/legacy-*.html, and puts their entries into ../pages/manifest.json beside the current
// generation's.
// Run: node --import tsx tests/portals/smas/legacy/save-pages.ts

// The scrub below runs inside the page; this file has no DOM types, so it names what it uses.
interface DomNode {
  setAttribute(name: string, value: string): void;
  remove(): void;
}
declare const document: { querySelectorAll(selector: string): Iterable<DomNode> };

type Step = 'login' | 'choose-level' | 'list' | 'form';

interface PageSpec extends SavedPageSpec {
  /** How far to walk from the login page. */
  until: Step;
}

const LIST = '/HoSoHocSinh/DanhSach?lopId=601';
const [bothLevels, thcsOnly] = LEGACY_ACCOUNTS;
/** The record shown in the saved form: wrong CCCD for the gender, an old 11-digit phone, an NFD name. */
const formStudent = buildSmasRoster().examples.threeMistakes;

export const specs: readonly PageSpec[] = [
  {
    file: 'legacy-login.html',
    path: '/Home/LogOn',
    until: 'login',
    shows:
      'legacy generation: log-on form (form#formLogOn, UserName/Password maxlength 128, hidden __RequestVerificationToken, #idErrorMessage)',
  },
  {
    file: 'legacy-choose-level.html',
    path: '/Home/ChooseLevel',
    until: 'choose-level',
    shows:
      'legacy generation: choice of school level for an account with two (div.level-box, RdbSelectLevel)',
  },
  {
    file: 'legacy-student-list.html',
    path: LIST,
    until: 'list',
    shows:
      'legacy generation: student list of 6A1 as a RadGrid, page 1 of 3 (header table with filter row, .rgDataDiv body table of 20 rows, pager "Trang 1/3 - 60 học sinh")',
  },
  {
    file: 'legacy-student-form.html',
    path: LIST,
    until: 'form',
    frame: 'iframe#ifrHoSo',
    shows: `legacy generation: the list with div.RadWindow#winHoSo open on ${formStudent.studentCode}; the profile form (Kendo date input, Telerik combos) is the iframe's document legacy-student-form.frame.html`,
  },
  {
    file: 'legacy-student-form-locked.html',
    path: LIST,
    until: 'form',
    frame: 'iframe#ifrHoSo',
    at: '2025-12-17T09:00:00+07:00',
    shows:
      'legacy generation: the same window on a lock day of the SMAS calendar (monthly report, the 17th): div.lock-banner, every input and "Lưu" disabled (iframe document legacy-student-form-locked.frame.html)',
  },
];

const MANIFEST_PREFIX = 'legacy-';

async function scrub(target: Page | Frame): Promise<void> {
  await target.evaluate(() => {
    for (const token of document.querySelectorAll('input[name="__RequestVerificationToken"]')) {
      token.setAttribute('value', 'scrubbed');
    }
  });
}

const banner = (spec: PageSpec) =>
  `<!-- Simulated SMAS (legacy generation) page saved by tests/portals/smas/legacy/save-pages.ts: ${spec.path} — ${spec.shows}. Scripts and tokens scrubbed. -->\n`;

async function walkTo(page: Page, base: string, spec: PageSpec): Promise<void> {
  await page.goto(new URL('/Home/LogOn', base).href);
  if (spec.until === 'login') return;
  const account = spec.until === 'choose-level' ? bothLevels! : thcsOnly!;
  await page.fill('#UserName', account.username);
  await page.fill('#Password', account.password);
  await page.click('#btnLogOn');
  await page.waitForURL(spec.until === 'choose-level' ? /\/Home\/ChooseLevel$/ : /\/Home\/Index$/);
  if (spec.until === 'choose-level') return;
  await page.goto(new URL(spec.path, base).href);
  if (spec.until === 'list') return;
  await page.click(`#gridHocSinh_row_${formStudent.studentId} a.rgEdit`);
  await page.frameLocator('iframe#ifrHoSo').locator('#frmHoSo').waitFor();
}

export function savePages(outDir = new URL('../pages/', import.meta.url)): Promise<string[]> {
  return saveAll({
    outDir,
    specs,
    base: (portals) => portals.smasLegacy.url,
    viewport: { width: 1366, height: 768 },
    walk: (page, portals, spec) => walkTo(page, portals.smasLegacy.url, spec),
    banner,
    scrub,
    writeManifest: (entries) => mergeManifest(outDir, MANIFEST_PREFIX, entries),
  });
}

saveWhenRun(import.meta.url, savePages);

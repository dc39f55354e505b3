import { writeFile } from 'node:fs/promises';
import { type Frame, type Page } from 'playwright';
import { postTestControl, saveAll, saveWhenRun, type SavedPageSpec } from '../common/save-pages';
import type { RunningPortals } from '../start-portals';

// Saves the key vnEdu pages as the browser shows them after their scripts ran, scrubbed, into
// pages/*.html with a manifest, for tests that check portal profiles against saved pages.
// Run: node --import tsx tests/portals/vnedu/save-pages.ts

// The scrub below runs inside the page; this file has no DOM types, so it names what it uses.
interface DomNode extends DomRoot {
  value: string;
  tagName: string;
  textContent: string | null;
  content: DomRoot;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  remove(): void;
}
interface DomRoot {
  querySelector(selector: string): DomNode | null;
  querySelectorAll(selector: string): Iterable<DomNode>;
}
declare const document: DomRoot;

const TT22 = '/v5/?open=nhap-diem&lop=6A1&mon=TOAN&poll=0';
const TT27_CK2 = '/v5/?open=so-nhan-xet,nhap-diem&lop=2D&mon=TV&muc=ck2&poll=0';

type Setup = readonly [path: string, body: unknown];

interface PageSpec extends SavedPageSpec {
  account?: string;
  /** Test endpoints called (after the clock is set) before the page opens: stored values. */
  setup?: readonly Setup[];
}

const fill = (lop: string, mon: string, more: Record<string, unknown>): Setup => [
  'fill',
  { lop, mon, ...more },
];

export const specs: readonly PageSpec[] = [
  { file: 'login.html', path: '/v5/login', shows: 'login form with captcha (form#frmLogin, img.captcha)' },
  {
    file: 'desktop.html',
    path: '/v5/',
    account: 'annv.thcsnd',
    shows: 'desktop with shortcuts, no window open',
  },
  {
    file: 'tt27-ck2-two-windows.html',
    path: TT27_CK2,
    account: 'nhunglth.thtqt',
    at: '2026-05-20T09:00:00+07:00',
    setup: [
      fill('2D', 'TV', { school: 'thtqt', muc: 'ck2', fraction: 0.93 }),
      fill('2D', 'TOAN', { school: 'thtqt', muc: 'ck2', fraction: 0.9 }),
    ],
    shows:
      'primary book (TT27) of 2D, Tiếng Việt, cuối năm (muc=ck2), in "[2025-2026] Sổ điểm" in front of "[2025-2026] Sổ nhận xét" (Toán 2D); retake columns disabled',
  },
  {
    file: 'tt27-gk1.html',
    path: '/v5/?open=nhap-diem&lop=2D&mon=TV&muc=gk1&poll=0',
    account: 'nhunglth.thtqt',
    shows:
      'primary book (TT27) of 2D, Tiếng Việt, giữa kỳ I (muc=gk1): comment and level, no test at mid-term in grade 2',
  },
  {
    file: 'tt22-hk1.html',
    path: `${TT22}&hk=1`,
    account: 'annv.thcsnd',
    shows: 'secondary book (TT22) of 6A1, Toán, semester I, unlocked, with saved scores',
  },
  {
    file: 'tt22-hk2.html',
    path: `${TT22}&hk=2`,
    account: 'annv.thcsnd',
    at: '2026-04-20T10:00:00+07:00',
    setup: [fill('6A1', 'TOAN', { hk: 1, fraction: 1 }), fill('6A1', 'TOAN', { hk: 2, fraction: 0.9 })],
    shows:
      'secondary book (TT22) of 6A1, Toán, semester II: ĐTBmhk (td.tbhk_tt) and TB cả năm (input.input_diem_tbm)',
  },
  {
    file: 'tt22-hk2-comments.html',
    path: '/v5/?open=nhap-diem&lop=6A1&mon=GDTC&hk=2&poll=0',
    account: 'haidd.thcsnd',
    at: '2026-04-20T10:00:00+07:00',
    setup: [fill('6A1', 'GDTC', { hk: 1, fraction: 1 }), fill('6A1', 'GDTC', { hk: 2, fraction: 0.95 })],
    shows: 'comment-only subject (GDTC) in semester II: Đ/CĐ in the score columns, Kết quả HK / Kết quả CN',
  },
  {
    file: 'tt22-locked.html',
    path: `${TT22}&hk=1`,
    account: 'annv.thcsnd',
    at: '2026-01-20T08:00:00+07:00',
    shows: 'semester I book locked by the calendar: every entry cell td.allowedit1 with a disabled input',
  },
  {
    file: 'tt22-locked-no-input.html',
    path: `${TT22}&hk=1&locked=none`,
    account: 'annv.thcsnd',
    at: '2026-01-20T08:00:00+07:00',
    shows: 'the same locked book where locked cells have no input at all (older notes)',
  },
  {
    file: 'tt22-click-to-edit.html',
    path: `${TT22}&hk=1&edit=click`,
    account: 'annv.thcsnd',
    shows: 'cells as span.input_diem / span.input_nhan_xet that become inputs when clicked',
  },
  {
    file: 'tt22-paged.html',
    path: `${TT22}&hk=1&paging=pages`,
    account: 'annv.thcsnd',
    shows: '20 rows per page with a pager ("Trang sau")',
  },
  {
    file: 'tt22-iframe.html',
    path: `${TT22}&hk=1&frame=1`,
    account: 'annv.thcsnd',
    frame: 'iframe#ifrNhapDiem',
    shows: 'grade page inside an iframe of the window; its document is tt22-iframe.frame.html',
  },
];

/** Makes the live DOM savable beyond the shared scrub: no tokens, no script marks. */
async function scrub(target: Page | Frame): Promise<void> {
  await target.evaluate(() => {
    const roots = [document, ...[...document.querySelectorAll('template')].map((t) => t.content)];
    for (const root of roots) {
      for (const win of root.querySelectorAll('[data-bound]')) win.removeAttribute('data-bound');
    }
    document.querySelector('input[name="_token"]')?.setAttribute('value', 'scrubbed');
    const captcha = document.querySelector('img.captcha');
    captcha?.removeAttribute('data-test-captcha');
    captcha?.setAttribute('src', '/v5/captcha/scrubbed.svg');
  });
}

/** Waits until every book panel of the document holds its loaded grid. */
async function gridsLoaded(target: Page | Frame): Promise<void> {
  await target.waitForFunction(() => {
    const panels = [...document.querySelectorAll('.so-diem .book-panel')];
    return (
      panels.length > 0 && panels.every((panel) => panel.querySelector('table.tablefix tbody tr') !== null)
    );
  });
}

const banner = (spec: PageSpec) =>
  `<!-- Simulated vnEdu page saved by tests/portals/vnedu/save-pages.ts: ${spec.path} — ${spec.shows}. Scripts and tokens scrubbed. -->\n`;

/** Stores the spec's values, signs its account in and opens the page, its grids loaded. */
async function walk(page: Page, portals: RunningPortals, spec: PageSpec): Promise<void> {
  const origin = new URL(portals.vnedu.url).origin;
  for (const [path, body] of spec.setup ?? []) {
    // Stored at the page's instant exactly, not at the ticking clock's: the titles stay the same.
    await postTestControl(
      origin,
      path,
      path === 'fill' && spec.at ? { at: spec.at, ...(body as object) } : body,
    );
  }
  if (spec.account)
    await page.context().request.post(`${origin}/__test/login`, { data: { username: spec.account } });
  await page.goto(`${origin}${spec.path}`);
  if (spec.path.includes('open=') && !spec.frame) await gridsLoaded(page);
}

export function savePages(outDir = new URL('./pages/', import.meta.url)): Promise<string[]> {
  return saveAll({
    outDir,
    specs,
    base: (portals) => portals.vnedu.url,
    viewport: { width: 1280, height: 800 },
    walk,
    frameReady: gridsLoaded,
    banner,
    scrub,
    writeManifest: (entries) =>
      writeFile(new URL('manifest.json', outDir), `${JSON.stringify(entries, null, 2)}\n`),
  });
}

saveWhenRun(import.meta.url, savePages);

import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, type Frame, type Page } from 'playwright';
import { launchChromium } from '../../helpers/chromium';
import { startPortals } from '../start-portals';

// Saves the key vnEdu pages as the browser shows them after their scripts ran, scrubbed, into
// pages/*.html with a manifest, for tests that check portal profiles against saved pages.
// Run: node --import tsx tests/portals/vnedu/save-pages.ts

// The scrub below runs inside the page; this file has no DOM types, so it names what it uses.
interface DomNode {
  value: string;
  dataset: Record<string, string | undefined>;
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

const GRID = '/v5/?open=nhap-diem&lop=6A1&mon=TOAN&hk=1&poll=0';

interface PageSpec {
  file: string;
  /** Path and query opened (the portal's host is scrubbed). */
  path: string;
  shows: string;
  account?: string;
  /** Simulated time to open the page at. */
  at?: string;
  /** The grid lives in this iframe of the window: its document is saved next to the page. */
  frame?: string;
}

const specs: readonly PageSpec[] = [
  { file: 'login.html', path: '/v5/login', shows: 'login form with captcha (form#frmLogin, img.captcha)' },
  {
    file: 'desktop.html',
    path: '/v5/',
    account: 'annv.thcsnd',
    shows: 'desktop with shortcuts, no window open',
  },
  {
    file: 'grade-grid.html',
    path: GRID,
    account: 'annv.thcsnd',
    shows: 'grade grid in a floating window, unlocked, with saved scores',
  },
  {
    file: 'grade-grid-locked.html',
    path: GRID,
    account: 'annv.thcsnd',
    at: '2026-01-20T08:00:00+07:00',
    shows: 'semester I book locked by the calendar: no inputs',
  },
  {
    file: 'grade-grid-click-to-edit.html',
    path: `${GRID}&edit=click`,
    account: 'annv.thcsnd',
    shows: 'cells as span.input_diem that become inputs when clicked',
  },
  {
    file: 'grade-grid-iframe.html',
    path: `${GRID}&frame=1`,
    account: 'annv.thcsnd',
    frame: 'iframe#ifrNhapDiem',
    shows: 'grade page inside an iframe of the window; its document is grade-grid-iframe.frame.html',
  },
  {
    file: 'grade-grid-comments.html',
    path: '/v5/?open=nhap-diem&lop=6A1&mon=GDTC&hk=1&poll=0',
    account: 'haidd.thcsnd',
    shows: 'comment subject (Đ/CĐ) with input.input_nhan_xet',
  },
  {
    file: 'grade-grid-paged.html',
    path: `${GRID}&paging=pages`,
    account: 'annv.thcsnd',
    shows: '20 rows per page with a pager ("Trang sau")',
  },
];

/** Makes the live DOM savable: typed values into attributes, no scripts, no tokens. */
async function scrub(target: Page | Frame): Promise<void> {
  await target.evaluate(() => {
    const roots = [document, ...[...document.querySelectorAll('template')].map((t) => t.content)];
    for (const root of roots) {
      for (const input of root.querySelectorAll('input')) input.setAttribute('value', input.value);
      for (const script of root.querySelectorAll('script')) script.remove();
      for (const panel of root.querySelectorAll('.nhapdiem-panel')) {
        const config = JSON.parse(panel.dataset.config ?? '{}');
        panel.dataset.config = JSON.stringify({ ...config, csrf: 'scrubbed' });
        delete panel.dataset.mounted;
      }
    }
    document.querySelector('input[name="_token"]')?.setAttribute('value', 'scrubbed');
    const captcha = document.querySelector('img.captcha');
    captcha?.removeAttribute('data-test-captcha');
    captcha?.setAttribute('src', '/v5/captcha/scrubbed.svg');
  });
}

const banner = (spec: PageSpec) =>
  `<!-- Simulated vnEdu page saved by tests/portals/vnedu/save-pages.ts: ${spec.path} — ${spec.shows}. Scripts and tokens scrubbed. -->\n`;

async function savePage(browser: Browser, origin: string, spec: PageSpec, outDir: URL): Promise<void> {
  const post = (path: string, body: unknown) =>
    fetch(`${origin}/__test/${path}`, { method: 'POST', body: JSON.stringify(body) });
  await post('reset', {});
  if (spec.at) await post('clock', { now: spec.at });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    if (spec.account)
      await page.context().request.post(`${origin}/__test/login`, { data: { username: spec.account } });
    await page.goto(`${origin}${spec.path}`);
    const frame = spec.frame ? page.frameLocator(spec.frame) : undefined;
    if (spec.path.includes('open=nhap-diem')) {
      await (frame ?? page).locator('table.tablefix tbody tr').first().waitFor();
    }
    if (spec.frame) {
      const element = await page.waitForSelector(spec.frame);
      const content = await element.contentFrame();
      if (!content) throw new Error(`no frame document in ${spec.file}`);
      await scrub(content);
      const frameFile = spec.file.replace(/\.html$/, '.frame.html');
      await writeFile(new URL(frameFile, outDir), banner(spec) + (await content.content()));
      await element.evaluate((iframe, src) => iframe.setAttribute('src', src), frameFile);
    }
    await scrub(page);
    await writeFile(new URL(spec.file, outDir), banner(spec) + (await page.content()));
  } finally {
    await page.close();
  }
}

export async function savePages(outDir = new URL('./pages/', import.meta.url)): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const portals = await startPortals({ port: 0 });
  const browser = await launchChromium();
  try {
    const origin = new URL(portals.vnedu.url).origin;
    for (const spec of specs) await savePage(browser, origin, spec, outDir);
    const manifest = specs.map(({ file, path, shows, frame }) => ({
      file,
      path,
      shows,
      ...(frame && { frame: { selector: frame, file: file.replace(/\.html$/, '.frame.html') } }),
    }));
    await writeFile(new URL('manifest.json', outDir), `${JSON.stringify(manifest, null, 2)}\n`);
    return specs.map((spec) => fileURLToPath(new URL(spec.file, outDir)));
  } finally {
    await browser.close();
    await portals.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  savePages().then(
    (files) => console.log(`Đã lưu / saved ${files.length} trang / pages:\n${files.join('\n')}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

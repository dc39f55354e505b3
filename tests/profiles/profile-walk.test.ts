import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtInProfiles, type Profile } from '@edulens/shared/profiles';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium';
import type { GridFindings, PageFindings } from './walk-entry';
import { bundleWalker, walkOn } from './walker';

// Every built-in profile against the saved, scrubbed pages of its portal
// (tests/portals/<profile id>/pages, listed in manifest.json): each page is served at its
// recorded path on the real portal's host pattern, and the extension's own page reader
// (extension/lib/portal/grid, bundled for the browser) walks the profile on it.

const here = dirname(fileURLToPath(import.meta.url));
const portalsDir = resolve(here, '../portals');

interface SavedPage {
  file: string;
  path: string;
  shows: string;
  frame?: { selector: string; file: string };
}

/** A host each profile's real match pattern covers (the saved pages are served there). */
const HOSTS: Record<string, string> = {
  vnedu: 'https://thcsnd63001012sgddaknong.vnedu.vn',
  smas: 'https://smas.edu.vn',
};

let browser: Browser;
let page: Page;
let walker = '';

beforeAll(async () => {
  walker = await bundleWalker();
  browser = await launchChromium();
  page = await browser.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

function savedPages(profile: Profile): { dir: string; pages: SavedPage[] } | undefined {
  const dir = join(portalsDir, profile.id, 'pages');
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) return undefined;
  return { dir, pages: JSON.parse(readFileSync(manifest, 'utf8')) as SavedPage[] };
}

/** Serves the saved files: the page at its recorded path, frames by their file name. */
async function open(profile: Profile, dir: string, saved: SavedPage): Promise<PageFindings[]> {
  const origin = HOSTS[profile.id];
  if (!origin) throw new Error(`No test host for profile ${profile.id}`);
  await page.unroute('**/*');
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const name = url.pathname.split('/').pop() ?? '';
    const file =
      `${url.pathname}${url.search}` === saved.path ? saved.file : name.endsWith('.html') ? name : undefined;
    if (!file || !existsSync(join(dir, file))) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: readFileSync(join(dir, file)),
    });
  });
  await page.goto(`${origin}${saved.path}`, { waitUntil: 'load' });
  return walkOn(page, walker, profile);
}

/** What the vnEdu profile must find on each saved page (by file). */
const TT22_CONTEXT = {
  school: 'THCS Nguyễn Du',
  schoolYear: '2025-2026',
  grade: '6',
  class: '6A1',
  subject: 'Toán',
  term: '1',
  period: 'hk1',
};

interface Expected {
  kind: 'login' | 'grade-grid' | null;
  /** Name of the grade-grid page entry that should match. */
  via?: string;
  /** Columns as `<kind><index>:<label>`. */
  columns?: string[];
  context?: Record<string, string>;
  check?(grid: GridFindings): void;
}

const WINDOW = 'Sổ điểm (cửa sổ)';
const tt22Columns = (tx: number, computed: string[] = ['average0:ĐTBmhk']) => [
  'birthDate0:Ngày sinh',
  ...Array.from({ length: tx }, (_, i) => `tx${i}:ĐĐGtx ${i + 1}`),
  'gk0:ĐĐGgk',
  'ck0:ĐĐGck',
  ...computed,
  'comment0:Nhận xét',
];

const VNEDU_EXPECTED: Record<string, Expected> = {
  'login.html': { kind: 'login' },
  'desktop.html': { kind: null },
  'tt27-ck2-two-windows.html': {
    kind: 'grade-grid',
    via: WINDOW,
    columns: [
      'birthDate0:Ngày sinh',
      'comment0:Nhận xét cuối kỳ',
      'test0:KT CN',
      'level0:XL CN',
      'retakeTest0:KT CN(Sau thi lại)',
      'retakeLevel0:XL CN(Sau thi lại)',
    ],
    context: {
      school: 'Tiểu học Trần Quốc Toản',
      schoolYear: '2025-2026',
      grade: '2',
      class: '2D',
      subject: 'Tiếng Việt',
      term: '2',
      period: 'ck2',
    },
    check(grid) {
      expect(grid.rows).toBe(38);
      // The retake columns (2 of 5) are disabled until the retake exam.
      expect(grid.lockedEntryCells).toBe((grid.entryCells * 2) / 5);
      expect(grid.savedKnown).toBe(grid.entryCells);
      expect(grid.lastEdits).toBeGreaterThan(grid.entryCells / 2);
    },
  },
  'tt27-gk1.html': {
    kind: 'grade-grid',
    via: WINDOW,
    columns: ['birthDate0:Ngày sinh', 'comment0:Nhận xét giữa kỳ', 'level0:XL GK'],
    check(grid) {
      expect(grid.context.period).toBe('gk1');
      expect(grid.lockedEntryCells).toBe(0);
    },
  },
  'tt22-hk1.html': {
    kind: 'grade-grid',
    via: WINDOW,
    columns: tt22Columns(4),
    context: TT22_CONTEXT,
    check(grid) {
      expect(grid.inputs).toBe(grid.entryCells);
      expect(grid.lockedEntryCells).toBe(0);
      expect(grid.namedCells).toBe(grid.entryCells);
      expect(grid.computedFilled).toBeGreaterThan(0);
      expect(grid.savedKnown).toBe(grid.entryCells);
    },
  },
  'tt22-hk2.html': {
    kind: 'grade-grid',
    via: WINDOW,
    columns: tt22Columns(4, ['average0:ĐTBmhk', 'yearAverage0:TB cả năm']),
    check(grid) {
      expect(grid.context.term).toBe('2');
      expect(grid.computedFilled).toBeGreaterThan(grid.rows);
    },
  },
  'tt22-hk2-comments.html': {
    kind: 'grade-grid',
    via: WINDOW,
    columns: tt22Columns(3, ['average0:Kết quả HK', 'yearAverage0:Kết quả CN']),
    check(grid) {
      expect(grid.inputs).toBe(grid.entryCells);
      expect(grid.context.subject).toBe('Giáo dục thể chất');
    },
  },
  'tt22-locked.html': {
    kind: 'grade-grid',
    via: WINDOW,
    columns: tt22Columns(4),
    context: TT22_CONTEXT,
    check(grid) {
      expect(grid.lockedEntryCells).toBe(grid.entryCells);
    },
  },
  'tt22-locked-no-input.html': {
    kind: 'grade-grid',
    via: WINDOW,
    columns: tt22Columns(4),
    context: TT22_CONTEXT,
    check(grid) {
      expect(grid.inputs).toBe(0);
      expect(grid.lockedEntryCells).toBe(grid.entryCells);
    },
  },
  'tt22-click-to-edit.html': {
    kind: 'grade-grid',
    via: WINDOW,
    columns: tt22Columns(4),
    context: TT22_CONTEXT,
    check(grid) {
      expect(grid.inputs).toBe(0);
      expect(grid.clickToEdit).toBe(grid.entryCells);
      expect(grid.lockedEntryCells).toBe(0);
      expect(grid.namedCells).toBe(grid.entryCells);
    },
  },
  'tt22-iframe.html': {
    kind: 'grade-grid',
    via: 'Sổ điểm (cửa sổ có iframe)',
    columns: tt22Columns(4),
    context: TT22_CONTEXT,
    check(grid) {
      expect(grid.inputs).toBe(grid.entryCells);
      expect(grid.lockedEntryCells).toBe(0);
    },
  },
  'tt22-paged.html': {
    kind: 'grade-grid',
    via: WINDOW,
    columns: tt22Columns(4),
    context: TT22_CONTEXT,
    check(grid) {
      expect(grid.rows).toBe(20);
      expect(grid.nextPage).toBe('Trang sau');
    },
  },
};

/**
 * What a grade page of a profile must show whichever saved file holds it, by the page's name:
 * SMAS's current score book (an app-drawn table of two header rows from the mark template).
 */
const GRADE_PAGE_CHECKS: Record<string, (grid: GridFindings) => void> = {
  'Sổ điểm (ứng dụng mới)': (grid) => {
    const kinds = grid.columns.map((c) => `${c.kind}${c.index}`);
    const tx = kinds.filter((kind) => kind.startsWith('tx'));
    // The subject's own number of regular columns, found under the "Thường xuyên" group.
    expect(tx.length).toBeGreaterThanOrEqual(2);
    expect(tx).toEqual(tx.map((_, i) => `tx${i}`));
    expect(kinds).toEqual(['birthDate0', ...tx, 'gk0', 'ck0', 'average0', 'comment0']);
    expect(grid.columns.find((c) => c.kind === 'average')?.computed).toBe(true);
    // Class, subject and term from the toolbar's selects, the year from the heading.
    expect(grid.context.class).toMatch(/^\d{1,2}[A-Z]/);
    expect(grid.context.subject).not.toBe('');
    expect(grid.context.term).toMatch(/^Học kỳ (I|II)$/);
    expect(grid.context.schoolYear).toMatch(/^\d{4}-\d{4}$/);
    expect(grid.inputs).toBe(grid.entryCells);
  },
};

/**
 * The book each saved SMAS score book shows, exactly (its manifest path names class, subject and
 * term; the saved toolbar's selects carry the chosen options as `selected`).
 */
const SMAS_BOOK = { schoolYear: '2025-2026', class: '6A1', term: 'Học kỳ I' };
const SMAS_BOOKS: Record<string, { context: Record<string, string>; tx: number }> = {
  'current-mark-book.html': { context: { ...SMAS_BOOK, subject: 'Toán' }, tx: 3 },
  'current-mark-book-4tx.html': { context: { ...SMAS_BOOK, subject: 'Ngữ văn' }, tx: 4 },
  'current-mark-book-locked.html': { context: { ...SMAS_BOOK, subject: 'Toán' }, tx: 3 },
};

describe.each(builtInProfiles.map((profile) => [profile.id, profile] as const))(
  'profile %s',
  (id, profile) => {
    const saved = savedPages(profile);

    it('has saved pages of its portal, each with expectations', () => {
      expect(saved, `tests/portals/${id}/pages/manifest.json`).toBeDefined();
      expect(saved!.pages.length).toBeGreaterThan(0);
      if (id === 'vnedu')
        expect(saved!.pages.map((p) => p.file).sort()).toEqual(Object.keys(VNEDU_EXPECTED).sort());
    });

    it.each((saved?.pages ?? []).map((p) => [p.file, p] as const))('walks %s', async (file, savedPage) => {
      const findings = await open(profile, saved!.dir, savedPage);
      const expected = id === 'vnedu' ? VNEDU_EXPECTED[file] : undefined;
      const holding = findings.filter((f) => f.holds);

      // Generic: a page that shows a grid has every selector of the profile finding its part.
      for (const f of holding.filter((f) => f.kind === 'grade-grid')) {
        const grid = f.grid;
        expect(grid, `${f.name}: table, row key and columns by header text`).toBeDefined();
        expect(grid!.rows).toBeGreaterThan(0);
        expect(new Set(grid!.keys).size).toBe(grid!.rows);
        expect(grid!.keys.every((key) => /^\d{10}$/.test(key))).toBe(true);
        expect(grid!.namesFilled).toBe(grid!.rows);
        expect(grid!.entryCells).toBeGreaterThan(0);
        expect(grid!.saveButton).toBe('Lưu');
        GRADE_PAGE_CHECKS[f.name ?? '']?.(grid!);
        if (id === 'smas') {
          const book = SMAS_BOOKS[file];
          expect(book, `${file}: its book in SMAS_BOOKS`).toBeDefined();
          expect(grid!.context).toEqual(book!.context);
          expect(grid!.columns.filter((c) => c.kind === 'tx')).toHaveLength(book!.tx);
        }
      }
      // A login page whose profile names a captcha shows it.
      for (const f of holding.filter((f) => f.kind === 'login' && f.captcha !== undefined))
        expect(f.captcha).toBe(true);

      if (!expected) return;
      if (expected.kind === null) {
        expect(holding.map((f) => f.kind)).toEqual([]);
        return;
      }
      expect(holding[0]?.kind).toBe(expected.kind);
      if (expected.kind !== 'grade-grid') return;
      const first = holding[0]!;
      expect(first.name).toBe(expected.via);
      const grid = first.grid!;
      if (expected.columns)
        expect(grid.columns.map((c) => `${c.kind}${c.index}:${c.label}`)).toEqual(expected.columns);
      if (expected.context) expect(grid.context).toEqual(expected.context);
      expected.check?.(grid);
    });
  },
);

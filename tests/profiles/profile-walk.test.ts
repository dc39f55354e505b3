import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtInProfiles, type Profile } from '@edulens/shared/profiles';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium';
import type { GridFindings, PageFindings } from './walk-entry';

// Every built-in profile against the saved, scrubbed pages of its portal
// (tests/portals/<profile id>/pages, listed in manifest.json): each page is served at its
// recorded path on the real portal's host pattern, and the extension's own page reader
// (extension/lib/portal-grid.ts, bundled for the browser) walks the profile on it.

const here = dirname(fileURLToPath(import.meta.url));
const portalsDir = resolve(here, '../portals');

interface SavedPage {
  file: string;
  path: string;
  shows: string;
  frame?: { selector: string; file: string };
}

/** A host each profile's real match pattern covers (the saved pages are served there). */
const HOSTS: Record<string, string> = { vnedu: 'https://thcsnd63001012sgddaknong.vnedu.vn' };

let browser: Browser;
let page: Page;
let walker = '';

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [join(here, 'walk-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  walker = bundle.outputFiles[0]!.text;
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
  await page.addScriptTag({ content: walker });
  return page.evaluate(
    (p) => (globalThis as unknown as { edulensWalk(profile: unknown): PageFindings[] }).edulensWalk(p),
    profile,
  );
}

/** What the vnEdu profile must find on each saved page (by file). */
const VNEDU_CONTEXT = {
  school: 'THCS Nguyễn Du',
  schoolYear: '2025-2026',
  grade: 'Khối 6',
  class: '6A1',
  subject: 'Toán',
  term: 'Học kỳ I',
};

interface Expected {
  kind: 'login' | 'grade-grid' | null;
  /** Name of the grade-grid page entry that should match. */
  via?: string;
  check?(grid: GridFindings): void;
}

const scoreColumns = (tx: number, average = 'ĐTBmhk') => [
  ...Array.from({ length: tx }, (_, i) => `tx${i}:ĐĐGtx ${i + 1}`),
  'gk0:ĐĐGgk',
  'ck0:ĐĐGck',
  `average0:${average}`,
];

const VNEDU_EXPECTED: Record<string, Expected> = {
  'login.html': { kind: 'login' },
  'desktop.html': { kind: null },
  'grade-grid.html': {
    kind: 'grade-grid',
    via: 'Nhập điểm môn học (cửa sổ)',
    check(grid) {
      expect(grid.inputs).toBe(grid.entryCells);
      expect(grid.lockedEntryCells).toBe(0);
      expect(grid.namedCells).toBe(grid.entryCells);
      expect(grid.computedFilled).toBeGreaterThan(0);
    },
  },
  'grade-grid-locked.html': {
    kind: 'grade-grid',
    via: 'Nhập điểm môn học (cửa sổ)',
    check(grid) {
      expect(grid.inputs).toBe(0);
      expect(grid.lockedEntryCells).toBe(grid.entryCells);
    },
  },
  'grade-grid-click-to-edit.html': {
    kind: 'grade-grid',
    via: 'Nhập điểm môn học (cửa sổ)',
    check(grid) {
      expect(grid.inputs).toBe(0);
      expect(grid.clickToEdit).toBe(grid.entryCells);
      expect(grid.lockedEntryCells).toBe(0);
      expect(grid.namedCells).toBe(grid.entryCells);
    },
  },
  'grade-grid-iframe.html': {
    kind: 'grade-grid',
    via: 'Nhập điểm môn học (cửa sổ có iframe)',
    check(grid) {
      expect(grid.inputs).toBe(grid.entryCells);
      expect(grid.lockedEntryCells).toBe(0);
    },
  },
  'grade-grid-comments.html': {
    kind: 'grade-grid',
    via: 'Nhập điểm môn học (cửa sổ)',
    check(grid) {
      expect(grid.columns.map((c) => `${c.kind}${c.index}:${c.label}`)).toEqual(
        scoreColumns(3, 'Kết quả HK'),
      );
      expect(grid.inputs).toBe(grid.entryCells);
      expect(grid.context.subject).toBe('Giáo dục thể chất');
    },
  },
  'grade-grid-paged.html': {
    kind: 'grade-grid',
    via: 'Nhập điểm môn học (cửa sổ)',
    check(grid) {
      expect(grid.rows).toBe(20);
      expect(grid.nextPage).toBe('Trang sau');
    },
  },
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
      }
      for (const f of holding.filter((f) => f.kind === 'login')) expect(f.captcha).toBe(true);

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
      if (file !== 'grade-grid-comments.html') {
        expect(grid.columns.map((c) => `${c.kind}${c.index}:${c.label}`)).toEqual(scoreColumns(4));
        expect(grid.context).toEqual(VNEDU_CONTEXT);
      }
      expected.check?.(grid);
    });
  },
);

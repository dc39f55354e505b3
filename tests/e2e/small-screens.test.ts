import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSmasRoster } from '../portals/smas/common/roster';
import {
  type GradeFrame,
  type Harness,
  openGradeBook,
  overlay,
  rowCodes,
  screenshot,
  postJson,
  setExtensionClock,
  startHarness,
  typeScore,
} from './harness';

// The overlay on a school laptop (1366×768) and an old screen (800×600): EduLens's panels fold
// away, and neither they nor the lock banner hide a grade cell or the school's name, nor a list's
// pager (SMAS's student list, its panels and countdown unfolded).
//
// "Covered" is measured twice for every grade cell input the portal itself shows (with the overlay
// hidden, document.elementFromPoint at the cell's centre finds the cell, not the portal's taskbar
// or a cell scrolled out of its window): (1) the bounding box of any painted overlay element (a
// panel, the banner, a fold button, the unsaved badge) intersects the cell's box, clipped to the
// viewport; (2) with the overlay shown, elementFromPoint at the cell's centre is the overlay's host.
// The same two checks for the school's name in the portal's header and the book's heading.

const FIXTURE_NOW = '2025-11-20T08:00:00+07:00';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface Coverage {
  /** Grade cells the portal shows in the viewport. */
  cells: number;
  /** Covered cells, as "row <STT> <column>". */
  covered: string[];
  /** Rows (STT) of the covered cells. */
  coveredRows: number[];
  /** "school-name" / "heading" when covered. */
  headings: string[];
  /** The painted overlay elements, for the failure message. */
  boxes: Array<Box & { what: string }>;
}

function measure(page: Page): Promise<Coverage> {
  return page.evaluate(() => {
    const host = document.getElementById('edulens-overlay')!;
    const root = host.shadowRoot!;
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const clip = (r: DOMRect): Box | null => {
      const box = {
        left: Math.max(0, r.left),
        top: Math.max(0, r.top),
        right: Math.min(vw, r.right),
        bottom: Math.min(vh, r.bottom),
      };
      return box.right > box.left && box.bottom > box.top ? box : null;
    };
    const meets = (a: Box, b: Box) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const boxes = [...root.querySelectorAll<HTMLElement>('.panel, .lock-banner, .unsaved-badge, .fold')]
      .filter((el) => el.checkVisibility())
      .map((el) => ({ el, box: clip(el.getBoundingClientRect()) }))
      .filter((b): b is { el: HTMLElement; box: Box } => b.box !== null)
      .map(({ el, box }) => ({ ...box, what: el.className || el.tagName }));
    const centre = (b: Box) => [(b.left + b.right) / 2, (b.top + b.bottom) / 2] as const;

    // What the portal shows without EduLens.
    host.style.visibility = 'hidden';
    const targets: Array<{ el: Element; box: Box; label: string; heading: boolean }> = [];
    const book = document.querySelector('.ux-desktop-active-win') ?? document;
    for (const input of book.querySelectorAll('table.tablefix tbody :is(input, textarea)')) {
      const box = clip(input.getBoundingClientRect());
      if (!box) continue;
      const td = input.closest('td')!;
      const hit = document.elementFromPoint(...centre(box));
      if (!hit || !td.contains(hit)) continue;
      const stt = td.closest('tr')?.querySelector('td.stt')?.textContent?.trim() ?? '?';
      targets.push({ el: td, box, label: `row ${stt} ${input.getAttribute('c')}`, heading: false });
    }
    const cells = targets.length;
    for (const [selector, label] of [
      ['#ux-header .school-name', 'school-name'],
      ['table.tieude', 'heading'],
    ] as const) {
      const el = book.querySelector(selector) ?? document.querySelector(selector);
      const box = el && clip(el.getBoundingClientRect());
      if (el && box) targets.push({ el, box, label, heading: true });
    }
    host.style.visibility = '';

    const covered = targets.filter(({ box }) => {
      if (boxes.some((b) => meets(b, box))) return true;
      return document.elementFromPoint(...centre(box)) === host;
    });
    const rows = covered.filter((t) => !t.heading).map((t) => Number(t.label.split(' ')[1]));
    return {
      cells,
      covered: covered.filter((t) => !t.heading).map((t) => t.label),
      coveredRows: [...new Set(rows)].sort((a, b) => a - b),
      headings: covered.filter((t) => t.heading).map((t) => t.label),
      boxes,
    };
  });
}

/** Clicks every fold button still showing its panel (▾), then checks they all show ▸. */
async function foldAll(page: Page): Promise<number> {
  const open = overlay(page).locator('[data-edulens="fold"][aria-expanded="true"]');
  const count = await open.count();
  for (let i = 0; i < count; i++) await open.first().click();
  expect(await overlay(page).locator('[data-edulens="fold"][aria-expanded="true"]').count()).toBe(0);
  return count;
}

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  // The extension on the simulator's clock: a banner counting down, as a teacher sees it.
  await setExtensionClock(h, FIXTURE_NOW);
}, 120_000);

afterAll(async () => {
  await h?.cleanup();
});

async function open(width: number, height: number): Promise<GradeFrame> {
  await h.control('reset');
  await h.page.setViewportSize({ width, height });
  const grid = await openGradeBook(h);
  await overlay(h.page).locator('[data-testid="lock-banner"]:not([hidden])').waitFor();
  await overlay(h.page).locator('[data-testid="bulkfill-panel"]').waitFor();
  await overlay(h.page).locator('.validate-panel').waitFor();
  return grid;
}

describe('the overlay on small screens', () => {
  it('at 1366×768, unfolded, leaves the first rows and the headings clear; folded, every cell', async () => {
    const grid = await open(1366, 768);
    const codes = await rowCodes(grid);
    for (const code of codes.slice(0, 3)) await typeScore(h.page, grid, code, 'tx1', '11');
    await overlay(h.page).locator('[data-testid="validate-problems"] li').nth(2).waitFor();
    const unfolded = await measure(h.page);
    await screenshot(h.page, 'small-screens-1366-unfolded');
    expect(unfolded.cells).toBeGreaterThan(40);
    expect(unfolded.headings).toEqual([]);
    // Unfolded, the panels (the validate panel listing three problems, bulk fill) stand in the
    // bottom-right corner (x ≥ 1016), right of a secondary book's grade table (it ends at x ≈ 950);
    // the banner in the left-hand column, over the desktop's shortcuts: no cell is covered.
    expect(unfolded.covered, JSON.stringify(unfolded.boxes)).toEqual([]);

    const folded = await foldAll(h.page);
    expect(folded).toBeGreaterThanOrEqual(3); // validate, bulk fill, the banner (and a drafts offer)
    const after = await measure(h.page);
    await screenshot(h.page, 'small-screens-1366-folded');
    expect(after.covered, JSON.stringify(after.boxes)).toEqual([]);
    expect(after.headings).toEqual([]);
    expect(after.cells).toBe(unfolded.cells);
  });

  it('at 800×600, folded, hides no grade cell, nor the school name or the heading', async () => {
    await open(800, 600);
    // Unfolded, the panels' column (x 450–790, from the bottom up) covers grade cells: here the
    // drafts offer left by the first test's typing reaches up to the heading. Folding is for that;
    // what it covers is printed, not asserted.
    const unfolded = await measure(h.page);
    await screenshot(h.page, 'small-screens-800-unfolded');
    console.info(
      `800×600 unfolded covers: ${unfolded.headings.concat(unfolded.covered).join(', ') || 'nothing'}`,
    );

    await foldAll(h.page);
    const after = await measure(h.page);
    await screenshot(h.page, 'small-screens-800-folded');
    expect(after.cells).toBeGreaterThan(20);
    expect(after.covered, JSON.stringify(after.boxes)).toEqual([]);
    expect(after.headings).toEqual([]);

    // A folded panel opens again where it was.
    await overlay(h.page).locator('.bulk-fill-panel [data-edulens="fold"]').click();
    await overlay(h.page).locator('[data-testid="bulkfill-paste"]').waitFor();
  });

  for (const [width, height] of [
    [1366, 768],
    [1024, 768],
  ] as const) {
    it(`at ${width}×${height}, leaves the SMAS student list's pager to a real click`, async () => {
      const smas = new URL(h.portals.smasLegacy.url).origin;
      await postJson(`${smas}/__test/reset`, {});
      await postJson(`${smas}/__test/clock`, { now: FIXTURE_NOW });
      await h.page.context().request.post(`${smas}/__test/login`, { data: { username: 'longphuoc.thcs' } });
      await h.page.setViewportSize({ width, height });
      await h.page.goto(`${smas}/HoSoHocSinh/DanhSach?lopId=${buildSmasRoster().bulkClass.id}`);
      // Every panel of the list page, unfolded: the countdown, the list's meter, record fill.
      await overlay(h.page).locator('[data-testid="record-countdown"]:not([hidden])').waitFor();
      await overlay(h.page).getByText('Kiểm tra cả danh sách').waitFor();
      await screenshot(h.page, `small-screens-smas-list-${width}`);
      const info = h.page.locator('#gridHocSinh .rgInfoPart');
      await expect.poll(() => info.textContent()).toContain('Trang 1/3');
      // A real click (Playwright's checks that nothing else would take it), as a teacher's.
      await h.page.locator('#gridHocSinh input.rgPageNext').click({ timeout: 5000 });
      await expect.poll(() => info.textContent()).toContain('Trang 2/3');
      await h.page.locator('#gridHocSinh input.rgPagePrev').click({ timeout: 5000 });
      await expect.poll(() => info.textContent()).toContain('Trang 1/3');
    });
  }
});

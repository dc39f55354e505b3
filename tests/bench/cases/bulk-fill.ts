import type { Page } from 'playwright';
import { launchWithExtension, waitForOverlay } from '../../e2e/harness';
import { launchChromium } from '../../helpers/chromium';
import type { BenchCase, BenchRow } from '../bench-row';
import { bareFill, checkFilled, extensionFill, FILL_KEYS, fillValue, median } from '../fill-runs';
import { BENCH_COLUMNS, BENCH_ROWS, openSyntheticGrid, scoreInput } from '../synthetic-grid';

// Bulk fill of a whole 45 × 12 grid in Chromium, three ways, in one run:
// 1. the extension's own path: paste → preview → confirm; timed inside the content script from
//    the confirm click to the end of the fill: PortalGrid writes (native setter + input/change/
//    blur/focusout, in slices that yield once past 100 ms), every feature's onEdit batch (the
//    validate feature re-checking each written cell and each row's average, drafts), the cell
//    marks — median of RUNS fills, each after an undo;
// 2. a bare loop in the page: native value setter + input/change/blur per cell, no validation,
//    no extension (a second browser) — median of RUNS, alternating with (1) so both see the same
//    machine load;
// 3. Playwright's `locator.fill()` per cell, as a script filling cell by cell would (no extension).

const RUNS = 9;
const GOAL_MS = 150;
const GOAL_SPEEDUP = 20;
const GOAL_OVER_BARE = 2;

async function locatorFill(page: Page): Promise<number> {
  const start = performance.now();
  for (let r = 0; r < BENCH_ROWS; r++) {
    for (const [c, key] of FILL_KEYS.entries()) await page.locator(scoreInput(r, key)).fill(fillValue(r, c));
  }
  const ms = performance.now() - start;
  await checkFilled(page);
  return ms;
}

export const bulkFillCase: BenchCase = async (): Promise<BenchRow[]> => {
  const grid = `${BENCH_ROWS} × ${BENCH_COLUMNS}`;
  const withExtension = await launchWithExtension();
  const plain = await launchChromium();
  try {
    const extensionPage = await withExtension.context.newPage();
    await openSyntheticGrid(extensionPage);
    await waitForOverlay(extensionPage);
    const plainPage = await plain.newPage();
    await openSyntheticGrid(plainPage);
    // Extension and bare runs alternate, so both medians see the same machine load. The first
    // round warms up the JIT (and loads the engine) and is not counted.
    const fills: number[] = [];
    const plans: number[] = [];
    const bares: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const { fill, plan } = await extensionFill(extensionPage);
      const bare = await bareFill(plainPage);
      if (run === 0) continue;
      fills.push(fill);
      plans.push(plan);
      bares.push(bare);
    }
    const locator = await locatorFill(plainPage);
    const [fill, plan, bare] = [median(fills), median(plans), median(bares)];
    return [
      {
        case: `bulk fill + validate, ${grid} grid (extension, median of ${RUNS}); baseline: bare setter loop`,
        figure: fill,
        unit: 'ms',
        baseline: bare,
        goal: { max: GOAL_MS },
      },
      {
        case: 'bulk fill vs bare native-setter loop (no validation)',
        figure: fill / bare,
        unit: '×',
        goal: { max: GOAL_OVER_BARE },
      },
      {
        case: `locator.fill() per cell, ${grid} grid; baseline: bulk fill`,
        figure: locator,
        unit: 'ms',
        baseline: fill,
      },
      {
        case: 'bulk fill speed-up over locator.fill() per cell',
        figure: locator / fill,
        unit: '×',
        goal: { min: GOAL_SPEEDUP },
      },
      { case: `bulk fill preview (parse + header + match + plan), ${grid}`, figure: plan, unit: 'ms' },
    ];
  } finally {
    await withExtension.close();
    await plain.close();
  }
};

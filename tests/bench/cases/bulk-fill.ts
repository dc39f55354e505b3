import type { Page } from 'playwright';
import { launchWithExtension, overlay, readPerf, waitForOverlay } from '../../e2e/harness';
import { launchChromium } from '../../helpers/chromium';
import type { BenchCase, BenchRow } from '../bench-row';
import { BENCH_COLUMNS, BENCH_ROWS, openSyntheticGrid, studentCode } from '../synthetic-grid';

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

const keys = [...Array.from({ length: BENCH_COLUMNS - 2 }, (_, i) => `tx${i + 1}`), 'gk', 'ck'];

function value(row: number, col: number): string {
  const tenths = 40 + ((row * 7 + col * 13) % 61);
  return tenths % 10 === 0 ? String(tenths / 10) : `${Math.trunc(tenths / 10)}.${tenths % 10}`;
}

function pastedBlock(): string {
  const header = [
    'Mã HS',
    'Họ và tên',
    ...keys.map((key) => (key.startsWith('tx') ? `ĐĐGtx ${key.slice(2)}` : key === 'gk' ? 'ĐĐGgk' : 'ĐĐGck')),
  ];
  const rows = Array.from({ length: BENCH_ROWS }, (_, r) =>
    [studentCode(r), `Học Sinh ${r + 1}`, ...keys.map((_, c) => value(r, c).replace('.', ','))].join('\t'),
  );
  return `${[header.join('\t'), ...rows].join('\r\n')}\r\n`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** One fill through the extension: paste → preview → confirm; ms timed by the content script. */
async function extensionFill(page: Page): Promise<{ fill: number; plan: number }> {
  const ui = overlay(page);
  await ui.locator('[data-testid="bulkfill-paste"]').fill(pastedBlock());
  await readPerf(page, true);
  await ui.locator('[data-testid="bulkfill-preview-paste"]').click();
  const confirm = ui.locator('[data-testid="bulkfill-confirm"]');
  await confirm.waitFor();
  const cells = Number(/\d+/.exec((await confirm.textContent()) ?? '')?.[0]);
  if (cells !== BENCH_ROWS * BENCH_COLUMNS) throw new Error(`the preview plans ${cells} cells`);
  await confirm.click();
  await ui.locator('[data-testid="bulkfill-undo"]').waitFor();
  const perf = await readPerf(page);
  await checkFilled(page);
  // Undo empties the grid again for the next run.
  await ui.locator('[data-testid="bulkfill-undo"]').click();
  await ui.locator('[data-testid="bulkfill-undo"]').waitFor({ state: 'detached' });
  return { fill: perf['bulkFill.fill']?.[0] ?? Number.NaN, plan: perf['bulkFill.plan']?.[0] ?? Number.NaN };
}

async function checkFilled(page: Page): Promise<void> {
  const last = await page.inputValue(`input[name="diem[${studentCode(BENCH_ROWS - 1)}][ck]"]`);
  if (last !== value(BENCH_ROWS - 1, keys.length - 1)) throw new Error(`last cell holds "${last}"`);
}

/** The bare loop: every cell set through the native setter with input/change/blur; ms in the page. */
const BARE_LOOP = `(values) => {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const inputs = [...document.querySelectorAll('input.input_diem')];
  const start = performance.now();
  inputs.forEach((input, i) => {
    setter.call(input, values[i]);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    input.dispatchEvent(new FocusEvent('blur'));
  });
  return performance.now() - start;
}`;

async function bareFill(page: Page): Promise<number> {
  const values = Array.from({ length: BENCH_ROWS }, (_, r) => keys.map((_, c) => value(r, c))).flat();
  const ms = (await page.evaluate(`(${BARE_LOOP})(${JSON.stringify(values)})`)) as number;
  await checkFilled(page);
  await page.evaluate(`(${BARE_LOOP})(${JSON.stringify(values.map(() => ''))})`);
  return ms;
}

async function locatorFill(page: Page): Promise<number> {
  const start = performance.now();
  for (let r = 0; r < BENCH_ROWS; r++) {
    for (const [c, key] of keys.entries()) {
      await page.locator(`input[name="diem[${studentCode(r)}][${key}]"]`).fill(value(r, c));
    }
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

import type { Page } from 'playwright';
import { overlay, readPerf } from '../e2e/harness';
import {
  BENCH_COLUMNS,
  BENCH_ROWS,
  SCORE_INPUTS,
  scoreInput,
  studentCode,
  studentName,
} from './synthetic-grid';

// What the bulk-fill benchmarks share: the 45 × 12 block they paste, one fill through the extension
// (paste → preview → confirm → undo), the bare setter loop it is compared with, and a probe of the
// first paint after a fill. The grid's inputs are found only through synthetic-grid's helpers.

export const FILL_KEYS = [...Array.from({ length: BENCH_COLUMNS - 2 }, (_, i) => `tx${i + 1}`), 'gk', 'ck'];

/** The score filled into a cell: 4.0–10, one decimal, spread over the grid. */
export function fillValue(row: number, col: number): string {
  const tenths = 40 + ((row * 7 + col * 13) % 61);
  return tenths % 10 === 0 ? String(tenths / 10) : `${Math.trunc(tenths / 10)}.${tenths % 10}`;
}

/** Every cell's value, row by row in column order (the order of SCORE_INPUTS). */
export function fillValues(): string[] {
  return Array.from({ length: BENCH_ROWS }, (_, r) => FILL_KEYS.map((_, c) => fillValue(r, c))).flat();
}

/** The whole class as copied from Excel: header row, code, name, scores with decimal commas. */
export function pastedBlock(): string {
  const header = [
    'Mã HS',
    'Họ và tên',
    ...FILL_KEYS.map((key) =>
      key.startsWith('tx') ? `ĐĐGtx ${key.slice(2)}` : key === 'gk' ? 'ĐĐGgk' : 'ĐĐGck',
    ),
  ];
  const rows = Array.from({ length: BENCH_ROWS }, (_, r) =>
    [studentCode(r), studentName(r), ...FILL_KEYS.map((_, c) => fillValue(r, c).replace('.', ','))].join(
      '\t',
    ),
  );
  return `${[header.join('\t'), ...rows].join('\r\n')}\r\n`;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function checkFilled(page: Page): Promise<void> {
  const last = await page.inputValue(scoreInput(BENCH_ROWS - 1, FILL_KEYS[FILL_KEYS.length - 1]!));
  const wanted = fillValue(BENCH_ROWS - 1, FILL_KEYS.length - 1);
  if (last !== wanted) throw new Error(`last cell holds "${last}", not "${wanted}"`);
}

/**
 * Click → painted, measured inside the page (main world), so neither Playwright's round trips nor
 * the content script's own clock are in it:
 * - start: a capture listener on `window` — the first listener the trusted confirm click reaches,
 *   before the overlay's own handler — stamps performance.now();
 * - done: a MutationObserver on the bulk-fill result area in the overlay's (open) shadow root sees
 *   the undo button appear. The engine adds it in the task that ends the fill, after the last
 *   write and the cell marks;
 * - painted: from that observer, requestAnimationFrame, and from the frame callback setTimeout(0)
 *   (the usual requestPostAnimationFrame stand-in): the rAF callback runs just before the frame's
 *   style, layout and paint, and the timer task only once that frame has been produced, so the stamp
 *   includes the first rendering of the filled grid, its marks and the closed dialog.
 * The stamps live in `window.__benchFillStamps`.
 */
const PAINT_PROBE = `(() => {
  const stamps = {};
  window.__benchFillStamps = stamps;
  window.addEventListener('click', () => { stamps.click = performance.now(); }, { capture: true, once: true });
  const result = document.getElementById('edulens-overlay').shadowRoot.querySelector('[data-testid="bulkfill-result"]');
  const observer = new MutationObserver(() => {
    if (!result.querySelector('[data-testid="bulkfill-undo"]')) return;
    observer.disconnect();
    stamps.done = performance.now();
    requestAnimationFrame(() => setTimeout(() => { stamps.painted = performance.now(); }, 0));
  });
  observer.observe(result, { childList: true, subtree: true });
})()`;

export interface ExtensionFill {
  /** Confirm click → end of the fill, ms, timed by the content script (`bulkFill.fill`). */
  fill: number;
  /** Parse + header + match + plan, ms (`bulkFill.plan`). */
  plan: number;
  /** Confirm click → first paint after the fill, ms, timed in the page (with `paint` only). */
  painted?: number;
}

/** One fill through the extension: paste → preview → confirm, then undo (the grid is empty again). */
export async function extensionFill(page: Page, options: { paint?: boolean } = {}): Promise<ExtensionFill> {
  const ui = overlay(page);
  await ui.locator('[data-testid="bulkfill-paste"]').fill(pastedBlock());
  await readPerf(page, true);
  await ui.locator('[data-testid="bulkfill-preview-paste"]').click();
  const confirm = ui.locator('[data-testid="bulkfill-confirm"]');
  await confirm.waitFor();
  const cells = Number(/\d+/.exec((await confirm.textContent()) ?? '')?.[0]);
  if (cells !== BENCH_ROWS * BENCH_COLUMNS) throw new Error(`the preview plans ${cells} cells`);
  if (options.paint) await page.evaluate(PAINT_PROBE);
  await confirm.click();
  let painted: number | undefined;
  if (options.paint) {
    await page.waitForFunction('window.__benchFillStamps.painted !== undefined', null, {
      polling: 50,
      timeout: 30_000,
    });
    const stamps = (await page.evaluate('window.__benchFillStamps')) as { click: number; painted: number };
    painted = stamps.painted - stamps.click;
  }
  await ui.locator('[data-testid="bulkfill-undo"]').waitFor();
  const perf = await readPerf(page);
  await checkFilled(page);
  await ui.locator('[data-testid="bulkfill-undo"]').click();
  await ui.locator('[data-testid="bulkfill-undo"]').waitFor({ state: 'detached', timeout: 30_000 });
  return {
    fill: perf['bulkFill.fill']?.[0] ?? Number.NaN,
    plan: perf['bulkFill.plan']?.[0] ?? Number.NaN,
    ...(painted !== undefined && { painted }),
  };
}

/**
 * Sets every score input as a script would: native value setter, then input, change and blur;
 * `timed` returns the ms the loop took in the page. Also used to type a whole grid of values at
 * once (input events only, like keystrokes) with `events: ['input']`.
 */
const SETTER_LOOP = `({ selector, values, events }) => {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const inputs = [...document.querySelectorAll(selector)];
  const start = performance.now();
  inputs.forEach((input, i) => {
    setter.call(input, values[i]);
    for (const type of events)
      input.dispatchEvent(type === 'blur' ? new FocusEvent('blur') : new Event(type, { bubbles: true }));
  });
  return performance.now() - start;
}`;

export async function setEveryInput(
  page: Page,
  values: readonly string[],
  events: readonly string[] = ['input', 'change', 'blur'],
): Promise<number> {
  const args = JSON.stringify({ selector: SCORE_INPUTS, values, events });
  return (await page.evaluate(`(${SETTER_LOOP})(${args})`)) as number;
}

/** The bare loop (no extension, no validation): ms to fill the grid, which is emptied again after. */
export async function bareFill(page: Page): Promise<number> {
  const values = fillValues();
  const ms = await setEveryInput(page, values);
  await checkFilled(page);
  await setEveryInput(
    page,
    values.map(() => ''),
  );
  return ms;
}

import { expect as pwExpect } from 'playwright/test';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  cellInput,
  cellTd,
  type Harness,
  openGradeBook,
  overlay,
  rowCodes,
  screenshot,
  setExtensionClock,
  startHarness,
  storedBook,
} from './harness';

// Validation as you type, in Chromium with the built extension on the simulated vnEdu: invalid
// cells are marked and listed, the list jumps to the cell, recomputed averages sit beside the
// portal's and disagreements are marked — in the plain window and in the iframe/click-to-edit one.

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  // A calm moment of the school year for screenshots (far from any lock).
  await h.control('clock', { now: '2025-11-20T08:00:00+07:00' });
  await setExtensionClock(h, '2025-11-20T08:00:00+07:00');
}, 120_000);

afterAll(async () => {
  await h?.cleanup();
});

beforeEach(async () => {
  await h.control('reset');
});

const problems = () => overlay(h.page).locator('[data-testid="validate-problems"] li');

describe('validate', () => {
  it('marks invalid cells as they are typed, lists them and jumps to them', async () => {
    const grid = await openGradeBook(h);
    const [first, second, third] = await rowCodes(grid);
    await pwExpect(problems()).toHaveCount(0);
    await pwExpect(overlay(h.page).locator('[data-testid="validate-count"]')).toHaveText('Không có lỗi');

    await cellInput(grid, first!, 'tx1').fill('11');
    await cellInput(grid, second!, 'gk').fill('8,55');
    await cellInput(grid, third!, 'ck').fill('abc');

    const td = (code: string, key: string) => cellInput(grid, code, key).locator('xpath=..');
    await pwExpect(td(first!, 'tx1')).toHaveAttribute('data-edulens-mark', /\berror\b/);
    await pwExpect(td(second!, 'gk')).toHaveAttribute('data-edulens-mark', /\berror\b/);
    await pwExpect(td(third!, 'ck')).toHaveAttribute('data-edulens-mark', /\berror\b/);
    await pwExpect(td(first!, 'tx1')).toHaveAttribute('data-edulens-msg', /0 đến 10/);
    await pwExpect(problems()).toHaveCount(3);
    await pwExpect(overlay(h.page).locator('[data-testid="validate-count"]')).toHaveText('3 lỗi');
    await pwExpect(problems().nth(0)).toContainText('ĐĐGtx 1');
    await pwExpect(problems().nth(1)).toContainText('ĐĐGgk');
    await pwExpect(problems().nth(2)).toContainText('ĐĐGck');
    await screenshot(h.page, 'validate-problems-panel');

    // Jump to the second problem: its input gets the focus.
    await problems().nth(1).locator('button').click();
    await pwExpect(cellInput(grid, second!, 'gk')).toBeFocused();

    // Correcting a value removes its mark and its line.
    await cellInput(grid, first!, 'tx1').fill('10');
    await pwExpect(td(first!, 'tx1')).not.toHaveAttribute('data-edulens-mark', /error/);
    await pwExpect(problems()).toHaveCount(2);
  });

  it('shows the recomputed average beside the portal’s and marks where they disagree', async () => {
    const grid = await openGradeBook(h);
    const book = await storedBook(h, { lop: '6A1', hk: 1 });
    // Saved averages agree with EduLens's: no disagreement on load.
    await pwExpect(grid.locator('[data-edulens-mark~="mismatch"]')).toHaveCount(0);
    const complete = book.rows.find((row) => row.computed.dtbhk && row.values.tx1 !== '10');
    expect(complete, 'a row with a complete semester').toBeDefined();
    const row = complete!;
    const average = grid.locator(`tr[id="${row.maHs}"] td.tbhk_tt`);
    await pwExpect(average).toHaveAttribute('data-edulens-badge', row.computed.dtbhk!);

    // Raising ĐĐGtx 1 to 10 changes the average the portal will compute; the portal still shows the old one.
    const values: Record<string, string> = { ...row.values, tx1: '10' };
    const tx = Object.keys(values).filter((key) => key.startsWith('tx'));
    const tenths = (v: string) => Math.round(Number(v) * 10);
    const sum =
      tx.reduce((s, k) => s + tenths(values[k]!), 0) + 2 * tenths(values.gk!) + 3 * tenths(values.ck!);
    const denominator = tx.length + 5;
    const expected = Math.floor((2 * sum + denominator) / (2 * denominator));
    const shown = `${Math.floor(expected / 10)}.${expected % 10}`;
    await cellInput(grid, row.maHs, 'tx1').fill('10');
    await pwExpect(average).toHaveAttribute('data-edulens-badge', shown);
    if (shown !== row.computed.dtbhk) {
      await pwExpect(average).toHaveAttribute('data-edulens-mark', /mismatch/);
      await pwExpect(overlay(h.page).locator('[data-testid="validate-mismatches"]')).toContainText('1');
    }
  });

  it('works in the iframe window with click-to-edit cells', async () => {
    const grid = await openGradeBook(h, { frame: true, edit: 'click' });
    const [first] = await rowCodes(grid);
    const span = grid.locator(`tr[id="${first}"] span.input_diem[data-name*="_tx2_"]`);
    await span.click();
    const input = cellInput(grid, first!, 'tx2');
    await input.fill('-1');
    await input.press('Tab');
    const td = cellTd(grid, first!, 'tx2');
    await pwExpect(td).toHaveAttribute('data-edulens-mark', /\berror\b/);
    await pwExpect(problems()).toHaveCount(1);
    // Jump opens the click-to-edit cell and focuses its input.
    await problems().first().locator('button').click();
    await pwExpect(cellInput(grid, first!, 'tx2')).toBeFocused();
  });

  it('checks rows again as virtual scrolling redraws them', async () => {
    const grid = await openGradeBook(h, { paging: 'virtual' });
    const [first] = await rowCodes(grid);
    await cellInput(grid, first!, 'tx1').fill('11');
    await cellInput(grid, first!, 'tx1').press('Tab');
    await pwExpect(problems()).toHaveCount(1);
    const scroller = grid.locator('.x-scroller');
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await pwExpect(grid.locator(`tr[id="${first}"]`)).toHaveCount(0);
    await pwExpect(problems()).toHaveCount(0);
    await scroller.evaluate((el) => el.scrollTo(0, 0));
    const td = cellInput(grid, first!, 'tx1').locator('xpath=..');
    await pwExpect(td).toHaveAttribute('data-edulens-mark', /\berror\b/);
    await pwExpect(problems()).toHaveCount(1);
  });
});

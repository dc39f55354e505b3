import { inputLimits } from '@edulens/shared/limits';
import type { ListGrid, PageTurn } from '../portal/grid';
import { pageOf } from './list';

// Turning a record list's pages, as the teacher would with the portal's pager: one page on or
// back, or straight to a numbered page. A turn is over when the rows of the page it asked for are
// drawn (another set of rows, or the pager's page number moved on).

/** One page of the portal may take this long to draw its rows. */
export const PAGE_WAIT_MS = 30_000;

const keysOf = (list: ListGrid) =>
  list
    .rows()
    .map((row) => row.key)
    .join('\u0000');

/** Clicks the pager's `to` and waits for the page: false when the pager cannot go there or the page did not come. */
export function turnPage(list: ListGrid, to: PageTurn, signal: AbortSignal): Promise<boolean> {
  const keys = keysOf(list);
  const shown = list.currentPage();
  return new Promise<boolean>((resolve) => {
    const local = new AbortController();
    const finish = (turned: boolean) => {
      local.abort();
      clearTimeout(timer);
      resolve(turned);
    };
    const timer = setTimeout(() => finish(false), PAGE_WAIT_MS);
    signal.addEventListener('abort', () => finish(false), { signal: local.signal });
    list.onRowsChanged(() => {
      if (list.rows().length > 0 && (keysOf(list) !== keys || list.currentPage() !== shown)) finish(true);
    }, local.signal);
    if (signal.aborted || !list.turnPage(to)) finish(false);
  });
}

/** The page the list shows and how many it has, from the pager's text ("Trang 2/3"). */
export function listPageNow(list: ListGrid): { page: number; pages: number } | undefined {
  return pageOf(list.currentPage());
}

/**
 * Brings the list to page `target`: by its number link when the pager shows one, else a page at a
 * time on or back. False when the list's page cannot be read or a turn failed.
 */
export async function goToPage(list: ListGrid, target: number, signal: AbortSignal): Promise<boolean> {
  for (let turns = 0; turns <= inputLimits.listPages; turns++) {
    const at = listPageNow(list);
    if (!at || target < 1 || target > at.pages) return false;
    if (at.page === target) return true;
    const step = target > at.page ? 'next' : 'previous';
    const link = Math.abs(target - at.page) > 1 ? target : step;
    if (!(await turnPage(list, link, signal)) && (link === step || !(await turnPage(list, step, signal))))
      return false;
  }
  return false;
}

import type { GridColumnSpec, GridShape, ProfilePage } from '@edulens/shared/profiles';
import { positionsUnder, readHeader } from '../header';
import { detectorHolds, findTarget, pageScopes } from '../locate';
import { matchesVariant, textOf } from '../text';
import { gridTables } from './find-grade-grid';
import { tableRows } from './table-rows';

// A list of rows that hold no grades (a student list): the same grid shapes as a grade grid (a body
// apart from the header, rows to skip, a pager), the profile's columns found by header text, each
// row's key, its cells per column, and the pager: its current page, the next, the previous and a
// numbered page.

/** A page whose `grid` has its own named columns (e.g. record fields of a student list). */
export interface ListPage {
  when: ProfilePage['when'];
  container?: ProfilePage['container'];
  grid: GridShape & { columns: Readonly<Record<string, GridColumnSpec | undefined>> };
}

export interface ListRow {
  key: string;
  element: HTMLTableRowElement;
  /** The cells under a column's header (several for a repeated group), in table order. */
  cells(column: string): HTMLTableCellElement[];
  /** The text of a column's first cell, trimmed ('' when the column is not in the table). */
  text(column: string): string;
}

export interface ListGrid {
  /** The table holding the rows (apart from the header's when the profile's `grid.body` says so). */
  table: HTMLTableElement;
  /** Positions of each found column in the table. */
  positions: ReadonlyMap<string, readonly number[]>;
  /** Rows now in the page (one page of a paged list). */
  rows(): ListRow[];
  /** Rows added, removed or replaced (another page drawn in place); once per batch of changes. */
  onRowsChanged(listener: () => void, signal: AbortSignal): void;
  /** The text of the pager's current-page indicator (`pagination.current`), if shown. */
  currentPage(): string | undefined;
  /** Clicks the pager's control for `to`; false when the pager has none or it is disabled. */
  turnPage(to: PageTurn): boolean;
}

/** Where a pager goes: one page on, one page back, or straight to a page by its number link. */
export type PageTurn = 'next' | 'previous' | number;

export function findListGrid(page: ListPage, doc: Document): ListGrid | undefined {
  for (const scope of pageScopes(page, doc) ?? []) {
    if (!detectorHolds(page.when, scope.root)) continue;
    for (const { header, body } of gridTables(page.grid, scope.root)) {
      const layout = readHeader(header, page.grid.skipRows);
      const keyPosition = layout.stacks.findIndex((stack) =>
        stack.some((text) => matchesVariant(text, page.grid.rowKey.header)),
      );
      const taken = new Set<number>(keyPosition < 0 ? [] : [keyPosition]);
      const positions = new Map<string, number[]>();
      for (const [name, spec] of Object.entries(page.grid.columns)) {
        const found = spec ? positionsUnder(layout.stacks, spec, taken) : [];
        if (found.length > 0) positions.set(name, found);
      }
      if (keyPosition < 0 && page.grid.rowKey.attr === undefined) continue;
      if (positions.size === 0) continue;
      const source = tableRows(page.grid, body, {
        headerRows: new Set<Element>(layout.rows),
        width: Math.max(keyPosition, ...[...positions.values()].flat()) + 1,
        keyPosition: keyPosition < 0 ? undefined : keyPosition,
      });
      const pagination = page.grid.pagination?.kind === 'pages' ? page.grid.pagination : undefined;
      return {
        table: body,
        positions,
        rows: () =>
          source.rows().map(({ tr, key }) => {
            const cells = (column: string) =>
              (positions.get(column) ?? []).map((p) => tr.cells[p]).filter((td) => td !== undefined);
            const text = (column: string) => {
              const first = cells(column)[0];
              return first ? textOf(first) : '';
            };
            return { key, element: tr, cells, text };
          }),
        onRowsChanged(listener, signal) {
          if (signal.aborted) return;
          let notice = false;
          const stop = source.watch(() => {
            if (notice) return;
            notice = true;
            queueMicrotask(() => {
              notice = false;
              listener();
            });
          });
          signal.addEventListener('abort', stop, { once: true });
        },
        currentPage() {
          const current = pagination?.current ? scope.root.querySelector(pagination.current) : null;
          return current ? textOf(current) || undefined : undefined;
        },
        turnPage(to) {
          if (!pagination) return false;
          const control =
            typeof to === 'number'
              ? [...(pagination.number ? scope.root.querySelectorAll(pagination.number) : [])].find(
                  (link) => textOf(link) === String(to),
                )
              : to === 'next'
                ? findTarget(pagination.next, scope.root)
                : pagination.previous && findTarget(pagination.previous, scope.root);
          if (
            !control ||
            (control as HTMLInputElement).disabled ||
            control.getAttribute('aria-disabled') === 'true'
          )
            return false;
          (control as HTMLElement).click();
          return true;
        },
      };
    }
  }
  return undefined;
}

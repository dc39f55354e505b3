import type { GridShape } from '@edulens/shared/profiles';
import type { GradeGridPage } from '../../feature';
import type { UnseenTyping } from '../early-typing';
import { readHeader } from '../header';
import { detectorHolds, pageScopes } from '../locate';
import { createGradeGrid } from './grade-grid';
import { bodyTableOf, hasRows } from './table-rows';
import type { PortalGrid } from './types';

// The one way in: the grid of a grade-grid page in a document, or undefined when it is not
// showing. Works inside same-origin iframes (the grid's document may not be the top document) and
// across JS realms (no `instanceof` on page elements).

/**
 * The tables of the profile's selector in a scope with the table holding their rows: the header's
 * own, or the body table drawn apart from it (`grid.body`). Tables with rows come first, before a
 * header-only copy (a fixed-header clone).
 */
export function gridTables(
  shape: GridShape,
  root: ParentNode,
): { header: HTMLTableElement; body: HTMLTableElement }[] {
  const found: { header: HTMLTableElement; body: HTMLTableElement }[] = [];
  for (const header of root.querySelectorAll(shape.table)) {
    if (header.tagName !== 'TABLE') continue;
    const body = bodyTableOf(shape, header as HTMLTableElement);
    if (body) found.push({ header: header as HTMLTableElement, body });
  }
  return [...found.filter((t) => hasRows(t.body)), ...found.filter((t) => !hasRows(t.body))];
}

/** `unseen` holds what was typed into the page before the grid was found. */
export function findGradeGrid(
  page: GradeGridPage,
  doc: Document,
  unseen?: UnseenTyping,
): PortalGrid | undefined {
  for (const scope of pageScopes(page, doc) ?? []) {
    if (!detectorHolds(page.when, scope.root)) continue;
    // The first table whose header names the profile's columns (a heading laid out as a table may
    // carry the same class).
    for (const { header, body } of gridTables(page.grid, scope.root)) {
      const layout = readHeader(header, page.grid.skipRows);
      const grid = createGradeGrid(page, { body, layout }, scope, doc, unseen);
      if (grid) return grid;
    }
  }
  return undefined;
}

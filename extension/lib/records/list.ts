import type { ListGrid, ListRow } from '../portal/grid';
import { findTarget } from '../portal/locate';
import type { RecordListPage } from './pages';

// The rows of a record list with what opens each record: its "Sửa" and, when the profile says how,
// the address of its form document.

export interface RecordRow {
  row: ListRow;
  /** What opens the record's form in the page. */
  opener: HTMLElement | undefined;
  /** The record's form document (same origin), when the profile gives `formUrl`. */
  formUrl: string | undefined;
}

export function recordRows(page: RecordListPage, list: ListGrid): RecordRow[] {
  const base = list.table.ownerDocument.baseURI;
  return list.rows().map((row) => {
    const opener = findTarget(page.open, row.element);
    const id = page.formUrl && opener?.getAttribute(page.formUrl.attr)?.trim();
    const formUrl =
      page.formUrl && id
        ? new URL(page.formUrl.url.replace('{id}', encodeURIComponent(id)), base).href
        : undefined;
    return { row, opener, formUrl };
  });
}

/** "Trang 2/3 - 60 học sinh" → { page: 2, pages: 3 }: the first "n/m" of the pager's text. */
export function pageOf(text: string | undefined): { page: number; pages: number } | undefined {
  const match = /(\d+)\s*\/\s*(\d+)/.exec(text ?? '');
  if (!match) return undefined;
  const page = Number(match[1]);
  const pages = Number(match[2]);
  return page >= 1 && page <= pages ? { page, pages } : undefined;
}

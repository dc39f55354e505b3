import { findListGrid, type ListGrid, type ListRow } from '../../lib/portal/grid';
import { pageOf, recordRows } from '../../lib/records/list';
import type { RecordListPage } from '../../lib/records/pages';
import { fillFields } from './fields';
import type { ListStudent } from './plan';
import { waitFor } from './wait';

// The students of a paged record list, every page of it. The pager only goes forward, so the
// pages are read in a copy of the list (the same address in a hidden frame of the same origin):
// the list the teacher sees stays on its page, where the fill starts.

/** Pages of one list read at most (20 rows a page: a whole school's list fits). */
export const MAX_LIST_PAGES = 300;
/** A page of the portal may take this long to come. */
export const PAGE_TIMEOUT_MS = 30_000;

/** A row of the list as a student: its key, code, name, birth date and the fields it shows. */
export function studentOf(list: ListGrid, row: ListRow): ListStudent {
  const shown: ListStudent['shown'] = {};
  for (const field of fillFields)
    if (field !== 'fullName' && field !== 'birthDate' && list.positions.has(field))
      shown[field] = row.text(field);
  return {
    key: row.key,
    code: row.text('studentCode') || row.key,
    name: row.text('fullName'),
    birthDate: row.text('birthDate'),
    shown,
  };
}

const keysOf = (rows: readonly ListRow[]) => rows.map((row) => row.key).join('\u0000');

/**
 * Presses "next" and waits for the next page's rows; false on the last page. Rows drawn in place of
 * the old ones, or the pager's page number moving on, say the page came.
 */
export async function nextPage(list: ListGrid, signal: AbortSignal): Promise<boolean> {
  const before = keysOf(list.rows());
  const shown = list.currentPage();
  const at = pageOf(shown);
  if (at && at.page >= at.pages) return false;
  if (!list.nextPage()) return false;
  await waitFor(
    () => {
      const rows = list.rows();
      const moved = shown !== undefined && list.currentPage() !== shown;
      return rows.length > 0 && (keysOf(rows) !== before || (moved && at === undefined)) ? true : undefined;
    },
    { what: 'the next page of the list', timeoutMs: PAGE_TIMEOUT_MS, signal },
  );
  return true;
}

export interface ListedStudents {
  students: ListStudent[];
  /** The list's page each student is on (1 = the first read). */
  pageOfKey: Map<string, number>;
  /** The address of each student's form document, when the profile says how to make it. */
  formUrlOfKey: Map<string, string>;
}

/** Every student of the list from its current page on. */
export async function readAllPages(
  listPage: RecordListPage,
  list: ListGrid,
  signal: AbortSignal,
): Promise<ListedStudents> {
  const listed: ListedStudents = { students: [], pageOfKey: new Map(), formUrlOfKey: new Map() };
  for (let page = 1; page <= MAX_LIST_PAGES; page++) {
    for (const { row, formUrl } of recordRows(listPage, list)) {
      if (row.key === '' || listed.pageOfKey.has(row.key)) continue;
      listed.students.push(studentOf(list, row));
      listed.pageOfKey.set(row.key, page);
      if (formUrl) listed.formUrlOfKey.set(row.key, formUrl);
    }
    if (!(await nextPage(list, signal))) break;
  }
  return listed;
}

/** Runs `work` on a copy of the list in a hidden frame, removed afterwards. */
export async function inListCopy<T>(
  page: RecordListPage,
  doc: Document,
  signal: AbortSignal,
  work: (list: ListGrid) => Promise<T>,
): Promise<T> {
  const frame = doc.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText =
    'position:fixed;left:-10000px;top:0;width:1024px;height:768px;opacity:0;pointer-events:none;border:0';
  frame.src = doc.location.href;
  (doc.body ?? doc.documentElement).append(frame);
  try {
    const list = await waitFor(
      () => {
        const inner = frame.contentDocument;
        if (!inner || inner.readyState !== 'complete' || inner.location.href === 'about:blank')
          return undefined;
        return findListGrid(page, inner);
      },
      { what: 'a copy of the list', timeoutMs: PAGE_TIMEOUT_MS, signal },
    );
    return await work(list);
  } finally {
    frame.remove();
  }
}

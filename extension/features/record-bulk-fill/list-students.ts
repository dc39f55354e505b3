import { inputLimits } from '@edulens/shared/limits';
import type { ListGrid, ListRow } from '../../lib/portal/grid';
import { recordRows } from '../../lib/records/list';
import { goToPage, listPageNow, turnPage } from '../../lib/records/pager';
import type { RecordListPage } from '../../lib/records/pages';
import { fillFields } from './fields';
import type { ListStudent } from './plan';

// The students of a paged record list, every page of it, read in the list the teacher sees: from
// its first page on through the pager, then back to the page the teacher was on.

/** A row of the list as a student: its key, code, name, birth date and the fields it shows. */
export function studentOf(list: ListGrid, row: ListRow, page: number | undefined): ListStudent {
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
    ...(page !== undefined && { page }),
  };
}

export interface ListedStudents {
  students: ListStudent[];
  /** The address of each student's form document, when the profile says how to make it. */
  formUrlOfKey: Map<string, string>;
  /** The list has more pages than `inputLimits.listPages`: the students past it are not read. */
  capped: boolean;
}

/**
 * Every student of the list. A pager that shows its page number ("Trang 2/3") is taken to the
 * first page and brought back after; one that does not is read from the page it shows on.
 */
export async function readAllPages(
  listPage: RecordListPage,
  list: ListGrid,
  signal: AbortSignal,
): Promise<ListedStudents> {
  const listed: ListedStudents = { students: [], formUrlOfKey: new Map(), capped: false };
  const start = listPageNow(list);
  if (start && start.page !== 1 && !(await goToPage(list, 1, signal))) throw new Error('list: no first page');
  const seen = new Set<string>();
  try {
    for (let read = 1; ; read++) {
      const page = listPageNow(list)?.page;
      for (const { row, formUrl } of recordRows(listPage, list)) {
        if (row.key === '' || seen.has(row.key)) continue;
        seen.add(row.key);
        listed.students.push(studentOf(list, row, page));
        if (formUrl) listed.formUrlOfKey.set(row.key, formUrl);
      }
      const at = listPageNow(list);
      if (at && at.page >= at.pages) break;
      if (read === inputLimits.listPages) {
        listed.capped = true;
        break;
      }
      if (!(await turnPage(list, 'next', signal))) break;
    }
  } finally {
    if (start) await goToPage(list, start.page, signal);
  }
  return listed;
}

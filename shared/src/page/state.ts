import type { Message, Severity } from '../problem';
import type { PageKey } from './key';

/** One unsaved value of one cell or field. `field` is its stable id on the page. */
export interface DraftEntry {
  field: string;
  value: string;
  updatedAt: number;
}

/** A problem found on the page, tied to the cell or field it is about. */
export interface PageProblem {
  /** The cell's or field's stable id, for jump-to-cell. */
  field: string;
  rowKey: string;
  studentName: string;
  /** Short column label as the portal shows it, e.g. "ĐĐGtx 2", "ĐĐGck". */
  column: string;
  value: string;
  code: string;
  severity: Severity;
  message: Message;
}

/** One lock (or other dated event) of the school's books, for countdowns. */
export interface LockInfo {
  id: string;
  title: Message;
  /** ISO instant. */
  at: string;
  /** True once the instant is past (or the portal shows the book locked). */
  locked: boolean;
}

/** The context read from the page's filters (labels per profile). */
export interface PageContext {
  school?: string;
  schoolYear?: string;
  grade?: string;
  class?: string;
  subject?: string;
  term?: string;
  period?: string;
}

/** What the page's content script knows and shows elsewhere (popup, side panel). */
export interface PageState {
  profileId: string;
  profileName: string;
  pageKind: string | null;
  context: PageContext;
  page?: PageKey;
  problems: PageProblem[];
  locks: LockInfo[];
  /** Student names by row key, for lists that show drafts. */
  rowNames: Record<string, string>;
  /** Column labels as the portal shows them ("ĐĐGtx 1"), by a cell id's `<kind>|<index>`. */
  columnLabels: Record<string, string>;
}

import type { Message } from '@edulens/shared';

// What the extension knows about the open portal page, as its parts pass it to each other (the
// message protocol in messages.ts carries these): the book's key, its problems, drafts and locks.

/**
 * Which grade book a draft or a report belongs to; every part a string read from the page. `period`
 * is the assessment period of a book kept by period (vnEdu's `muc`: gk1, ck1, gk2, ck2), '' if none.
 */
export interface PageKey {
  school: string;
  schoolYear: string;
  class: string;
  subject: string;
  term: string;
  period?: string;
}

/** One unsaved value of one cell. `field` is the cell's stable id (see `GridCell.id`). */
export interface DraftEntry {
  field: string;
  value: string;
  updatedAt: number;
}

/** A problem found on the page, tied to the cell it is about. */
export interface PageProblem {
  /** The cell's stable id (`GridCell.id`), for jump-to-cell. */
  field: string;
  rowKey: string;
  studentName: string;
  /** Short column label as the portal shows it, e.g. "ĐĐGtx 2", "ĐĐGck". */
  column: string;
  value: string;
  code: string;
  severity: 'error' | 'warning';
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

/** What the content script sends after every change worth showing elsewhere. */
export interface PageReport {
  profileId: string;
  page?: PageKey;
  problems: PageProblem[];
  drafts: number;
  nextLock?: LockInfo;
}

/** What the content script answers to `page.state`. */
export interface PageState {
  profileId: string;
  profileName: string;
  pageKind: string | null;
  context: PageContext;
  page?: PageKey;
  problems: PageProblem[];
  drafts: number;
  locks: LockInfo[];
  /** Student names by row key, for lists that show drafts. */
  rowNames: Record<string, string>;
}

export interface AgentStatus {
  paired: boolean;
  reachable: boolean;
  url: string;
  /** Draft edits waiting for the agent. */
  queued: number;
  /** The agent's automatic backups: whether they run, and the newest (ISO, null: none yet). */
  backup?: { automatic: boolean; lastAt: string | null };
}

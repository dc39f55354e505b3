import type { Message, Severity } from '../problem';
import type { Tenths } from '../rules/rulepack';
import type { CommentMark } from '../rules/subjects';

export interface SheetProblem {
  sheet: string;
  /** "E9"; '' for a problem in the file's bytes rather than in a cell. */
  cell: string;
  /** The text file's line (1-based) for a problem in its bytes (a CSV's invalid UTF-8). */
  line?: number;
  severity: Severity;
  code: string;
  message: Message;
}

/** One student's result in one scored block (one subject on a class sheet). */
export interface StudentAverage {
  sheet: string;
  /** Spreadsheet row number, 1-based as Excel shows it. */
  row: number;
  code: string;
  name: string;
  subject: string;
  /** Computed by the rulepack; null when the scores are incomplete or invalid. */
  average: Tenths | null;
  /** What the sheet's own average column says, when it has one and it is readable. */
  fileAverage: Tenths | null;
  /**
   * Set for a comment-only subject (Đ/CĐ), which has no average but a result, Đạt or Chưa đạt by
   * the rulepack's rule; null while marks are missing or unreadable, or for a rulepack with none.
   */
  comment?: { result: CommentMark | null };
}

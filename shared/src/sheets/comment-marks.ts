import { headerKey } from './column-kinds';
import { type CellValue, cellAt, type GridSheet } from './grid';
import type { CommentMark } from '../rules/subjects';
import type { ScoreBlock } from './score-blocks';
import type { Student } from './students';

// Comment-only subjects (TT22: Giáo dục thể chất, Nghệ thuật, Hoạt động trải nghiệm…; TT58: Thể
// dục, Âm nhạc, Mỹ thuật) are marked Đ (Đạt) or CĐ (Chưa đạt) in the same TX/GK/CK columns.
const commentMark = /^(?:d|cd|dat|chua dat)$/;
// Every mark cell of a book is checked and they hold a handful of texts: remember the answers.
const known = new Map<string, boolean>();
const knownLimit = 1000;

export function isCommentMark(value: CellValue): boolean {
  if (typeof value !== 'string') return false;
  let mark = known.get(value);
  if (mark === undefined) {
    mark = commentMark.test(headerKey(value));
    if (known.size >= knownLimit) known.clear();
    known.set(value, mark);
  }
  return mark;
}

/** Đạt or Chưa đạt, for a cell isCommentMark() accepts. */
export function commentMarkOf(value: CellValue): CommentMark | null {
  if (typeof value !== 'string' || !isCommentMark(value)) return null;
  const key = headerKey(value);
  return key === 'd' || key === 'dat' ? 'dat' : 'chua-dat';
}

/** A block holding Đ/CĐ marks is assessed by comment: it has no average and no scores to check. */
export function isCommentBlock(sheet: GridSheet, block: ScoreBlock, students: readonly Student[]): boolean {
  const columns = [...block.columns.tx, ...block.columns.gk, ...block.columns.ck];
  return students.some(({ row }) => columns.some((col) => isCommentMark(cellAt(sheet, row, col))));
}

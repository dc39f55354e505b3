import { headerKey } from './column-kinds';
import { type CellValue, cellAt, type GridSheet } from './grid';
import type { ScoreBlock } from './score-blocks';
import type { Student } from './students';

// Comment-only subjects (TT22: Giáo dục thể chất, Nghệ thuật, Hoạt động trải nghiệm…; TT58: Thể
// dục, Âm nhạc, Mỹ thuật) are marked Đ (Đạt) or CĐ (Chưa đạt) in the same TX/GK/CK columns.
const commentMark = /^(?:d|cd|dat|chua dat)$/;

export function isCommentMark(value: CellValue): boolean {
  return typeof value === 'string' && commentMark.test(headerKey(value));
}

/** A block holding Đ/CĐ marks is assessed by comment: it has no average and no scores to check. */
export function isCommentBlock(sheet: GridSheet, block: ScoreBlock, students: readonly Student[]): boolean {
  const columns = [...block.columns.tx, ...block.columns.gk, ...block.columns.ck];
  return students.some(({ row }) => columns.some((col) => isCommentMark(cellAt(sheet, row, col))));
}

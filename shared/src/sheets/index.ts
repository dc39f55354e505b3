// Spreadsheets as plain data: parsing CSV text, finding grade-sheet headers by their text,
// repairing legacy encodings and checking a grade book. Pure, so the extension reuses it.

export { clipboardGrid } from './clipboard';
export { type ColumnKind, classifyHeader, headerKey } from './column-kinds';
export { type Delimiter, detectDelimiter, formatDelimited, parseDelimited } from './delimited';
export {
  type DecodedTextFile,
  decodeTextFile,
  type InvalidUtf8,
  invalidUtf8Problems,
  type TextEncoding,
} from './text-file';
export {
  analyseGradeSheet,
  type BlockSummary,
  type GradeSheetOptions,
  type SheetAnalysis,
  type SheetProblem,
  type StudentAverage,
} from './grade-sheet';
export {
  type FillColumn,
  type FillRow,
  type FillSource,
  type FillSourceOptions,
  type FillSourceResult,
  fillSourceFromSheet,
  fillSourceFromWorkbook,
  fillValue,
} from './fill-source';
export {
  type ContextField,
  type ContextMismatch,
  contextMismatches,
  type FileContext,
  fileContextOf,
  type PageContext,
} from './file-context';
export { analyseGradeWorkbook, type WorkbookAnalysis, type WorkbookSummary } from './grade-workbook';
export {
  type CellRange,
  type CellValue,
  cellAt,
  cellRef,
  cellText,
  columnLetters,
  type GridSheet,
  isBlank,
} from './grid';
export { findHeader, type HeaderColumn, type SheetHeader } from './header-detection';
export { type CellRepair, repairSheet } from './legacy-text';
export { type ScoreBlock, scoreBlocks } from './score-blocks';
export { shownValue, type WorksheetLike, worksheetToGrid } from './worksheet-grid';

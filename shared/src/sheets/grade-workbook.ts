import type { Rulepack } from '../rules/rulepack';
import { analyseGradeSheet, type GradeSheetOptions, type SheetAnalysis } from './grade-sheet';
import type { GridSheet } from './grid';

export interface WorkbookSummary {
  sheets: number;
  checkedSheets: number;
  skippedSheets: number;
  students: number;
  averages: number;
  incompleteAverages: number;
  errors: number;
  warnings: number;
}

export interface WorkbookAnalysis {
  rulepack: Pick<Rulepack, 'id' | 'name' | 'basis'>;
  sheets: SheetAnalysis[];
  summary: WorkbookSummary;
}

/** Checks every sheet of a workbook; sheets without a grade header are reported as skipped. */
export function analyseGradeWorkbook(
  sheets: readonly GridSheet[],
  options: GradeSheetOptions,
): WorkbookAnalysis {
  const analyses = sheets.map((sheet) => analyseGradeSheet(sheet, options));
  const summary: WorkbookSummary = {
    sheets: analyses.length,
    checkedSheets: 0,
    skippedSheets: 0,
    students: 0,
    averages: 0,
    incompleteAverages: 0,
    errors: 0,
    warnings: 0,
  };
  for (const analysis of analyses) {
    if (analysis.status === 'skipped') {
      summary.skippedSheets++;
      continue;
    }
    summary.checkedSheets++;
    summary.students += new Set(analysis.rows.map((row) => row.row)).size;
    for (const row of analysis.rows) {
      // A comment-only subject has a result, not an average.
      if (row.comment) continue;
      if (row.average === null) summary.incompleteAverages++;
      else summary.averages++;
    }
    for (const found of analysis.problems) summary[found.severity === 'error' ? 'errors' : 'warnings']++;
  }
  const { id, name, basis } = options.rulepack;
  return { rulepack: { id, name, basis }, sheets: analyses, summary };
}

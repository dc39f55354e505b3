import { type Message, problem } from '../problem';
import type { Rulepack } from '../rules/rulepack';
import { isCommentBlock } from './comment-marks';
import type { GridSheet } from './grid';
import { findHeader } from './header-detection';
import { type CellRepair, repairSheet } from './legacy-text';
import { type ScoreBlock, scoreBlocks } from './score-blocks';
import { SheetChecker } from './sheet-checker';
import type { SheetProblem, StudentAverage } from './sheet-problems';
import { identityColumns, readStudent, type Student } from './students';

export type { SheetProblem, StudentAverage } from './sheet-problems';

export interface BlockSummary {
  subject: string;
  /** Scored on 10, or marked Đ/CĐ (comment-only subjects, which have no average). */
  assessedBy: 'score' | 'comment';
  txColumns: number;
  requiredTx: number;
  hasAverageColumn: boolean;
}

export type SheetAnalysis =
  | {
      status: 'checked';
      sheet: string;
      /** First and last header row, 1-based. */
      headerRows: [number, number];
      blocks: BlockSummary[];
      repairs: CellRepair[];
      problems: SheetProblem[];
      rows: StudentAverage[];
    }
  | { status: 'skipped'; sheet: string; reason: Message };

export interface GradeSheetOptions {
  rulepack: Rulepack;
  /**
   * Periods per year of the subject; decides how many TX scores are required. Without it the
   * sheet's own TX columns are taken as the requirement, capped at the most the rulepack ever
   * requires (vnEdu/SMAS grids show as many TX columns as the subject needs).
   */
  periodsPerYear?: number;
}

/** More periods than any subject has, to ask the rulepack for its largest TX requirement. */
const anyPeriods = 1000;

function requiredTx(block: ScoreBlock, options: GradeSheetOptions): number {
  const { rulepack, periodsPerYear } = options;
  if (periodsPerYear !== undefined) return rulepack.regularAssessments(periodsPerYear);
  return Math.min(block.columns.tx.length, rulepack.regularAssessments(anyPeriods));
}

function legacyTextProblems(sheet: string, repairs: readonly CellRepair[]): SheetProblem[] {
  const encodings = [...new Set(repairs.map((repair) => repair.from))];
  return encodings.map((from) => {
    const found = repairs.filter((repair) => repair.from === from);
    const first = found[0]!;
    const name = from === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI-Windows';
    // Cells that read both ways were decided by the cells around them: the report says so.
    const byContext = found.filter((repair) => repair.by === 'context').length;
    const vi =
      byContext > 0 ? ` (${byContext} ô đọc được cả hai cách, quyết định theo các ô xung quanh)` : '';
    const en = byContext > 0 ? ` (${byContext} read both ways and follow the cells around them)` : '';
    return {
      sheet,
      cell: first.cell,
      ...problem(
        'text.legacy-encoding',
        'warning',
        `${found.length} ô gõ bằng mã ${name}${vi}, ví dụ ${first.cell}: "${first.before}" → "${first.after}"; đã đọc thành Unicode. Dùng "edulens convert" để lưu lại tệp Unicode.`,
        `${found.length} cells are typed in ${name}${en}, e.g. ${first.cell}: "${first.before}" → "${first.after}"; read as Unicode. Use "edulens convert" to save a Unicode file.`,
      ),
    };
  });
}

const noHeader: Message = {
  vi: 'không tìm thấy dòng tiêu đề bảng điểm (cột Họ và tên hoặc Mã HS cùng các cột điểm TX/GK/CK)',
  en: 'no grade-sheet header found (a name or student-code column with TX/GK/CK score columns)',
};

/**
 * Checks one sheet of a grade book: finds its header, repairs legacy-encoded text, checks every
 * score and name, computes each student's semester average per block and compares it with the
 * sheet's own average column.
 */
export function analyseGradeSheet(input: GridSheet, options: GradeSheetOptions): SheetAnalysis {
  const { sheet, repairs } = repairSheet(input);
  const header = findHeader(sheet);
  const blocks = header ? scoreBlocks(header.columns) : [];
  if (!header || blocks.length === 0) return { status: 'skipped', sheet: sheet.name, reason: noHeader };

  const identity = identityColumns(header.columns);
  const students: Student[] = [];
  for (let row = header.bottom + 1; row < sheet.rows.length; row++) {
    const student = readStudent(sheet, row, identity);
    if (student) students.push(student);
  }
  const plans = blocks.map((block) => ({
    block,
    requiredTx: requiredTx(block, options),
    assessedBy: isCommentBlock(sheet, block, students) ? ('comment' as const) : ('score' as const),
  }));
  const checker = new SheetChecker(sheet, options.rulepack, identity);
  for (const student of students) {
    checker.checkName(student);
    for (const { block, requiredTx, assessedBy } of plans) {
      if (assessedBy === 'comment') checker.checkCommentBlock(student, block, requiredTx);
      else checker.checkScoreBlock(student, block, requiredTx);
    }
  }
  return {
    status: 'checked',
    sheet: sheet.name,
    headerRows: [header.top + 1, header.bottom + 1],
    blocks: plans.map(({ block, requiredTx, assessedBy }) => ({
      subject: block.subject,
      assessedBy,
      txColumns: block.columns.tx.length,
      requiredTx,
      hasAverageColumn: block.average !== undefined,
    })),
    repairs,
    problems: [...legacyTextProblems(sheet.name, repairs), ...checker.problems],
    rows: checker.rows,
  };
}

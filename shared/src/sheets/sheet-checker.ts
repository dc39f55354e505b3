import { type Problem, problem } from '../problem';
import { divideHalfUp, formatTenths, parseTenths } from '../rules/decimal';
import { checkPersonName } from '../rules/fields/name';
import type { AssessmentKind, Rulepack, RulepackId, SemesterScores, Tenths } from '../rules/rulepack';
import type { CommentMark } from '../rules/subjects';
import * as tt22 from '../rules/tt22';
import * as tt58 from '../rules/tt58';
import { commentMarkOf } from './comment-marks';
import { type CellValue, cellAt, cellRef, cellText, type GridSheet, isBlank } from './grid';
import type { ScoreBlock } from './score-blocks';
import type { SheetProblem, StudentAverage } from './sheet-problems';
import type { IdentityColumns, Student } from './students';

/**
 * The result of a comment-only subject by each rulepack that has one: TT22 (every assessment Đ)
 * and TT58, original or as amended by TT26 (Điều 12: at least 2/3 Đ, the end-of-semester one
 * among them). Primary rulepacks mark subjects otherwise.
 */
const commentResultRules: Partial<Record<RulepackId, typeof tt22.commentSubjectResult>> = {
  tt22: tt22.commentSubjectResult,
  tt26: tt58.commentSubjectResult,
  tt58: tt58.commentSubjectResult,
};

/** A name that came out empty, or as nothing but U+FFFD (bytes its encoding could not read). */
const unreadableName = /^[\s\ufffd]*$/;

const assessmentKinds = ['tx', 'gk', 'ck'] as const satisfies AssessmentKind[];

/** The file's average column may hold a formula result such as 8.333…; compare it as the book shows it, half-up to tenths. */
function fileAverageTenths(raw: CellValue): Tenths | null | 'unreadable' {
  const parsed = parseTenths(raw instanceof Date ? 'date' : raw);
  if (parsed === null) return null;
  if ('value' in parsed) return parsed.value;
  const number = typeof raw === 'number' ? raw : Number(cellText(raw).replace(',', '.'));
  if (!Number.isFinite(number)) return 'unreadable';
  const millionths = Math.round(number * 1_000_000);
  return Number.isSafeInteger(millionths) ? divideHalfUp(millionths, 100_000) : 'unreadable';
}

/** Checks the rows of one sheet, collecting problems (with cell refs) and per-block averages. */
export class SheetChecker {
  readonly problems: SheetProblem[] = [];
  readonly rows: StudentAverage[] = [];

  constructor(
    private readonly sheet: GridSheet,
    private readonly rulepack: Rulepack,
    private readonly identity: IdentityColumns,
  ) {}

  private report(row: number, col: number, found: Problem): void {
    this.problems.push({ sheet: this.sheet.name, cell: cellRef(row, col), ...found });
  }

  checkName(student: Student): void {
    const col = this.identity.name ?? this.identity.givenName;
    if (col === undefined) return;
    if (unreadableName.test(student.name)) {
      if (this.hasValues(student.row)) {
        const shown = student.name === '' ? 'trống/blank' : `"${student.name}"`;
        this.report(
          student.row,
          col,
          problem(
            'name.blank',
            'error',
            `Dòng có điểm nhưng tên học sinh trống hoặc không đọc được (${shown}) — kiểm tra tệp và bảng mã của tệp`,
            `The row has scores but the student's name is blank or unreadable (${shown}) — check the file and its encoding`,
          ),
        );
      }
      return;
    }
    for (const found of checkPersonName(student.name)) this.report(student.row, col, found);
  }

  /** Whether the row holds anything besides who the student is (scores, marks, an average). */
  private hasValues(row: number): boolean {
    const identity = new Set(Object.values(this.identity));
    return (this.sheet.rows[row] ?? []).some((value, col) => !identity.has(col) && !isBlank(value));
  }

  /** Every score cell by the rulepack, then the semester average and the sheet's own average column. */
  checkScoreBlock(student: Student, block: ScoreBlock, requiredTx: number): void {
    const { row } = student;
    const scores: SemesterScores = { tx: [], gk: [], ck: [] };
    let firstBlank: number | undefined;
    let invalid = false;
    for (const kind of assessmentKinds) {
      for (const col of block.columns[kind]) {
        const raw = cellAt(this.sheet, row, col);
        if (isBlank(raw)) {
          firstBlank ??= col;
          continue;
        }
        const checked = this.rulepack.checkScore(raw, kind);
        for (const found of checked.problems) {
          this.report(row, col, found);
          invalid ||= found.severity === 'error';
        }
        if (checked.value !== null) scores[kind].push(checked.value);
      }
    }
    const result = this.rulepack.semesterAverage(scores, requiredTx);
    const anchor = firstBlank ?? block.average ?? block.columns.tx[0] ?? this.identity.name ?? 0;
    for (const found of result.problems) {
      // An invalid score already has its error; "missing" would only repeat it.
      if (!(invalid && found.code === 'score.missing')) this.report(row, anchor, found);
    }
    const average = invalid ? null : result.average;
    // A null average without a reason is a rulepack that computes none (TT27): nothing to compare.
    const withheld = invalid || result.problems.length > 0;
    const fileAverage =
      block.average === undefined || (average === null && !withheld)
        ? null
        : this.checkFileAverage(row, block.average, average);
    const { code, name } = student;
    this.rows.push({
      sheet: this.sheet.name,
      row: row + 1,
      code,
      name,
      subject: block.subject,
      average,
      fileAverage,
    });
  }

  /** A comment-only subject: each mark must be Đ or CĐ, and the required ones must be there. */
  checkCommentBlock(student: Student, block: ScoreBlock, requiredTx: number): void {
    const { row } = student;
    const required = [...block.columns.tx.slice(0, requiredTx), ...block.columns.gk, ...block.columns.ck];
    const marks: { tx: CommentMark[]; gk: CommentMark[]; ck: CommentMark[] } = { tx: [], gk: [], ck: [] };
    let invalid = false;
    for (const kind of assessmentKinds) {
      for (const col of block.columns[kind]) {
        const raw = cellAt(this.sheet, row, col);
        if (isBlank(raw)) continue;
        const mark = commentMarkOf(raw);
        if (mark !== null) {
          marks[kind].push(mark);
          continue;
        }
        invalid = true;
        const shown = cellText(raw);
        this.report(
          row,
          col,
          problem(
            'comment.format',
            'error',
            `Môn đánh giá bằng nhận xét chỉ ghi Đ hoặc CĐ, không ghi "${shown}"`,
            `A comment-assessed subject takes Đ or CĐ, not "${shown}"`,
          ),
        );
      }
    }
    const missing = required.find((col) => isBlank(cellAt(this.sheet, row, col)));
    const rule = commentResultRules[this.rulepack.id];
    const result = missing === undefined && !invalid && rule ? rule(marks, requiredTx).level : null;
    const { code, name } = student;
    this.rows.push({
      sheet: this.sheet.name,
      row: row + 1,
      code,
      name,
      subject: block.subject,
      average: null,
      fileAverage: null,
      comment: { result },
    });
    if (missing !== undefined) {
      this.report(
        row,
        missing,
        problem(
          'comment.missing',
          'warning',
          'Chưa đủ các lần đánh giá nhận xét (Đ/CĐ) để xếp loại môn học kỳ',
          'Not all comment assessments (Đ/CĐ) are recorded for the semester result',
        ),
      );
    }
  }

  private checkFileAverage(row: number, col: number, computed: Tenths | null): Tenths | null {
    const raw = cellAt(this.sheet, row, col);
    const inFile = fileAverageTenths(raw);
    if (inFile === null) return null;
    if (computed !== null && computed === inFile) return inFile;
    // As Excel shows it (15 significant digits, so no 6.1000000000000005), with each language's decimal separator.
    const shown = typeof raw === 'number' ? String(Number(raw.toPrecision(15))) : cellText(raw);
    const shownIn = { vi: shown.replace('.', ','), en: shown.replace(',', '.') };
    if (inFile === 'unreadable') {
      this.report(
        row,
        col,
        problem(
          'average.format',
          'warning',
          `Ô điểm trung bình "${shown}" không đọc được thành số`,
          `The average cell "${shown}" is not a number`,
        ),
      );
      return null;
    }
    if (computed === null) {
      this.report(
        row,
        col,
        problem(
          'average.unexpected',
          'warning',
          `Tệp ghi điểm trung bình ${shownIn.vi} nhưng điểm thành phần chưa đủ hoặc chưa hợp lệ để tính`,
          `The file shows an average of ${shownIn.en} but the scores are incomplete or invalid`,
        ),
      );
    } else if (computed !== inFile) {
      this.report(
        row,
        col,
        problem(
          'average.mismatch',
          'error',
          `Điểm trung bình trong tệp là ${shownIn.vi}, tính lại theo quy định được ${formatTenths(computed, 'vi')}`,
          `The file's average is ${shownIn.en}; computed by the rules it is ${formatTenths(computed)}`,
        ),
      );
    }
    return inFile;
  }
}

import { basename } from 'node:path';
import * as rules from '@edulens/shared/rules';
import type * as sheets from '@edulens/shared/sheets';
import { cutQuotes, textTable } from './text-table';

type CheckedSheet = Extract<sheets.SheetAnalysis, { status: 'checked' }>;

/** "1 warning", "3 warnings": English counts agree with their number (Vietnamese nouns do not change). */
const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

const severityLabel = { error: 'LỖI/ERROR', warning: 'CẢNH BÁO/WARNING' } as const;

/** A comment-only subject's result: Đ (Đạt) or CĐ (Chưa đạt), as the book writes it. */
function shownResult(result: 'dat' | 'chua-dat' | null): string {
  return result === null ? '—' : result === 'dat' ? 'Đ' : 'CĐ';
}

function shownAverage(tenths: number | null): string {
  return tenths === null ? '—' : rules.formatTenths(tenths, 'vi');
}

function blockLine(block: sheets.BlockSummary): string {
  const subject = block.subject === '' ? '' : `${block.subject}: `;
  if (block.assessedBy === 'comment') {
    return `${subject}đánh giá bằng nhận xét Đ/CĐ, không tính điểm trung bình / comment-only (Đ/CĐ), no average`;
  }
  return `${subject}${block.txColumns} cột TX, tính với ${block.requiredTx} TX bắt buộc / ${counted(block.txColumns, 'TX column')}, ${block.requiredTx} required`;
}

function problemTable(sheet: CheckedSheet): string {
  if (sheet.problems.length === 0) return '  Không có vấn đề nào / No problems';
  const rows = sheet.problems.flatMap((found) => [
    [found.cell, severityLabel[found.severity], found.code, cutQuotes(found.message.vi)],
    ['', '', '', cutQuotes(found.message.en)],
  ]);
  return textTable([['Ô/Cell', 'Mức/Severity', 'Mã/Code', 'Nội dung/Message'], ...rows], '  ');
}

/** Students down, one column per block (subject), the computed semester average in each. */
function averageTable(sheet: CheckedSheet): string {
  const subjects = [...new Set(sheet.rows.map((row) => row.subject))];
  const students = new Map<number, { code: string; name: string; averages: Map<string, string> }>();
  for (const row of sheet.rows) {
    const student = students.get(row.row) ?? { code: row.code, name: row.name, averages: new Map() };
    student.averages.set(
      row.subject,
      row.comment ? shownResult(row.comment.result) : shownAverage(row.average),
    );
    students.set(row.row, student);
  }
  const commentOnly = new Set(sheet.rows.filter((row) => row.comment).map((row) => row.subject));
  const headings = subjects.map((subject) =>
    subject !== '' ? subject : commentOnly.has(subject) ? 'Kết quả/Result' : 'ĐTBmhk',
  );
  const lines = [...students].map(([row, student]) => [
    String(row),
    student.code,
    student.name,
    ...subjects.map((subject) => student.averages.get(subject) ?? ''),
  ]);
  const title =
    commentOnly.size === 0
      ? '  Điểm trung bình môn học kỳ (tính lại; — = chưa đủ điểm) / Semester averages (computed; — = incomplete):'
      : '  Điểm trung bình hoặc kết quả Đ/CĐ môn học kỳ (tính lại; — = chưa đủ) / Semester averages or Đ/CĐ results (computed; — = incomplete):';
  return [title, textTable([['Dòng/Row', 'Mã HS/Code', 'Họ và tên/Name', ...headings], ...lines], '  ')].join(
    '\n',
  );
}

function sheetSection(sheet: sheets.SheetAnalysis): string {
  if (sheet.status === 'skipped') {
    return `== Bỏ qua trang tính "${sheet.sheet}": ${sheet.reason.vi}\n   Skipped sheet "${sheet.sheet}": ${sheet.reason.en}`;
  }
  const [top, bottom] = sheet.headerRows;
  const headerRows = top === bottom ? `${top}` : `${top}–${bottom}`;
  const students = new Set(sheet.rows.map((row) => row.row)).size;
  return [
    `== Trang tính / Sheet "${sheet.sheet}" — dòng tiêu đề / header rows ${headerRows}, ${students} học sinh / ${counted(students, 'student')}`,
    ...sheet.blocks.map((block) => `   ${blockLine(block)}`),
    problemTable(sheet),
    averageTable(sheet),
  ].join('\n');
}

/** The human report of `edulens check`: Vietnamese first, English beside it. */
export function checkText(file: string, analysis: sheets.WorkbookAnalysis): string {
  const { summary, rulepack } = analysis;
  return [
    `Tệp / File: ${basename(file)}`,
    `Quy định / Rules: ${rulepack.name} (${rulepack.id}) — ${rulepack.basis}`,
    '',
    ...analysis.sheets.map((sheet) => `${sheetSection(sheet)}\n`),
    `Tổng kết: ${summary.checkedSheets}/${summary.sheets} trang tính đã kiểm tra, ${summary.students} học sinh, ` +
      `${summary.errors} lỗi, ${summary.warnings} cảnh báo, ${summary.incompleteAverages} điểm trung bình chưa tính được`,
    `Summary: ${summary.checkedSheets}/${summary.sheets} sheets checked, ${counted(summary.students, 'student')}, ` +
      `${counted(summary.errors, 'error')}, ${counted(summary.warnings, 'warning')}, ` +
      `${counted(summary.incompleteAverages, 'average')} not computable`,
  ].join('\n');
}

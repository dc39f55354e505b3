import { describe, expect, it } from 'vitest';
import { getRulepack } from '../rules/index';
import { encodeTcvn3 } from '../text/index';
import { analyseGradeSheet, type SheetAnalysis } from './grade-sheet';
import type { CellValue, GridSheet } from './grid';

const tt22 = { rulepack: getRulepack('tt22') };

function gradeSheet(students: CellValue[][]): GridSheet {
  return {
    name: '6A - Toán',
    rows: [
      ['BẢNG ĐIỂM MÔN TOÁN – LỚP 6A'],
      ['STT', 'Mã HS', 'Họ và tên', 'TX1', 'TX2', 'TX3', 'GK', 'CK', 'ĐTBmhk'],
      ...students,
      [],
      [null, null, 'Giáo viên bộ môn'],
      [null, null, '(Ký và ghi rõ họ tên)'],
    ],
    merges: [],
  };
}

function checked(analysis: SheetAnalysis) {
  if (analysis.status !== 'checked') throw new Error(`skipped: ${analysis.reason.en}`);
  return analysis;
}

describe('analyseGradeSheet', () => {
  it('computes half-up averages and flags an average column that disagrees', () => {
    const result = checked(
      analyseGradeSheet(
        gradeSheet([
          // (8+8+8 + 2·8 + 3·8.5) / 8 = 8.1875 → 8.2
          [1, 'HS001', 'Nguyễn Văn An', 8, 8, 8, 8, '8,5', 8.2],
          // (9+8+7 + 2·8.5 + 3·8.5) / 8 = 8.3125 → 8.3; the sheet says 8.2
          [2, 'HS002', 'Trần Thị Bình', 9, 8, 7, 8.5, 8.5, 8.2],
          // (8+8+9 + 2·8 + 3·8.5)/8 = 8.3125 → 8.3; a formula result with many decimals compares as shown
          [3, 'HS003', 'Lê Văn Cường', 8, 8, 9, 8, 8.5, 8.3125],
        ]),
        tt22,
      ),
    );
    expect(result.headerRows).toEqual([2, 2]);
    expect(result.blocks).toEqual([
      { subject: '', assessedBy: 'score', txColumns: 3, requiredTx: 3, hasAverageColumn: true },
    ]);
    expect(
      result.rows.map(({ row, code, average, fileAverage }) => [row, code, average, fileAverage]),
    ).toEqual([
      [3, 'HS001', 82, 82],
      [4, 'HS002', 83, 82],
      [5, 'HS003', 83, 83],
    ]);
    expect(result.problems.map(({ cell, code, severity }) => [cell, code, severity])).toEqual([
      ['I4', 'average.mismatch', 'error'],
    ]);
    expect(result.problems[0]?.message.vi).toContain('8,3');
    expect(result.problems[0]?.message.vi).toContain('8,2');
  });

  it('rounds 8.25 up to 8.3 with exact decimals', () => {
    // (8.5+8+8 + 2·8 + 3·8.5) / 8 = 8.25 exactly, which binary floats would round down.
    const result = checked(analyseGradeSheet(gradeSheet([[1, 'HS1', 'An', 8.5, 8, 8, 8, 8.5, '']]), tt22));
    expect(result.rows[0]?.average).toBe(83);
    expect(result.problems).toEqual([]);
  });

  it('reports invalid and missing scores at their cells; an incomplete row has no average', () => {
    const result = checked(
      analyseGradeSheet(
        gradeSheet([
          [1, 'HS001', 'An', 11, 8, 8, 8, 8, 8],
          [2, 'HS002', 'Bình', 7.25, 8, 8, 8, 8, ''],
          [3, 'HS003', 'Cường', 8, '', 8, 8, '', 7.5],
          [4, 'HS004', 'Dũng', 'vắng', 8, 8, 8, 8, ''],
        ]),
        tt22,
      ),
    );
    expect(result.problems.map(({ cell, code, severity }) => [cell, code, severity])).toEqual([
      ['D3', 'score.range', 'error'],
      ['I3', 'average.unexpected', 'warning'],
      ['D4', 'score.decimals', 'error'],
      ['E5', 'score.missing', 'warning'],
      ['I5', 'average.unexpected', 'warning'],
      ['D6', 'score.format', 'error'],
    ]);
    expect(result.rows.map((row) => row.average)).toEqual([null, null, null, null]);
  });

  it('reads TCVN3 names, checks names and ignores the signature block', () => {
    const result = checked(
      analyseGradeSheet(
        gradeSheet([
          [1, 'HS001', encodeTcvn3('Nguyễn Thị Hà'), 8, 8, 8, 8, 8, 8],
          [2, 'HS002', 'Trần  Văn 2', 8, 8, 8, 8, 8, 8],
        ]),
        tt22,
      ),
    );
    expect(result.rows.map((row) => row.name)).toEqual(['Nguyễn Thị Hà', 'Trần  Văn 2']);
    expect(result.repairs).toEqual([
      {
        row: 2,
        col: 2,
        cell: 'C3',
        before: encodeTcvn3('Nguyễn Thị Hà'),
        after: 'Nguyễn Thị Hà',
        from: 'tcvn3',
      },
    ]);
    expect(result.problems.map(({ cell, code }) => [cell, code])).toEqual([
      ['C3', 'text.legacy-encoding'],
      ['C4', 'name.digit'],
      ['C4', 'name.spacing'],
    ]);
  });

  it('takes the required TX count from --periods when given', () => {
    const rows = [[1, 'HS001', 'An', 8, 8, 8, 8, 8, 8]];
    const result = checked(analyseGradeSheet(gradeSheet(rows), { ...tt22, periodsPerYear: 140 }));
    expect(result.blocks[0]?.requiredTx).toBe(4);
    expect(result.problems.map(({ cell, code }) => [cell, code])).toEqual([
      ['I3', 'score.missing'],
      ['I3', 'average.unexpected'],
    ]);
  });

  it('compares no average under a rulepack that computes none (TT27)', () => {
    const sheet: GridSheet = {
      name: '4A',
      rows: [
        ['STT', 'Họ và tên', 'KTĐK', 'Cuối kỳ', 'Trung bình'],
        [1, 'Hà Thị Lan', 8, 9, 8.5],
      ],
      merges: [],
    };
    const result = checked(analyseGradeSheet(sheet, { rulepack: getRulepack('tt27') }));
    expect(result.problems).toEqual([]);
    expect(result.rows.map(({ average, fileAverage }) => [average, fileAverage])).toEqual([[null, null]]);
  });

  it('checks Đ/CĐ marks of a comment-only subject next to a scored one', () => {
    const sheet: GridSheet = {
      name: '6A',
      rows: [
        ['Họ và tên', 'Toán', null, null, null, null, 'Giáo dục thể chất'],
        [null, 'TX1', 'TX2', 'GK', 'CK', 'ĐTBmhk', 'TX1', 'TX2', 'GK', 'CK'],
        ['Hà Thị Lan', 8, 8, 8, 8, 8, 'Đ', 'CĐ', 'Đ', 'đạt'],
        ['Vũ Văn Hải', 7, 7, 7, 7, 7, 'Đ', '', '8', 'Đ'],
      ],
      merges: [
        { top: 0, left: 0, bottom: 1, right: 0 },
        { top: 0, left: 1, bottom: 0, right: 5 },
        { top: 0, left: 6, bottom: 0, right: 9 },
      ],
    };
    const result = checked(analyseGradeSheet(sheet, tt22));
    expect(result.blocks.map(({ subject, assessedBy }) => [subject, assessedBy])).toEqual([
      ['Toán', 'score'],
      ['Giáo dục thể chất', 'comment'],
    ]);
    expect(result.problems.map(({ cell, code }) => [cell, code])).toEqual([
      ['I4', 'comment.format'],
      ['H4', 'comment.missing'],
    ]);
    // The comment-only subject has a result instead of an average (TT22: every assessment Đ);
    // none while a mark is missing or unreadable.
    expect(result.rows.map(({ subject, average, comment }) => [subject, average, comment?.result])).toEqual([
      ['Toán', 80, undefined],
      ['Giáo dục thể chất', null, 'chua-dat'],
      ['Toán', 70, undefined],
      ['Giáo dục thể chất', null, null],
    ]);
  });

  it('skips a sheet without a grade header', () => {
    const result = analyseGradeSheet({ name: 'Danh mục', rows: [['Mã', 'Tên']], merges: [] }, tt22);
    expect(result).toMatchObject({ status: 'skipped', sheet: 'Danh mục' });
  });
});

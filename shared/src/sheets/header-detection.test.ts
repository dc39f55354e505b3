import { describe, expect, it } from 'vitest';
import type { CellValue, GridSheet } from './grid';
import { findHeader } from './header-detection';
import { scoreBlocks } from './score-blocks';

const titles: CellValue[][] = [
  ['SỞ GD&ĐT VĨNH LONG'],
  ['TRƯỜNG THCS LÊ LỢI'],
  ['BẢNG ĐIỂM MÔN TOÁN – LỚP 6A'],
  [],
];

function kinds(sheet: GridSheet) {
  return findHeader(sheet)?.columns.map(({ col, kind, group }) => [
    col,
    kind.kind === 'score' ? kind.assessment : kind.kind === 'evaluation' ? kind.entry : kind.kind,
    group,
  ]);
}

const noEvaluations = { test: [], level: [], comment: [], retakeTest: [], retakeLevel: [] };

describe('findHeader', () => {
  it('finds a two-row merged header below title rows', () => {
    const sheet: GridSheet = {
      name: '6A',
      rows: [
        ...titles,
        ['STT', 'Mã HS', 'Họ và tên', 'ĐĐGtx', null, null, null, 'ĐĐGgk', 'ĐĐGck', 'ĐTBmhk', 'Nhận xét'],
        [null, null, null, 1, 2, 3, 4],
        [1, 'HS001', 'Nguyễn Văn An', 8, 7, 9, 10, 8, 8.5, 8.4],
      ],
      merges: [
        { top: 4, left: 0, bottom: 5, right: 0 },
        { top: 4, left: 1, bottom: 5, right: 1 },
        { top: 4, left: 2, bottom: 5, right: 2 },
        { top: 4, left: 3, bottom: 4, right: 6 },
        { top: 4, left: 7, bottom: 5, right: 7 },
        { top: 4, left: 8, bottom: 5, right: 8 },
        { top: 4, left: 9, bottom: 5, right: 9 },
      ],
    };
    expect(findHeader(sheet)).toMatchObject({ top: 4, bottom: 5 });
    expect(kinds(sheet)).toEqual([
      [0, 'order', ''],
      [1, 'code', ''],
      [2, 'name', ''],
      [3, 'tx', ''],
      [4, 'tx', ''],
      [5, 'tx', ''],
      [6, 'tx', ''],
      [7, 'gk', ''],
      [8, 'ck', ''],
      [9, 'average', ''],
      [10, 'comment', ''],
    ]);
  });

  it('reads the same header saved as CSV, where merges became blanks, and skips a column-number row', () => {
    const sheet: GridSheet = {
      name: 'csv',
      rows: [
        ...titles,
        ['STT', 'Mã học sinh', 'Họ và tên', 'ĐĐGtx', '', '', 'Giữa kỳ', 'Cuối kỳ', 'Trung bình'],
        ['', '', '', '1', '2', '3', '', '', ''],
        ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)'],
        ['1', 'HS001', 'Nguyễn Văn An', '8', '7', '9', '8', '8,5', '8,4'],
      ],
      merges: [],
    };
    expect(findHeader(sheet)).toMatchObject({ top: 4, bottom: 6 });
    expect(kinds(sheet)?.map(([, kind]) => kind)).toEqual([
      'order',
      'code',
      'name',
      'tx',
      'tx',
      'tx',
      'gk',
      'ck',
      'average',
    ]);
  });

  it('splits a class sheet into subject blocks and reads a split name', () => {
    const sheet: GridSheet = {
      name: '6A',
      rows: [
        ['Mã HS', 'Họ và tên', null, 'Toán', null, null, null, null, 'Ngữ văn'],
        [null, 'Họ đệm', 'Tên', 'TX1', 'TX2', 'GK', 'CK', 'TBm', 'KTTX 1', 'KTTX 2', 'GK', 'CK', 'TBm'],
        ['HS001', 'Nguyễn Văn', 'An', 8, 7, 9, 8, 8.2, 6, 7, 7, 7, 6.9],
      ],
      merges: [
        { top: 0, left: 0, bottom: 1, right: 0 },
        { top: 0, left: 1, bottom: 0, right: 2 },
        { top: 0, left: 3, bottom: 0, right: 7 },
        { top: 0, left: 8, bottom: 0, right: 12 },
      ],
    };
    const header = findHeader(sheet);
    expect(header).toMatchObject({ top: 0, bottom: 1 });
    expect(kinds(sheet)?.slice(0, 4)).toEqual([
      [0, 'code', ''],
      [1, 'familyName', 'Họ và tên'],
      [2, 'givenName', 'Họ và tên'],
      [3, 'tx', 'Toán'],
    ]);
    expect(scoreBlocks(header?.columns ?? [])).toEqual([
      { subject: 'Toán', columns: { tx: [3, 4], gk: [5], ck: [6] }, evaluations: noEvaluations, average: 7 },
      {
        subject: 'Ngữ văn',
        columns: { tx: [8, 9], gk: [10], ck: [11] },
        evaluations: noEvaluations,
        average: 12,
      },
    ]);
  });

  it('finds no header on a code-list sheet or a letter', () => {
    expect(
      findHeader({
        name: 'DM',
        rows: [
          ['Mã', 'Tên dân tộc'],
          ['01', 'Kinh'],
        ],
        merges: [],
      }),
    ).toBeNull();
    expect(findHeader({ name: 'x', rows: [['Kính gửi: Phòng GD&ĐT'], ['Nội dung']], merges: [] })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { encodeTcvn3 } from '../text/index';
import type { GridSheet } from './grid';
import { repairSheet } from './legacy-text';

const grid = (rows: GridSheet['rows']): GridSheet => ({ name: 'Lớp 6A', rows, merges: [] });

describe('repairSheet (check and bulk fill read grids, without fonts)', () => {
  it('a short cell that reads both ways among TCVN3 text is converted, and reported as decided by context', () => {
    const { sheet, repairs } = repairSheet(
      grid([
        ['STT', 'Họ và tên', 'Ghi chú'],
        [1, encodeTcvn3('Nguyễn Văn An'), encodeTcvn3('Nghỉ học có phép')],
        [2, encodeTcvn3('Trần Thị Bích'), 'chó ý'],
      ]),
    );
    expect(sheet.rows[2]?.[2]).toBe('chú ý');
    expect(repairs.find((repair) => repair.cell === 'C3')).toEqual({
      row: 2,
      col: 2,
      cell: 'C3',
      before: 'chó ý',
      after: 'chú ý',
      from: 'tcvn3',
      by: 'context',
    });
  });

  it('the same cell among Unicode text is left as it is', () => {
    const rows = [
      ['STT', 'Họ và tên', 'Ghi chú'],
      [1, 'Nguyễn Văn An', 'Nghỉ học có phép'],
      [2, 'Trần Thị Bích', 'chó ý'],
    ];
    const { sheet, repairs } = repairSheet(grid(rows));
    expect(repairs).toEqual([]);
    expect(sheet.rows).toEqual(rows);
  });
});

describe('repairSheet: column titles', () => {
  it('never decodes a column title by the cells around it ("Mã HS" over codes, among TCVN3 names)', () => {
    const names = ['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Văn Tám'].map(encodeTcvn3);
    const sheet: GridSheet = {
      name: '6A1',
      rows: [['Mã HS', 'Họ và tên'], ...names.map((name, i) => [6300000001 + i, name])],
      merges: [],
    };
    const { sheet: repaired } = repairSheet(sheet);
    expect(repaired.rows[0]).toEqual(['Mã HS', 'Họ và tên']);
    expect(repaired.rows[1]?.[1]).toBe('Nguyễn Văn An');
  });
});

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

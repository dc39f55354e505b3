import { inputLimits } from '@edulens/shared/limits';
import { describe, expect, it } from 'vitest';
import { cutQuotes, quoted, quotedChange, textTable } from './text-table';

describe('report bounds', () => {
  it('cuts a column at reportColumnCharacters, so one long name does not pad every row', () => {
    const long = 'Nguyễn Văn An '.repeat(100_000);
    const table = textTable([
      ['1', long, '8,5'],
      ['2', 'Trần Thị Bình', '7'],
    ]);
    const [first, second] = table.split('\n');
    const width = inputLimits.reportColumnCharacters;
    expect(first).toBe(`1  ${long.slice(0, width - 1)}…  8,5`);
    expect(second).toBe(`2  ${'Trần Thị Bình'.padEnd(width)}  7`);
  });

  it('leaves the last column (a message) whole and short columns as they are', () => {
    expect(textTable([['A1', 'x'.repeat(200)]])).toBe(`A1  ${'x'.repeat(200)}`);
    expect(
      textTable([
        ['Ô', 'Mã'],
        ['C12', 'name.blank'],
      ]),
    ).toBe('Ô    Mã\nC12  name.blank');
  });

  it('cuts every quoted value of a message at quotedCharacters with "…"', () => {
    const name = 'a'.repeat(1000);
    const cut = `${'a'.repeat(inputLimits.quotedCharacters - 1)}…`;
    expect(quoted(name)).toBe(cut);
    expect(quoted('Trần Thị Bình')).toBe('Trần Thị Bình');
    expect(cutQuotes(`Tên "${name}" chứa "${name}" và "An"`)).toBe(`Tên "${cut}" chứa "${cut}" và "An"`);
  });

  it('marks a JSON before/after pair cut: true only when one of them was cut', () => {
    expect(quotedChange('NguyÔn', 'Nguyễn')).toEqual({ before: 'NguyÔn', after: 'Nguyễn' });
    const long = 'x'.repeat(100);
    expect(quotedChange(long, 'An')).toEqual({ before: quoted(long), after: 'An', cut: true });
  });
});

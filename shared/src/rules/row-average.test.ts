import { describe, expect, it } from 'vitest';
import type { CellKind } from './cells';
import type { RowCell } from './row-average';
import { tt22 } from './tt22';
import { tt27 } from './tt27';
import { tt58 } from './tt58';

// A book of three regular columns, mid-term, end-term and a comment, as validate hands it over.
const BOOK: CellKind[] = ['tx', 'tx', 'tx', 'gk', 'ck', 'comment'];
const row = (tx: string[], gk: string, ck: string, comment = ''): RowCell[] => [
  ...tx.map((value) => ({ kind: 'tx' as const, raw: () => value })),
  { kind: 'gk', raw: () => gk },
  { kind: 'ck', raw: () => ck },
  { kind: 'comment', raw: () => comment },
];

describe('rulepack.rowAverage', () => {
  it('reads only the cells the average uses (a comment or a level is never read)', () => {
    const unread = (kind: CellKind): RowCell => ({
      kind,
      raw: () => {
        throw new Error(`${kind} read`);
      },
    });
    const cells = [...row(['8', '7', '9'], '8', '9').slice(0, 5), unread('comment'), unread('level')];
    expect(tt22.rowAverage(cells, BOOK)).toBe(84);
  });

  it('averages a complete row by the rulepack, the book’s regular columns being the ones required', () => {
    // (8 + 7 + 9 + 2·8 + 3·9) / (3 + 5) = 67 / 8 = 8.375 → 8.4
    expect(tt22.rowAverage(row(['8', '7', '9'], '8', '9', 'Chăm học'), BOOK)).toBe(84);
    // Decimal commas as teachers type them.
    expect(tt22.rowAverage(row(['8,5', '7', '9'], '8', '9'), BOOK)).toBe(
      tt22.rowAverage(row(['8.5', '7', '9'], '8', '9'), BOOK),
    );
  });

  it('gives no average while a required score is blank or one is unusable', () => {
    expect(tt22.rowAverage(row(['8', '7', ''], '8', '9'), BOOK)).toBeNull();
    expect(tt22.rowAverage(row(['8', '7', '9'], '', '9'), BOOK)).toBeNull();
    expect(tt22.rowAverage(row(['8', '11', '9'], '8', '9'), BOOK)).toBeNull();
    expect(tt22.rowAverage(row(['8', '7', '8,55'], '8', '9'), BOOK)).toBeNull();
  });

  it('counts the regular columns of the book it is given: two columns need two scores', () => {
    const twoTx: CellKind[] = ['tx', 'tx', 'gk', 'ck'];
    // (8 + 6 + 2·7 + 3·9) / (2 + 5) = 55 / 7 = 7.857… → 7.9
    expect(tt22.rowAverage(row(['8', '6'], '7', '9'), twoTx)).toBe(79);
    expect(tt22.rowAverage(row(['8', '6'], '7', '9'), BOOK)).toBeNull();
  });

  it('follows each rulepack: TT58 weights the same book its own way, TT27 computes none', () => {
    expect(tt58.rowAverage(row(['8', '7', '9'], '8', '9'), BOOK)).toBe(84);
    expect(tt27.rowAverage(row(['8', '7', '9'], '8', '9'), BOOK)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { clipboardGrid } from './clipboard';
import { fillSourceFromSheet } from './fill-source';

describe('clipboardGrid', () => {
  it("reads Excel's tab-separated copy and drops its trailing line break", () => {
    const grid = clipboardGrid('Mã HS\tHọ và tên\tTX1\r\n630001\tNguyễn Văn An\t8,5\r\n');
    expect(grid.rows).toEqual([
      ['Mã HS', 'Họ và tên', 'TX1'],
      ['630001', 'Nguyễn Văn An', '8,5'],
    ]);
    expect(grid.merges).toEqual([]);
  });

  it('keeps quoted cells holding tabs, line breaks and quotes together', () => {
    const grid = clipboardGrid('"Họ và\ntên"\t"a\tb"\t"He said ""8"""\n"Lê\r\nBình"\t7\t\n');
    expect(grid.rows).toEqual([
      ['Họ và\ntên', 'a\tb', 'He said "8"'],
      ['Lê\r\nBình', '7', ''],
    ]);
  });

  it('keeps decimal commas as text, also in a one-column copy', () => {
    expect(clipboardGrid('8,5\n7,25\n\n\n').rows).toEqual([['8,5'], ['7,25']]);
    expect(clipboardGrid('8,5\t9\n').rows).toEqual([['8,5', '9']]);
  });

  it('reads semicolon CSV text pasted from a file, and strips a BOM and non-breaking spaces', () => {
    expect(clipboardGrid('\uFEFFMã HS;Họ và tên;TX1\n1;An;"8,5"').rows).toEqual([
      ['Mã HS', 'Họ và tên', 'TX1'],
      ['1', 'An', '8,5'],
    ]);
    expect(clipboardGrid('Nguyễn\u00A0An\t8\n').rows).toEqual([['Nguyễn An', '8']]);
  });

  it('keeps blank lines in the middle (an empty row of the selection)', () => {
    expect(clipboardGrid('a\t1\r\n\t\r\nb\t2\r\n').rows).toEqual([
      ['a', '1'],
      ['', ''],
      ['b', '2'],
    ]);
  });

  it('a pasted block with a two-row header (merged group written once) becomes a fill source', () => {
    const text =
      'STT\tMã HS\tHọ và tên\tĐĐGtx\t\t\tĐĐGgk\tĐĐGck\r\n' +
      '\t\t\t1\t2\t3\t\t\r\n' +
      '1\t6300000001\tNguyễn Văn An\t8,5\t9\t\t7\t6,5\r\n' +
      '2\t\tTrần Thị Hoà\t10\t8\t7\t9\t8\r\n';
    const result = fillSourceFromSheet(clipboardGrid(text));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.source.columns.map(({ kind, index }) => `${kind}${index}`)).toEqual([
      'tx0',
      'tx1',
      'tx2',
      'gk0',
      'ck0',
    ]);
    expect(result.source.rows).toEqual([
      {
        row: 2,
        code: '6300000001',
        name: 'Nguyễn Văn An',
        birthDate: '',
        values: ['8,5', '9', '', '7', '6,5'],
      },
      { row: 3, code: '', name: 'Trần Thị Hoà', birthDate: '', values: ['10', '8', '7', '9', '8'] },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { encodeTcvn3 } from '../text/index';
import { clipboardGrid } from './clipboard';
import { fillSourceFromSheet, fillSourceFromWorkbook, fillValue } from './fill-source';
import type { CellValue, GridSheet } from './grid';

/** A vnEdu-like export: title rows, a merged two-row header, TCVN3 names. */
function classSheet(name = 'Lớp 6A1'): GridSheet {
  const rows: CellValue[][] = [
    ['TRƯỜNG THCS NGUYỄN DU'],
    ['BẢNG ĐIỂM MÔN TOÁN – LỚP 6A1 – HỌC KỲ I'],
    [],
    ['STT', 'Mã HS', 'Họ và tên', 'ĐĐGtx', null, null, 'ĐĐGgk', 'ĐĐGck', 'ĐTBmhk'],
    [null, null, null, 1, 2, 3, null, null, null],
    [1, 6300000001, encodeTcvn3('Nguyễn Văn Hoà'), 8.5, 9, 8.299999999999999, 7, 6.5, 7.5],
    [2, '', encodeTcvn3("H'Hen Niê"), '8,5', null, 10, 9, 8, null],
    [],
    ['Người lập biểu'],
  ];
  const merges = [
    { top: 3, left: 0, bottom: 4, right: 0 },
    { top: 3, left: 1, bottom: 4, right: 1 },
    { top: 3, left: 2, bottom: 4, right: 2 },
    { top: 3, left: 3, bottom: 3, right: 5 },
    { top: 3, left: 6, bottom: 4, right: 6 },
    { top: 3, left: 7, bottom: 4, right: 7 },
    { top: 3, left: 8, bottom: 4, right: 8 },
  ];
  return { name, rows, merges };
}

describe('fillValue', () => {
  it('shows numbers as the user sees them, without float noise', () => {
    expect(fillValue(8.299999999999999)).toBe('8.3');
    expect(fillValue(10)).toBe('10');
    expect(fillValue(' 8,5 ')).toBe('8,5');
    expect(fillValue(null)).toBe('');
  });
});

describe('fillSourceFromSheet', () => {
  it('finds the header under title rows, maps TX/GK/CK, repairs TCVN3 names and skips the footer', () => {
    const result = fillSourceFromSheet(classSheet());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { source } = result;
    expect(source.headerRows).toEqual([4, 5]);
    expect(source.columns.map(({ kind, index, col }) => [kind, index, col])).toEqual([
      ['tx', 0, 3],
      ['tx', 1, 4],
      ['tx', 2, 5],
      ['gk', 0, 6],
      ['ck', 0, 7],
    ]);
    expect(source.rows).toEqual([
      {
        row: 5,
        code: '6300000001',
        name: 'Nguyễn Văn Hoà',
        birthDate: '',
        values: ['8.5', '9', '8.3', '7', '6.5'],
      },
      { row: 6, code: '', name: "H'Hen Niê", birthDate: '', values: ['8,5', '', '10', '9', '8'] },
    ]);
    expect(source.repairs.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps students without a code right under a one-row header (not taken as more header rows)', () => {
    const grid = clipboardGrid(
      'Mã HS\tHọ và tên\tĐĐGtx 1\tĐĐGgk\r\n\tNguyen Van An\t8\t7\r\n\tTran Thi Hoa\t9\t6\r\n',
    );
    const result = fillSourceFromSheet(grid);
    expect(result.ok && result.source.headerRows).toEqual([1, 1]);
    expect(result.ok && result.source.rows.map(({ name, values }) => [name, values])).toEqual([
      ['Nguyen Van An', ['8', '7']],
      ['Tran Thi Hoa', ['9', '6']],
    ]);
  });

  it("takes the page's subject block on a multi-subject sheet", () => {
    const sheet: GridSheet = {
      name: 'Tổng hợp',
      rows: [
        ['STT', 'Họ và tên', 'Toán', null, null, null, 'Ngữ văn', null, null, null],
        [null, null, 'TX1', 'GK', 'CK', 'ĐTBmhk', 'TX1', 'GK', 'CK', 'ĐTBmhk'],
        [1, 'Nguyễn Văn An', 8, 7, 6, 6.8, 5, 6, 7, 6.3],
      ],
      merges: [
        { top: 0, left: 0, bottom: 1, right: 0 },
        { top: 0, left: 1, bottom: 1, right: 1 },
        { top: 0, left: 2, bottom: 0, right: 5 },
        { top: 0, left: 6, bottom: 0, right: 9 },
      ],
    };
    const literature = fillSourceFromSheet(sheet, { subject: 'Ngữ Văn' });
    expect(literature.ok && literature.source.rows[0]?.values).toEqual(['5', '6', '7']);
    expect(literature.ok && literature.source.otherBlocks).toEqual(['Toán']);
    const first = fillSourceFromSheet(sheet);
    expect(first.ok && first.source.subject).toBe('Toán');
  });

  it('guesses the columns of a block pasted without its header', () => {
    const grid = clipboardGrid(
      "1\t6300000001\tNguyễn Văn An\t8,5\t\t7\n2\t6300000002\tTrần Thị Hoà\t9\t10\t6\n3\t\tK'Brơi\t7\t7\t7\n",
    );
    const result = fillSourceFromSheet(grid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.source.columns.map(({ kind, index, label }) => [kind, index, label])).toEqual([
      [null, 0, 'D'],
      [null, 1, 'E'],
      [null, 2, 'F'],
    ]);
    expect(result.source.rows.map(({ code, name, values }) => [code, name, values])).toEqual([
      ['6300000001', 'Nguyễn Văn An', ['8,5', '', '7']],
      ['6300000002', 'Trần Thị Hoà', ['9', '10', '6']],
      ['', "K'Brơi", ['7', '7', '7']],
    ]);
  });

  it("reads a primary book's comment, KT and XL columns and their retake twins, name in two columns", () => {
    const comment = 'Em đọc to, rõ ràng; cần luyện viết đúng chính tả hơn.';
    const sheet: GridSheet = {
      name: 'Lớp 2D',
      rows: [
        ['SỔ ĐIỂM CHI TIẾT - Tiếng Việt - Học kỳ 2'],
        [
          'STT',
          'Mã HS',
          'Họ và tên',
          null,
          'Nhận xét cuối kỳ',
          'KT CN',
          'XL CN',
          'KT CN(Sau thi lại)',
          'XL CN(Sau thi lại)',
        ],
        [1, '0123456789', 'Lò Thị', 'Mai', comment, 9, 'T', null, null],
        [2, '0123456790', 'Vàng A', 'Dế', '', '7', 'h', '', ''],
      ],
      merges: [{ top: 1, left: 2, bottom: 1, right: 3 }],
    };
    const result = fillSourceFromSheet(sheet);
    if (!result.ok) throw new Error(result.reason.en);
    expect(result.source.columns.map((c) => `${c.kind}${c.index}:${c.label}`)).toEqual([
      'comment0:Nhận xét cuối kỳ',
      'test0:KT CN',
      'level0:XL CN',
      'retakeTest0:KT CN(Sau thi lại)',
      'retakeLevel0:XL CN(Sau thi lại)',
    ]);
    expect(result.source.rows.map((r) => [r.code, r.values])).toEqual([
      ['0123456789', [comment, '9', 'T', '', '']],
      ['0123456790', ['', '7', 'h', '', '']],
    ]);
    // The name merged over two columns (family + middle, given) reads whole.
    expect(result.source.rows.map((r) => r.name)).toEqual(['Lò Thị Mai', 'Vàng A Dế']);
  });

  it('keeps a secondary book\'s "Nhận xét" column with its scores', () => {
    const grid = clipboardGrid(
      'Mã HS\tHọ và tên\tĐĐGtx 1\tĐĐGgk\tĐĐGck\tNhận xét\r\n6300000001\tAn\t8\t7\t9\tChăm chỉ\r\n',
    );
    const result = fillSourceFromSheet(grid);
    if (!result.ok) throw new Error(result.reason.en);
    expect(result.source.columns.map((c) => c.kind)).toEqual(['tx', 'gk', 'ck', 'comment']);
    expect(result.source.rows[0]?.values).toEqual(['8', '7', '9', 'Chăm chỉ']);
  });

  it('says why when there is nothing to fill from', () => {
    const result = fillSourceFromSheet(clipboardGrid('just\ttext\nmore\tthings\n'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason.vi).toMatch(/không tìm thấy/);
  });
});

describe('fillSourceFromWorkbook', () => {
  it("prefers the sheet named after the page's class and skips sheets without students", () => {
    const notes: GridSheet = { name: 'Ghi chú', rows: [['Hướng dẫn nhập điểm']], merges: [] };
    const other = classSheet('Lớp 6A2');
    other.rows[5]![2] = 'Lê Văn Khác';
    const result = fillSourceFromWorkbook([notes, other, classSheet('6A1')], { class: '6A1' });
    expect(result.ok && result.source.sheet).toBe('6A1');
    const fallback = fillSourceFromWorkbook([notes, other]);
    expect(fallback.ok && fallback.source.sheet).toBe('Lớp 6A2');
    expect(fillSourceFromWorkbook([notes]).ok).toBe(false);
  });
});

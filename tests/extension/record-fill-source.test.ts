import ExcelJS from 'exceljs';
import { inputLimits } from '@edulens/shared/limits';
import { encodeTcvn3 } from '@edulens/shared/text';
import { readXlsxValues } from '@edulens/shared/xlsx';
import { decodeTextFile, type GridSheet, parseDelimited } from '@edulens/shared/sheets';
import { describe, expect, it } from 'vitest';
import type { SavedColumnMappings } from '../../extension/lib/storage-keys';
import { classifyRecordHeader, type ColumnRole } from '../../extension/features/record-bulk-fill/fields';
import {
  headerSignature,
  mappingOf,
  mappingProblem,
  rememberMapping,
  toSaved,
  withColumn,
} from '../../extension/features/record-bulk-fill/mapping';
import { recordSheet, recordWorkbook } from '../../extension/features/record-bulk-fill/record-sheet';
import { fieldValue, valueProblem } from '../../extension/features/record-bulk-fill/values';

// Reading record spreadsheets by their header text: a CSDL-style export (title rows, header on
// row 8 with line breaks in its cells, NFD text), a SMAS-style export, a plain CSV-like sheet; the
// column mapping, its correction kept per kind of file; value clean-up and the record rules.

const sheet = (rows: unknown[][], name = 'Sheet1'): GridSheet => ({
  name,
  rows: rows as GridSheet['rows'],
  merges: [],
});

const csdlRows = (): unknown[][] => [
  ['BỘ GIÁO DỤC VÀ ĐÀO TẠO'],
  ['CƠ SỞ DỮ LIỆU NGÀNH'],
  [],
  ['DANH SÁCH HỌC SINH'],
  ['Trường: THCS Nguyễn Du'],
  [],
  [],
  [
    'STT',
    'Mã định danh\nhọc sinh',
    'Họ và tên'.normalize('NFD'),
    'Ngày\nsinh',
    'Giới\ntính',
    'Dân tộc'.normalize('NFD'),
    'Số định danh\ncá nhân',
    'Điện thoại\ncha/mẹ',
    'Trạng thái',
  ],
  [1, 'HS0001', 'Nguyễn Văn An', '03/04/2012', 'Nam', 'Kinh', '086212000123', '0912345678', 'Đang học'],
  [2, 'HS0002', 'Trần Thị Bích', 41000, 'Nữ', 'Khmer', 86312000456, 912000111, 'Đang học'],
];

describe('record sheet header', () => {
  it('finds a CSDL header within the first 12 rows, with line breaks and NFD text', () => {
    const read = recordSheet(sheet(csdlRows()));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.source.headerRow).toBe(7);
    const roles = read.source.columns.map((column) => column.guess);
    expect(roles).toEqual([
      null,
      'studentCode',
      'fullName',
      'birthDate',
      'gender',
      'ethnicity',
      'citizenId',
      'parentPhone',
      null,
    ]);
    expect(read.source.rows.map((row) => row.row)).toEqual([8, 9]);
  });

  it('refuses a header further down than row 12', () => {
    const rows = csdlRows();
    rows.splice(0, 0, [], [], [], [], [], []);
    const read = recordSheet(sheet(rows));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason.vi).toContain('12 dòng đầu');
  });

  it('names every record field from the header texts of the exports', () => {
    const cases: [string, string | null][] = [
      ['Họ tên', 'fullName'],
      ['Mã HS', 'studentCode'],
      ['Số CCCD', 'citizenId'],
      ['CCCD', 'citizenId'],
      ['Số định danh cá nhân', 'citizenId'],
      ['Điện thoại', 'phone'],
      ['Số điện thoại di động', 'phone'],
      ['SĐT phụ huynh', 'parentPhone'],
      ['Điện thoại cha/mẹ', 'parentPhone'],
      ['Họ tên cha', 'fatherName'],
      ['Họ và tên mẹ', 'motherName'],
      ['Địa chỉ thường trú', 'address'],
      ['Giới tính *', 'gender'],
      ['Ghi chú', null],
      ['ĐĐGtx 1', null],
    ];
    for (const [text, role] of cases) expect(classifyRecordHeader(text), text).toBe(role);
  });

  it('reads an .xlsx written by exceljs (numbers, dates) through the shared reader', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Hồ sơ');
    ws.addRow(['Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Số CCCD', 'Điện thoại']);
    ws.addRow(['HS01', 'Lê Văn Cường', new Date(Date.UTC(2012, 0, 5)), 86212000999, 987654321]);
    const sheets = await readXlsxValues(new Uint8Array(await book.xlsx.writeBuffer()));
    const read = recordWorkbook(sheets);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const cells = read.source.rows[0]!.cells;
    expect(fieldValue('birthDate', cells[2]!)).toBe('05/01/2012');
    expect(fieldValue('citizenId', cells[3]!)).toBe('086212000999');
    expect(fieldValue('phone', cells[4]!)).toBe('0987654321');
  });

  it('reads a CSV export as the extension decodes it (UTF-8 with BOM, quoted line-broken header)', () => {
    const csv = '\uFEFFMã HS,"Họ\ntên",Giới tính,Điện thoại\r\nHS01,Võ Thị Mai,Nữ,0912 345 678\r\n';
    const decoded = decodeTextFile(new TextEncoder().encode(csv));
    if (!decoded) throw new Error('not decoded');
    const read = recordSheet({ name: 'x.csv', rows: parseDelimited(decoded.text), merges: [] });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.source.columns.map((column) => column.guess)).toEqual([
      'studentCode',
      'fullName',
      'gender',
      'phone',
    ]);
    expect(fieldValue('phone', read.source.rows[0]!.cells[3]!)).toBe('0912345678');
  });

  it('repairs TCVN3 leftovers in values, not in the header', () => {
    const read = recordSheet(
      sheet([
        ['Họ và tên', 'Dân tộc', 'Địa chỉ'],
        [encodeTcvn3('Nguyễn Thị Hường'), 'Kinh', encodeTcvn3('Xã Long Hồ, huyện Long Hồ')],
        [encodeTcvn3('Phạm Văn Đức'), 'Kinh', encodeTcvn3('Phường 1, thành phố Vĩnh Long')],
      ]),
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.source.rows[0]!.cells[0]).toBe('Nguyễn Thị Hường');
    expect(read.source.rows[1]!.cells[2]).toBe('Phường 1, thành phố Vĩnh Long');
    expect(read.source.repairs.length).toBeGreaterThanOrEqual(4);
  });

  it(`refuses more than ${inputLimits.recordRows} student rows with a bilingual reason`, () => {
    const rows: unknown[][] = [['Họ và tên', 'Số CCCD']];
    for (let i = 0; i <= inputLimits.recordRows; i++) rows.push([`Học Sinh ${i}`, '']);
    const read = recordSheet(sheet(rows));
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.reason.vi).toMatch(/số dòng học sinh .*\(5\.000\)/);
      expect(read.reason.en).toMatch(/student rows .*\(5,000\)/);
    }
  });
});

describe('column mapping kept per kind of file', () => {
  const read = recordSheet(sheet(csdlRows()));
  if (!read.ok) throw new Error('no sheet');
  const { columns } = read.source;

  it('same header, same signature; another header, another', () => {
    const again = recordSheet(sheet(csdlRows().map((row, i) => (i === 8 ? ['x'] : row))));
    if (!again.ok) throw new Error('no sheet');
    expect(headerSignature(again.source.columns)).toBe(headerSignature(columns));
    const other = columns.map((column, i) => (i === 8 ? { ...column, key: 'ghi chu' } : column));
    expect(headerSignature(other)).not.toBe(headerSignature(columns));
  });

  it('a correction is saved and applied to the next file of that kind', () => {
    const guessed = mappingOf(columns, undefined);
    expect(guessed.get(7)).toBe('parentPhone');
    // The teacher says the phone column is the student's own, and does not fill ethnicity.
    let corrected = withColumn(guessed, 7, 'phone');
    corrected = withColumn(corrected, 5, null);
    const saved = rememberMapping({}, headerSignature(columns), toSaved(columns, corrected, 1));
    const next = mappingOf(columns, saved[headerSignature(columns)]);
    expect(next.get(7)).toBe('phone');
    expect(next.has(5)).toBe(false);
    expect(next.get(6)).toBe('citizenId');
  });

  it('a role goes to one column only', () => {
    const moved = withColumn(mappingOf(columns, undefined), 8, 'citizenId');
    expect([...moved.values()].filter((role) => role === 'citizenId')).toHaveLength(1);
    expect(moved.get(8)).toBe('citizenId');
    expect(moved.has(6)).toBe(false);
  });

  it(`keeps at most ${inputLimits.savedMappings} kinds of file, dropping the oldest`, () => {
    let all: SavedColumnMappings = {};
    for (let i = 0; i < inputLimits.savedMappings + 5; i++)
      all = rememberMapping(all, `sig${i}`, { savedAt: i, roles: {} });
    expect(Object.keys(all)).toHaveLength(inputLimits.savedMappings);
    expect(all).not.toHaveProperty('sig0');
    expect(all).toHaveProperty(`sig${inputLimits.savedMappings + 4}`);
  });

  it('saved roles from storage that are not fields are ignored', () => {
    const next = mappingOf(columns, { savedAt: 1, roles: { [columns[6]!.key]: '<script>' } });
    expect(next.has(6)).toBe(false);
  });

  it('a mapping with no identity or nothing to fill says why, in both languages', () => {
    expect(mappingProblem(new Map<number, ColumnRole>([[3, 'gender']]))?.vi).toContain('Họ và tên');
    expect(mappingProblem(new Map<number, ColumnRole>([[2, 'fullName']]))?.en).toContain('no column to fill');
    expect(mappingProblem(mappingOf(columns, undefined))).toBeUndefined();
  });
});

describe('record values', () => {
  it('checks CCCD against birth date and gender, phones and lengths', () => {
    expect(
      valueProblem('citizenId', '086212000123', { birthDate: '03/04/2012', gender: 'Nam' }),
    ).toBeUndefined();
    // 3 (female, 2000s) against a boy.
    expect(
      valueProblem('citizenId', '086312000123', { birthDate: '03/04/2012', gender: 'Nam' })?.vi,
    ).toBeTruthy();
    expect(valueProblem('phone', '0912345', {})?.vi).toBeTruthy();
    // An old 11-digit mobile is written as the number it became.
    expect(fieldValue('phone', '0166 234 5678')).toBe('0362345678');
    expect(valueProblem('address', 'x'.repeat(251), {})?.en).toContain('250');
    expect(valueProblem('address', 'x'.repeat(251), {})?.vi).toMatch(/^vượt giới hạn .*\(250\)$/);
  });

  it('holds a value to the same rules as the record form (check-record)', () => {
    const now = new Date('2025-11-20T08:00:00+07:00');
    // A student born in 1950 is a typo in the year, for the form's check and the fill alike.
    expect(valueProblem('birthDate', '03/04/1950', {}, now)?.vi).toContain('75 tuổi');
    expect(valueProblem('birthDate', '03/04/2012', {}, now)).toBeUndefined();
    // A CCCD whose birth-year digits disagree with the record's birth date.
    expect(valueProblem('citizenId', '086209000123', { birthDate: '03/04/2012' }, now)?.vi).toBeTruthy();
  });
});

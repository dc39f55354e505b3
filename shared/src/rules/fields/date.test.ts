import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, formatVnDate, parseVnDate, toExcelSerial, type VnDate } from './date';

function dateOf(raw: unknown): VnDate | string {
  const result = parseVnDate(raw);
  return result.ok ? result.date : result.problem.code;
}

describe('parseVnDate from text', () => {
  it('reads dd/mm/yyyy and d/m/yyyy', () => {
    expect(dateOf('05/09/2024')).toEqual({ year: 2024, month: 9, day: 5 });
    expect(dateOf('5/9/2024')).toEqual({ year: 2024, month: 9, day: 5 });
    expect(dateOf(' 31-12-2010 ')).toEqual({ year: 2010, month: 12, day: 31 });
    expect(dateOf('31.12.2010')).toEqual({ year: 2010, month: 12, day: 31 });
  });

  it('rejects other shapes with date.format, naming the value', () => {
    expect(dateOf('2024-09-05')).toBe('date.format');
    expect(dateOf('05/09/24')).toBe('date.format');
    expect(dateOf('05/09-2024')).toBe('date.format');
    expect(dateOf(null)).toBe('date.format');
    const failed = parseVnDate('hôm qua');
    expect(!failed.ok && failed.problem.message.vi).toContain('"hôm qua"');
  });

  it('rejects days that do not exist with date.invalid', () => {
    expect(dateOf('31/02/2024')).toBe('date.invalid');
    expect(dateOf('31/04/2024')).toBe('date.invalid');
    expect(dateOf('00/01/2024')).toBe('date.invalid');
    expect(dateOf('01/13/2024')).toBe('date.invalid');
    expect(dateOf('01/01/0204')).toBe('date.invalid');
  });

  it('knows 29/02 of leap years only (2000 and 2024 yes; 1900, 2023, 2100 no)', () => {
    expect(dateOf('29/02/2024')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(dateOf('29/02/2000')).toEqual({ year: 2000, month: 2, day: 29 });
    expect(dateOf('29/02/2023')).toBe('date.invalid');
    expect(dateOf('29/02/1900')).toBe('date.invalid');
    expect(dateOf('29/02/2100')).toBe('date.invalid');
  });
});

describe('parseVnDate from Excel serial numbers (1900 date system)', () => {
  it.each([
    [1, '01/01/1900'],
    [59, '28/02/1900'],
    [61, '01/03/1900'],
    [45000, '15/03/2023'],
    [45000.75, '15/03/2023'],
    [45351, '29/02/2024'],
    [2958465, '31/12/9999'],
  ])('serial %d is %s', (serial, text) => {
    const result = parseVnDate(serial);
    expect(result.ok && formatVnDate(result.date)).toBe(text);
  });

  it('rejects serial 60, Excel’s non-existent 29/02/1900', () => {
    const result = parseVnDate(60);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem.code).toBe('date.invalid');
    expect(!result.ok && result.problem.message.vi).toContain('29/02/1900');
  });

  it.each([0, -1, 2958466, Number.NaN])('rejects serial %d', (serial) => {
    expect(dateOf(serial)).toBe('date.invalid');
  });

  it('round-trips every date between 1900 and 9999 through its serial', () => {
    const anyDate = fc
      .record({
        year: fc.integer({ min: 1900, max: 9999 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.nat(),
      })
      .map(({ year, month, day }) => ({ year, month, day: 1 + (day % daysInMonth(year, month)) }));
    fc.assert(
      fc.property(anyDate, (date) => {
        const serial = toExcelSerial(date);
        expect(serial).not.toBe(60);
        expect(dateOf(serial)).toEqual(date);
      }),
    );
  });

  it('gives the serials Excel shows around the fake leap day', () => {
    expect(toExcelSerial({ year: 1900, month: 1, day: 1 })).toBe(1);
    expect(toExcelSerial({ year: 1900, month: 2, day: 28 })).toBe(59);
    expect(toExcelSerial({ year: 1900, month: 3, day: 1 })).toBe(61);
  });
});

describe('parseVnDate from JS Dates', () => {
  it('takes the calendar day in Vietnam time', () => {
    // exceljs hands dates over as UTC midnight; a browser in Vietnam makes local midnight.
    expect(dateOf(new Date('2024-05-31T00:00:00Z'))).toEqual({ year: 2024, month: 5, day: 31 });
    expect(dateOf(new Date('2024-05-31T00:00:00+07:00'))).toEqual({ year: 2024, month: 5, day: 31 });
    expect(dateOf(new Date('2024-05-31T17:00:00Z'))).toEqual({ year: 2024, month: 6, day: 1 });
  });

  it('rejects an invalid Date', () => {
    expect(dateOf(new Date('nope'))).toBe('date.format');
  });
});

describe('formatVnDate', () => {
  it('pads day and month', () => {
    expect(formatVnDate({ year: 2024, month: 9, day: 5 })).toBe('05/09/2024');
  });
});

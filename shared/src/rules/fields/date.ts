import { type Problem, problem } from '../../problem';

/** A calendar date with no time and no time zone, as school records hold birth dates. */
export interface VnDate {
  year: number;
  month: number;
  day: number;
}

export type VnDateResult = { ok: true; date: VnDate } | { ok: false; problem: Problem };

// Asia/Ho_Chi_Minh is UTC+07:00 all year round (no daylight saving), so a fixed offset is exact.
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
// Excel's 1900 date system counts 1900-01-01 as serial 1 and, copying Lotus 1-2-3, treats 1900
// as a leap year: serial 60 is the non-existent 29/02/1900 and every later serial is one day
// ahead. Serials from 61 on are therefore days since 1899-12-30, earlier ones since 1899-12-31.
const EXCEL_EPOCH_FROM_MARCH_1900 = Date.UTC(1899, 11, 30);
const EXCEL_FAKE_LEAP_DAY = 60;
const EXCEL_LAST_SERIAL = 2_958_465; // 31/12/9999

/**
 * Reads a date from a form or spreadsheet cell: "dd/mm/yyyy" or "d/m/yyyy" text (also with - or
 * . separators), an Excel serial number (1900 date system; a fraction of a day is ignored), or a
 * JS Date, whose calendar day is taken in Vietnam time (UTC+07:00).
 */
export function parseVnDate(raw: unknown): VnDateResult {
  if (raw instanceof Date) return fromDate(raw);
  if (typeof raw === 'number') return fromExcelSerial(raw);
  if (typeof raw !== 'string') return failFormat(String(raw));
  const match = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(raw.trim());
  if (!match) return failFormat(raw);
  return validated({ day: Number(match[1]), month: Number(match[3]), year: Number(match[4]) }, raw);
}

/** "dd/mm/yyyy", the format of the ministry's templates. */
export function formatVnDate(date: VnDate): string {
  return `${pad2(date.day)}/${pad2(date.month)}/${String(date.year).padStart(4, '0')}`;
}

/** The Excel serial number (1900 date system) of a date from 1 January 1900 on. */
export function toExcelSerial(date: VnDate): number {
  const days = (Date.UTC(date.year, date.month - 1, date.day) - EXCEL_EPOCH_FROM_MARCH_1900) / DAY_MS;
  return days > EXCEL_FAKE_LEAP_DAY ? days : days - 1;
}

/** The calendar day in Vietnam at an instant. */
export function vietnamDayOf(instant: Date): VnDate {
  const shifted = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/**
 * The instant of a wall-clock time in Vietnam. Day, hour and minute may overflow (day 32,
 * hour 24) and roll over like Date.UTC, which is how "24:00" and "N days later" are computed.
 */
export function vietnamInstant(date: VnDate, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(date.year, date.month - 1, date.day, hour, minute) - VIETNAM_OFFSET_MS);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function fromDate(value: Date): VnDateResult {
  if (Number.isNaN(value.getTime())) return failFormat('Invalid Date');
  return validated(vietnamDayOf(value), value.toISOString());
}

function fromExcelSerial(serial: number): VnDateResult {
  const whole = Math.floor(serial);
  if (whole === EXCEL_FAKE_LEAP_DAY) {
    return {
      ok: false,
      problem: problem(
        'date.invalid',
        'error',
        'Số ngày Excel 60 là ngày 29/02/1900 — ngày không có thật (lỗi năm nhuận 1900 của Excel).',
        'Excel serial 60 is 29/02/1900, a day that does not exist (Excel’s 1900 leap-year bug).',
      ),
    };
  }
  if (!Number.isFinite(serial) || whole < 1 || whole > EXCEL_LAST_SERIAL) {
    return {
      ok: false,
      problem: problem(
        'date.invalid',
        'error',
        `Số ngày Excel ${serial} không ứng với ngày nào (phải từ 1 đến ${EXCEL_LAST_SERIAL}).`,
        `Excel serial ${serial} is not a date (it must be 1 to ${EXCEL_LAST_SERIAL}).`,
      ),
    };
  }
  const daysFromEpoch = whole > EXCEL_FAKE_LEAP_DAY ? whole : whole + 1;
  const day = new Date(EXCEL_EPOCH_FROM_MARCH_1900 + daysFromEpoch * DAY_MS);
  return {
    ok: true,
    date: { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() },
  };
}

function validated(date: VnDate, shown: string): VnDateResult {
  const { year, month, day } = date;
  if (year < 1900) {
    return {
      ok: false,
      problem: problem(
        'date.invalid',
        'error',
        `Ngày "${shown}" có năm ${year}, trước năm 1900 — có thể gõ nhầm năm.`,
        `Date "${shown}" has year ${year}, before 1900 — probably a typo.`,
      ),
    };
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return {
      ok: false,
      problem: problem(
        'date.invalid',
        'error',
        `Ngày "${shown}" không có thật (ngày ${day}, tháng ${month}, năm ${year}).`,
        `Date "${shown}" does not exist (day ${day}, month ${month}, year ${year}).`,
      ),
    };
  }
  return { ok: true, date };
}

function failFormat(shown: string): VnDateResult {
  return {
    ok: false,
    problem: problem(
      'date.format',
      'error',
      `"${shown}" không phải ngày theo dạng dd/mm/yyyy (ví dụ 05/09/2024).`,
      `"${shown}" is not a date in dd/mm/yyyy form (e.g. 05/09/2024).`,
    ),
  };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

import { describe, expect, it } from 'vitest';
import { CCCD_PROVINCE_CODES, checkCccd, parseCccd } from './cccd';
import { checkCmnd } from './cmnd';

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('parseCccd', () => {
  it('decodes place, century/gender digit, birth year and serial', () => {
    expect(parseCccd('079 303 012345')).toEqual({
      digits: '079303012345',
      placeCode: '079',
      province: 'TP Hồ Chí Minh',
      gender: 'female',
      birthYear: 2003,
      serial: '012345',
    });
    expect(parseCccd('001085000123')).toMatchObject({ province: 'Hà Nội', gender: 'male', birthYear: 1985 });
    expect(parseCccd('086190000001')).toMatchObject({
      province: 'Vĩnh Long',
      gender: 'female',
      birthYear: 1990,
    });
    expect(parseCccd('083210000001')).toMatchObject({ gender: 'male', birthYear: 2010 });
  });

  it('rejects anything but 12 digits', () => {
    expect(parseCccd('07920301234')).toBeUndefined();
    expect(parseCccd('07920301234A')).toBeUndefined();
  });

  it('lists the 63 pre-2025 province codes', () => {
    expect(Object.keys(CCCD_PROVINCE_CODES)).toHaveLength(63);
    expect(new Set(Object.values(CCCD_PROVINCE_CODES)).size).toBe(63);
  });
});

describe('checkCccd', () => {
  it('accepts an ID that agrees with the record (19xx male, 20xx female)', () => {
    expect(checkCccd('001085000123', { birthYear: 1985, gender: 'male' })).toEqual([]);
    expect(checkCccd('079303012345', { birthYear: 2003, gender: 'female' })).toEqual([]);
  });

  it('ignores blanks (requiredness is the form’s rule)', () => {
    expect(checkCccd('  ')).toEqual([]);
  });

  it('flags the wrong length, and hints at a leading zero lost by Excel', () => {
    const [lost] = checkCccd(79203012345);
    expect(lost?.code).toBe('cccd.format');
    expect(lost?.message.vi).toContain('79203012345');
    expect(lost?.message.vi).toContain('số 0 ở đầu');
    expect(checkCccd('0792030123456')[0]?.message.en).not.toContain('leading 0');
  });

  it('flags a place code outside the 63 provinces', () => {
    const [p] = checkCccd('003085000123');
    expect(p?.code).toBe('cccd.province');
    expect(p?.message.vi).toContain('"003"');
  });

  it('flags a century digit of the 22nd century or later', () => {
    expect(codes(checkCccd('001485000123'))).toEqual(['cccd.century']);
  });

  it('flags birth year disagreement in the 1900s and the 2000s', () => {
    // Digit 0 = 1900s male, so 85 → 1985.
    const [year19] = checkCccd('001085000123', { birthYear: 1986 });
    expect(year19?.code).toBe('cccd.birth-year');
    expect(year19?.message.vi).toContain('1985');
    expect(year19?.message.vi).toContain('1986');
    // Same two digits, wrong century: digit 2 = 2000s, the record says 1910.
    expect(codes(checkCccd('001210000123', { birthYear: 1910 }))).toEqual(['cccd.birth-year']);
  });

  it('flags gender disagreement in the 1900s and the 2000s', () => {
    const [g19] = checkCccd('001185000123', { birthYear: 1985, gender: 'male' });
    expect(g19?.code).toBe('cccd.gender');
    expect(g19?.message.vi).toContain('giới tính nữ, nhưng hồ sơ ghi nam');
    expect(g19?.message.en).toContain('encodes gender female, but the record says male');
    expect(codes(checkCccd('001210000123', { birthYear: 2010, gender: 'female' }))).toEqual(['cccd.gender']);
  });

  it('reports every disagreement at once', () => {
    expect(codes(checkCccd('001210000123', { birthYear: 2011, gender: 'female' }))).toEqual([
      'cccd.birth-year',
      'cccd.gender',
    ]);
  });
});

describe('checkCmnd', () => {
  it('accepts 9 digits and the 12-digit cards of 2012–2016', () => {
    expect(checkCmnd('331 234 567')).toEqual([]);
    expect(checkCmnd('331234567890')).toEqual([]);
    expect(checkCmnd('')).toEqual([]);
  });

  it('rejects other lengths and letters, naming the value', () => {
    const [p] = checkCmnd('33123456');
    expect(p?.code).toBe('cmnd.format');
    expect(p?.message.vi).toContain('"33123456"');
    expect(codes(checkCmnd('33123456A'))).toEqual(['cmnd.format']);
  });
});

describe('checkCccd against the current year', () => {
  const midYear2026 = new Date('2026-06-01T00:00:00+07:00');

  it('a birth year after the current year is an error (cccd.future)', () => {
    // Digit 2 = 2000s male: 26 → 2026 (this year, fine), 27 → 2027 (not born yet).
    expect(checkCccd('001226000123', {}, { now: midYear2026 })).toEqual([]);
    const [future] = checkCccd('001227000123', {}, { now: midYear2026 });
    expect(future?.code).toBe('cccd.future');
    expect(future?.severity).toBe('error');
    expect(future?.message.vi).toContain('2027');
    expect(future?.message.en).toContain('after the current year (2026)');
  });

  it('takes the current year in Vietnam time: 17:00 UTC on 31 December is already next year', () => {
    const newYearInVietnam = new Date('2026-12-31T17:00:00Z');
    expect(checkCccd('001227000123', {}, { now: newYearInVietnam })).toEqual([]);
    expect(codes(checkCccd('001227000123', {}, { now: new Date('2026-12-31T16:59:59Z') }))).toEqual([
      'cccd.future',
    ]);
  });

  it('reads no clock of its own: without `now` the year is not bounded', () => {
    expect(checkCccd('001299000123')).toEqual([]);
  });

  it('reports a 22nd-century digit once, as cccd.century', () => {
    expect(codes(checkCccd('001485000123', {}, { now: midYear2026 }))).toEqual(['cccd.century']);
  });

  it('reports a future birth year with a record disagreement', () => {
    expect(codes(checkCccd('001230000123', { birthYear: 2010 }, { now: midYear2026 }))).toEqual([
      'cccd.future',
      'cccd.birth-year',
    ]);
  });
});

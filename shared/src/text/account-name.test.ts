import { describe, expect, it } from 'vitest';
import { accountName, adminAccountName, checkAccountName } from './account-name';

const codes = (account: string, fullName = 'Nguyễn Văn An', school = 'thcsnd') =>
  checkAccountName(account, fullName, school).map(({ code, severity }) => `${code}:${severity}`);

describe('accountName', () => {
  it('is the given name, then the initials of family and middle names, then the school', () => {
    expect(accountName('Nguyễn Văn An', 'thcsnd')).toBe('annv.thcsnd');
    expect(accountName('Đặng Thị Thuỷ', 'thcsnd')).toBe('thuydt.thcsnd');
    expect(accountName('  ĐẶNG   THỊ  THỦY ', 'THCS ND')).toBe('thuydt.thcsnd');
    expect(accountName('Lê Ánh', 'thptlqd')).toBe('anhl.thptlqd');
    expect(accountName('Tôn Nữ Thị Ngọc Hân', 'thcsnd')).toBe('hantntn.thcsnd');
  });

  it('applies the rule to minority names as written', () => {
    expect(accountName("H'Hen Niê", 'thcsnd')).toBe('nieh.thcsnd');
  });

  it('refuses a name or school without letters', () => {
    expect(() => accountName('  ', 'thcsnd')).toThrow(RangeError);
    expect(() => accountName('Nguyễn Văn An', '')).toThrow(RangeError);
  });
});

describe('adminAccountName', () => {
  it('is district_school in lower case', () => {
    expect(adminAccountName('CJ', 'THCS ND')).toBe('cj_thcsnd');
    expect(adminAccountName('Cư Jút', 'thcsnd')).toBe('cujut_thcsnd');
    expect(() => adminAccountName('', 'thcsnd')).toThrow(RangeError);
  });
});

describe('checkAccountName', () => {
  it('accepts the account the rule gives', () => {
    expect(checkAccountName('annv.thcsnd', 'Nguyễn Văn An', 'thcsnd')).toEqual([]);
    expect(checkAccountName('thuydt.thcsnd', 'Đặng Thị Thủy', 'THCS ND')).toEqual([]);
  });

  it('reports each slip once, with a stable code', () => {
    expect(codes('')).toEqual(['account.empty:error']);
    expect(codes('AnNV.thcsnd')).toEqual(['account.case:warning']);
    expect(codes('ânnv.thcsnd')).toEqual(['account.diacritics:error']);
    expect(codes('annv .thcsnd')).toEqual(['account.whitespace:error']);
    expect(codes('annv')).toEqual(['account.format:error']);
    expect(codes('annv.thcs.nd')).toEqual(['account.format:error']);
    expect(codes('annv.thcsabc')).toEqual(['account.school:error']);
    expect(codes('annv2.thcsnd')).toEqual(['account.numbered:warning']);
    expect(codes('nvan.thcsnd')).toEqual(['account.mismatch:error']);
    expect(codes('annv.thcsnd', ' ')).toEqual(['account.name-missing:warning']);
    expect(codes('annv.anything', 'Nguyễn Văn An', '')).toEqual([]);
  });

  it('explains in Vietnamese and English, naming the expected account', () => {
    const [mismatch] = checkAccountName('nvan.thcsnd', 'Nguyễn Văn An', 'thcsnd');
    expect(mismatch?.message.vi).toContain('"annv"');
    expect(mismatch?.message.en).toContain('"annv"');
    expect(mismatch?.message.vi).toContain('Nguyễn Văn An');
  });
});

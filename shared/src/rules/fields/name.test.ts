import { describe, expect, it } from 'vitest';
import { checkPersonName } from './name';

const codes = (raw: string) => checkPersonName(raw).map((p) => p.code);

describe('checkPersonName', () => {
  it.each([
    'Nguyễn Thị Thủy',
    'Trần Văn Hòa',
    'Lê Thị Thuỷ',
    "H'Hen Niê",
    "Y M'Đrắk Êban",
    'Kpă Fiết Zơ Jang Wư',
    'Lê Văn A',
  ])('accepts %s', (name) => {
    expect(checkPersonName(name)).toEqual([]);
  });

  it('flags a name that is not NFC (decomposed tone marks)', () => {
    const decomposed = 'Nguyễn Văn An'.normalize('NFD');
    const [p] = checkPersonName(decomposed);
    expect(p).toMatchObject({ code: 'name.nfc', severity: 'warning' });
    expect(p?.message.vi).toContain('Nguyễn Văn An');
  });

  it('flags digits and symbols, naming them', () => {
    const [digit] = checkPersonName('Nguyễn Văn An2');
    expect(digit?.code).toBe('name.digit');
    expect(digit?.message.vi).toContain('(2)');
    const [symbol] = checkPersonName('Nguyễn Văn An.');
    expect(symbol?.code).toBe('name.symbol');
    expect(symbol?.message.vi).toContain('"."');
    expect(codes('Lê-Văn An')).toEqual(['name.symbol']);
    expect(codes('李小龍')).toEqual(['name.symbol']);
  });

  it('flags doubled, leading, trailing and pasted tab spaces', () => {
    expect(codes('Nguyễn  Văn An')).toEqual(['name.spacing']);
    expect(codes(' Nguyễn Văn An')).toEqual(['name.spacing']);
    expect(codes('Nguyễn Văn An ')).toEqual(['name.spacing']);
    expect(codes('Nguyễn\tVăn An')).toEqual(['name.spacing']);
  });

  it('flags names longer than 50 characters (QĐ 4998), counted after NFC', () => {
    const fifty = `Nguyễn ${'A'.repeat(43)}`;
    expect([...fifty]).toHaveLength(50);
    expect(checkPersonName(fifty)).toEqual([]);
    const [p] = checkPersonName(`${fifty}B`);
    expect(p?.code).toBe('length.max');
    expect(p?.message.vi).toContain('Họ và tên');
    expect(p?.message.vi).toContain('51');
    // 50 letters with decomposed tone marks are still 50 characters once composed.
    expect(codes(fifty.normalize('NFD'))).toEqual(['name.nfc']);
  });

  it('ignores blanks', () => {
    expect(checkPersonName('')).toEqual([]);
  });
});

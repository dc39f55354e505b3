import { describe, expect, it } from 'vitest';
import { classifyHeader, headerKey } from './column-kinds';

describe('header texts', () => {
  it('keys ignore case, tones, NFD, line breaks and punctuation', () => {
    expect(headerKey('ĐĐGtx\n1')).toBe('ddgtx 1');
    expect(headerKey('Mã  HS:')).toBe('ma hs');
    expect(headerKey('Giữa kỳ'.normalize('NFD'))).toBe('giua ky');
  });

  it.each([
    ['TX1', 'tx'],
    ['ĐĐGtx1', 'tx'],
    ['KTTX 1', 'tx'],
    ['ĐĐGtx', 'tx'],
    ['Điểm TX 3', 'tx'],
    ['Miệng', 'tx'],
    ['GK', 'gk'],
    ['ĐĐGgk', 'gk'],
    ['Giữa kỳ', 'gk'],
    ['Giữa\nhọc kỳ', 'gk'],
    ['CK', 'ck'],
    ['ĐĐGck', 'ck'],
    ['Cuối kỳ', 'ck'],
    ['Cuối kì'.normalize('NFD'), 'ck'],
  ])('%j is a %s score column', (text, assessment) => {
    expect(classifyHeader(text)).toEqual({ kind: 'score', assessment });
  });

  it.each([
    ['STT', 'order'],
    ['Mã HS', 'code'],
    ['Mã học sinh', 'code'],
    ['Họ và tên', 'name'],
    ['Họ tên học sinh', 'name'],
    ['Họ đệm', 'familyName'],
    ['Tên', 'givenName'],
    ['ĐTBmhk', 'average'],
    ['TBm', 'average'],
    ['Trung bình', 'average'],
    ['Điểm\ntrung bình môn', 'average'],
  ])('%j is a %s column', (text, kind) => {
    expect(classifyHeader(text)?.kind).toBe(kind);
  });

  it.each([
    ['Nhận xét', 'comment'],
    ['Nhận xét cuối kỳ', 'comment'],
    ['NX giữa kì II', 'comment'],
    ['KT CN', 'test'],
    ['KT GK1', 'test'],
    ['XL CN', 'level'],
    ['Mức đạt cuối năm', 'level'],
  ])('%j is a primary book column (%s)', (text, entry) => {
    expect(classifyHeader(text)).toEqual({ kind: 'evaluation', entry });
  });

  it.each([
    ['KT CN(Sau thi lại)', 'retakeTest'],
    ['XL CN (sau thi lại)', 'retakeLevel'],
    ['Điểm thi lại', 'retakeTest'],
  ])('%j is the column after the retake (%s)', (text, entry) => {
    expect(classifyHeader(text)).toEqual({ kind: 'evaluation', entry });
  });

  it('"Ngày sinh" is the birth date, which matching compares', () => {
    expect(classifyHeader('Ngày sinh')).toEqual({ kind: 'birthDate' });
    expect(classifyHeader('NGÀY THÁNG NĂM SINH')).toEqual({ kind: 'birthDate' });
  });

  it.each(['ĐTBmcn', 'TB CN', 'BẢNG ĐIỂM MÔN TOÁN', 'Toán', 'Học kỳ I', ''])(
    '%j is not a grade column',
    (text) => {
      expect(classifyHeader(text)).toBeNull();
    },
  );
});

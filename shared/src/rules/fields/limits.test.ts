import { describe, expect, it } from 'vitest';
import { checkLength, MINISTRY_FIELD_LIMITS } from './limits';

describe('checkLength (QĐ 4998/QĐ-BGDĐT)', () => {
  it('holds the selected limits', () => {
    const max = Object.fromEntries(Object.entries(MINISTRY_FIELD_LIMITS).map(([k, v]) => [k, v.max]));
    expect(max).toEqual({
      schoolId: 15,
      classCode: 10,
      className: 20,
      studentId: 15,
      resultStudentId: 20,
      fullName: 50,
      citizenId: 20,
      phone: 20,
      email: 50,
      subjectScore: 4,
    });
  });

  it('accepts a value at the limit and names the field in Vietnamese beyond it', () => {
    expect(checkLength('classCode', '6A1-202425')).toEqual([]);
    const [p] = checkLength('classCode', '6A1-2024-25');
    expect(p).toMatchObject({ code: 'length.max', severity: 'error' });
    expect(p?.message.vi).toBe('Mã lớp: tối đa 10 ký tự theo QĐ 4998/QĐ-BGDĐT, "6A1-2024-25" có 11.');
    expect(p?.message.en).toContain('Class code');
  });

  it('counts composed Vietnamese letters once', () => {
    expect(checkLength('className', 'Lớp chuyên Tiếng Việt'.normalize('NFD'))).toHaveLength(1);
    expect(checkLength('className', 'Chuyên Tiếng Việt 10'.normalize('NFD'))).toEqual([]);
  });

  it('counts digits for decimal(4) scores', () => {
    expect(checkLength('subjectScore', '10.00')).toEqual([]);
    expect(checkLength('subjectScore', '8,125')).toEqual([]);
    expect(checkLength('subjectScore', '10.125')[0]?.message.vi).toContain('tối đa 4 chữ số');
  });
});

import { describe, expect, it } from 'vitest';
import { canonicalPageParts } from './key';
import { PageKeyReadSchema, PageKeySchema } from './schemas';

const PAGE = {
  school: 'THCS Nguyễn Du',
  schoolYear: '2025-2026',
  class: '6A1',
  subject: 'Toán',
  term: 'HK I',
};

describe('page key schemas', () => {
  it('the agent takes a key of any declared parts, none blank, and its canonical form too', () => {
    expect(PageKeySchema.safeParse(PAGE).success).toBe(true);
    expect(PageKeySchema.safeParse({ student: 'HS0012' }).success).toBe(true);
    const blank = PageKeySchema.safeParse({ ...PAGE, term: '  ' });
    expect(blank.success).toBe(false);
    expect(blank.error?.issues[0]).toMatchObject({ path: ['term'], params: { vi: 'không được để trống' } });
    expect(PageKeySchema.safeParse(canonicalPageParts({ ...PAGE, term: '  ' })).success).toBe(true);
  });

  it('a key as the page gave it may leave parts empty, but not name them freely or be empty', () => {
    expect(PageKeyReadSchema.safeParse({ ...PAGE, term: '' }).success).toBe(true);
    expect(PageKeyReadSchema.safeParse({ lớp: '6A1' }).error?.issues[0]?.path).toEqual(['lớp']);
    expect(PageKeyReadSchema.safeParse({}).success).toBe(false);
    const many = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`part${i}`, 'x']));
    expect(PageKeyReadSchema.safeParse(many).success).toBe(false);
    expect(PageKeyReadSchema.safeParse({ class: 'x'.repeat(201) }).success).toBe(false);
  });
});

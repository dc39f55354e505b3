import { describe, expect, it } from 'vitest';
import { agentPageKey, pageId } from '../../extension/lib/drafts/page-id';
import { sameValue } from '../../extension/features/drafts/values';

const PAGE = {
  school: 'THCS Nguyễn Du',
  schoolYear: '2025-2026',
  class: '6A1',
  subject: 'Toán',
  term: 'Học kỳ I',
};

describe('page keys of drafts', () => {
  it('names one book the same whatever the order of names or the Unicode form of values', () => {
    const reordered = {
      term: 'Học kỳ I',
      subject: 'Toán',
      class: '6A1',
      schoolYear: '2025-2026',
      school: 'THCS Nguyễn Du',
    };
    const decomposed = {
      ...PAGE,
      school: PAGE.school.normalize('NFD'),
      subject: PAGE.subject.normalize('NFD'),
    };
    expect(pageId(reordered)).toBe(pageId(PAGE));
    expect(pageId(decomposed)).toBe(pageId(PAGE));
    expect(pageId({ ...PAGE, class: '6A2' })).not.toBe(pageId(PAGE));
  });

  it('leaves out names the page did not show (the agent refuses empty values)', () => {
    expect(agentPageKey({ ...PAGE, schoolYear: '', school: '  ' })).toEqual({
      class: '6A1',
      subject: 'Toán',
      term: 'Học kỳ I',
    });
  });
});

describe('sameValue', () => {
  it('compares scores by value, as the portal tidies them on blur', () => {
    expect(sameValue('8,5', '8.5')).toBe(true);
    expect(sameValue(' 10 ', '10.0')).toBe(true);
    expect(sameValue('8.5', '8.6')).toBe(false);
    expect(sameValue('', '0')).toBe(false);
  });

  it('compares comments without case or Unicode-form differences', () => {
    expect(sameValue('đ', 'Đ')).toBe(true);
    expect(sameValue('CĐ'.normalize('NFD'), 'cđ')).toBe(true);
    expect(sameValue('Đ', 'CĐ')).toBe(false);
  });
});

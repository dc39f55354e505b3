import { describe, expect, it } from 'vitest';
import { canonicalPageKey, canonicalPageParts } from './key';

const PAGE = {
  school: 'THCS Nguyễn Du',
  schoolYear: '2025-2026',
  class: '6A1',
  subject: 'Toán',
  term: 'Học kỳ I',
};

describe('canonical page keys', () => {
  it('names one page the same whatever the order of its parts or the Unicode form of values', () => {
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
    expect(canonicalPageKey(reordered)).toBe(canonicalPageKey(PAGE));
    expect(canonicalPageKey(decomposed)).toBe(canonicalPageKey(PAGE));
    expect(canonicalPageKey({ ...PAGE, class: '6A2' })).not.toBe(canonicalPageKey(PAGE));
  });

  it('leaves out parts the page did not show (the agent refuses empty values)', () => {
    expect(canonicalPageParts({ ...PAGE, schoolYear: '', school: '  ' })).toEqual({
      class: '6A1',
      subject: 'Toán',
      term: 'Học kỳ I',
    });
  });

  it('takes whatever parts a profile declares, e.g. a record page keyed by school and student', () => {
    const key = canonicalPageKey({ student: 'HS0012', school: 'THCS Nguyễn Du'.normalize('NFD') });
    expect(key).toBe('{"school":"THCS Nguyễn Du","student":"HS0012"}');
  });
});

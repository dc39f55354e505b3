import { describe, expect, it } from 'vitest';
import { sameValue } from '../../extension/features/drafts/values';

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

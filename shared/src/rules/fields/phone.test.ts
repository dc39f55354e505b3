import { describe, expect, it } from 'vitest';
import {
  checkMobile,
  convertOldMobile,
  MOBILE_PREFIXES,
  normalizeMobile,
  OLD_MOBILE_PREFIXES,
} from './phone';

describe('convertOldMobile', () => {
  it.each([
    ['01621234567', '0321234567'],
    ['01631234567', '0331234567'],
    ['01641234567', '0341234567'],
    ['01651234567', '0351234567'],
    ['01661234567', '0361234567'],
    ['01671234567', '0371234567'],
    ['01681234567', '0381234567'],
    ['01691234567', '0391234567'],
    ['01201234567', '0701234567'],
    ['01211234567', '0791234567'],
    ['01221234567', '0771234567'],
    ['01261234567', '0761234567'],
    ['01281234567', '0781234567'],
    ['01231234567', '0831234567'],
    ['01241234567', '0841234567'],
    ['01251234567', '0851234567'],
    ['01271234567', '0811234567'],
    ['01291234567', '0821234567'],
    ['01861234567', '0561234567'],
    ['01881234567', '0581234567'],
    ['01991234567', '0591234567'],
  ])('%s → %s', (old, current) => {
    expect(convertOldMobile(old)).toBe(current);
  });

  it('covers exactly the 21 prefixes of the 2018 conversion, all landing on current prefixes', () => {
    expect(Object.keys(OLD_MOBILE_PREFIXES)).toHaveLength(21);
    for (const prefix of Object.values(OLD_MOBILE_PREFIXES)) expect(MOBILE_PREFIXES).toContain(prefix);
  });

  it('reads formatted and international forms', () => {
    expect(convertOldMobile('0168 123 4567')).toBe('0381234567');
    expect(convertOldMobile('+84 168 123 4567')).toBe('0381234567');
    expect(convertOldMobile('841681234567')).toBe('0381234567');
  });

  it('returns undefined for numbers that are not old mobiles', () => {
    expect(convertOldMobile('0912345678')).toBeUndefined();
    expect(convertOldMobile('01301234567')).toBeUndefined();
  });
});

describe('normalizeMobile', () => {
  it('turns the country code into the leading 0 and drops separators', () => {
    expect(normalizeMobile('+84 912.345.678')).toBe('0912345678');
    expect(normalizeMobile('84912345678')).toBe('0912345678');
    expect(normalizeMobile('(091) 234-5678')).toBe('0912345678');
  });
});

describe('checkMobile', () => {
  it('accepts current numbers, including the uncertain 055', () => {
    for (const n of ['0912345678', '+84912345678', '0321234567', '0551234567', '0991234567']) {
      expect(checkMobile(n)).toEqual([]);
    }
  });

  it('suggests the conversion of an old number as a warning carrying the new number', () => {
    const [p] = checkMobile('01691234567');
    expect(p).toMatchObject({ code: 'phone.old-prefix', severity: 'warning' });
    expect(p?.message.vi).toContain('0391234567');
    expect(p?.message.en).toContain('0391234567');
  });

  it('rejects the wrong length and unknown prefixes, naming the value', () => {
    const [length] = checkMobile('091234567');
    expect(length?.code).toBe('phone.format');
    expect(length?.message.vi).toContain('"091234567"');
    const [prefix] = checkMobile('0951234567');
    expect(prefix?.code).toBe('phone.prefix');
    expect(prefix?.message.vi).toContain('095');
    expect(checkMobile('02838123456')[0]?.code).toBe('phone.format');
  });

  it('ignores blanks', () => {
    expect(checkMobile(' ')).toEqual([]);
  });
});

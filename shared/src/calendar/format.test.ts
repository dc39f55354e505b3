import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countdownText, formatInstant } from './format';
import { calendarEntryKinds } from './schema';

const from = new Date('2027-05-30T00:00:00+07:00');
const after = (ms: number) => new Date(from.getTime() + ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('countdownText', () => {
  it.each([
    [2 * DAY + 5 * HOUR, 'còn 2 ngày 5 giờ', '2 days 5 hours left'],
    [2 * DAY + 5 * HOUR + 59 * MINUTE, 'còn 2 ngày 5 giờ', '2 days 5 hours left'],
    [DAY, 'còn 1 ngày', '1 day left'],
    [DAY + 30 * MINUTE, 'còn 1 ngày', '1 day left'],
    [DAY - MINUTE, 'còn 23 giờ 59 phút', '23 hours 59 minutes left'],
    [HOUR + MINUTE, 'còn 1 giờ 1 phút', '1 hour 1 minute left'],
    [HOUR, 'còn 1 giờ', '1 hour left'],
    [45 * MINUTE, 'còn 45 phút', '45 minutes left'],
    [MINUTE, 'còn 1 phút', '1 minute left'],
    [MINUTE - 1, 'còn chưa đầy 1 phút', 'less than a minute left'],
    [1, 'còn chưa đầy 1 phút', 'less than a minute left'],
    [400 * DAY, 'còn 400 ngày', '400 days left'],
  ])('%d ms ahead', (ms, vi, en) => {
    expect(countdownText(from, after(ms), 'vi')).toBe(vi);
    expect(countdownText(from, after(ms), 'en')).toBe(en);
  });

  it('says what has happened once the instant has come, by kind', () => {
    expect(countdownText(from, from, 'vi', 'lock')).toBe('đã khóa');
    expect(countdownText(from, after(-DAY), 'en', 'lock')).toBe('locked');
    expect(countdownText(from, from, 'vi', 'update-window')).toBe('đã hết thời gian cập nhật');
    expect(countdownText(from, from, 'vi', 'deadline')).toBe('đã quá hạn');
    expect(countdownText(from, from, 'en', 'sync')).toBe('sync date passed');
    expect(countdownText(from, from, 'vi')).toBe('đã qua');
  });

  it('never shows a negative or zero amount, and counts down whenever time is left', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000 * DAY, max: 1000 * DAY }),
        fc.constantFrom('vi' as const, 'en' as const),
        fc.option(fc.constantFrom(...calendarEntryKinds), { nil: undefined }),
        (ms, lang, kind) => {
          const text = countdownText(from, after(ms), lang, kind);
          expect(text).not.toMatch(/-|\b0 /);
          expect(ms > 0 ? /^còn |left$/.test(text) : !/^còn |left$/.test(text)).toBe(true);
        },
      ),
    );
  });
});

describe('formatInstant', () => {
  it('shows Vietnam wall-clock time with the zone', () => {
    const lock = new Date('2027-05-30T17:00:00Z');
    expect(formatInstant(lock, 'vi')).toBe('00:00 31/05/2027 (GMT+7)');
    expect(formatInstant(lock, 'en')).toBe('00:00 31 May 2027 (GMT+7)');
    expect(formatInstant(new Date('2027-01-09T09:05:00Z'), 'vi')).toBe('16:05 09/01/2027 (GMT+7)');
  });
});

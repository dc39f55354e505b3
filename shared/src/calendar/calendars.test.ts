import { describe, expect, it } from 'vitest';
import { calendarIds, getCalendar } from './calendars';
import { calendarEntrySchema, calendarSchema } from './schema';

describe('built-in calendars', () => {
  it.each(calendarIds)('%s is valid data with its own id', (id) => {
    const calendar = getCalendar(id);
    expect(calendarSchema.parse(calendar)).toEqual(calendar);
    expect(calendar.id).toBe(id);
  });

  it('every entry names its source document', () => {
    for (const id of calendarIds) {
      for (const entry of getCalendar(id).entries)
        expect(entry.source).toMatch(/Kế hoạch|Công văn|Quyết định|Hướng dẫn/);
    }
  });

  it('SMAS Vĩnh Long pairs each lock with its update window, the window closing before the lock', () => {
    const entries = getCalendar('smas-vinhlong').entries;
    expect(entries.map((entry) => entry.id)).toEqual([
      'after-opening-update',
      'after-opening-lock',
      'monthly-update',
      'monthly-lock',
      'semester-1-update',
      'semester-1-lock',
      'thcs-graduation-update',
      'thcs-graduation-lock',
      'school-year-update',
      'school-year-lock',
      'thpt-graduation-update',
      'thpt-graduation-lock',
    ]);
    expect(entries.find((entry) => entry.id === 'semester-1-lock')?.title.vi).toBe(
      'Khóa SMAS: Báo cáo học kỳ I',
    );
  });
});

describe('calendarEntrySchema', () => {
  const lock = {
    id: 'x',
    kind: 'lock',
    title: { vi: 'Khóa', en: 'Lock' },
    every: 'year',
    at: { month: 5, day: 31, time: '00:00' },
    source: 'Công văn',
  };

  it('accepts a plain yearly lock', () => {
    expect(calendarEntrySchema.safeParse(lock).success).toBe(true);
  });

  it.each([
    ['a day the month lacks', { at: { month: 4, day: 31, time: '00:00' } }, ['at', 'day']],
    ['29 February as a yearly date', { at: { month: 2, day: 29, time: '00:00' } }, ['at', 'day']],
    ['a time past 24:00', { at: { month: 5, day: 31, time: '24:30' } }, ['at', 'time']],
    ['a lock with an opening', { opens: { month: 5, day: 1, time: '00:00' } }, ['opens']],
    ['an update window without an opening', { kind: 'update-window' }, ['opens']],
    ['a monthly day 29–31', { every: 'month', at: { day: 30, time: '00:00' } }, ['at', 'day']],
    ['a month on a monthly entry', { every: 'month', at: { month: 1, day: 3, time: '00:00' } }, ['at']],
    ['an upper-case id', { id: 'Lock' }, ['id']],
  ])('rejects %s', (_, change, path) => {
    const result = calendarEntrySchema.safeParse({ ...lock, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });

  it('rejects a calendar with the same entry id twice', () => {
    const result = calendarSchema.safeParse({
      id: 'c',
      name: { vi: 'Lịch', en: 'Cal' },
      entries: [lock, lock],
    });
    expect(result.error?.issues[0]?.path).toEqual(['entries', 1, 'id']);
  });
});

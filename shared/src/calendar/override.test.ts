import { describe, expect, it } from 'vitest';
import { getCalendar } from './calendars';
import { nextEvents } from './occurrences';
import { applyCalendarOverride, resolveCalendar } from './override';
import type { CalendarEntry, CalendarOverride } from './schema';

const deadline = (id: string, month: number, day: number): CalendarEntry => ({
  id,
  kind: 'deadline',
  title: { vi: `Hạn ${id}`, en: `Due ${id}` },
  every: 'year',
  at: { month, day, time: '00:00' },
  source: 'Công văn của Sở (giả định cho kiểm thử)',
});

const benTre2026: CalendarOverride = {
  province: 'Bến Tre',
  replace: [deadline('quarter-2', 7, 20)],
  add: [deadline('photo-update', 6, 30)],
  remove: ['quarter-4'],
};

describe('applyCalendarOverride', () => {
  it('replaces in place, removes and appends, leaving the built-in calendar untouched', () => {
    const base = getCalendar('pmis-quarterly');
    const before = JSON.parse(JSON.stringify(base));
    const result = applyCalendarOverride(base, benTre2026);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.calendar.province).toBe('Bến Tre');
    expect(result.calendar.entries.map((e) => e.id)).toEqual([
      'quarter-1',
      'quarter-2',
      'quarter-3',
      'photo-update',
    ]);
    expect(result.calendar.entries[1]?.at).toEqual({ month: 7, day: 20, time: '00:00' });
    expect(base).toEqual(before);

    const events = nextEvents(result.calendar, new Date('2026-05-01T00:00:00+07:00'), { horizonDays: 100 });
    expect(events.map((o) => o.entryId)).toEqual(['photo-update', 'quarter-2']);
  });

  it('reports every mistake, naming the list, index and entry', () => {
    const result = applyCalendarOverride(getCalendar('pmis-quarterly'), {
      province: 'Bến Tre',
      replace: [deadline('quarter-9', 1, 1)],
      add: [deadline('quarter-1', 1, 1)],
      remove: ['quarter-3', 'quarter-3'],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.code)).toEqual([
      'calendar.override',
      'calendar.override',
      'calendar.override',
    ]);
    expect(result.problems.map((p) => p.message.vi)).toEqual([
      'replace[0]: lịch "pmis-quarterly" không có mục "quarter-9"',
      'add[0]: lịch "pmis-quarterly" đã có mục "quarter-1" — dùng "replace" để thay',
      'remove[1]: mục "quarter-3" đã được nêu ở chỗ khác trong phần ghi đè',
    ]);
    expect(result.problems[0]?.message.en).toBe(
      'replace[0]: calendar "pmis-quarterly" has no entry "quarter-9"',
    );
  });
});

describe('resolveCalendar', () => {
  it('gives the built-in calendar itself without an override, and the overridden copy with one', () => {
    expect(resolveCalendar({ id: 'csdl-sync' })).toEqual({ ok: true, calendar: getCalendar('csdl-sync') });
    const overridden = resolveCalendar({ id: 'pmis-quarterly', override: benTre2026 });
    expect(overridden.ok && overridden.calendar.entries).toHaveLength(4);
  });
});

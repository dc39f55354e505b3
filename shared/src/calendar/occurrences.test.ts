import { describe, expect, it } from 'vitest';
import { countdownText } from './format';
import { nextEvents } from './occurrences';

const vn = (local: string) => new Date(`${local}+07:00`);
const brief = (occurrences: ReturnType<typeof nextEvents>) =>
  occurrences.map((o) => ({
    id: o.entryId,
    status: o.status,
    start: o.start?.toISOString(),
    at: o.at.toISOString(),
  }));

describe('nextEvents on the SMAS Vĩnh Long calendar', () => {
  it('on 24 Dec the semester I window (25–30 Dec) is not open yet and the 31 Dec lock follows it', () => {
    const events = nextEvents('smas-vinhlong', vn('2026-12-24T10:00:00'), { limit: 4 });
    expect(brief(events)).toEqual([
      {
        id: 'semester-1-update',
        status: 'upcoming',
        start: vn('2026-12-25T00:00:00').toISOString(),
        at: vn('2026-12-31T00:00:00').toISOString(),
      },
      {
        id: 'semester-1-lock',
        status: 'upcoming',
        start: undefined,
        at: vn('2026-12-31T00:00:00').toISOString(),
      },
      {
        id: 'monthly-update',
        status: 'upcoming',
        start: vn('2027-01-15T00:00:00').toISOString(),
        at: vn('2027-01-16T00:00:00').toISOString(),
      },
      {
        id: 'monthly-lock',
        status: 'upcoming',
        start: undefined,
        at: vn('2027-01-17T00:00:00').toISOString(),
      },
    ]);
    expect(events[1]?.title).toEqual({
      vi: 'Khóa SMAS: Báo cáo học kỳ I',
      en: 'SMAS lock: semester I report',
    });
  });

  it('inside the window it is open, until the last minute of 30 Dec', () => {
    expect(nextEvents('smas-vinhlong', vn('2026-12-25T00:00:00'), { limit: 1 })[0]?.status).toBe('open');
    const lastMinute = nextEvents('smas-vinhlong', vn('2026-12-30T23:59:00'), { limit: 2 });
    expect(lastMinute.map((o) => [o.entryId, o.status])).toEqual([
      ['semester-1-update', 'open'],
      ['semester-1-lock', 'upcoming'],
    ]);
    expect(countdownText(vn('2026-12-30T23:59:00'), lastMinute[1]!.at, 'vi', 'lock')).toBe('còn 1 phút');
  });

  it('at exactly the lock instant the lock is in force (past) and the window has closed', () => {
    const now = vn('2026-12-31T00:00:00');
    const events = nextEvents('smas-vinhlong', now, { limit: 3 });
    expect(events.map((o) => [o.entryId, o.status])).toEqual([
      ['semester-1-update', 'past'],
      ['semester-1-lock', 'past'],
      ['monthly-update', 'upcoming'],
    ]);
    expect(countdownText(now, events[1]!.at, 'vi', 'lock')).toBe('đã khóa');
    expect(countdownText(now, events[1]!.at, 'en', 'lock')).toBe('locked');
  });

  it('one minute later the past lock is only listed when looking back', () => {
    const now = vn('2026-12-31T00:01:00');
    expect(nextEvents('smas-vinhlong', now, { limit: 1 })[0]?.entryId).toBe('monthly-update');
    const withRecent = nextEvents('smas-vinhlong', now, { limit: 2, lookbackDays: 1 });
    expect(withRecent.map((o) => [o.entryId, o.status])).toEqual([
      ['semester-1-update', 'past'],
      ['semester-1-lock', 'past'],
    ]);
  });

  it('repeats the monthly window (the 15th) and lock (the 17th) every month', () => {
    const events = nextEvents('smas-vinhlong', vn('2027-02-16T08:00:00'), { horizonDays: 40 });
    expect(brief(events)).toEqual([
      {
        id: 'monthly-lock',
        status: 'upcoming',
        start: undefined,
        at: vn('2027-02-17T00:00:00').toISOString(),
      },
      {
        id: 'monthly-update',
        status: 'upcoming',
        start: vn('2027-03-15T00:00:00').toISOString(),
        at: vn('2027-03-16T00:00:00').toISOString(),
      },
      {
        id: 'monthly-lock',
        status: 'upcoming',
        start: undefined,
        at: vn('2027-03-17T00:00:00').toISOString(),
      },
    ]);
  });

  it('lists every entry once within the default one-year horizon, monthly ones twelve times', () => {
    const events = nextEvents('smas-vinhlong', vn('2026-07-01T00:00:00'));
    const count = (id: string) => events.filter((o) => o.entryId === id).length;
    expect(count('school-year-lock')).toBe(1);
    expect(count('after-opening-update')).toBe(1);
    expect(count('monthly-lock')).toBe(12);
    expect(events).toHaveLength(10 + 24);
    const keys = events.map((o) => (o.start ?? o.at).getTime());
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
  });

  it('orders late May: the THCS graduation lock and the school-year window share 00:00 of 25 May', () => {
    const events = nextEvents('smas-vinhlong', vn('2027-05-18T00:00:00'), { limit: 5 });
    expect(events.map((o) => o.entryId)).toEqual([
      'thcs-graduation-update',
      'thcs-graduation-lock',
      'school-year-update',
      'school-year-lock',
      'monthly-update',
    ]);
    expect(events[1]?.at).toEqual(events[2]?.start);
  });
});

describe('nextEvents on the other calendars', () => {
  it('crosses the year boundary to the 10 January CSDL sync, a day-long window', () => {
    const [next] = nextEvents('csdl-sync', vn('2026-12-31T12:00:00'), { limit: 1 });
    expect(next).toMatchObject({
      entryId: 'mid-year',
      kind: 'sync',
      status: 'upcoming',
      start: vn('2027-01-10T00:00:00'),
      at: vn('2027-01-11T00:00:00'),
    });
    const [during] = nextEvents('csdl-sync', vn('2027-01-10T15:00:00'), { limit: 1 });
    expect(during?.status).toBe('open');
    expect(countdownText(vn('2027-01-10T15:00:00'), during!.at, 'vi', 'sync')).toBe('còn 9 giờ');
  });

  it('allows score edits through 31 May and locks at 24:00', () => {
    const [before] = nextEvents('score-edit-cutoff', vn('2027-05-31T23:59:00'));
    expect(before).toMatchObject({ status: 'upcoming', at: vn('2027-06-01T00:00:00') });
    const [after] = nextEvents('score-edit-cutoff', vn('2027-06-01T00:00:00'));
    expect(after?.status).toBe('past');
  });

  it('makes PMIS data due before the day named ("trước ngày 20/4")', () => {
    const [q1] = nextEvents('pmis-quarterly', vn('2026-04-19T12:00:00'), { limit: 1 });
    expect(q1).toMatchObject({ entryId: 'quarter-1', kind: 'deadline', at: vn('2026-04-20T00:00:00') });
    expect(countdownText(vn('2026-04-19T12:00:00'), q1!.at, 'en', 'deadline')).toBe('12 hours left');
  });

  it('has the vnEdu default locks after 15 January and after 31 May', () => {
    const events = nextEvents('vnedu-default', vn('2026-09-05T00:00:00'));
    expect(events.map((o) => [o.entryId, o.at.toISOString()])).toEqual([
      ['semester-1-score-lock', vn('2027-01-16T00:00:00').toISOString()],
      ['year-score-lock', vn('2027-06-01T00:00:00').toISOString()],
    ]);
  });

  it('respects limit and horizon', () => {
    expect(nextEvents('csdl-sync', vn('2026-09-01T00:00:00'), { limit: 2 })).toHaveLength(2);
    expect(nextEvents('csdl-sync', vn('2026-09-01T00:00:00'), { horizonDays: 30 })).toEqual([]);
    expect(nextEvents('csdl-sync', vn('2026-09-01T00:00:00'), { horizonDays: 40 })).toHaveLength(1);
  });
});

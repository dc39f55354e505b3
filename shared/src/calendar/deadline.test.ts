import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deadlineFromEvent } from './deadline';

const vn = (local: string) => new Date(`${local}+07:00`);

describe('deadlineFromEvent (SeqapOnline: 15 days from the event)', () => {
  it('does not count the event day and ends at 24:00 of the 15th day', () => {
    const end = vn('2026-03-17T00:00:00');
    expect(deadlineFromEvent(vn('2026-03-01T00:00:00'))).toEqual(end);
    expect(deadlineFromEvent(vn('2026-03-01T23:59:00'))).toEqual(end);
  });

  it('takes the event day in Vietnam time, not UTC', () => {
    // 20:30 UTC on 28 Feb is 03:30 on 1 March in Vietnam.
    expect(deadlineFromEvent(new Date('2026-02-28T20:30:00Z'))).toEqual(vn('2026-03-17T00:00:00'));
  });

  it('crosses months and years, and takes other periods', () => {
    expect(deadlineFromEvent(vn('2026-12-25T10:00:00'))).toEqual(vn('2027-01-10T00:00:00'));
    expect(deadlineFromEvent(vn('2026-03-01T10:00:00'), 0)).toEqual(vn('2026-03-02T00:00:00'));
    expect(deadlineFromEvent(vn('2026-03-01T10:00:00'), 30)).toEqual(vn('2026-04-01T00:00:00'));
  });

  it('refuses a negative or fractional period', () => {
    expect(() => deadlineFromEvent(new Date(), -1)).toThrow(RangeError);
    expect(() => deadlineFromEvent(new Date(), 1.5)).toThrow(RangeError);
  });

  it('always falls on a Vietnam midnight, more than N and at most N+1 days after the event', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 400 }),
        (event, days) => {
          const deadline = deadlineFromEvent(event, days);
          const gap = deadline.getTime() - event.getTime();
          expect(gap).toBeGreaterThan(days * 86_400_000);
          expect(gap).toBeLessThanOrEqual((days + 1) * 86_400_000);
          expect((deadline.getTime() + 7 * 3_600_000) % 86_400_000).toBe(0);
        },
      ),
    );
  });
});

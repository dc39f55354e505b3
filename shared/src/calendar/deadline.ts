import { vietnamDayOf, vietnamInstant } from '../rules/fields/date';

/**
 * SeqapOnline's rule: data is entered "15 ngày kể từ ngày phát sinh" (within 15 days of the
 * event). Counted as the Civil Code (Bộ luật Dân sự 2015, Điều 147–148) counts days: the event's
 * own day is not counted, and the period ends at 24:00 of its last day, in Vietnam time. An event
 * at any time on 1 March gives 24:00 on 16 March. A last day falling on a holiday is not moved
 * to the next working day: the stricter reading is the safe one for a reminder.
 */
export function deadlineFromEvent(eventInstant: Date, days = 15): Date {
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`days must be a whole number ≥ 0, got ${days}`);
  const eventDay = vietnamDayOf(eventInstant);
  return vietnamInstant({ ...eventDay, day: eventDay.day + days + 1 });
}

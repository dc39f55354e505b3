import { getCalendar, nextEvents, type Occurrence } from '@edulens/shared/calendar';

// Lock periods and update windows of the simulated SMAS, from the Vĩnh Long plan as shared's
// calendar 'smas-vinhlong' states it, read against the simulator's clock. The plan names the day
// the province locks the portal to extract a report; the simulator keeps it read-only for that
// whole day (from 00:00, the calendar's lock instant, to 00:00 the next day). A test can force
// the portal locked or unlocked regardless of the calendar.

export const LOCK_LASTS_MS = 86_400_000;

export interface SmasLockStatus {
  locked: boolean;
  /** The lock in force (undefined when unlocked or forced without one). */
  lock?: Occurrence;
  /** When the portal opens again (undefined when forced). */
  until?: Date;
  /** True when a test forced the state. */
  forced: boolean;
  /** The update window open now, if any. */
  window?: Occurrence;
  /** The next lock to come. */
  nextLock?: Occurrence;
}

const calendar = getCalendar('smas-vinhlong');

export function smasLockStatus(now: number, forced?: boolean): SmasLockStatus {
  const at = new Date(now);
  const events = nextEvents(calendar, at, { lookbackDays: 1, horizonDays: 400 });
  const lock = events.find(
    (e) => e.kind === 'lock' && e.at.getTime() <= now && now < e.at.getTime() + LOCK_LASTS_MS,
  );
  const window = events.find((e) => e.kind === 'update-window' && e.status === 'open');
  const nextLock = events.find((e) => e.kind === 'lock' && e.at.getTime() > now);
  const common = { ...(window && { window }), ...(nextLock && { nextLock }) };
  if (forced !== undefined) return { locked: forced, forced: true, ...common };
  return lock
    ? { locked: true, lock, until: new Date(lock.at.getTime() + LOCK_LASTS_MS), forced: false, ...common }
    : { locked: false, forced: false, ...common };
}

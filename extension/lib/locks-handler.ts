import { handle } from './background-handle';
import { locksFor } from './locks';
import { schoolLockDays } from './storage';

/**
 * Background side of `locks.forBook`: calendars are big, so they stay out of the content script.
 * Call once from the background's main().
 */
export function registerLocksHandler(): void {
  handle('locks.forBook', async ({ calendar, yearStart, now }) => {
    const schoolDays = (await schoolLockDays.getValue())[calendar.id];
    return { locks: locksFor(calendar, yearStart, now, schoolDays) };
  });
}

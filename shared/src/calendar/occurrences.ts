import type { Message } from '../problem';
import { vietnamDayOf, vietnamInstant } from '../rules/fields/date';
import { type CalendarId, getCalendar } from './calendars';
import type { Calendar, CalendarEntry, CalendarEntryKind } from './schema';

export type OccurrenceStatus = 'upcoming' | 'open' | 'past';

/** One dated happening of a calendar entry. */
export interface Occurrence {
  entryId: string;
  kind: CalendarEntryKind;
  title: Message;
  /** When a window (update window, sync day) opens; absent for single instants. */
  start?: Date;
  /** When the entry takes effect: the lock starts, the window closes, the deadline falls. */
  at: Date;
  /** past from `at` on (a lock is in force at its own instant); open inside [start, at). */
  status: OccurrenceStatus;
}

export interface NextEventsOptions {
  /** At most this many occurrences (default: all within the horizon). */
  limit?: number;
  /** How far ahead to look (default 366 days: every yearly entry once). */
  horizonDays?: number;
  /** Also list occurrences whose `at` passed this many days ago (default 0), e.g. "đã khóa". */
  lookbackDays?: number;
}

const DAY_MS = 86_400_000;

/**
 * Occurrences from `now - lookbackDays` to `now + horizonDays`, in time order (a window by its
 * opening). Occurrences in force exactly at `now` are included as past.
 */
export function nextEvents(
  calendar: Calendar | CalendarId,
  now: Date,
  options: NextEventsOptions = {},
): Occurrence[] {
  const { limit = Number.POSITIVE_INFINITY, horizonDays = 366, lookbackDays = 0 } = options;
  const resolved = typeof calendar === 'string' ? getCalendar(calendar) : calendar;
  const earliest = now.getTime() - lookbackDays * DAY_MS;
  const latest = now.getTime() + horizonDays * DAY_MS;
  return resolved.entries
    .flatMap((entry) => occurrencesBetween(entry, earliest, latest))
    .map(({ entry, start, at }) => ({
      entryId: entry.id,
      kind: entry.kind,
      title: entry.title,
      ...(start && { start }),
      at,
      status: statusAt(now, start, at),
    }))
    .sort((a, b) => sortKey(a) - sortKey(b))
    .slice(0, limit);
}

function sortKey(occurrence: Pick<Occurrence, 'start' | 'at'>): number {
  return (occurrence.start ?? occurrence.at).getTime();
}

function statusAt(now: Date, start: Date | undefined, at: Date): OccurrenceStatus {
  if (now.getTime() >= at.getTime()) return 'past';
  if (start && now.getTime() >= start.getTime()) return 'open';
  return 'upcoming';
}

/**
 * A cycle is a year for yearly entries and a month (counted as year·12 + month − 1) for monthly
 * ones; each cycle holds one `at`, and the window opens at the last `opens` before it.
 */
function occurrencesBetween(entry: CalendarEntry, earliest: number, latest: number) {
  // One extra cycle on each side catches windows that straddle the range's ends.
  const first = cycleOf(entry, new Date(earliest)) - 1;
  const last = cycleOf(entry, new Date(latest)) + 1;
  const found: { entry: CalendarEntry; start: Date | undefined; at: Date }[] = [];
  for (let cycle = first; cycle <= last; cycle++) {
    const at = instantIn(cycle, entry.at);
    const start = entry.opens && openingBefore(entry.opens, cycle, at);
    if (at.getTime() >= earliest && (start ?? at).getTime() <= latest) found.push({ entry, start, at });
  }
  return found;
}

/** A window opens in the same cycle as it closes, or else in the one before (28 Dec – 3 Jan). */
function openingBefore(opens: CalendarPoint, cycle: number, at: Date): Date {
  const sameCycle = instantIn(cycle, opens);
  return sameCycle < at ? sameCycle : instantIn(cycle - 1, opens);
}

function cycleOf(entry: CalendarEntry, instant: Date): number {
  const { year, month } = vietnamDayOf(instant);
  return entry.every === 'year' ? year : year * 12 + month - 1;
}

type CalendarPoint = CalendarEntry['at'];

function instantIn(cycle: number, point: CalendarPoint): Date {
  const [hour = 0, minute = 0] = point.time.split(':').map(Number);
  const { year, month } =
    'month' in point
      ? { year: cycle, month: point.month }
      : { year: Math.floor(cycle / 12), month: (cycle % 12) + 1 };
  return vietnamInstant({ year, month, day: point.day }, hour, minute);
}

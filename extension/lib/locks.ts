import {
  type Calendar,
  type CalendarRef,
  calendarIds,
  nextEvents,
  resolveCalendar,
} from '@edulens/shared/calendar';
import type { LockInfo } from '@edulens/shared/page';
import type { LockDay } from './storage-keys';

// Lock instants of a school's grade books, from the profile's calendar, as the overlay, the popup
// and the side panel show them. Pure functions of (calendar, school year, now).

const DAY_MS = 86_400_000;

/** "Học kỳ I" / "HK II" / "2" → 1 | 2. */
export function termOf(text: string | undefined): 1 | 2 | undefined {
  if (!text) return undefined;
  const token = text.trim().split(/\s+/).pop()?.toUpperCase();
  if (token === 'I' || token === '1') return 1;
  if (token === 'II' || token === '2') return 2;
  return undefined;
}

/** "2025-2026" / "2025 - 2026" → 2025. */
export function schoolYearStart(text: string | undefined): number | undefined {
  const match = /(\d{4})\s*[-–/]\s*(\d{4})/.exec(text ?? '');
  return match ? Number(match[1]) : undefined;
}

/** The grade number in "Khối 6" or a class name "6A1". */
export function gradeOf(...texts: (string | undefined)[]): number | undefined {
  for (const text of texts) {
    const match = /\d{1,2}/.exec(text ?? '');
    if (match) {
      const grade = Number(match[0]);
      if (grade >= 1 && grade <= 12) return grade;
    }
  }
  return undefined;
}

const PRINCIPAL_DECISION = 'Quyết định của Hiệu trưởng (nhập trong EduLens)';

/**
 * A profile's calendar: the built-in one, with the profile's province override, then with the lock
 * days the school's principal decided. Undefined for a calendar this build does not know (a profile
 * newer than the extension) or an override that does not fit it.
 */
export function calendarFor(
  ref: CalendarRef,
  schoolDays: Readonly<Record<string, LockDay>> = {},
): Calendar | undefined {
  if (!(calendarIds as readonly string[]).includes(ref.id)) return undefined;
  const resolved = resolveCalendar(ref);
  if (!resolved.ok) return undefined;
  const entries = resolved.calendar.entries.map((entry) => {
    const day = schoolDays[entry.id];
    if (!day || entry.kind !== 'lock' || entry.every !== 'year') return entry;
    const { assumption: _replacedByTheDecision, ...decided } = entry;
    return { ...decided, at: { ...day, time: '24:00' }, source: PRINCIPAL_DECISION };
  });
  return { ...resolved.calendar, entries };
}

/**
 * The lock events of a profile's calendar (see `calendarFor`) for a school year (1 Aug → 31 Jul),
 * or around `now` (last 200 days, next 400) when the year is unknown.
 */
export function locksFor(
  ref: CalendarRef,
  yearStart: number | undefined,
  now: number,
  schoolDays?: Readonly<Record<string, LockDay>>,
): LockInfo[] {
  const calendar = calendarFor(ref, schoolDays);
  if (!calendar) return [];
  const events = nextEvents(calendar, new Date(now), { lookbackDays: 800, horizonDays: 800 }).filter(
    (event) => event.kind === 'lock',
  );
  const from = yearStart === undefined ? now - 200 * DAY_MS : Date.UTC(yearStart, 7, 1) - 7 * 3_600_000;
  const to = yearStart === undefined ? now + 400 * DAY_MS : Date.UTC(yearStart + 1, 7, 1) - 7 * 3_600_000;
  return events
    .filter((event) => event.at.getTime() >= from && event.at.getTime() < to)
    .map((event) => ({
      id: event.entryId,
      title: event.title,
      at: event.at.toISOString(),
      locked: now >= event.at.getTime(),
    }));
}

/**
 * The lock of one term's book: semester I → the entry titled for semester I; semester II → the
 * one for semester II or the whole year. Falls back to the next lock.
 */
export function lockForTerm(locks: readonly LockInfo[], term: 1 | 2 | undefined): LockInfo | undefined {
  const semesterI = (lock: LockInfo) => /học kỳ i\b(?!i)|\bhk ?i\b(?!i)/i.test(lock.title.vi);
  const semesterII = (lock: LockInfo) => /học kỳ ii|\bhk ?ii\b|cả năm/i.test(lock.title.vi);
  const found =
    term === 1 ? locks.find(semesterI) : term === 2 ? locks.find(semesterII) : locks.find((l) => !l.locked);
  return found ?? locks.find((lock) => !lock.locked) ?? locks[locks.length - 1];
}

export type DurationUnit = 'day' | 'hour' | 'minute';

/** The two largest non-zero units of a duration, rounded down (never promises more time). */
export function durationParts(ms: number): { unit: DurationUnit; amount: number }[] {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  const amounts: { unit: DurationUnit; amount: number }[] = [
    { unit: 'day', amount: Math.floor(minutes / 1440) },
    { unit: 'hour', amount: Math.floor((minutes % 1440) / 60) },
    { unit: 'minute', amount: minutes % 60 },
  ];
  const first = amounts.findIndex((part) => part.amount > 0);
  if (first < 0) return [];
  return amounts.slice(first, first + 2).filter((part) => part.amount > 0);
}

/** Below this the countdown turns to warning colours. */
export const WARNING_MS = 48 * 3_600_000;
/** Below this it is urgent. */
export const URGENT_MS = 6 * 3_600_000;

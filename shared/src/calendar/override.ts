import { z } from 'zod';
import { type Problem, problem } from '../problem';
import { calendarIds, getCalendar } from './calendars';
import { type Calendar, type CalendarOverride, calendarOverrideSchema } from './schema';

export type CalendarResult = { ok: true; calendar: Calendar } | { ok: false; problems: Problem[] };

/** How a profile names its calendar: a built-in id and, for a province, its override. */
export const calendarRefSchema = z.strictObject({
  id: z.enum(calendarIds),
  override: calendarOverrideSchema.optional(),
});

export type CalendarRef = z.infer<typeof calendarRefSchema>;

/**
 * A new calendar with the province's changes; the given one is not modified. Refuses (with one
 * problem per mistake) to replace or remove an entry that does not exist, to add one that does,
 * or to name an entry twice.
 */
export function applyCalendarOverride(calendar: Calendar, override: CalendarOverride): CalendarResult {
  const existing = new Set(calendar.entries.map((entry) => entry.id));
  const named = new Set<string>();
  const problems: Problem[] = [];
  const lists = [
    ['replace', (override.replace ?? []).map((entry) => entry.id)],
    ['add', (override.add ?? []).map((entry) => entry.id)],
    ['remove', override.remove ?? []],
  ] as const;
  for (const [list, ids] of lists) {
    ids.forEach((id, index) => {
      const where = `${list}[${index}]`;
      if (named.has(id)) {
        problems.push(
          overrideProblem(
            `${where}: mục "${id}" đã được nêu ở chỗ khác trong phần ghi đè`,
            `${where}: entry "${id}" is already named elsewhere in the override`,
          ),
        );
      } else if (list === 'add' && existing.has(id)) {
        problems.push(
          overrideProblem(
            `${where}: lịch "${calendar.id}" đã có mục "${id}" — dùng "replace" để thay`,
            `${where}: calendar "${calendar.id}" already has entry "${id}" — use "replace"`,
          ),
        );
      } else if (list !== 'add' && !existing.has(id)) {
        problems.push(
          overrideProblem(
            `${where}: lịch "${calendar.id}" không có mục "${id}"`,
            `${where}: calendar "${calendar.id}" has no entry "${id}"`,
          ),
        );
      }
      named.add(id);
    });
  }
  if (problems.length > 0) return { ok: false, problems };

  const removed = new Set(override.remove);
  const replacements = new Map((override.replace ?? []).map((entry) => [entry.id, entry]));
  const entries = calendar.entries
    .filter((entry) => !removed.has(entry.id))
    .map((entry) => replacements.get(entry.id) ?? entry)
    .concat(override.add ?? []);
  return { ok: true, calendar: { ...calendar, province: override.province, entries } };
}

function overrideProblem(vi: string, en: string): Problem {
  return problem('calendar.override', 'error', vi, en);
}

/** The calendar a profile names: the built-in one, with the province's override applied. */
export function resolveCalendar(ref: CalendarRef): CalendarResult {
  const calendar = getCalendar(ref.id);
  return ref.override ? applyCalendarOverride(calendar, ref.override) : { ok: true, calendar };
}

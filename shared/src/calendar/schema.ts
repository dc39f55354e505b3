import { z } from 'zod';
import { addBilingualIssue, idSchema, messageSchema, textMatching } from '../profiles/zod-kit';
import { daysInMonth } from '../rules/fields/date';

/**
 * Wall-clock time in Vietnam at which an entry takes effect. "00:00" is the start of the day and
 * "24:00" its end, so that "locked on 31 May" and "no edits after 31 May" can be told apart.
 */
const timeOfDaySchema = textMatching(
  /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/,
  'phải là giờ dạng HH:MM từ 00:00 đến 24:00',
  'must be a time HH:MM from 00:00 to 24:00',
);

const yearlyPointSchema = z.strictObject({
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  time: timeOfDaySchema,
});

/** Days 29–31 are refused for monthly entries: not every month has them. */
const monthlyPointSchema = z.strictObject({ day: z.number().int().min(1).max(28), time: timeOfDaySchema });

export const calendarEntryKinds = ['lock', 'update-window', 'sync', 'deadline'] as const;

const entryFields = {
  id: idSchema,
  /**
   * lock: the portal becomes read-only at `at`. update-window: data may be updated from `opens`
   * until `at`. sync: data goes to the ministry database by `at` (from `opens` when it is a day's
   * job). deadline: something must be sent before `at`.
   */
  kind: z.enum(calendarEntryKinds),
  title: messageSchema,
  /** The document that sets the date, quoted by number so a user can check it. */
  source: z.string().min(1),
  /** Set when the date is EduLens' assumption rather than the source's words. */
  assumption: messageSchema.optional(),
};

const yearlyEntrySchema = z.strictObject({
  ...entryFields,
  every: z.literal('year'),
  at: yearlyPointSchema,
  opens: yearlyPointSchema.optional(),
});

const monthlyEntrySchema = z.strictObject({
  ...entryFields,
  every: z.literal('month'),
  at: monthlyPointSchema,
  opens: monthlyPointSchema.optional(),
});

/** Whether a day of the year exists every year (29 February does not): what a yearly entry may name. */
export function existsEveryYear({ month, day }: { month: number; day: number }): boolean {
  return (
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(2001, month)
  );
}

export const calendarEntrySchema = z
  .discriminatedUnion('every', [yearlyEntrySchema, monthlyEntrySchema])
  .superRefine((entry, ctx) => {
    if (entry.every === 'year') {
      for (const key of ['at', 'opens'] as const) {
        const point = entry[key];
        if (point && !existsEveryYear(point)) {
          addBilingualIssue(
            ctx,
            [key, 'day'],
            `tháng ${point.month} không có ngày ${point.day} hằng năm`,
            `month ${point.month} has no day ${point.day} every year`,
          );
        }
      }
    }
    if (entry.kind === 'update-window' && !entry.opens) {
      addBilingualIssue(
        ctx,
        ['opens'],
        'thời gian cập nhật cần ngày mở ("opens")',
        'an update window needs its opening ("opens")',
      );
    }
    if ((entry.kind === 'lock' || entry.kind === 'deadline') && entry.opens) {
      addBilingualIssue(
        ctx,
        ['opens'],
        `mục loại "${entry.kind}" là một thời điểm, không có ngày mở ("opens")`,
        `a "${entry.kind}" entry is an instant and has no opening ("opens")`,
      );
    }
  });

export const calendarSchema = z
  .strictObject({
    id: idSchema,
    name: messageSchema,
    /** Province whose override produced this calendar, when one did. */
    province: z.string().min(1).optional(),
    /** What holds for every entry, e.g. that the dates are one province's and one year's. */
    assumption: messageSchema.optional(),
    entries: z.array(calendarEntrySchema),
  })
  .superRefine((calendar, ctx) => {
    const seen = new Set<string>();
    calendar.entries.forEach((entry, index) => {
      if (seen.has(entry.id)) {
        addBilingualIssue(
          ctx,
          ['entries', index, 'id'],
          `mã mục "${entry.id}" bị trùng`,
          `entry id "${entry.id}" is used twice`,
        );
      }
      seen.add(entry.id);
    });
  });

/**
 * A province's changes to a built-in calendar, entry by entry: replace keeps an entry's id with
 * new dates, add brings new entries, remove drops entries that do not apply there.
 */
export const calendarOverrideSchema = z.strictObject({
  province: z.string().min(1),
  source: z.string().min(1).optional(),
  replace: z.array(calendarEntrySchema).optional(),
  add: z.array(calendarEntrySchema).optional(),
  remove: z.array(idSchema).optional(),
});

export type CalendarEntryKind = (typeof calendarEntryKinds)[number];
export type CalendarEntry = z.infer<typeof calendarEntrySchema>;
export type Calendar = z.infer<typeof calendarSchema>;
export type CalendarOverride = z.infer<typeof calendarOverrideSchema>;

export { type CalendarId, calendarIds, getCalendar } from './calendars';
export { deadlineFromEvent } from './deadline';
export { countdownText, formatInstant } from './format';
export { type NextEventsOptions, nextEvents, type Occurrence, type OccurrenceStatus } from './occurrences';
export {
  applyCalendarOverride,
  type CalendarRef,
  type CalendarResult,
  calendarRefSchema,
  resolveCalendar,
} from './override';
export {
  type Calendar,
  type CalendarEntry,
  type CalendarEntryKind,
  type CalendarOverride,
  calendarEntryKinds,
  calendarEntrySchema,
  calendarOverrideSchema,
  calendarSchema,
  existsEveryYear,
} from './schema';

import { calendar } from '@edulens/shared';
import type { Command } from 'commander';
import { CommandError, EXIT_UNUSABLE, guarded } from './guard';
import { textTable } from '../workbook/text-table';

interface CalendarOptions {
  profile?: string;
  at?: string;
  json?: boolean;
}

/** Occurrences shown per calendar: enough for the coming term without a year of monthly reports. */
const perCalendar = 10;

const kindLabel: Record<calendar.CalendarEntryKind, string> = {
  lock: 'Khóa sổ / Lock',
  'update-window': 'Cập nhật / Update window',
  sync: 'Đồng bộ / Sync',
  deadline: 'Hạn nộp / Deadline',
};

/** An ISO-8601 instant; without an offset it is read as Vietnam time, the calendars' own zone. */
function parseAt(at: string | undefined): Date {
  if (at === undefined) return new Date();
  const withTime = /T/.test(at) ? at : `${at}T00:00`;
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(withTime) ? withTime : `${withTime}+07:00`;
  const instant = /^\d{4}-\d{2}-\d{2}T/.test(zoned) ? new Date(zoned) : new Date(Number.NaN);
  if (Number.isNaN(instant.getTime())) {
    throw new CommandError(
      `--at "${at}" không phải thời điểm ISO-8601 (ví dụ 2026-12-24T10:00:00+07:00)`,
      `--at "${at}" is not an ISO-8601 instant (e.g. 2026-12-24T10:00:00+07:00)`,
    );
  }
  return instant;
}

function chosenCalendars(id: string | undefined): calendar.Calendar[] {
  if (id === undefined) return calendar.calendarIds.map((known) => calendar.getCalendar(known));
  const known: readonly string[] = calendar.calendarIds;
  if (!known.includes(id)) {
    throw new CommandError(
      `Không có lịch "${id}"; chọn một trong: ${known.join(', ')}`,
      `No calendar "${id}"; choose one of: ${known.join(', ')}`,
    );
  }
  return [calendar.getCalendar(id as calendar.CalendarId)];
}

function eventJson(event: calendar.Occurrence, now: Date) {
  return {
    entryId: event.entryId,
    kind: event.kind,
    title: event.title.vi,
    titleEn: event.title.en,
    ...(event.start && {
      start: event.start.toISOString(),
      startLocal: calendar.formatInstant(event.start, 'vi'),
    }),
    at: event.at.toISOString(),
    atLocal: calendar.formatInstant(event.at, 'vi'),
    status: event.status,
    countdown: calendar.countdownText(now, event.at, 'vi', event.kind),
    countdownEn: calendar.countdownText(now, event.at, 'en', event.kind),
  };
}

function whenText(event: calendar.Occurrence): string {
  const at = calendar.formatInstant(event.at, 'vi');
  return event.start ? `${calendar.formatInstant(event.start, 'vi')} → ${at}` : at;
}

function eventRow(event: calendar.Occurrence, now: Date): string[] {
  const open = event.status === 'open' ? 'ĐANG MỞ / OPEN — ' : '';
  const left = `${open}${calendar.countdownText(now, event.at, 'vi', event.kind)} / ${calendar.countdownText(now, event.at, 'en', event.kind)}`;
  return [whenText(event), kindLabel[event.kind], `${event.title.vi} / ${event.title.en}`, left];
}

async function showCalendar(options: CalendarOptions): Promise<number> {
  const now = parseAt(options.at);
  const calendars = chosenCalendars(options.profile).map((chosen) => ({
    chosen,
    events: calendar.nextEvents(chosen, now, { limit: perCalendar }),
  }));
  if (options.json) {
    const json = {
      at: now.toISOString(),
      atLocal: calendar.formatInstant(now, 'vi'),
      timeZone: 'Asia/Ho_Chi_Minh',
      calendars: calendars.map(({ chosen, events }) => ({
        id: chosen.id,
        name: chosen.name.vi,
        nameEn: chosen.name.en,
        events: events.map((event) => eventJson(event, now)),
      })),
    };
    console.log(JSON.stringify(json, null, 2));
    return 0;
  }
  const sections = calendars.map(({ chosen, events }) =>
    [
      `== ${chosen.name.vi} / ${chosen.name.en} (${chosen.id})`,
      textTable(
        [
          ['Thời điểm (giờ VN) / When (GMT+7)', 'Loại / Kind', 'Việc / Event', 'Còn lại / Time left'],
          ...events.map((e) => eventRow(e, now)),
        ],
        '  ',
      ),
    ].join('\n'),
  );
  console.log([`Tính từ / As of: ${calendar.formatInstant(now, 'vi')}`, '', ...sections].join('\n'));
  return 0;
}

export function registerCalendar(program: Command): void {
  program
    .command('calendar')
    .summary('lịch khóa sổ, cập nhật, đồng bộ / lock, update and sync calendar')
    .description(
      'Các mốc khóa sổ, thời gian cập nhật và ngày đồng bộ sắp tới, giờ Việt Nam (GMT+7), kèm thời gian còn lại.\n' +
        'The next locks, update windows and sync dates in Vietnam time (GMT+7), with countdowns.',
    )
    .option(
      '--profile <id>',
      `lịch / calendar: ${calendar.calendarIds.join(' | ')} (mặc định: tất cả / default: all)`,
    )
    .option(
      '--at <iso>',
      'tính từ thời điểm này thay vì bây giờ / as of this ISO-8601 instant instead of now',
    )
    .option('--json', 'in một đối tượng JSON / print one JSON object')
    .action(guarded(showCalendar, { failureExitCode: EXIT_UNUSABLE }));
}

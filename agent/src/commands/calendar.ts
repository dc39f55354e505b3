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

type Entry = calendar.Calendar['entries'][number];

/** Every built-in calendar is one province's (or district's) document: a plan to override, not a law. */
const overrideNote = {
  vi: 'Ngày theo văn bản của một địa phương, không phải quy định chung: hãy ghi đè theo kế hoạch của tỉnh hoặc trường bạn (calendar.override trong hồ sơ cổng).',
  en: "One locality's dates, not a national rule: override them with your own province's or school's plan (calendar.override in the portal profile).",
};

function entryOf(chosen: calendar.Calendar, event: calendar.Occurrence): Entry | undefined {
  return chosen.entries.find((entry) => entry.id === event.entryId);
}

/** The documents the calendar's dates come from, each once with its sections, in entry order. */
function sourcesOf(chosen: calendar.Calendar): string[] {
  const sections = new Map<string, string[]>();
  for (const { source } of chosen.entries) {
    const [document = source, section] = source.split(', mục ');
    const known = sections.get(document) ?? [];
    if (section !== undefined && !known.includes(section)) known.push(section);
    sections.set(document, known);
  }
  return [...sections].map(([document, parts]) =>
    parts.length === 0 ? document : `${document}, mục ${parts.join(', ')}`,
  );
}

function eventJson(chosen: calendar.Calendar, event: calendar.Occurrence, now: Date) {
  const entry = entryOf(chosen, event);
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
    ...(entry && { source: entry.source }),
    ...(entry?.assumption && { assumption: entry.assumption.vi, assumptionEn: entry.assumption.en }),
  };
}

function whenText(event: calendar.Occurrence): string {
  const at = calendar.formatInstant(event.at, 'vi');
  return event.start ? `${calendar.formatInstant(event.start, 'vi')} → ${at}` : at;
}

function timeLeft(event: calendar.Occurrence, now: Date): string {
  const open = event.status === 'open' ? 'ĐANG MỞ / OPEN — ' : '';
  return `${open}${calendar.countdownText(now, event.at, 'vi', event.kind)} / ${calendar.countdownText(now, event.at, 'en', event.kind)}`;
}

function eventRow(event: calendar.Occurrence, now: Date): string[] {
  return [
    whenText(event),
    kindLabel[event.kind],
    `${event.title.vi} / ${event.title.en}`,
    timeLeft(event, now),
  ];
}

const width = (line: string) => [...line].length;

/** Breaks `text` at spaces into lines of at most `columns`, each starting with `indent`. */
export function wrap(text: string, columns: number, indent = '', hanging = indent): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const word of text.split(' ')) {
    const lead = lines.length === 0 ? indent : hanging;
    if (line !== lead && width(line) + 1 + width(word) > columns) {
      lines.push(line);
      line = hanging + word;
    } else {
      line = line === lead ? line + word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines;
}

/**
 * The console's width: COLUMNS when set, else the terminal's; unlimited when writing to a file
 * or a pipe, where a table stays one line per entry for grep.
 */
function consoleColumns(): number {
  const fromEnv = Number(process.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : Infinity;
}

/** One entry as a block of short lines, for a console too narrow for the table. */
function eventBlock(chosen: calendar.Calendar, event: calendar.Occurrence, now: Date, columns: number) {
  const entry = entryOf(chosen, event);
  const line = (text: string) => wrap(text, columns, '    ', '      ');
  return [
    ...wrap(`${whenText(event)} — ${kindLabel[event.kind]}`, columns, '  ', '    '),
    ...line(event.title.vi),
    ...line(event.title.en),
    ...line(timeLeft(event, now)),
    ...(entry ? line(`Nguồn / Source: ${entry.source}`) : []),
    ...(entry?.assumption ? [...line(entry.assumption.vi), ...line(entry.assumption.en)] : []),
  ].join('\n');
}

function calendarSection(
  chosen: calendar.Calendar,
  events: calendar.Occurrence[],
  now: Date,
  columns: number,
): string {
  const about = [
    ...wrap(`== ${chosen.name.vi} / ${chosen.name.en} (${chosen.id})`, columns, '', '   '),
    ...sourcesOf(chosen).flatMap((source) => wrap(`Nguồn / Source: ${source}`, columns, '  ', '    ')),
    // A calendar's own assumption already says what to override; the others get the general note.
    ...[chosen.assumption ?? overrideNote].flatMap((note) => [
      ...wrap(note.vi, columns, '  ', '  '),
      ...wrap(note.en, columns, '  ', '  '),
    ]),
  ].join('\n');
  const table = textTable(
    [
      ['Thời điểm (giờ VN) / When (GMT+7)', 'Loại / Kind', 'Việc / Event', 'Còn lại / Time left'],
      ...events.map((event) => eventRow(event, now)),
    ],
    '  ',
    // EduLens's own calendar text, shown whole: a console too narrow for it gets blocks below.
    Number.POSITIVE_INFINITY,
  );
  if (table.split('\n').every((line) => width(line) <= columns)) {
    // Each assumed entry once, however many of its occurrences the table shows.
    const shown = new Map(events.map((event) => [event.entryId, event]));
    const assumed = [...shown.values()].flatMap((event) => {
      const assumption = entryOf(chosen, event)?.assumption;
      return assumption
        ? [`  * ${event.title.vi}: ${assumption.vi}`, `    ${event.title.en}: ${assumption.en}`]
        : [];
    });
    return [about, table, ...assumed].join('\n');
  }
  return [about, ...events.map((event) => eventBlock(chosen, event, now, columns))].join('\n\n');
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
        sources: sourcesOf(chosen),
        ...(chosen.assumption && { assumption: chosen.assumption.vi, assumptionEn: chosen.assumption.en }),
        note: overrideNote.vi,
        noteEn: overrideNote.en,
        events: events.map((event) => eventJson(chosen, event, now)),
      })),
    };
    console.log(JSON.stringify(json, null, 2));
    return 0;
  }
  const columns = consoleColumns();
  const sections = calendars.map(({ chosen, events }) => calendarSection(chosen, events, now, columns));
  console.log([`Tính từ / As of: ${calendar.formatInstant(now, 'vi')}`, ...sections].join('\n\n'));
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

import type { Lang } from '../problem';
import type { CalendarEntryKind } from './schema';

const MINUTE_MS = 60_000;

// What a countdown says once its instant has come, by what the instant was.
const PAST_TEXT: Record<CalendarEntryKind | 'any', Record<Lang, string>> = {
  lock: { vi: 'đã khóa', en: 'locked' },
  'update-window': { vi: 'đã hết thời gian cập nhật', en: 'update window closed' },
  sync: { vi: 'đã qua hạn đồng bộ', en: 'sync date passed' },
  deadline: { vi: 'đã quá hạn', en: 'overdue' },
  any: { vi: 'đã qua', en: 'passed' },
};

const UNITS = {
  day: { vi: 'ngày', en: ['day', 'days'] },
  hour: { vi: 'giờ', en: ['hour', 'hours'] },
  minute: { vi: 'phút', en: ['minute', 'minutes'] },
} as const;

type Unit = keyof typeof UNITS;

/**
 * Time left from `from` to `to` in its two largest units ("còn 2 ngày 5 giờ", "còn 45 phút"),
 * rounded down so it never promises more time than there is. At or after `to` it says what has
 * happened, by kind ("đã khóa" for a lock).
 */
export function countdownText(from: Date, to: Date, lang: Lang, kind?: CalendarEntryKind): string {
  if (to.getTime() <= from.getTime()) return PAST_TEXT[kind ?? 'any'][lang];
  const totalMinutes = Math.floor((to.getTime() - from.getTime()) / MINUTE_MS);
  if (totalMinutes === 0) return lang === 'vi' ? 'còn chưa đầy 1 phút' : 'less than a minute left';
  const amounts: [Unit, number][] = [
    ['day', Math.floor(totalMinutes / 1440)],
    ['hour', Math.floor((totalMinutes % 1440) / 60)],
    ['minute', totalMinutes % 60],
  ];
  const largest = amounts.findIndex(([, amount]) => amount > 0);
  const parts = amounts.slice(largest, largest + 2).filter(([, amount]) => amount > 0);
  const text = parts.map(([unit, amount]) => `${amount} ${unitName(unit, amount, lang)}`).join(' ');
  return lang === 'vi' ? `còn ${text}` : `${text} left`;
}

function unitName(unit: Unit, amount: number, lang: Lang): string {
  return lang === 'vi' ? UNITS[unit].vi : UNITS[unit].en[amount === 1 ? 0 : 1];
}

/**
 * An instant as people in Vietnam read it, with the zone spelled out for anyone elsewhere:
 * "00:00 31/05/2027 (GMT+7)"; in English the month is named ("00:00 31 May 2027 (GMT+7)") so
 * that it cannot be read month-first.
 */
export function formatInstant(instant: Date, lang: Lang): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      hourCycle: 'h23',
      year: 'numeric',
      month: lang === 'vi' ? '2-digit' : 'short',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const date =
    lang === 'vi' ? `${parts.day}/${parts.month}/${parts.year}` : `${parts.day} ${parts.month} ${parts.year}`;
  return `${parts.hour}:${parts.minute} ${date} (GMT+7)`;
}

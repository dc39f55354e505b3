import type { Message } from '@edulens/shared';
import {
  type CalendarId,
  calendarIds,
  formatInstant,
  getCalendar,
  nextEvents,
  type Occurrence,
} from '@edulens/shared/calendar';
import type { LockInfo } from '@edulens/shared/page';
import type { Profile } from '@edulens/shared/profiles';
import type { Clock } from '../lib/clock';
import { currentLang, pick } from '../lib/i18n';
import { lockBanner } from '../lib/lock-banner';
import { lockDurationText, lockState } from '../lib/lock-text';
import { sendToBackground } from '../lib/messages';
import { h, type Overlay } from '../lib/overlay';
import { DEADLINE_TEXT } from '../lib/records/text';

// On record pages, the profile's calendar: the next lock ("<lock title> sau 2 ngày 5 giờ", the
// instant on hover, warning colours in the last 48 hours), or the portal's own lock when the form on
// screen is read-only, and the update window before the lock (open and closing, or when it opens).
// Grade books have their own per-term banner (lock-countdown.ts). A built-in calendar is read here;
// one with a province's override is the background's to apply (it validates the override, and this
// script stays free of zod), and its answer holds the locks alone.

const TICK_MS = 30_000;

export interface RecordCountdownDeps {
  profile: Profile;
  overlay: Overlay;
  clock: Clock;
  signal: AbortSignal;
  /** The record on screen is locked by the portal. */
  portalLocked(): boolean;
}

/** Shows the banner; answers its refresh (another record shows, locked or not). */
export function mountRecordCountdown({
  profile,
  overlay,
  clock,
  signal,
  portalLocked,
}: RecordCountdownDeps): () => void {
  const ref = profile.calendar;
  const builtIn =
    ref.override === undefined && (calendarIds as readonly string[]).includes(ref.id)
      ? getCalendar(ref.id as CalendarId)
      : undefined;
  let answered: LockInfo[] = [];
  const deadlines = (now: number): { lock?: { title: Message; at: Date }; window?: Occurrence } => {
    if (!builtIn) {
      const lock = answered.find((l) => Date.parse(l.at) > now);
      return { ...(lock && { lock: { title: lock.title, at: new Date(lock.at) } }) };
    }
    const events = nextEvents(builtIn, new Date(now), { horizonDays: 400 });
    return {
      lock: events.find((event) => event.kind === 'lock'),
      window: events.find((event) => event.kind === 'update-window'),
    };
  };
  const lockLine = h('div', { 'data-testid': 'record-lock' });
  const windowLine = h('div', { class: 'window-line', 'data-testid': 'record-window' });
  const banner = lockBanner(overlay, 'record-countdown', 'record-countdown', lockLine, windowLine);
  overlay.style('.window-line{font-weight:400}');
  const exact = (at: Date) => formatInstant(at, currentLang());

  const update = () => {
    const now = clock.now();
    const { lock, window } = deadlines(now);
    const byPortal = portalLocked();
    banner.hidden = !lock && !byPortal;
    if (lock || byPortal) {
      const state = byPortal ? 'locked' : lockState({ at: lock!.at.toISOString(), locked: false }, now);
      banner.dataset.state = state;
      lockLine.textContent = byPortal
        ? pick(DEADLINE_TEXT.lockedByPortal)
        : pick(DEADLINE_TEXT.lockIn(lock!.title, lockDurationText(lock!.at.getTime() - now)));
      lockLine.title = lock ? exact(lock.at) : '';
      if (lock) banner.dataset.at = lock.at.toISOString();
    }
    windowLine.hidden = !window;
    if (window) {
      const open = window.status === 'open';
      const until = open ? window.at : (window.start ?? window.at);
      windowLine.textContent = pick(
        (open ? DEADLINE_TEXT.windowOpen : DEADLINE_TEXT.windowNext)(
          window.title,
          lockDurationText(until.getTime() - now),
        ),
      );
      windowLine.title = exact(until);
      windowLine.dataset.open = String(open);
    }
  };
  const load = async () => {
    if (!builtIn) {
      const answer = await sendToBackground('locks.forBook', { calendar: ref, now: clock.now() }).catch(
        () => ({
          locks: [] as LockInfo[],
        }),
      );
      if (signal.aborted) return;
      answered = answer.locks;
    }
    update();
  };
  void load();
  const timer = setInterval(update, TICK_MS);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  clock.onChange(() => void load(), signal);
  return update;
}

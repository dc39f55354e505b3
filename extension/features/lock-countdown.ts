import { formatInstant } from '@edulens/shared/calendar';
import { defineFeature } from '../lib/feature';
import { currentLang, t } from '../lib/i18n';
import { lockDurationText, lockState } from '../lib/lock-text';
import { lockForTerm, schoolYearStart, termOf } from '../lib/locks';
import { sendToBackground } from '../lib/messages';
import type { LockInfo } from '@edulens/shared/page';
import { lockBanner } from '../lib/lock-banner';
import type { PortalGrid } from '../lib/portal/grid';

// A banner with the next lock of the book on screen ("Khóa sổ điểm HK I sau 2 ngày 5 giờ"),
// the exact instant on hover, warning colours in the last 48 hours, and "Đã khóa" once the
// instant has passed or the portal shows the whole book locked.

const TICK_MS = 30_000;

function termLabel(term: 1 | 2 | undefined, lock: LockInfo): string {
  if (term === 1) return t('lock_termI');
  if (term === 2) return t('lock_termII');
  return currentLang() === 'vi' ? lock.title.vi : lock.title.en;
}

export const lockCountdown = defineFeature({
  id: 'lock-countdown',
  runsOn: ['grade-grid'],
  mount(ctx) {
    const { grid, overlay, signal, clock } = ctx;
    const context = grid.context();
    const term = termOf(context.term);
    const year = schoolYearStart(context.schoolYear);
    const banner = lockBanner(overlay, 'lock-countdown', 'lock-banner');

    let last = '';
    let locks: LockInfo[] = [];
    const load = async () => {
      const answer = await sendToBackground('locks.forBook', {
        calendar: ctx.profile.calendar,
        ...(year !== undefined && { yearStart: year }),
        now: clock.now(),
      }).catch(() => ({ locks: [] as LockInfo[] }));
      if (signal.aborted) return;
      locks = answer.locks;
      update();
    };
    const update = () => {
      const now = clock.now();
      const lock = lockForTerm(locks, term);
      // A book whose every entry cell is locked is locked, whatever the calendar says.
      const portalLocked = allEntryCellsLocked(ctx.grid);
      if (!lock && !portalLocked) {
        banner.hidden = true;
        return;
      }
      banner.hidden = false;
      const at = lock ? Date.parse(lock.at) : undefined;
      const left = at === undefined ? 0 : at - now;
      const state = lock ? lockState({ at: lock.at, locked: portalLocked }, now) : 'locked';
      const locked = state === 'locked';
      const label = lock ? termLabel(term, lock) : term === 2 ? t('lock_termII') : t('lock_termI');
      const text = locked ? t('lock_bannerLocked', label) : t('lock_banner', [label, lockDurationText(left)]);
      const exact =
        at === undefined
          ? t('lock_lockedByPortal')
          : t(at <= now ? 'lock_lockedAt' : 'lock_exactAt', formatInstant(new Date(at), currentLang()));
      const key = `${state}|${text}|${exact}`;
      if (key !== last) {
        last = key;
        banner.dataset.state = state;
        banner.textContent = text;
        banner.title = exact;
        if (at !== undefined) banner.dataset.at = new Date(at).toISOString();
      }
      ctx.report({
        locks: locks.map((l) =>
          l.id === lock?.id ? { ...l, locked } : { ...l, locked: Date.parse(l.at) <= now },
        ),
      });
    };

    banner.hidden = true;
    void load();
    const timer = setInterval(update, TICK_MS);
    signal.addEventListener('abort', () => clearInterval(timer), { once: true });
    clock.onChange(() => void load(), signal);
  },
});

function allEntryCellsLocked(grid: PortalGrid): boolean {
  let entries = 0;
  for (const row of grid.rows()) {
    for (const cell of row.cells) {
      if (cell.column.computed) continue;
      entries++;
      if (!cell.locked) return false;
    }
  }
  return entries > 0;
}

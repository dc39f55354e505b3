import { formatInstant } from '@edulens/shared/calendar';
import { currentLang, pick, t } from './i18n';
import { durationParts, URGENT_MS, WARNING_MS } from './locks';
import type { LockInfo } from '@edulens/shared/page';

// How locks read in the overlay, the popup and the side panel.

export type LockState = 'normal' | 'warning' | 'urgent' | 'locked';

/** "2 ngày 5 giờ" / "2 d 5 h": the two largest units, rounded down. */
export function lockDurationText(ms: number): string {
  const parts = durationParts(ms);
  if (parts.length === 0) return t('lock_lessThanMinute');
  return parts.map((part) => t(`lock_unit_${part.unit}`, part.amount)).join(' ');
}

export function lockState(lock: Pick<LockInfo, 'at' | 'locked'>, now: number): LockState {
  const left = Date.parse(lock.at) - now;
  if (lock.locked || left <= 0) return 'locked';
  return left <= URGENT_MS ? 'urgent' : left <= WARNING_MS ? 'warning' : 'normal';
}

/** "sau 2 ngày 5 giờ" for the popup's list, or "Đã khóa". */
export function lockLine(
  lock: LockInfo,
  now: number,
): { title: string; when: string; exact: string; state: LockState } {
  const state = lockState(lock, now);
  const at = new Date(lock.at);
  return {
    title: pick(lock.title),
    when: state === 'locked' ? t('lock_locked') : lockDurationText(at.getTime() - now),
    exact: formatInstant(at, currentLang()),
    state,
  };
}

import type { SmasLockStatus } from '../../common/locks';
import { escapeHtml } from '../../../vnedu/views/html';
import { formatVnDateTime } from '../../../vnedu/sim-clock';

// The line above the list and the form: the lock in force and until when, or the update
// window open now. Empty when neither applies.

export function lockText(status: SmasLockStatus): string | undefined {
  if (!status.locked) return undefined;
  if (status.lock && status.until) {
    return `${status.lock.title.vi} — dữ liệu chỉ được xem đến ${formatVnDateTime(status.until.getTime())}. Thầy/cô chưa thể cập nhật hồ sơ.`;
  }
  return 'Dữ liệu đang khóa theo yêu cầu của Sở GD&ĐT. Thầy/cô chưa thể cập nhật hồ sơ.';
}

export function lockBanner(status: SmasLockStatus): string {
  const locked = lockText(status);
  if (locked) return `<div class="lock-banner" id="divKhoaDuLieu">${escapeHtml(locked)}</div>`;
  if (status.window) {
    return `<div class="window-banner" id="divCapNhat">Đang trong thời gian "${escapeHtml(status.window.title.vi)}" đến ${escapeHtml(formatVnDateTime(status.window.at.getTime()))}.</div>`;
  }
  return '';
}

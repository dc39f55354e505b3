import { formatVnDateTime } from '../../vnedu/sim-clock';
import { smasLockStatus } from '../common/locks';
import { type Semester, SEMESTER_NAMES } from './subjects';

// Whether a semester's marks can be written now: the SMAS calendar's lock days (the province
// locks the whole portal to extract a report), unless a test forced the semester either way.

export interface SemesterLock {
  locked: boolean;
  /** Why and until when, in Vietnamese, while locked. */
  message?: string;
}

export function semesterLock(semester: Semester, now: number, forced?: boolean): SemesterLock {
  const name = SEMESTER_NAMES[semester];
  if (forced !== undefined)
    return forced
      ? { locked: true, message: `${name} đã khóa sổ, không thể cập nhật điểm.` }
      : { locked: false };
  const status = smasLockStatus(now);
  if (!status.locked) return { locked: false };
  const why = status.lock ? ` (${status.lock.title.vi})` : '';
  const until = status.until ? ` đến ${formatVnDateTime(status.until.getTime())}` : '';
  return { locked: true, message: `${name} đang khóa sổ${why}${until}, không thể cập nhật điểm.` };
}

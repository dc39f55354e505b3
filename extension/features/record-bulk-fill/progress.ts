import type { Message } from '@edulens/shared';

// The progress line of a fill: "12/60 hồ sơ — còn khoảng 1 phút 5 giây", the time left estimated
// from the records done so far (the portal's pace, which is most of it).

/** Milliseconds left at the pace so far; undefined before the first record is done. */
export function timeLeftMs(done: number, total: number, elapsedMs: number): number | undefined {
  if (done <= 0 || elapsedMs <= 0) return undefined;
  return Math.max(0, ((total - done) * elapsedMs) / done);
}

function duration(ms: number): Message {
  const seconds = Math.max(1, Math.round(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return { vi: `${rest} giây`, en: `${rest} s` };
  if (rest === 0) return { vi: `${minutes} phút`, en: `${minutes} min` };
  return { vi: `${minutes} phút ${rest} giây`, en: `${minutes} min ${rest} s` };
}

/** The progress line in both languages. */
export function progressText(done: number, total: number, elapsedMs: number): Message {
  const left = timeLeftMs(done, total, elapsedMs);
  const count = { vi: `${done}/${total} hồ sơ`, en: `${done}/${total} records` };
  if (left === undefined || done === total) return count;
  const time = duration(left);
  return { vi: `${count.vi} — còn khoảng ${time.vi}`, en: `${count.en} — about ${time.en} left` };
}

// The portal's own clock. It starts at a fixed simulated instant and ticks with real time, so
// locks and session time-outs are reproducible; tests move it with POST /__test/clock.

export interface SimClock {
  now(): number;
  set(instant: number): void;
  advance(ms: number): void;
  /** Back to the start instant. */
  reset(): void;
}

export function createSimClock(startAt: number, realNow: () => number): SimClock {
  let offset = startAt - realNow();
  return {
    now: () => realNow() + offset,
    set: (instant) => {
      offset = instant - realNow();
    },
    advance: (ms) => {
      offset += ms;
    },
    reset: () => {
      offset = startAt - realNow();
    },
  };
}

const VN_OFFSET_MS = 7 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** "00:00 ngày 15/01/2026" in Asia/Ho_Chi_Minh (UTC+07:00, no daylight saving). */
export function formatVnDateTime(instant: number): string {
  const d = new Date(instant + VN_OFFSET_MS);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ngày ${formatVnDate(instant)}`;
}

export function formatVnDate(instant: number): string {
  const d = new Date(instant + VN_OFFSET_MS);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** "14:05:09 20/05/2026": the time stamp of a cell's last save, as its title shows it. */
export function formatVnClock(instant: number): string {
  const d = new Date(instant + VN_OFFSET_MS);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${formatVnDate(instant)}`;
}

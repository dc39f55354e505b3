/**
 * Counts failures in a sliding window; once `maxFailures` are reached, everything is refused until the
 * oldest failure leaves the window. Guessing a pairing code is then hopeless (5 guesses per 10 minutes
 * against ~40 bits).
 */
export class FailedAttemptLimiter {
  private failures: number[] = [];

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  /** 0 when an attempt may be made now. */
  retryAfterMs(now: number): number {
    this.failures = this.failures.filter((at) => at > now - this.windowMs);
    const oldest = this.failures[0];
    return this.failures.length >= this.maxFailures && oldest !== undefined
      ? oldest + this.windowMs - now
      : 0;
  }

  recordFailure(now: number): void {
    this.failures.push(now);
  }
}

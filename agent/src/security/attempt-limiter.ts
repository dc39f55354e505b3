/**
 * How many wrong guesses a pairing code is checked against. A code lives an hour
 * (`pairingCodeTtlMs`), so these are also the numbers per hour.
 *
 * - one client (one `Origin` value; clients that send none — the CLI, curl, tests — are one client
 *   together) gets 5 wrong guesses per code: a teacher's typos, never an attacker's search;
 * - all clients together get 20 per code. `Origin` is only a label a local process can forge, so
 *   this ceiling is what bounds guessing: ≤ 20 tries at ~40 bits (31⁸ codes) is a 2·10⁻¹¹ chance.
 *   It is four clients' worth, so a stray extension guessing cannot exhaust it for the teacher's.
 *
 * A fresh code (`edulens pair`, or the agent's start) starts with a clean count: earlier guesses
 * never block it. Once a code's budget is spent it is no longer compared with anything (the right
 * code is refused like a wrong one, so the limit is no oracle) and the remedy is a new code.
 */
export const WRONG_GUESSES_PER_CLIENT_AND_CODE = 5;
export const WRONG_GUESSES_PER_CODE = 20;

export type GuessVerdict = 'right' | 'wrong' | 'limited';

interface WrongGuesses {
  total: number;
  byClient: Map<string, number>;
}

export class PairingGuessLimiter {
  /** Keyed by the code's hash; only codes that are still live are kept. */
  private readonly counts = new Map<string, WrongGuesses>();

  /**
   * Checks a guess and records it in one synchronous step, so concurrent requests cannot all pass
   * the check before any of them is counted. The guess is compared only with the live codes that
   * still have budget for this client; a wrong one is counted against each of them.
   */
  judge(liveCodes: readonly string[], client: string, guess: string): GuessVerdict {
    for (const code of this.counts.keys()) if (!liveCodes.includes(code)) this.counts.delete(code);
    // No live code: nothing can be guessed, so there is nothing to count.
    if (liveCodes.length === 0) return 'wrong';
    const open = liveCodes.filter((code) => {
      const counted = this.counts.get(code);
      return (
        counted === undefined ||
        (counted.total < WRONG_GUESSES_PER_CODE &&
          (counted.byClient.get(client) ?? 0) < WRONG_GUESSES_PER_CLIENT_AND_CODE)
      );
    });
    if (open.length === 0) return 'limited';
    if (open.includes(guess)) return 'right';
    for (const code of open) {
      const counted = this.counts.get(code) ?? { total: 0, byClient: new Map<string, number>() };
      counted.total += 1;
      counted.byClient.set(client, (counted.byClient.get(client) ?? 0) + 1);
      this.counts.set(code, counted);
    }
    return 'wrong';
  }
}

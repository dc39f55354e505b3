import type { PairingStore } from '../store/pairing';
import type { GuessVerdict, PairingGuessLimiter } from './attempt-limiter';
import { hashSecret, newAccessToken, newPairingCode, normalisePairingCode } from './secrets';

export interface IssuedCode {
  code: string;
  expiresAt: number;
}

export interface IssuedToken {
  token: string;
  expiresAt: number;
}

/** Used by the agent at start-up and by `edulens pair` (which may run while the agent does). */
export function issuePairingCode(store: PairingStore, now: number, ttlMs: number): IssuedCode {
  const code = newPairingCode();
  const expiresAt = now + ttlMs;
  store.addCode(hashSecret(normalisePairingCode(code)), now, expiresAt);
  return { code, expiresAt };
}

/**
 * Judges a typed code against the live codes without waiting for anything: the database read and
 * the limiter's count happen in one synchronous step. Only a 'right' code goes on to be redeemed.
 * `client` is the caller's Origin, or '' for callers that send none.
 */
export function judgePairingCode(
  store: PairingStore,
  limiter: PairingGuessLimiter,
  typedCode: string,
  client: string,
  now: number,
): GuessVerdict {
  return limiter.judge(store.liveCodes(now), client, hashSecret(normalisePairingCode(typedCode)));
}

/** Exchanges a valid, unused, unexpired code for a new token bound to `origin`; null otherwise. */
export function redeemPairingCode(
  store: PairingStore,
  typedCode: string,
  origin: string | null,
  now: number,
  tokenTtlMs: number,
): IssuedToken | null {
  const token = newAccessToken();
  const expiresAt = now + tokenTtlMs;
  const codeHash = hashSecret(normalisePairingCode(typedCode));
  return store.exchangeCode(codeHash, hashSecret(token), origin, now, expiresAt)
    ? { token, expiresAt }
    : null;
}

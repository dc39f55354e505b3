import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Secrets are stored only as this hash; the plain value exists once, in the answer to its owner. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** 32 random bytes; the prefix makes a leaked token recognisable in a paste or a scan. */
export function newAccessToken(): string {
  return `edl_${randomBytes(32).toString('base64url')}`;
}

// No I, L, O, 0 or 1: a teacher copies the code by eye from a terminal.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

/** Eight characters shown as `ABCD-EFGH` (about 40 bits; single use, minutes to live, attempts limited). */
export function newPairingCode(): string {
  const chars = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** What was typed, in the form that was hashed: case, spaces and dashes do not matter. */
export function normalisePairingCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

import type { Database } from 'better-sqlite3';

/**
 * Pairing codes and the bearer tokens they are exchanged for. Only SHA-256 hashes are stored, so a
 * copy of the database (a backup, say) cannot be used to talk to the agent.
 */
export const PAIRING_SCHEMA = `
  CREATE TABLE pairing_codes (
    code_hash TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  ) WITHOUT ROWID;
  CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    origin TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX api_tokens_origin ON api_tokens (origin, expires_at);
`;

export interface StoredToken {
  origin: string | null;
  expiresAt: number;
}

export type PairingStore = ReturnType<typeof createPairingStore>;

export function createPairingStore(db: Database) {
  const insertCode = db.prepare<[string, number, number]>(
    'INSERT INTO pairing_codes (code_hash, created_at, expires_at) VALUES (?, ?, ?)',
  );
  const useCode = db.prepare<[number, string, number]>(
    'UPDATE pairing_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?',
  );
  const insertToken = db.prepare<[string, string | null, number, number]>(
    'INSERT INTO api_tokens (token_hash, origin, created_at, expires_at) VALUES (?, ?, ?, ?)',
  );
  const selectToken = db.prepare<[string], StoredToken>(
    'SELECT origin, expires_at AS expiresAt FROM api_tokens WHERE token_hash = ?',
  );
  const selectLiveCodes = db
    .prepare<[number], string>('SELECT code_hash FROM pairing_codes WHERE used_at IS NULL AND expires_at > ?')
    .pluck();
  const selectLiveOrigin = db
    .prepare<[string, number], number>('SELECT 1 FROM api_tokens WHERE origin = ? AND expires_at > ? LIMIT 1')
    .pluck();
  /**
   * Marks the code used and records the token in one transaction: a code is single-use, and a
   * consumed code always has its token. False when the code is unknown, used or expired.
   */
  const exchangeCode = db.transaction(
    (codeHash: string, tokenHash: string, origin: string | null, now: number, expiresAt: number): boolean => {
      if (useCode.run(now, codeHash, now).changes !== 1) return false;
      insertToken.run(tokenHash, origin, now, expiresAt);
      return true;
    },
  );
  const deleteToken = db.prepare<[string]>('DELETE FROM api_tokens WHERE token_hash = ?');
  const deleteAllTokens = db.prepare('DELETE FROM api_tokens');
  const deleteExpiredCodes = db.prepare<[number]>('DELETE FROM pairing_codes WHERE expires_at <= ?');
  const deleteExpiredTokens = db.prepare<[number]>('DELETE FROM api_tokens WHERE expires_at <= ?');

  return {
    addCode(codeHash: string, now: number, expiresAt: number): void {
      insertCode.run(codeHash, now, expiresAt);
    },

    exchangeCode,

    /** Hashes of the codes that can still be exchanged (each `edulens pair` and each start adds one). */
    liveCodes(now: number): string[] {
      return selectLiveCodes.all(now);
    },

    findToken(tokenHash: string): StoredToken | undefined {
      return selectToken.get(tokenHash);
    },

    /** Revoking deletes: a revoked token is unknown from then on, like one never issued. */
    revokeToken(tokenHash: string): boolean {
      return deleteToken.run(tokenHash).changes === 1;
    },

    revokeAllTokens(): number {
      return deleteAllTokens.run().changes;
    },

    isPairedOrigin(origin: string, now: number): boolean {
      return selectLiveOrigin.get(origin, now) !== undefined;
    },

    purgeExpired(now: number): number {
      return deleteExpiredCodes.run(now).changes + deleteExpiredTokens.run(now).changes;
    },
  };
}

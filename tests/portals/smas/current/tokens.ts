import { randomBytes } from 'node:crypto';

// The SSO's one-time codes, access tokens and refresh tokens, timed by the simulator's clock.
// An access token lives `accessTtlMs`; a refresh token is single use (rotated on every refresh).

const CODE_TTL_MS = 60_000;

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  token_type: 'Bearer';
  /** Seconds the access token lives. */
  expires_in: number;
}

export interface TokenLifetimes {
  accessTtlMs: number;
  refreshTtlMs: number;
}

interface Grant {
  username: string;
  expiresAt: number;
}

const secret = (prefix: string) => `${prefix}.${randomBytes(18).toString('base64url')}`;

export class Tokens {
  private readonly codes = new Map<string, Grant & { redirectUri: string }>();
  private readonly accessTokens = new Map<string, Grant>();
  private readonly refreshTokens = new Map<string, Grant>();

  constructor(public lifetimes: TokenLifetimes) {}

  /** A code the authorize step hands back to the app, good once, for one redirect URI. */
  issueCode(username: string, redirectUri: string, now: number): string {
    const code = secret('code');
    this.codes.set(code, { username, redirectUri, expiresAt: now + CODE_TTL_MS });
    return code;
  }

  /** The user a code was issued to, once; undefined for an unknown, used, expired or mismatched code. */
  takeCode(code: string, redirectUri: string, now: number): string | undefined {
    const grant = this.codes.get(code);
    this.codes.delete(code);
    if (!grant || grant.expiresAt <= now || grant.redirectUri !== redirectUri) return undefined;
    return grant.username;
  }

  issue(username: string, now: number): TokenPair {
    const access = secret('at');
    const refresh = secret('rt');
    this.accessTokens.set(access, { username, expiresAt: now + this.lifetimes.accessTtlMs });
    this.refreshTokens.set(refresh, { username, expiresAt: now + this.lifetimes.refreshTtlMs });
    return {
      access_token: access,
      refresh_token: refresh,
      token_type: 'Bearer',
      expires_in: Math.round(this.lifetimes.accessTtlMs / 1000),
    };
  }

  /** A new pair for a live refresh token, which is used up; undefined otherwise. */
  refresh(refreshToken: string, now: number): TokenPair | undefined {
    const grant = this.refreshTokens.get(refreshToken);
    this.refreshTokens.delete(refreshToken);
    if (!grant || grant.expiresAt <= now) return undefined;
    return this.issue(grant.username, now);
  }

  /** Who holds a live access token; 'expired' for one that was valid; undefined for one never issued. */
  user(accessToken: string, now: number): string | 'expired' | undefined {
    const grant = this.accessTokens.get(accessToken);
    if (!grant) return undefined;
    return grant.expiresAt <= now ? 'expired' : grant.username;
  }

  /** Every access token ends now (refresh tokens stay good): the next call of every app answers 401. */
  expireAccess(now: number): number {
    let count = 0;
    for (const grant of this.accessTokens.values()) {
      if (grant.expiresAt > now) count++;
      grant.expiresAt = Math.min(grant.expiresAt, now);
    }
    return count;
  }

  clear(): void {
    this.codes.clear();
    this.accessTokens.clear();
    this.refreshTokens.clear();
  }
}

import { createHmac, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

// ASP.NET MVC's anti-forgery pair: a random token in a cookie and, in every form, a hidden field
// derived from it. A POST whose field does not match its cookie is refused.

export const TOKEN_NAME = '__RequestVerificationToken';

const derive = (secret: string, cookieToken: string) =>
  createHmac('sha256', secret).update(cookieToken).digest('base64url');

/** The form token for this browser, setting the cookie half when it has none. */
export function formToken(c: Context, secret: string): string {
  let cookieToken = getCookie(c, TOKEN_NAME);
  if (!cookieToken) {
    cookieToken = randomBytes(24).toString('base64url');
    setCookie(c, TOKEN_NAME, cookieToken, { path: '/', httpOnly: true, sameSite: 'Lax' });
  }
  return derive(secret, cookieToken);
}

export function tokenMatches(c: Context, secret: string, posted: unknown): boolean {
  const cookieToken = getCookie(c, TOKEN_NAME);
  return typeof posted === 'string' && cookieToken !== undefined && posted === derive(secret, cookieToken);
}

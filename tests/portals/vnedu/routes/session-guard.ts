import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Account } from '../accounts';
import { SESSION_COOKIE, type Session } from '../sessions';
import { findAccount, type VnEduState } from '../state';

export type PortalEnv = { Variables: { session: Session; account: Account } };

export const SESSION_EXPIRED = 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.';

/** Where a login may send the user back to: only pages of this portal. */
export function safeNext(next: string | undefined): string {
  return next?.startsWith('/v5/') && !next.startsWith('//') ? next : '/v5/';
}

const isXhr = (c: Context) => c.req.header('X-Requested-With') === 'XMLHttpRequest';

/**
 * Lets a request through only with a live session. Pages are redirected to the login; the page
 * script's requests get 401 JSON and the script sends the whole window to the login, dropping
 * whatever was typed. `background` requests (polls) do not count as user activity.
 */
export function requireSession(state: VnEduState, background = false): MiddlewareHandler<PortalEnv> {
  return async (c, next) => {
    const cookie = getCookie(c, SESSION_COOKIE);
    const now = state.clock.now();
    const session = state.sessions.find(cookie, now, state.settings.sessionIdleMs, !background);
    const account = session && findAccount(state, session.username);
    if (!session || !account) {
      const expired = cookie !== undefined;
      if (isXhr(c)) {
        return c.json(
          { ok: false, code: 'SESSION_EXPIRED', message: SESSION_EXPIRED, login: '/v5/login?het_han=1' },
          401,
        );
      }
      const url = new URL(c.req.url);
      const query = new URLSearchParams({ next: safeNext(url.pathname + url.search) });
      if (expired) query.set('het_han', '1');
      return c.redirect(`/v5/login?${query}`);
    }
    c.set('session', session);
    c.set('account', account);
    await next();
  };
}

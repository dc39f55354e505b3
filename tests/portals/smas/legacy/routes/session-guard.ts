import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Session } from '../../../vnedu/sessions';
import { LEVELS, type SchoolLevel } from '../../common/school';
import { findLegacyAccount, type LegacyAccount } from '../accounts';
import type { SmasLegacyState } from '../state';

export type LegacyEnv = { Variables: { session: Session; account: LegacyAccount; level: SchoolLevel } };

export const SESSION_COOKIE = 'ASP.NET_SessionId';

/** Where a login may send the user back to: only paths of this site. */
export function safeReturnUrl(returnUrl: string | undefined): string | undefined {
  return returnUrl?.startsWith('/') && !returnUrl.startsWith('//') ? returnUrl : undefined;
}

export const logOnUrl = (returnUrl: string) => `/Home/LogOn?ReturnUrl=${encodeURIComponent(returnUrl)}`;

/**
 * Forms authentication: without a live session any inner page (a script's request too) answers
 * 302 to the login page with the asked path as ReturnUrl. An account that has not chosen its
 * school level yet is sent to choose it (unless `levelOptional`).
 */
export function requireSession(state: SmasLegacyState, levelOptional = false): MiddlewareHandler<LegacyEnv> {
  return async (c, next) => {
    const session = state.sessions.find(
      getCookie(c, SESSION_COOKIE),
      state.clock.now(),
      state.settings.sessionIdleMs,
      true,
    );
    const account = session && findLegacyAccount(session.username);
    const url = new URL(c.req.url);
    if (!session || !account) return c.redirect(logOnUrl(url.pathname + url.search), 302);
    const level = LEVELS.find((l) => l.key === state.levels.get(session.id));
    if (!level && !levelOptional) return c.redirect(`/Home/ChooseLevel`, 302);
    c.set('session', session);
    c.set('account', account);
    if (level) c.set('level', level);
    await next();
  };
}

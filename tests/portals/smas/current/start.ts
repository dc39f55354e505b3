import type { Server } from 'node:http';
import type { Hono } from 'hono';
import type { DemoAccount, RunningPortal } from '../../start-portals';
import { BULK_CLASS_ID } from '../common/school';
import { SSO_ACCOUNTS } from './accounts';
import { createSmasCurrentPortal, type SmasCurrentPortal } from './app';
import type { SmasCurrentOptions } from './state';

// Starts the current generation on two origins for startPortals(): the app at
// http://localhost:<appPort>/ and the SSO at http://127.0.0.1:<ssoPort>/, each told where the
// other is once both listen.

export type Listen = (app: Hono, port: number) => Promise<{ server: Server; port: number }>;

export interface RunningSmasCurrent extends RunningPortal<SmasCurrentPortal> {
  ssoUrl: string;
  ssoPort: number;
}

const accounts = (): DemoAccount[] =>
  SSO_ACCOUNTS.map((account) => ({
    username: account.username,
    password: account.password,
    vi: `giáo viên ${account.fullName}, sổ điểm SMAS thế hệ mới (đăng nhập qua SSO)`,
    en: `teacher ${account.fullName}, SMAS current-generation score book (sign-in through the SSO)`,
  }));

/** Listens on both ports (0: any free one), adding each server to `servers` as soon as it is up. */
export async function startSmasCurrent(
  listen: Listen,
  servers: Server[],
  ports: { app: number; sso: number },
  options: SmasCurrentOptions = {},
): Promise<RunningSmasCurrent> {
  const portal = createSmasCurrentPortal(options);
  const app = await listen(portal.app, ports.app);
  servers.push(app.server);
  const sso = await listen(portal.sso, ports.sso);
  servers.push(sso.server);
  const url = `http://localhost:${app.port}/`;
  const ssoUrl = `http://127.0.0.1:${sso.port}/`;
  portal.state.origins = { app: url.slice(0, -1), sso: ssoUrl.slice(0, -1) };
  return {
    id: 'smas-current',
    name: 'SMAS (thế hệ mới / current)',
    url,
    port: app.port,
    ssoUrl,
    ssoPort: sso.port,
    accounts: accounts(),
    entry: {
      url: `${url}?${new URLSearchParams({ classId: String(BULK_CLASS_ID), subjectId: '11', semester: '1' })}`,
      vi: 'Sổ điểm Toán 6A1, học kỳ I (3 cột TX)',
      en: 'the Toán score book of 6A1, semester I (3 TX columns)',
    },
    handle: portal,
  };
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { createVnEduPortal, type VnEduPortal } from './vnedu/app';
import type { VnEduOptions } from './vnedu/state';

// Starts every simulated portal on 127.0.0.1, one port each. SMAS, CSDL and PMIS simulators are
// meant to join `simulators` as siblings of vnEdu.

export const DEFAULT_BASE_PORT = 5301;
const HOST = '127.0.0.1';
const CLOSE_GRACE_MS = 1000;

export interface DemoAccount {
  username: string;
  password: string;
  /** Bilingual note on what the account is for. */
  vi: string;
  en: string;
}

export interface StartPortalsOptions {
  /** vnEdu's port; the next simulators take the following ports. 0: any free ports. */
  port?: number;
  vnedu?: VnEduOptions;
}

export interface RunningPortal<Handle = unknown> {
  id: string;
  name: string;
  url: string;
  port: number;
  accounts: readonly DemoAccount[];
  /** The simulator itself, for tests that look inside (state, app). */
  handle: Handle;
}

export interface RunningPortals {
  vnedu: RunningPortal<VnEduPortal>;
  all: readonly RunningPortal[];
  stop(): Promise<void>;
}

function vnEduAccounts(portal: VnEduPortal): DemoAccount[] {
  return portal.state.accounts.map((account) => ({
    username: account.username,
    password: account.password,
    vi:
      account.role === 'admin'
        ? `quản trị ${account.school.name}`
        : `giáo viên ${account.fullName}, ${account.school.name} (${account.subjects.join(', ')})`,
    en:
      account.role === 'admin'
        ? `admin of ${account.school.name}`
        : `teacher ${account.fullName}, ${account.school.name} (${account.subjects.join(', ')})`,
  }));
}

function listen(app: Hono, port: number): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer(getRequestListener(app.fetch));
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Cổng ${port} trên ${HOST} đang bị chương trình khác dùng; đặt EDULENS_PORTALS_PORT khác. / Port ${port} on ${HOST} is in use; set another EDULENS_PORTALS_PORT.`,
            )
          : error,
      ),
    );
    server.listen(port, HOST, () => resolve({ server, port: (server.address() as AddressInfo).port }));
  });
}

/** Stops accepting, lets answers in flight finish, then cuts what is left after a short grace. */
function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
  });
}

export async function startPortals(options: StartPortalsOptions = {}): Promise<RunningPortals> {
  const base = options.port ?? DEFAULT_BASE_PORT;
  const portAt = (index: number) => (base === 0 ? 0 : base + index);
  const servers: Server[] = [];
  const stop = async () => {
    await Promise.all(servers.map(close));
  };
  try {
    const vnEduPortal = createVnEduPortal(options.vnedu);
    const vnEduServer = await listen(vnEduPortal.app, portAt(0));
    servers.push(vnEduServer.server);
    const vnedu: RunningPortal<VnEduPortal> = {
      id: 'vnedu',
      name: 'vnEdu',
      url: `http://${HOST}:${vnEduServer.port}/v5/`,
      port: vnEduServer.port,
      accounts: vnEduAccounts(vnEduPortal),
      handle: vnEduPortal,
    };
    return { vnedu, all: [vnedu], stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

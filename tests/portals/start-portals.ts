import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { BULK_CLASS_ID } from './smas/common/school';
import { type RunningSmasCurrent, startSmasCurrent } from './smas/current/start';
import type { SmasCurrentOptions } from './smas/current/state';
import { LEGACY_ACCOUNTS } from './smas/legacy/accounts';
import { createSmasLegacyPortal, type SmasLegacyPortal } from './smas/legacy/app';
import type { SmasLegacyOptions } from './smas/legacy/state';
import { createVnEduPortal, type VnEduPortal } from './vnedu/app';
import type { VnEduOptions } from './vnedu/state';

// Starts every simulated portal on 127.0.0.1, one port each from the base: vnEdu (base), SMAS
// legacy (base+1), SMAS current app (base+2) and its SSO (base+3). CSDL and PMIS simulators are
// meant to join as further siblings.

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
  smasLegacy?: SmasLegacyOptions;
  smasCurrent?: SmasCurrentOptions;
}

/** A page worth opening first, with what it shows. */
export interface EntryPage {
  url: string;
  vi: string;
  en: string;
}

export interface RunningPortal<Handle = unknown> {
  id: string;
  name: string;
  url: string;
  port: number;
  accounts: readonly DemoAccount[];
  /** Where a person starts: the page the demo opens (behind the portal's login). */
  entry: EntryPage;
  /** The simulator itself, for tests that look inside (state, app). */
  handle: Handle;
}

export interface RunningPortals {
  vnedu: RunningPortal<VnEduPortal>;
  /** http://localhost:<base+1>/ (host localhost, so the SMAS profile's pattern never overlaps vnEdu's). */
  smasLegacy: RunningPortal<SmasLegacyPortal>;
  /** App http://localhost:<base+2>/, SSO `ssoUrl` http://127.0.0.1:<base+3>/. */
  smasCurrent: RunningSmasCurrent;
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

function smasLegacyAccounts(): DemoAccount[] {
  return LEGACY_ACCOUNTS.map((account) => ({
    username: account.username,
    password: account.password,
    vi: `${account.fullName}, hồ sơ học sinh (${account.levels.length > 1 ? 'hai cấp học: chọn cấp sau khi đăng nhập' : 'cấp THCS'})`,
    en: `${account.fullName}, student records (${account.levels.length > 1 ? 'two school levels: choose one after login' : 'lower-secondary level'})`,
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
      entry: {
        url: `http://${HOST}:${vnEduServer.port}/v5/?open=nhap-diem&lop=6A1&mon=TOAN&hk=1`,
        vi: 'Sổ điểm Toán 6A1, học kỳ I (THCS Nguyễn Du)',
        en: 'the Toán grade book of 6A1, semester I (THCS Nguyễn Du)',
      },
      handle: vnEduPortal,
    };
    const smasLegacyPortal = createSmasLegacyPortal(options.smasLegacy);
    const smasLegacyServer = await listen(smasLegacyPortal.app, portAt(1));
    servers.push(smasLegacyServer.server);
    const smasLegacy: RunningPortal<SmasLegacyPortal> = {
      id: 'smas-legacy',
      name: 'SMAS (thế hệ cũ / legacy)',
      url: `http://localhost:${smasLegacyServer.port}/`,
      port: smasLegacyServer.port,
      accounts: smasLegacyAccounts(),
      entry: {
        url: `http://localhost:${smasLegacyServer.port}/HoSoHocSinh/DanhSach?lopId=${BULK_CLASS_ID}`,
        vi: 'Danh sách hồ sơ học sinh lớp 6A1 (60 học sinh, 3 trang)',
        en: 'the student records of class 6A1 (60 students, 3 pages)',
      },
      handle: smasLegacyPortal,
    };
    const ports = { app: portAt(2), sso: portAt(3) };
    const smasCurrent = await startSmasCurrent(listen, servers, ports, options.smasCurrent);
    return { vnedu, smasLegacy, smasCurrent, all: [vnedu, smasLegacy, smasCurrent], stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

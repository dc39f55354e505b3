import { closeSync, openSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { agentUrl } from './config';
import { agentError } from './errors';

export interface LockHolder {
  pid: number;
  purpose: 'agent' | 'restore';
  port?: number;
}

export interface InstanceLock {
  /** Records the port once the agent listens, so `edulens pair` can say where it runs. */
  update(details: Partial<LockHolder>): void;
  release(): void;
}

/**
 * One process at a time owns the data dir (the agent, or a restore replacing the database). The lock
 * file is created exclusively; one left by a killed process (pid no longer alive) is taken over.
 */
export function acquireInstanceLock(path: string, purpose: LockHolder['purpose']): InstanceLock {
  let holder: LockHolder = { pid: process.pid, purpose };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeFileSync(fd, JSON.stringify(holder));
      } catch (error) {
        // A full disk creates the file but not its content: leave no empty lock behind.
        closeSync(fd);
        rmSync(path, { force: true });
        throw error;
      }
      closeSync(fd);
      return {
        update(details) {
          holder = { ...holder, ...details };
          writeFileSync(path, JSON.stringify(holder));
        },
        release() {
          rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = readLockHolder(path);
      if (current) throw busy(current);
      unlinkSync(path);
    }
  }
  throw agentError(
    'lock.contended',
    'Một tiến trình EduLens khác vừa bắt đầu dùng thư mục dữ liệu.',
    'Another EduLens process just started using the data folder.',
  );
}

/** The live process holding the lock, or null when there is none (or it died without releasing). */
export function readLockHolder(path: string): LockHolder | null {
  let holder: LockHolder;
  try {
    holder = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
  return isAlive(holder.pid) && holder.pid !== process.pid ? holder : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function busy(holder: LockHolder) {
  const where = holder.port === undefined ? '' : ` (${agentUrl(holder.port)})`;
  return holder.purpose === 'agent'
    ? agentError(
        'agent.already_running',
        `EduLens đang chạy (tiến trình ${holder.pid}${where}) với thư mục dữ liệu này. Hãy dừng nó trước.`,
        `EduLens is already running (process ${holder.pid}${where}) with this data folder. Stop it first.`,
      )
    : agentError(
        'agent.restore_running',
        `Đang khôi phục dữ liệu (tiến trình ${holder.pid}); hãy đợi nó xong.`,
        `A restore is in progress (process ${holder.pid}); wait for it to finish.`,
      );
}

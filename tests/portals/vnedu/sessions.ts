import { randomBytes } from 'node:crypto';

// Server-side sessions keyed by the PHPSESSID cookie. A session dies after a period without
// user activity on the simulated clock; background polls do not count as activity, so a page
// left open still expires — and the typing in it is lost at the next save.

export const SESSION_COOKIE = 'PHPSESSID';

export interface Session {
  id: string;
  username: string;
  /** Anti-forgery token the page sends back with every save. */
  csrf: string;
  lastActive: number;
}

const token = () => randomBytes(18).toString('base64url');

export class Sessions {
  readonly #byId = new Map<string, Session>();

  create(username: string, now: number): Session {
    const session = { id: token(), username, csrf: token(), lastActive: now };
    this.#byId.set(session.id, session);
    return session;
  }

  /** The live session for an id, or undefined (an idle one is deleted); `touch` records activity. */
  find(id: string | undefined, now: number, idleMs: number, touch: boolean): Session | undefined {
    const session = id === undefined ? undefined : this.#byId.get(id);
    if (!session) return undefined;
    if (now - session.lastActive > idleMs) {
      this.#byId.delete(session.id);
      return undefined;
    }
    if (touch) session.lastActive = now;
    return session;
  }

  delete(id: string): void {
    this.#byId.delete(id);
  }

  /** Ends the sessions of one account, or all; returns how many ended. */
  expire(username?: string): number {
    let ended = 0;
    for (const session of [...this.#byId.values()]) {
      if (username !== undefined && session.username !== username) continue;
      this.#byId.delete(session.id);
      ended++;
    }
    return ended;
  }
}

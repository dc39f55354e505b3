import type { Profile } from '@edulens/shared/profiles';

// Keys and fallbacks of every storage item, defined once. `storage.ts` turns them into WXT
// storage items (popup, options, background); the content script reads them through
// `storage-lite.ts`, which avoids carrying WXT's storage wrapper in the content script.

export type LanguageSetting = 'vi' | 'en' | 'auto';

export interface AgentConnection {
  /** Base URL of the local agent, e.g. "http://127.0.0.1:8787". */
  url: string;
  /** Bearer token from pairing; null before pairing. */
  token: string | null;
  pairedAt: number | null;
}

export const DEFAULT_AGENT_URL = 'http://127.0.0.1:8787';

/** A day of the year, "khóa sổ sau ngày D/M": the book locks at the end of that day. */
export interface LockDay {
  month: number;
  day: number;
}

/**
 * Lock days the principal decided, replacing a calendar's defaults: calendar id → lock entry id →
 * day. Kept per calendar, so every profile using that calendar shows the school's dates.
 */
export type SchoolLockDays = Record<string, Record<string, LockDay>>;

/** A teacher's column mapping for one kind of file (record bulk fill): header key → role, '' = unused. */
export interface SavedColumnMapping {
  savedAt: number;
  roles: Record<string, string>;
}

/** Saved column mappings by the file's header signature. */
export type SavedColumnMappings = Record<string, SavedColumnMapping>;

export interface ItemDef<T> {
  key: `local:${string}` | `session:${string}`;
  fallback: T;
}

const def = <T>(key: ItemDef<T>['key'], fallback: T): ItemDef<T> => ({ key, fallback });

export const KEYS = {
  /** The user's language: Vietnamese unless changed; "auto" follows the browser's UI language. */
  language: def<LanguageSetting>('local:settings.language', 'vi'),
  /** Where the agent is and the token pairing gave (owned by the background's agent client). */
  agentConnection: def<AgentConnection>('local:agent.connection', {
    url: DEFAULT_AGENT_URL,
    token: null,
    pairedAt: null,
  }),
  /** The school's own lock days (set by the principal in the options page). */
  schoolLockDays: def<SchoolLockDays>('local:settings.schoolLockDays', {}),
  /** A fixed "now" (epoch ms) for lock countdowns in tests and demos; null = real clock. */
  clockOverride: def<number | null>('local:dev.clockOverride', null),
  /** Portal profiles the teacher added (options page), each checked against the schema when added. */
  addedProfiles: def<Profile[]>('local:profiles.added', []),
  /** Column mappings the teacher corrected for record bulk fill, per kind of file. */
  recordFillMappings: def<SavedColumnMappings>('local:recordFill.mappings', {}),
} as const;

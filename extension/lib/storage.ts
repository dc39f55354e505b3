import { storage } from 'wxt/utils/storage';
import { type AgentConnection, type ItemDef, KEYS, type LanguageSetting } from './storage-keys';

// Every typed storage item of the extension (WXT `storage.defineItem`), built from the keys in
// `storage-keys.ts`. Definitions only: no storage access until used, no side effects on import.
// Content-script code reads items through `storage-lite.ts` instead (smaller bundle).

export {
  type AgentConnection,
  DEFAULT_AGENT_URL,
  KEYS,
  type LanguageSetting,
  type LockDay,
  type SchoolLockDays,
} from './storage-keys';

const item = <T>(d: ItemDef<T>) => storage.defineItem<T>(d.key, { fallback: d.fallback });

export const languageSetting = item<LanguageSetting>(KEYS.language);
export const agentConnection = item<AgentConnection>(KEYS.agentConnection);
export const schoolLockDays = item(KEYS.schoolLockDays);
export const clockOverride = item(KEYS.clockOverride);
export const addedProfiles = item(KEYS.addedProfiles);

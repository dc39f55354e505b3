import { browser } from 'wxt/browser';
import { addedProfiles } from '../storage';
import { profileOrigins, scriptId } from './origins';

// Background: the portal content script also runs on the pages of every added profile whose origins
// the teacher allowed. The manifest's content script only covers the built-in profiles (its matches
// are fixed at build time), so these are registered at run time with the same files and timing.

const PREFIX = scriptId({ id: '' });
const RUN_AT = ['document_start', 'document_end', 'document_idle'] as const;

type Registration = Parameters<typeof browser.scripting.registerContentScripts>[0][number];

/** What a registration does, to tell whether the registered ones already do what is wanted. */
function signature(scripts: readonly { id: string; matches?: string[] }[]): string {
  return JSON.stringify(scripts.map(({ id, matches }) => [id, matches ?? []]).sort());
}

/** Registers exactly the scripts the added, allowed profiles need (entrypoints/portal.content.ts). */
async function syncAddedProfileScripts(): Promise<void> {
  const portal = browser.runtime.getManifest().content_scripts?.[0];
  if (!portal?.js) return;
  const runAt = RUN_AT.find((at) => at === portal.run_at) ?? 'document_idle';
  const wanted: Registration[] = [];
  for (const profile of await addedProfiles.getValue()) {
    if (!(await browser.permissions.contains({ origins: profileOrigins(profile) }))) continue;
    // Not kept across browser restarts: the background registers them again when it starts.
    wanted.push({
      id: scriptId(profile),
      matches: profile.match,
      js: portal.js,
      runAt,
      persistAcrossSessions: false,
    });
  }
  const ours = (await browser.scripting.getRegisteredContentScripts()).filter((script) =>
    script.id.startsWith(PREFIX),
  );
  // The worker wakes often: leave the registrations alone when nothing changed, so that no page
  // loading meanwhile misses its script.
  if (signature(ours) === signature(wanted)) return;
  if (ours.length > 0) await browser.scripting.unregisterContentScripts({ ids: ours.map((s) => s.id) });
  if (wanted.length > 0) await browser.scripting.registerContentScripts(wanted);
}

/** Keeps the registrations in step with the added profiles and the granted origins. */
export function registerAddedProfileScripts(): void {
  let running = Promise.resolve<unknown>(undefined);
  const sync = () => {
    running = running
      .then(syncAddedProfileScripts)
      .catch((error: unknown) => console.error('[EduLens] added profiles', error));
  };
  addedProfiles.watch(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  sync();
}

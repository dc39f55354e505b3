import { browser } from 'wxt/browser';
import { AgentSync } from '../agent/sync';
import { handle } from '../background-handle';
import { canonicalPageParts, type DraftEntry } from '@edulens/shared/page';
import { agentConnection } from '../storage';
import { DraftsDatabase } from './db';
import { DraftStore } from './store';

// The background side of drafts: IndexedDB store, agent sync, and the `drafts.*` / `agent.*`
// message handlers. Call `startDraftsService()` once from the background's main().

/** Periodic retry of the outbox and daily housekeeping (30 s is Chrome's shortest alarm period). */
const ALARM = 'edulens.drafts.flush';
const ALARM_PERIOD_MIN = 0.5;
/** A draft the portal saved is kept this long as a record of the last typing, then forgotten. */
const KEEP_SAVED_MS = 7 * 24 * 60 * 60 * 1000;
/** How long `drafts.forPage` waits for the agent's copy before answering with the local drafts. */
const AGENT_READ_WAIT_MS = 1_500;
/** How long `drafts.save` waits for the agent before answering `queued: true`. */
const SAVE_ANSWER_WAIT_MS = 300;

export function startDraftsService(): void {
  const store = new DraftStore(new DraftsDatabase());
  const sync = new AgentSync({
    connection: { get: () => agentConnection.getValue(), set: (value) => agentConnection.setValue(value) },
    outbox: store,
    onPaired: () => store.enqueueUnsaved(Date.now()),
  });

  handle('drafts.save', async ({ profile, page, field, value }) => {
    const forward = await sync.isPaired();
    const { changed } = await store.save({ profile, page, field, value }, Date.now(), forward);
    if (!forward) return { stored: true as const, queued: false };
    if (changed) await Promise.race([sync.flush({ force: true }), delay(SAVE_ANSWER_WAIT_MS)]);
    return { stored: true as const, queued: await store.isQueued(profile, page, field) };
  });

  handle('drafts.saveMany', async ({ profile, page, edits }) => {
    const forward = await sync.isPaired();
    const all = edits.map(({ field, value }) => ({ profile, page, field, value }));
    const changed = await store.saveMany(all, Date.now(), forward);
    if (!forward) return { stored: edits.length, queued: false };
    if (changed > 0) await Promise.race([sync.flush({ force: true }), delay(SAVE_ANSWER_WAIT_MS)]);
    return { stored: edits.length, queued: (await store.count()) > 0 };
  });

  handle('drafts.forPage', async ({ profile, page }) => {
    const local = await store.forPage(profile, page);
    // Drafts this browser never had (its data was cleared, or they were typed in another browser
    // paired with the same agent) come from the agent. A field this browser knows, even as saved
    // by the portal, is never taken from the agent: its local state is newer or equal.
    const remote = await sync.pageDrafts(profile, canonicalPageParts(page), AGENT_READ_WAIT_MS);
    const extra: DraftEntry[] = [];
    for (const draft of remote ?? []) {
      if (draft.deleted || draft.value === null || (await store.knows(profile, page, draft.field))) continue;
      extra.push({ field: draft.field, value: draft.value, updatedAt: Date.parse(draft.savedAt) });
    }
    return { drafts: [...local, ...extra].sort((a, b) => a.updatedAt - b.updatedAt) };
  });

  handle('drafts.clear', async ({ profile, page, fields }) => {
    const forward = await sync.isPaired();
    const cleared = await store.clear(profile, page, fields, Date.now(), forward);
    if (cleared > 0 && forward) void sync.flush({ force: true });
    return { cleared };
  });

  handle('agent.status', () => sync.status());

  handle('agent.pair', ({ code, url }) => sync.pair(code, url));

  handle('agent.unpair', () => sync.revoke());

  // Alarms outlive the service worker and wake it to retry what is queued. Created only when
  // missing: re-creating it at every wake-up would keep pushing its first firing back.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ALARM) return;
    void sync.flush({ force: true }).catch(report);
    void store.prune(Date.now() - KEEP_SAVED_MS).catch(report);
  });
  void browser.alarms
    .get(ALARM)
    .then(async (existing) => {
      if (!existing) await browser.alarms.create(ALARM, { periodInMinutes: ALARM_PERIOD_MIN });
    })
    .catch(report);
  // A fresh start of the worker (browser restart, update): deliver what an earlier one left queued.
  void sync.flush({ force: true }).catch(report);
}

function report(error: unknown): void {
  console.warn('[EduLens] drafts:', error instanceof Error ? error.message : error);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

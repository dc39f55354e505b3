import { browser } from 'wxt/browser';
import type { CalendarRef } from '@edulens/shared/calendar';
import type { Message } from '@edulens/shared';
import type { DraftEntry, LockInfo, PageKey, PageState } from '@edulens/shared/page';
import type { AgentStatus } from './agent/status';
import type { Catalog, Lang } from './language-catalog';
import type { OnDemandScript } from './on-demand-scripts';

// The one message protocol between the extension's parts, and nothing else: message names, their
// request and response types, and the helpers that send and answer them. Requests go from the
// content script, popup, options page and side panel to the background (`sendToBackground`; the
// background answers through background-handle.ts, which checks each request first), and from
// the popup and side panel to the content script of a tab (`sendToTab` / `handleInTab`).
// Everything crossing here is plain JSON. No zod here: the content script imports this module.

/** Requests handled by the background service worker. */
export interface BackgroundMessages {
  'drafts.save': {
    request: { profile: string; page: PageKey; field: string; value: string };
    response: { stored: true; queued: boolean };
  };
  /** Several edits of one page at once (a bulk fill, a restore): one message and one transaction. */
  'drafts.saveMany': {
    request: { profile: string; page: PageKey; edits: { field: string; value: string }[] };
    response: { stored: number; queued: boolean };
  };
  'drafts.forPage': {
    request: { profile: string; page: PageKey };
    response: { drafts: DraftEntry[] };
  };
  'drafts.clear': {
    request: { profile: string; page: PageKey; fields?: string[] };
    response: { cleared: number };
  };
  'agent.status': { request: Record<string, never>; response: AgentStatus };
  'agent.pair': {
    request: { code: string; url?: string };
    response: { ok: true } | { ok: false; message: Message };
  };
  'agent.unpair': { request: Record<string, never>; response: { revoked: boolean } };
  /** Lock events of a calendar for a school year (kept in the background: calendars are big). */
  'locks.forBook': {
    request: { calendar: CalendarRef; yearStart?: number; now: number };
    response: { locks: LockInfo[] };
  };
  /** Runs a script loaded on first use in the asking frame's content-script world. */
  'scripts.inject': { request: { script: OnDemandScript }; response: { injected: true } };
  /** A language's messages, for a content script (the files are not web-accessible). */
  'i18n.catalog': { request: { lang: Lang }; response: Catalog };
}

/** Requests handled by the content script of a tab. */
export interface TabMessages {
  'page.state': { request: Record<string, never>; response: PageState };
  /** Scrolls to a cell and focuses it (side panel's jump-to-cell). */
  'page.focus': { request: { field: string }; response: { ok: boolean } };
}

export type BackgroundType = keyof BackgroundMessages;
type TabType = keyof TabMessages;
export type RequestOf<M, T extends keyof M> = M[T] extends { request: infer R } ? R : never;
type ResponseOf<M, T extends keyof M> = M[T] extends { response: infer R } ? R : never;

/** A notice with no answer: the content script's page changed (for the side panel to refresh). */
const PAGE_CHANGED = 'page.changed';

interface Envelope {
  edulens: 1;
  type: string;
  payload: unknown;
}

/** A request the receiver would not take: `refusal` says why, Vietnamese and English. */
type Reply = { ok: true; value: unknown } | { ok: false; error: string; refusal?: Message };

/** What a handler throws to refuse a request: the sender's promise rejects with `refusal`'s words. */
export interface Refusal extends Error {
  refusal: Message;
}

function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as Envelope).edulens === 1 &&
    typeof (message as Envelope).type === 'string'
  );
}

function unwrap<R>(reply: unknown, type: string): R {
  if (typeof reply !== 'object' || reply === null) {
    throw new Error(`No handler answered "${type}"`);
  }
  const r = reply as Reply;
  if (!r.ok) throw new Error(r.error);
  return r.value as R;
}

/** Sends a request to the background and resolves with its typed answer (rejects on handler errors). */
export async function sendToBackground<T extends BackgroundType>(
  type: T,
  payload: RequestOf<BackgroundMessages, T>,
): Promise<ResponseOf<BackgroundMessages, T>> {
  const envelope: Envelope = { edulens: 1, type, payload };
  const reply: unknown = await browser.runtime.sendMessage(envelope);
  return unwrap(reply, type);
}

/** Sends a request to the content script of a tab (top frame). */
export async function sendToTab<T extends TabType>(
  tabId: number,
  type: T,
  payload: RequestOf<TabMessages, T>,
): Promise<ResponseOf<TabMessages, T>> {
  const envelope: Envelope = { edulens: 1, type, payload };
  const reply: unknown = await browser.tabs.sendMessage(tabId, envelope, { frameId: 0 });
  return unwrap(reply, type);
}

/** Who sent a request: the tab for content scripts, nothing for extension pages. */
export interface Sender {
  tabId?: number;
  frameId?: number;
  url?: string;
}

export type Handler<M, T extends keyof M> = (
  payload: RequestOf<M, T>,
  sender: Sender,
) => ResponseOf<M, T> | Promise<ResponseOf<M, T>>;

/** A handler of a request whose payload nobody has checked yet. */
type UncheckedHandler = (payload: unknown, sender: Sender) => unknown;

// One listener per JS context dispatches to the handlers registered in that context.
const handlers = new Map<string, UncheckedHandler>();
let listening = false;

function failure(error: unknown): Reply {
  if (!(error instanceof Error)) return { ok: false, error: String(error) };
  const { refusal } = error as Partial<Refusal>;
  return { ok: false, error: error.message, ...(refusal && { refusal }) };
}

function listen(): void {
  if (listening) return;
  listening = true;
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: Reply) => void) => {
    if (!isEnvelope(message)) return false;
    const handler = handlers.get(message.type);
    if (!handler) return false;
    const from: Sender = {
      tabId: sender.tab?.id,
      frameId: sender.frameId,
      url: sender.url,
    };
    Promise.resolve()
      .then(() => handler(message.payload, from))
      .then(
        (value) => sendResponse({ ok: true, value }),
        (error: unknown) => sendResponse(failure(error)),
      );
    return true;
  });
}

/**
 * Registers the handler of one request type in this JS context; it gets the payload as sent.
 * Returns an unregister function. The background registers through background-handle.ts.
 */
export function registerHandler(type: string, handler: UncheckedHandler): () => void {
  if (handlers.has(type)) throw new Error(`Handler for "${type}" registered twice`);
  handlers.set(type, handler);
  listen();
  return () => {
    if (handlers.get(type) === handler) handlers.delete(type);
  };
}

/** Registers a content script's handler of one tab request type. */
export function handleInTab<T extends TabType>(type: T, handler: Handler<TabMessages, T>): () => void {
  return registerHandler(type, handler as UncheckedHandler);
}

/** Tells the extension's open pages (the side panel) that this tab's page changed. */
export function notifyPageChanged(): void {
  const envelope: Envelope = { edulens: 1, type: PAGE_CHANGED, payload: {} };
  // Nobody may be listening (no side panel open): that is not an error.
  browser.runtime.sendMessage(envelope).catch(() => undefined);
}

/** Calls `listener` with the tab whose page changed, until the signal aborts. */
export function onPageChanged(listener: (tabId: number | undefined) => void, signal?: AbortSignal): void {
  const fn = (message: unknown, sender: { tab?: { id?: number } }) => {
    if (isEnvelope(message) && message.type === PAGE_CHANGED) listener(sender.tab?.id);
    return false;
  };
  browser.runtime.onMessage.addListener(fn);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(fn), { once: true });
}

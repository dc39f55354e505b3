import { browser } from 'wxt/browser';
import type { CalendarRef } from '@edulens/shared/calendar';
import type { DraftEntry, LockInfo, PageKey, PageProblem, PageState } from '@edulens/shared/page';
import type { AgentStatus } from './agent/status';
import type { Message } from '@edulens/shared';

// The one message protocol between the extension's parts. Requests go from the content script,
// popup, options page and side panel to the background (`sendToBackground` / `handle`), and from
// the popup and side panel to the content script of a tab (`sendToTab` / `handleInTab`).
// Everything crossing here is plain JSON.

/** What the content script sends after every change worth showing elsewhere. */
export interface PageReport {
  profileId: string;
  page?: PageKey;
  problems: PageProblem[];
  drafts: number;
  nextLock?: LockInfo;
}

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
  /** Content script → background; the side panel listens to the same message (see `onPageReport`). */
  'page.report': { request: PageReport; response: { ok: true } };
  /** Lock events of a calendar for a school year (kept in the background: calendars are big). */
  'locks.forBook': {
    request: { calendar: CalendarRef; yearStart?: number; now: number };
    response: { locks: LockInfo[] };
  };
  /** Popup / side panel → background: the last report of a tab. */
  'page.lastReport': { request: { tabId: number }; response: { report: PageReport | null } };
}

/** Requests handled by the content script of a tab. */
export interface TabMessages {
  'page.state': { request: Record<string, never>; response: PageState };
  /** Scrolls to a cell and focuses it (side panel's jump-to-cell). */
  'page.focus': { request: { field: string }; response: { ok: boolean } };
}

export type BackgroundType = keyof BackgroundMessages;
export type TabType = keyof TabMessages;
export type RequestOf<M, T extends keyof M> = M[T] extends { request: infer R } ? R : never;
export type ResponseOf<M, T extends keyof M> = M[T] extends { response: infer R } ? R : never;

interface Envelope {
  edulens: 1;
  type: string;
  payload: unknown;
}

type Reply = { ok: true; value: unknown } | { ok: false; error: string };

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

type Handler<M, T extends keyof M> = (
  payload: RequestOf<M, T>,
  sender: Sender,
) => ResponseOf<M, T> | Promise<ResponseOf<M, T>>;

// One listener per JS context dispatches to the handlers registered in that context.
const handlers = new Map<string, (payload: unknown, sender: Sender) => unknown>();
let listening = false;

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
        (error: unknown) =>
          sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    return true;
  });
}

function register(type: string, handler: (payload: unknown, sender: Sender) => unknown): () => void {
  if (handlers.has(type)) throw new Error(`Handler for "${type}" registered twice`);
  handlers.set(type, handler);
  listen();
  return () => {
    if (handlers.get(type) === handler) handlers.delete(type);
  };
}

/** Registers the background's handler of one request type. Returns an unregister function. */
export function handle<T extends BackgroundType>(
  type: T,
  handler: Handler<BackgroundMessages, T>,
): () => void {
  return register(type, handler as (payload: unknown, sender: Sender) => unknown);
}

/** Registers a content script's handler of one tab request type. */
export function handleInTab<T extends TabType>(type: T, handler: Handler<TabMessages, T>): () => void {
  return register(type, handler as (payload: unknown, sender: Sender) => unknown);
}

/**
 * Listens to `page.report` messages without answering them (for the side panel, which sees the
 * content scripts' reports alongside the background). Stops when the signal aborts.
 */
export function onPageReport(
  listener: (report: PageReport, tabId: number | undefined) => void,
  signal?: AbortSignal,
): void {
  const fn = (message: unknown, sender: { tab?: { id?: number } }) => {
    if (isEnvelope(message) && message.type === 'page.report')
      listener(message.payload as PageReport, sender.tab?.id);
    return false;
  };
  browser.runtime.onMessage.addListener(fn);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(fn), { once: true });
}

// ---- bulk-fill (appended by the bulk-fill feature; interface merging keeps one protocol) ----
// A picked .xlsx is read in the background (zip inflation and XML parsing stay out of the content
// script); the content script gets every worksheet back as plain JSON.

/** One worksheet as plain data: values by zero-based row and column (dates as yyyy-mm-dd), merges. */
export interface PlainSheet {
  name: string;
  rows: (string | number | boolean | null)[][];
  merges: { top: number; left: number; bottom: number; right: number }[];
}

export interface BackgroundMessages {
  'bulkFill.readWorkbook': {
    /** The file's bytes, base64. */
    request: { name: string; base64: string };
    response:
      | { ok: true; sheets: PlainSheet[] }
      | { ok: false; reason: 'unreadable' }
      /** Over one of shared/limits; `message` names it, Vietnamese and English. */
      | { ok: false; reason: 'limit'; message: { vi: string; en: string } };
  };
}
// ---- end bulk-fill ----

import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness';

// The background checks every request against its schema before the handler runs (content
// scripts pass on what a portal page shows): a malformed one is refused in both languages, a
// well-formed one reaches the real handler. Sent as raw envelopes from an extension page, the way
// any part of the extension sends them.

let b: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  b = await launchWithExtension();
  page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
}, 120_000);

afterAll(async () => {
  await b?.close();
});

interface Reply {
  ok: boolean;
  value?: unknown;
  error?: string;
  refusal?: { vi: string; en: string };
}

function send(type: string, payload: unknown): Promise<Reply> {
  return page.evaluate(
    ([type, payload]) => chrome.runtime.sendMessage({ edulens: 1, type, payload }) as Promise<Reply>,
    [type, payload] as const,
  );
}

const PAGE = {
  school: 'THCS Nguyễn Du',
  schoolYear: '2025-2026',
  class: '6A1',
  subject: 'Toán',
  term: '',
};

describe('requests to the background', () => {
  it("a well-formed request reaches its handler: a draft stored and read back, the agent's status", async () => {
    const saved = await send('drafts.save', {
      profile: 'vnedu',
      page: PAGE,
      field: 'HS01.tx1',
      value: '8,5',
    });
    expect(saved).toEqual({ ok: true, value: { stored: true, queued: false } });
    const read = await send('drafts.forPage', { profile: 'vnedu', page: PAGE });
    expect(read.ok).toBe(true);
    expect((read.value as { drafts: { field: string; value: string }[] }).drafts).toMatchObject([
      { field: 'HS01.tx1', value: '8,5' },
    ]);
    const status = await send('agent.status', {});
    expect(status).toMatchObject({ ok: true, value: { paired: false, queued: 0 } });
  });

  it('refuses a malformed request with a message in Vietnamese and English, and stores nothing', async () => {
    const cases: [string, unknown, string][] = [
      ['drafts.save', { profile: 'vnedu', page: PAGE, field: 'HS02.tx1', value: 8.5 }, 'value'],
      ['drafts.save', { profile: 'vnedu', page: 'lớp 6A1', field: 'HS02.tx1', value: '8' }, 'page'],
      ['drafts.save', { profile: 'VNEDU !', page: PAGE, field: 'HS02.tx1', value: '8' }, 'profile'],
      [
        'drafts.saveMany',
        { profile: 'vnedu', page: PAGE, edits: [{ field: '', value: '8' }] },
        'edits.0.field',
      ],
      ['drafts.save', { profile: 'vnedu', page: PAGE, field: 'HS02.tx1', value: '8', extra: 1 }, 'extra'],
      ['drafts.forPage', { profile: 'vnedu', page: { lớp: '6A1' } }, 'page.lớp'],
      ['locks.forBook', { calendar: { id: 'no-such-calendar' }, now: Date.now() }, 'calendar.id'],
      ['agent.pair', { code: 'x'.repeat(33) }, 'code'],
      ['agent.status', null, '—'],
    ];
    for (const [type, payload, where] of cases) {
      const reply = await send(type, payload);
      expect(reply.ok, `${type} ${JSON.stringify(payload)}`).toBe(false);
      expect(reply.refusal).toEqual({
        vi: `EduLens không nhận yêu cầu "${type}": dữ liệu không hợp lệ ở "${where}".`,
        en: `EduLens refused the request "${type}": invalid data at "${where}".`,
      });
    }
    const read = await send('drafts.forPage', { profile: 'vnedu', page: PAGE });
    const fields = (read.value as { drafts: { field: string }[] }).drafts.map((draft) => draft.field);
    expect(fields).toEqual(['HS01.tx1']);
  });
});

// Evaluated in an extension page.
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

import { beforeEach, describe, expect, it, vi } from 'vitest';

// The drafts session of a document: a cell typed back to the portal's value (or restored by a
// bulk-fill undo) stops being a draft, here and in the background, after the saves before it.

const sent: Array<[type: string, body: Record<string, unknown>]> = [];
vi.mock('../../extension/lib/messages', () => ({
  sendToBackground: vi.fn(async (type: string, body: Record<string, unknown>) => {
    sent.push([type, body]);
    await new Promise((resolve) => setTimeout(resolve, 1));
    return type === 'drafts.clear' ? { cleared: 1 } : { stored: true, queued: false };
  }),
}));

const { DraftSession } = await import('../../extension/features/drafts/session');

const PAGE = {
  school: 'THCS Nguyễn Du',
  schoolYear: '2025-2026',
  class: '8A1',
  subject: 'Toán',
  term: 'Học kỳ I',
};
const ID = 'book';

const messages = () => sent.map(([type, body]) => [type, body.field ?? body.fields, body.value ?? null]);

describe('DraftSession', () => {
  beforeEach(() => {
    sent.length = 0;
  });

  it('clears a field that went back to the portal’s value, after its earlier saves and in one message for many', async () => {
    const session = new DraftSession();
    const cleared: string[][] = [];
    session.events.addEventListener('cleared', (event) =>
      cleared.push((event as CustomEvent<{ fields: string[] }>).detail.fields),
    );
    session.record(ID, 'vnedu', PAGE, 'A|tx|0', '8', 1);
    session.record(ID, 'vnedu', PAGE, 'B|tx|0', '9', 2);
    session.record(ID, 'vnedu', PAGE, 'C|gk|0', '7', 3);
    // An undo puts B and C back before their saves went out: their saves are dropped, one clear goes.
    session.revert(ID, 'vnedu', PAGE, 'B|tx|0');
    session.revert(ID, 'vnedu', PAGE, 'C|gk|0');
    await vi.waitFor(() =>
      expect(messages()).toEqual([
        ['drafts.save', 'A|tx|0', '8'],
        ['drafts.clear', ['B|tx|0', 'C|gk|0'], null],
      ]),
    );
    expect([...session.editsOf(ID).keys()]).toEqual(['A|tx|0']);
    expect(cleared).toEqual([['B|tx|0'], ['C|gk|0']]);
    // A remount that reads the background before the clear arrived does not offer them again.
    expect(session.isSettled(ID, 'B|tx|0', '9')).toBe(true);

    // Typed again after the revert: a draft once more, saved after the clear.
    session.record(ID, 'vnedu', PAGE, 'B|tx|0', '6', 4);
    await vi.waitFor(() => expect(messages().at(-1)).toEqual(['drafts.save', 'B|tx|0', '6']));
    expect(session.isSettled(ID, 'B|tx|0', '9')).toBe(false);
  });

  it('takes the values the portal saved as what it holds, and clears them without the saves still queued', async () => {
    const session = new DraftSession();
    session.baselineOf(ID).set('A|tx|0', '5');
    session.record(ID, 'vnedu', PAGE, 'A|tx|0', '8', 1);
    session.record(ID, 'vnedu', PAGE, 'B|tx|0', '7', 2);
    session.record(ID, 'vnedu', PAGE, 'C|tx|0', '6', 3);
    session.saved(
      ID,
      'vnedu',
      PAGE,
      new Map([
        ['A|tx|0', '8'],
        ['B|tx|0', '7'],
        ['C|tx|0', '6'],
      ]),
    );
    expect(session.baselineOf(ID).get('A|tx|0')).toBe('8');
    expect(session.editsOf(ID).size).toBe(0);
    await vi.waitFor(() =>
      expect(messages()).toEqual([
        ['drafts.save', 'A|tx|0', '8'],
        ['drafts.clear', ['A|tx|0', 'B|tx|0', 'C|tx|0'], null],
      ]),
    );
  });
});

import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { watchSaveOutcome, watchSaveVerdict } from '../../extension/features/drafts/save-watch';
import { launchChromium } from '../helpers/chromium';

type InPage = {
  saveWatch: { watchSaveOutcome: typeof watchSaveOutcome; watchSaveVerdict: typeof watchSaveVerdict };
};

// The portal's verdict on a save, read in a real page: a message the app draws again (a framework
// re-rendering its whole toast list) is not a new verdict; a message that was not there is.

const SOURCE = fileURLToPath(new URL('../../extension/features/drafts/save-watch.ts', import.meta.url));

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [SOURCE],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'saveWatch',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setContent('<div id="toasts"></div>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Starts a watch, then changes the toast list as `steps` say (each the list's texts and kinds). */
function outcome(start: [string, string][], steps: [string, string][][]): Promise<string> {
  return page.evaluate(
    async ([initial, changes]) => {
      const list = document.getElementById('toasts')!;
      const draw = (toasts: [string, string][]) =>
        list.replaceChildren(
          ...toasts.map(([kind, text]) => {
            const toast = document.createElement('div');
            toast.className = `toast-${kind}`;
            toast.textContent = text;
            return toast;
          }),
        );
      draw(initial);
      const { watchSaveOutcome: watch } = (globalThis as never as InPage).saveWatch;
      const verdict = watch([document], { success: '.toast-success', error: '.toast-error' }, 400);
      for (const toasts of changes) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        draw(toasts);
      }
      return verdict;
    },
    [start, steps] as const,
  );
}

describe('watchSaveOutcome', () => {
  it('does not take an old "saved" message drawn again for a new one', async () => {
    const old: [string, string] = ['success', 'Lưu thành công 1 điểm của 1 học sinh.'];
    // The list is drawn again twice (an info toast comes and goes), the old success in it each time.
    expect(await outcome([old], [[old, ['info', 'Đang lưu…']], [old]])).toBe('timeout');
  });

  it('reads the refusal the portal adds while an old "saved" message is drawn again', async () => {
    const old: [string, string] = ['success', 'Lưu thành công 1 điểm của 1 học sinh.'];
    expect(await outcome([old], [[old, ['error', 'Điểm phải từ 0 đến 10.']]])).toBe('error');
  });

  it('reads a new "saved" message, also beside an old one drawn again', async () => {
    const old: [string, string] = ['success', 'Lưu thành công 1 điểm của 1 học sinh.'];
    expect(await outcome([], [[['success', 'Lưu thành công.']]])).toBe('success');
    expect(await outcome([old], [[old, ['success', 'Lưu thành công 3 điểm của 2 học sinh.']]])).toBe(
      'success',
    );
  });

  it('reads a message added to a list that keeps its elements', async () => {
    const verdict = await page.evaluate(async () => {
      const list = document.getElementById('toasts')!;
      list.replaceChildren();
      const { watchSaveOutcome: watch } = (globalThis as never as InPage).saveWatch;
      const result = watch([document], { success: '.toast-success', error: '.toast-error' }, 400);
      const toast = document.createElement('div');
      toast.className = 'toast-success';
      toast.textContent = 'Lưu thành công.';
      list.append(toast);
      return result;
    });
    expect(verdict).toBe('success');
  });
});

describe('watchSaveVerdict', () => {
  /** Starts a watch on `#notice` (holding `initial`), then runs `change` on it after 20 ms. */
  function verdict(initial: string, change: string) {
    return page.evaluate(
      async ([html, script]) => {
        document.body.innerHTML = `<div id="notice">${html}</div>`;
        const notice = document.getElementById('notice')!;
        const { watchSaveVerdict: watch } = (globalThis as never as InPage).saveWatch;
        const result = watch(
          [document],
          { success: 'p.message-of-success', error: 'p.message-of-error' },
          400,
        );
        await new Promise((resolve) => setTimeout(resolve, 20));
        new Function('notice', script)(notice);
        return result;
      },
      [initial, change] as const,
    );
  }

  it("answers with the portal's message, refusal or success", async () => {
    const add = (kind: string, text: string) =>
      `const p = document.createElement('p'); p.className = 'message-of-${kind}'; p.textContent = ${JSON.stringify(text)}; notice.replaceChildren(p);`;
    expect(await verdict('', add('error', 'Số CCCD phải gồm đúng 12 chữ số.'))).toEqual({
      outcome: 'error',
      message: 'Số CCCD phải gồm đúng 12 chữ số.',
    });
    expect(await verdict('', add('success', ' Đã cập nhật hồ sơ. '))).toEqual({
      outcome: 'success',
      message: 'Đã cập nhật hồ sơ.',
    });
  });

  it.each([
    {
      what: 'reads a message kept in the page when its text changes',
      initial: '<p class="message-of-error">Lần trước bị từ chối.</p>',
      change: "notice.firstChild.textContent = 'Họ tên không được để trống.';",
      expected: { outcome: 'error', message: 'Họ tên không được để trống.' },
    },
    {
      what: 'does not answer with a message left as it was',
      initial: '<p class="message-of-success">Đã lưu.</p>',
      change: "notice.firstChild.textContent = 'Đã lưu.'; notice.append(document.createElement('p'));",
      expected: { outcome: 'timeout', message: '' },
    },
    {
      what: 'answers with an empty message for an indicator without text (an icon)',
      initial: '',
      change:
        "notice.append(Object.assign(document.createElement('p'), { className: 'message-of-success' }));",
      expected: { outcome: 'success', message: '' },
    },
  ])('$what', async ({ initial, change, expected }) => {
    expect(await verdict(initial, change)).toEqual(expected);
  });
});

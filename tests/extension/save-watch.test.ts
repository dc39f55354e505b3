import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { watchSaveOutcome } from '../../extension/features/drafts/save-watch';
import { launchChromium } from '../helpers/chromium';

type InPage = { saveWatch: { watchSaveOutcome: typeof watchSaveOutcome } };

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

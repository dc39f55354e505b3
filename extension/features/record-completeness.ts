import { RECORD_FIELD_NAMES } from '@edulens/shared/profiles';
import { pick } from '../lib/i18n';
import { h } from '../lib/overlay';
import type { RecordFeature } from '../lib/records/feature';
import { onFormEdit } from '../lib/records/on-form-edit';
import { recordPanel } from '../lib/records/panel';
import { RECORD_TEXT } from '../lib/records/text';

// The completeness of the record on screen: "5/6 trường bắt buộc", each missing field a button
// that takes the cursor to it. What the form held when it opened, and after each save the portal
// confirmed, also counts for the list's meter.

const RECOUNT_MS = 80;

export const recordCompleteness: RecordFeature = {
  id: 'record-completeness',
  runsOn: 'record-form',
  mount(ctx) {
    const { form, page, overlay, signal, records } = ctx;
    const section = overlay.section('record-completeness', { order: 10 });
    const title = h('span', { class: 'grow', 'data-testid': 'record-completeness' });
    const hint = h('div', { class: 'muted' });
    const missingList = h('div', { class: 'rc-missing' });
    const locked = h('div', { class: 'muted' });
    const panel = recordPanel(section, title, [locked, hint, missingList], signal);

    const summarize = () => ({ name: form.value('fullName'), missing: form.missing() });
    const render = () => {
      const missing = form.missing();
      const total = page.required.length;
      title.textContent = pick(RECORD_TEXT.requiredFilled(total - missing.length, total));
      panel.dataset.complete = String(missing.length === 0);
      hint.textContent = pick(missing.length === 0 ? RECORD_TEXT.allRequiredFilled : RECORD_TEXT.missingHint);
      locked.hidden = !form.locked();
      locked.textContent = pick(RECORD_TEXT.locked);
      missingList.replaceChildren(
        ...missing.map((field) =>
          h(
            'button',
            {
              class: 'link',
              'data-field': field,
              onclick: () => {
                const input = form.field(field)?.input;
                input?.scrollIntoView({ block: 'center' });
                input?.focus();
              },
            },
            pick(RECORD_FIELD_NAMES[field]),
          ),
        ),
      );
    };
    onFormEdit(form.form, render, RECOUNT_MS, signal);

    // The record as stored: as the form opened, then as each confirmed save left it.
    const url = form.doc.URL;
    records.put(url, summarize());
    const success = page.save.success;
    if (success) {
      const Observer = form.doc.defaultView?.MutationObserver ?? MutationObserver;
      let shown = form.doc.querySelector(success) !== null;
      const observer = new Observer(() => {
        const now = form.doc.querySelector(success) !== null;
        if (now && !shown) records.put(url, summarize());
        shown = now;
      });
      observer.observe(form.doc.documentElement, { childList: true, subtree: true, characterData: true });
      signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    }
    render();
  },
};

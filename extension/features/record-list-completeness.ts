import { inputLimits } from '@edulens/shared/limits';
import { RECORD_FIELD_NAMES } from '@edulens/shared/profiles';
import { pick } from '../lib/i18n';
import { h } from '../lib/overlay';
import type { RecordFeature } from '../lib/records/feature';
import { recordRows } from '../lib/records/list';
import { recordPanel } from '../lib/records/panel';
import { goToPage, listPageNow } from '../lib/records/pager';
import { RECORD_TEXT } from '../lib/records/text';

// The completeness of a list: "32/35 hồ sơ đủ thông tin bắt buộc". A list shows only some fields
// (a student list may have no CCCD column), so every record is read from its own form document in the
// background (same origin, the page's session, a few at a time) — the counts then are the portal's
// stored records, not guesses from the columns. The records of each page are read when the page
// shows; "Kiểm tra cả danh sách" goes through the pager to read every page, then brings the list
// back to the page the teacher was on.

export const recordListCompleteness: RecordFeature = {
  id: 'record-list-completeness',
  runsOn: 'record-list',
  mount(ctx) {
    const { list, page, overlay, signal, records } = ctx;
    const section = overlay.section('record-list-completeness', { order: 20 });
    const title = h('span', { class: 'grow', 'data-testid': 'list-completeness' });
    const progress = h('div', { class: 'muted', 'data-testid': 'list-progress' });
    const walk = h(
      'button',
      { class: 'btn', 'data-testid': 'list-read-all' },
      pick(RECORD_TEXT.readWholeList),
    );
    const incomplete = h('div', { class: 'rc-list' });
    recordPanel(section, title, [progress, walk, incomplete], signal);
    let reading = 0;

    const render = () => {
      const urls = [...records.listed];
      const entries = urls.map((url) => records.get(url));
      const done = entries.filter((entry) => entry !== undefined);
      const complete = done.filter((entry) => entry.ok && entry.summary.missing.length === 0).length;
      const failed = done.filter((entry) => !entry.ok).length;
      title.textContent = pick(RECORD_TEXT.recordsComplete(complete, done.length - failed));
      title.dataset.complete = String(complete);
      title.dataset.read = String(done.length - failed);
      title.dataset.listed = String(urls.length);
      const pager = listPageNow(list);
      const lines = [
        done.length < urls.length ? pick(RECORD_TEXT.reading(done.length, urls.length)) : '',
        pager && pager.pages > 1 ? pick(RECORD_TEXT.pagesRead(records.pagesSeen.size, pager.pages)) : '',
        failed > 0 ? pick(RECORD_TEXT.unreadable(failed)) : '',
        urls.length >= inputLimits.listRecords ? pick(RECORD_TEXT.tooMany(inputLimits.listRecords)) : '',
      ].filter((line) => line !== '');
      progress.textContent = lines.join(' · ');
      walk.hidden = !pager || records.pagesSeen.size >= pager.pages;
      walk.disabled = reading > 0;
      const missingOnes = urls.flatMap((url) => {
        const entry = records.get(url);
        return entry?.ok && entry.summary.missing.length > 0 ? [entry.summary] : [];
      });
      incomplete.replaceChildren(
        ...(missingOnes.length > 0 ? [h('div', { class: 'muted' }, pick(RECORD_TEXT.incomplete))] : []),
        ...missingOnes.map((summary) =>
          h(
            'div',
            { 'data-testid': 'incomplete-record' },
            `${summary.name}: ${summary.missing.map((field) => pick(RECORD_FIELD_NAMES[field])).join(', ')}`,
          ),
        ),
      );
    };

    /** Reads the records of the page on screen (its number from the pager, unless given). */
    const readPage = async (number?: number) => {
      const urls = recordRows(page, list).flatMap((row) => (row.formUrl ? [row.formUrl] : []));
      for (const url of urls) if (records.listed.size < inputLimits.listRecords) records.listed.add(url);
      records.pagesSeen.add(number ?? listPageNow(list)?.page ?? 1);
      reading++;
      render();
      try {
        await records.load(urls, signal);
      } finally {
        reading--;
        if (!signal.aborted) render();
      }
    };

    let walking = false;
    walk.addEventListener(
      'click',
      () => {
        const start = listPageNow(list);
        if (walking || !start) return;
        walking = true;
        void (async () => {
          try {
            // Every page not read yet, then back to the page the teacher was on.
            for (let number = 1; number <= start.pages && !signal.aborted; number++) {
              if (records.pagesSeen.has(number)) continue;
              // Past the records a list may read, another page adds nothing (the meter says so).
              if (records.listed.size >= inputLimits.listRecords) break;
              if (!(await goToPage(list, number, signal))) break;
              await readPage(number);
            }
            await goToPage(list, start.page, signal);
          } finally {
            walking = false;
          }
        })();
      },
      { signal },
    );

    records.onChange(render, signal);
    list.onRowsChanged(() => {
      if (!walking) void readPage();
    }, signal);
    void readPage();
  },
};

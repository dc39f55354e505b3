import { browser } from 'wxt/browser';
import { bookLabel } from './book-label';
import { currentLang, initI18n, pick, t } from './i18n';
import { onPageChanged, sendToBackground, sendToTab } from './messages';
import type { DraftEntry, PageProblem, PageState } from '@edulens/shared/page';
import { h } from './overlay';
import { targetTab } from './tabs';

// The side panel: the problems of the book on screen (each jumps to its cell) and its unsaved
// drafts. Refreshed on every report of the tab's content script and when the tab changes.

const REFRESH_DEBOUNCE_MS = 100;

function problemList(tabId: number, problems: readonly PageProblem[]): HTMLElement {
  if (problems.length === 0) return h('p', { class: 'muted' }, t('sidepanel_noProblems'));
  return h(
    'ul',
    { 'data-testid': 'sidepanel-problems' },
    ...problems.map((p) =>
      h(
        'li',
        { 'data-field': p.field },
        h(
          'button',
          {
            class: 'link',
            title: t('validate_jump'),
            onclick: () => void sendToTab(tabId, 'page.focus', { field: p.field }).catch(() => undefined),
          },
          t('validate_problemRow', [p.studentName || p.rowKey, p.column, pick(p.message)]),
        ),
      ),
    ),
  );
}

function draftList(state: PageState, drafts: readonly DraftEntry[]): HTMLElement {
  if (drafts.length === 0) return h('p', { class: 'muted' }, t('sidepanel_noDrafts'));
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
  });
  const when = (ms: number) => {
    const parts = Object.fromEntries(time.formatToParts(ms).map((part) => [part.type, part.value]));
    return `${parts.hour}:${parts.minute} ${parts.day}/${parts.month}`;
  };
  return h(
    'ul',
    { 'data-testid': 'sidepanel-drafts' },
    ...[...drafts]
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .map((draft) => {
        const [rowKey = '', kind = '', index = '0'] = draft.field.split('|');
        const column = state.columnLabels[`${kind}|${index}`] ?? kind;
        return h(
          'li',
          { 'data-field': draft.field },
          h('span', null, `${state.rowNames[rowKey] ?? rowKey} · ${column}`),
          h('b', null, draft.value === '' ? '∅' : draft.value),
          h('span', { class: 'muted' }, when(draft.updatedAt)),
        );
      }),
  );
}

export async function startSidePanel(root: HTMLElement): Promise<void> {
  await initI18n();
  document.documentElement.lang = currentLang();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const refresh = async () => {
    const tab = await targetTab();
    const state = tab ? await sendToTab(tab.id, 'page.state', {}).catch(() => undefined) : undefined;
    if (!tab || !state) {
      root.replaceChildren(
        h('h1', null, t('sidepanel_title')),
        h('p', { class: 'muted' }, t('common_notOnPortal')),
      );
      root.dataset.ready = '1';
      return;
    }
    const drafts = state.page
      ? await sendToBackground('drafts.forPage', { profile: state.profileId, page: state.page })
          .then((answer) => answer.drafts)
          .catch(() => [] as DraftEntry[])
      : [];
    const c = state.context;
    root.replaceChildren(
      h('h1', null, t('sidepanel_title')),
      h('div', { class: 'muted', 'data-testid': 'sidepanel-context' }, bookLabel(c, { year: false })),
      h(
        'section',
        null,
        h('h2', null, `${t('sidepanel_problems')} (${state.problems.length})`),
        problemList(tab.id, state.problems),
      ),
      h(
        'section',
        null,
        h('h2', null, `${t('sidepanel_drafts')} (${drafts.length})`),
        draftList(state, drafts),
      ),
    );
    root.dataset.ready = '1';
    root.dataset.tab = String(tab.id);
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), REFRESH_DEBOUNCE_MS);
  };
  onPageChanged((tabId) => {
    if (tabId === undefined || String(tabId) === root.dataset.tab) schedule();
  });
  browser.tabs.onActivated.addListener(schedule);
  browser.tabs.onUpdated.addListener((_id, info) => {
    if (info.status === 'complete') schedule();
  });
  await refresh();
}

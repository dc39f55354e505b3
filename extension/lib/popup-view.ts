import { findProfileForUrl } from '@edulens/shared/profiles';
import { formatInstant } from '@edulens/shared/calendar';
import { browser } from 'wxt/browser';
import { bookLabel } from './book-label';
import { currentLang, initI18n, t } from './i18n';
import { lockLine } from './lock-text';
import { locksFor } from './locks';
import { sendToBackground, sendToTab } from './messages';
import type { LockInfo } from '@edulens/shared/page';
import type { AgentStatus } from './agent/status';
import { h } from './overlay';
import { clockOverride, schoolLockDays } from './storage';
import { targetTab } from './tabs';

// The popup: the current page's profile and book, lock countdowns of the school's books, and
// the local agent's status.

export function renderLocks(locks: readonly LockInfo[], now: number): HTMLElement {
  if (locks.length === 0) return h('p', { class: 'muted' }, t('common_none'));
  return h(
    'ul',
    { 'data-testid': 'locks' },
    ...locks.map((lock) => {
      const line = lockLine(lock, now);
      return h(
        'li',
        { title: line.exact, 'data-state': line.state },
        h('span', null, line.title),
        h('span', { class: `state-${line.state}` }, line.when),
      );
    }),
  );
}

const DAY_MS = 86_400_000;
/** The agent backs up daily; two days without one means it has not been running (or fails). */
const BACKUP_STALE_DAYS = 2;

function backupLine(backup: NonNullable<AgentStatus['backup']>, now: number): HTMLElement {
  if (!backup.automatic) return h('div', { class: 'muted', 'data-testid': 'backup' }, t('popup_backupOff'));
  if (backup.lastAt === null)
    return h('div', { class: 'muted', 'data-testid': 'backup' }, t('popup_backupNone'));
  const at = new Date(backup.lastAt);
  const days = Math.floor((now - at.getTime()) / DAY_MS);
  return h(
    'div',
    { class: days >= BACKUP_STALE_DAYS ? 'bad' : 'muted', 'data-testid': 'backup' },
    days >= BACKUP_STALE_DAYS
      ? t('popup_backupStale', days)
      : t('popup_backupLast', formatInstant(at, currentLang())),
  );
}

/** Not paired: the steps, in the words of the buttons the teacher will press. */
function pairingSteps(): HTMLElement {
  return h(
    'div',
    { 'data-testid': 'agent' },
    h('div', { class: 'bad' }, t('popup_agentNotPaired')),
    h(
      'ol',
      { class: 'steps', 'data-testid': 'pair-steps' },
      h('li', null, t('popup_pairStep1')),
      h('li', null, t('popup_pairStep2', t('popup_openOptions'))),
      h('li', null, t('popup_pairStep3', t('options_pair'))),
    ),
  );
}

export function renderAgent(status: AgentStatus | undefined, now: number): HTMLElement {
  if (!status) return h('p', { class: 'bad', 'data-testid': 'agent' }, t('popup_agentUnreachable'));
  if (!status.paired) return pairingSteps();
  const state = status.reachable
    ? h('span', { class: 'ok' }, t('popup_agentReachable'))
    : h('span', { class: 'bad' }, t('popup_agentUnreachable'));
  return h(
    'div',
    { 'data-testid': 'agent' },
    h('div', null, state, h('span', { class: 'muted' }, ` — ${status.url}`)),
    status.reachable ? null : h('div', { class: 'muted' }, t('popup_pairStep1')),
    status.queued > 0 ? h('div', { class: 'muted' }, t('popup_agentQueued', status.queued)) : null,
    status.reachable && status.backup ? backupLine(status.backup, now) : null,
  );
}

export async function renderPopup(root: HTMLElement): Promise<void> {
  await initI18n();
  document.documentElement.lang = currentLang();
  const tab = await targetTab();
  const now = (await clockOverride.getValue()) ?? Date.now();
  const state = tab ? await sendToTab(tab.id, 'page.state', {}).catch(() => undefined) : undefined;
  const profile = tab ? findProfileForUrl(tab.url) : undefined;
  const agent = await sendToBackground('agent.status', {}).catch(() => undefined);

  const page = h('section', { 'data-testid': 'page' }, h('h2', null, t('popup_page')));
  if (state) {
    page.append(
      h(
        'div',
        null,
        h('div', { 'data-testid': 'profile' }, t('popup_profile', state.profileName)),
        state.page
          ? h('div', { 'data-testid': 'context' }, bookLabel(state.context, { year: true }))
          : h('div', { class: 'muted' }, t('common_noGrid')),
        state.page
          ? h(
              'div',
              { 'data-testid': 'problems', class: state.problems.length > 0 ? 'bad' : 'ok' },
              t('popup_problems', state.problems.length),
            )
          : null,
      ),
    );
  } else if (profile) {
    page.append(h('div', { 'data-testid': 'profile' }, t('popup_profile', profile.name)));
  } else {
    page.append(h('div', { class: 'muted', 'data-testid': 'profile' }, t('common_notOnPortal')));
  }

  const calendar = profile?.calendar;
  const yearStart = /(\d{4})\s*-\s*\d{4}/.exec(state?.context.schoolYear ?? '')?.[1];
  const locks =
    state && state.locks.length > 0
      ? state.locks
      : calendar
        ? locksFor(
            calendar,
            yearStart ? Number(yearStart) : undefined,
            now,
            (await schoolLockDays.getValue())[calendar.id],
          )
        : [];

  const actions = h(
    'div',
    { class: 'actions' },
    h(
      'button',
      {
        'data-testid': 'open-sidepanel',
        onclick: () => {
          if (tab) void browser.sidePanel?.open({ tabId: tab.id });
          window.close();
        },
      },
      t('popup_openSidePanel'),
    ),
    h(
      'button',
      {
        'data-testid': 'open-options',
        class: agent && !agent.paired ? 'primary' : undefined,
        onclick: () => void browser.runtime.openOptionsPage(),
      },
      t('popup_openOptions'),
    ),
  );

  root.replaceChildren(
    h('h1', null, t('extName')),
    page,
    h('section', null, h('h2', null, t('popup_locks')), renderLocks(locks, now)),
    h('section', null, h('h2', null, t('popup_agent')), renderAgent(agent, now)),
    actions,
  );
  root.dataset.ready = '1';
}

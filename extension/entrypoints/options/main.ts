import { initI18n, pick, t } from '../../lib/i18n';
import { sendToBackground } from '../../lib/messages';
import type { AgentStatus } from '../../lib/agent/status';
import { h } from '../../lib/overlay';
import { agentConnection, DEFAULT_AGENT_URL, type LanguageSetting, languageSetting } from '../../lib/storage';
import { addedProfilesSection } from './added-profiles';
import { schoolLockDaysSection } from './school-lock-days';

// Options: pairing with the local agent (its address + the code it printed → a token kept by the
// background), the school's lock days, portals added from a profile file and the language. The agent's status is refreshed every few seconds; asking for it
// also makes the background retry delivering what is queued.

const STATUS_EVERY_MS = 2_000;
const app = document.getElementById('app')!;
let statusTimer: ReturnType<typeof setInterval> | undefined;

function statusLine(status: AgentStatus | null): HTMLElement {
  const line = h('p', { id: 'agent-status', class: 'status', role: 'status' });
  if (status === null) return line;
  line.dataset.paired = String(status.paired);
  line.dataset.reachable = String(status.reachable);
  line.dataset.queued = String(status.queued);
  line.append(
    h('span', { class: status.paired ? 'ok' : 'bad' }, t(status.paired ? 'agent_paired' : 'agent_notPaired')),
    h(
      'span',
      { class: status.reachable ? 'ok' : 'bad' },
      t(status.reachable ? 'agent_reachable' : 'agent_unreachable', status.url),
    ),
  );
  if (status.queued > 0) line.append(h('span', { class: 'queued' }, t('agent_queued', status.queued)));
  return line;
}

async function refreshStatus(): Promise<void> {
  let status: AgentStatus | null = null;
  try {
    status = await sendToBackground('agent.status', {});
  } catch {
    // The worker is restarting; the next tick asks again.
  }
  document.getElementById('agent-status')?.replaceWith(statusLine(status));
}

async function render(): Promise<void> {
  await initI18n();
  document.documentElement.lang = (await languageSetting.getValue()) === 'en' ? 'en' : 'vi';
  document.title = t('options_title');
  const connection = await agentConnection.getValue();
  const language = await languageSetting.getValue();

  const url = h('input', {
    id: 'agent-url',
    type: 'url',
    value: connection.url || DEFAULT_AGENT_URL,
    spellcheck: false,
  });
  const code = h('input', {
    id: 'pair-code',
    type: 'text',
    autocomplete: 'off',
    spellcheck: false,
    placeholder: 'ABCD-EFGH',
    maxLength: 32,
  });
  const message = h('p', { id: 'pair-message', class: 'message', role: 'alert' });
  const pairButton = h('button', { id: 'pair', type: 'submit' }, t('options_pair'));
  const unpair = h(
    'button',
    {
      id: 'unpair',
      type: 'button',
      class: 'secondary',
      hidden: connection.token === null,
      onclick: async () => {
        const { revoked } = await sendToBackground('agent.unpair', {});
        await render();
        const notice = document.getElementById('pair-message')!;
        notice.className = revoked ? 'message ok' : 'message bad';
        notice.textContent = t(revoked ? 'options_unpairedOk' : 'options_unpairedLocally');
      },
    },
    t('options_unpair'),
  );

  const form = h(
    'form',
    {
      id: 'pair-form',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        pairButton.disabled = true;
        message.className = 'message';
        message.textContent = t('options_pairing');
        try {
          const result = await sendToBackground('agent.pair', { code: code.value, url: url.value });
          if (result.ok) {
            message.className = 'message ok';
            message.textContent = t('options_pairedOk', (await agentConnection.getValue()).url);
            code.value = '';
            unpair.hidden = false;
          } else {
            message.className = 'message bad';
            message.textContent = pick(result.message);
          }
        } catch (error) {
          message.className = 'message bad';
          message.textContent = error instanceof Error ? error.message : String(error);
        } finally {
          pairButton.disabled = false;
          void refreshStatus();
        }
      },
    },
    h('label', { for: 'agent-url' }, t('options_agentUrl')),
    url,
    h('label', { for: 'pair-code' }, t('options_pairCode')),
    code,
    h('p', { class: 'hint' }, t('options_pairHint')),
    h('div', { class: 'row' }, pairButton, unpair),
    message,
  );

  const select = h(
    'select',
    {
      id: 'language',
      onchange: async () => {
        await languageSetting.setValue(select.value as LanguageSetting);
        await render();
      },
    },
    ...(['vi', 'en', 'auto'] as const).map((value) =>
      h(
        'option',
        { value, selected: value === language },
        value === 'vi' ? 'Tiếng Việt' : value === 'en' ? 'English' : t('options_languageAuto'),
      ),
    ),
  );

  app.replaceChildren(
    h('h1', null, t('options_title')),
    h('section', { id: 'agent' }, h('h2', null, t('options_agentSection')), statusLine(null), form),
    await schoolLockDaysSection(),
    await addedProfilesSection(render),
    h(
      'section',
      { id: 'language-section' },
      h('h2', null, t('options_language')),
      select,
      h('p', { class: 'hint' }, t('options_languageHint')),
    ),
  );
  app.removeAttribute('aria-busy');
  await refreshStatus();
  clearInterval(statusTimer);
  statusTimer = setInterval(() => void refreshStatus(), STATUS_EVERY_MS);
}

void render();

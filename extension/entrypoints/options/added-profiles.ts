import { builtInProfiles, parseProfileFile, type Profile } from '@edulens/shared/profiles';
import { browser } from 'wxt/browser';
import { MAX_ADDED_PROFILES, MAX_PROFILE_FILE_BYTES, profileOrigins } from '../../lib/added-profiles/origins';
import { pick, t } from '../../lib/i18n';
import { h } from '../../lib/overlay';
import { addedProfiles } from '../../lib/storage';

// Options section "Cổng khác": a portal EduLens has no built-in profile for is added from a
// profile file. The file is checked against the schema, then the browser is asked, once and on
// the teacher's click, to let EduLens run on the portal's origins (optional host permissions);
// the background then runs the content script there (lib/added-profiles/content-scripts.ts).

/** Problems of a refused file listed at most. */
const MAX_PROBLEMS_SHOWN = 5;

type Checked = { ok: true; profile: Profile } | { ok: false; message: string };

async function readProfile(file: File, added: readonly Profile[]): Promise<Checked> {
  if (file.size > MAX_PROFILE_FILE_BYTES)
    return { ok: false, message: t('options_profileTooLarge', [file.name, MAX_PROFILE_FILE_BYTES / 1024]) };
  const parsed = parseProfileFile(await file.text());
  if (!parsed.ok) {
    const problems = parsed.problems.slice(0, MAX_PROBLEMS_SHOWN).map((problem) => pick(problem.message));
    return { ok: false, message: t('options_profileInvalid', [file.name, problems.join('; ')]) };
  }
  const { profile } = parsed;
  if ([...builtInProfiles, ...added].some((other) => other.id === profile.id))
    return { ok: false, message: t('options_profileTaken', profile.id) };
  if (added.length >= MAX_ADDED_PROFILES)
    return { ok: false, message: t('options_profileTooMany', MAX_ADDED_PROFILES) };
  return { ok: true, profile };
}

export async function addedProfilesSection(rerender: () => Promise<void>): Promise<HTMLElement> {
  const added = await addedProfiles.getValue();
  const message = h('p', { id: 'profiles-message', class: 'message', role: 'status' });
  const pending = h('div', { id: 'profile-pending', hidden: true });
  const say = (text: string, tone: 'ok' | 'bad') => {
    message.className = `message ${tone}`;
    message.textContent = text;
  };

  const add = async (profile: Profile) => {
    const origins = profileOrigins(profile);
    // Must run in the click's handler: the browser asks only on a user's gesture.
    const granted = await browser.permissions.request({ origins });
    if (!granted) return say(t('options_profileDenied', origins.join(', ')), 'bad');
    await addedProfiles.setValue([...(await addedProfiles.getValue()), profile]);
    await rerender();
    const notice = document.getElementById('profiles-message');
    if (notice) {
      notice.className = 'message ok';
      notice.textContent = t('options_profileAdded', profile.name);
    }
  };

  const remove = async (profile: Profile) => {
    const rest = (await addedProfiles.getValue()).filter((other) => other.id !== profile.id);
    await addedProfiles.setValue(rest);
    const stillUsed = new Set(rest.flatMap(profileOrigins));
    const unused = profileOrigins(profile).filter((origin) => !stillUsed.has(origin));
    for (const origin of unused) {
      try {
        await browser.permissions.remove({ origins: [origin] });
      } catch {
        // A built-in portal's origin is a required permission: the browser keeps it.
      }
    }
    await rerender();
  };

  const fileInput = h('input', { id: 'profile-file', type: 'file', accept: '.json,application/json' });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    pending.hidden = true;
    if (!file) return;
    void readProfile(file, added).then((checked) => {
      if (!checked.ok) return say(checked.message, 'bad');
      message.textContent = '';
      const origins = profileOrigins(checked.profile);
      pending.replaceChildren(
        h('p', null, t('options_profileAsk', [checked.profile.name, origins.join(', ')])),
        h(
          'button',
          { id: 'profile-allow', type: 'button', onclick: () => void add(checked.profile) },
          t('options_profileAllow'),
        ),
      );
      pending.hidden = false;
    });
  });

  const list = h(
    'ul',
    { id: 'profiles-added' },
    ...added.map((profile) =>
      h(
        'li',
        { 'data-profile': profile.id },
        `${profile.name} — ${profileOrigins(profile).join(', ')} `,
        h(
          'button',
          { type: 'button', class: 'secondary', onclick: () => void remove(profile) },
          t('options_profileRemove'),
        ),
      ),
    ),
  );

  return h(
    'section',
    { id: 'profiles-section' },
    h('h2', null, t('options_profilesSection')),
    h('p', { class: 'hint' }, t('options_profilesHint')),
    added.length > 0 ? list : h('p', { class: 'muted' }, t('options_profilesNone')),
    h('label', { for: 'profile-file' }, t('options_profileFile')),
    fileInput,
    pending,
    message,
  );
}

import { existsEveryYear } from '@edulens/shared/calendar';
import { builtInProfiles } from '@edulens/shared/profiles';
import { pick, t } from '../../lib/i18n';
import { calendarFor } from '../../lib/locks';
import { h } from '../../lib/overlay';
import { type LockDay, schoolLockDays } from '../../lib/storage';

// Options section "Ngày khóa sổ của trường": the principal decides when the score books lock, the
// built-in calendars only hold defaults. Each yearly lock of every calendar a profile uses gets a
// date box showing this school year's day; what is saved replaces the default everywhere the
// countdown, popup and side panel show that lock.

/** School year start (1 August) of the year `now` falls in. */
function schoolYearOf(now: Date): number {
  return now.getMonth() >= 7 ? now.getFullYear() : now.getFullYear() - 1;
}

/** The day as a date box value in the given school year (August–December belong to its first year). */
function dateValue({ month, day }: LockDay, yearStart: number): string {
  const year = month >= 8 ? yearStart : yearStart + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseDateValue(value: string): LockDay | undefined {
  const match = /^\d{4}-(\d{2})-(\d{2})$/.exec(value);
  return match ? { month: Number(match[1]), day: Number(match[2]) } : undefined;
}

export async function schoolLockDaysSection(): Promise<HTMLElement> {
  const saved = await schoolLockDays.getValue();
  const yearStart = schoolYearOf(new Date());
  const refs = [
    ...new Map(builtInProfiles.map((profile) => [profile.calendar.id, profile.calendar])).values(),
  ];
  const message = h('p', { id: 'lock-days-message', class: 'message', role: 'status' });
  const boxes: Array<{ calendar: string; entry: string; input: HTMLInputElement }> = [];

  const groups = refs.map((ref) => {
    const calendar = calendarFor(ref, saved[ref.id]);
    if (!calendar) return null;
    const rows = calendar.entries.flatMap((entry) => {
      if (entry.kind !== 'lock' || entry.every !== 'year') return [];
      const id = `lock-day-${ref.id}-${entry.id}`;
      const input = h('input', { id, type: 'date', value: dateValue(entry.at, yearStart) });
      input.dataset.calendar = ref.id;
      input.dataset.entry = entry.id;
      boxes.push({ calendar: ref.id, entry: entry.id, input });
      const isDefault = saved[ref.id]?.[entry.id] === undefined;
      return [
        h(
          'label',
          { for: id },
          pick(entry.title),
          isDefault ? h('span', { class: 'muted' }, ` (${t('options_lockDaysDefault')})`) : null,
        ),
        input,
      ];
    });
    return h(
      'div',
      { class: 'lock-days', 'data-calendar': ref.id },
      h('h3', null, pick(calendar.name)),
      ...rows,
    );
  });

  const save = async () => {
    const next = { ...saved };
    for (const { calendar, entry, input } of boxes) {
      const days = { ...next[calendar] };
      const day = parseDateValue(input.value);
      if (day === undefined) {
        delete days[entry];
      } else if (!existsEveryYear(day)) {
        message.className = 'message bad';
        message.textContent = t('options_lockDaysInvalid', `${day.day}/${day.month}`);
        return;
      } else {
        days[entry] = day;
      }
      next[calendar] = days;
    }
    await schoolLockDays.setValue(next);
    await rerender('options_lockDaysSaved');
  };

  const useDefaults = async () => {
    await schoolLockDays.setValue({});
    await rerender('options_lockDaysReset');
  };

  const section = h(
    'section',
    { id: 'lock-days' },
    h('h2', null, t('options_lockDays')),
    h('p', { class: 'hint' }, t('options_lockDaysHint')),
    ...groups,
    h(
      'div',
      { class: 'row' },
      h('button', { id: 'save-lock-days', type: 'button', onclick: save }, t('options_lockDaysSave')),
      h(
        'button',
        { id: 'reset-lock-days', type: 'button', class: 'secondary', onclick: useDefaults },
        t('options_lockDaysUseDefaults'),
      ),
    ),
    message,
  );

  /** Redraws the section from storage (defaults marked again), keeping a confirmation. */
  async function rerender(confirmation: string): Promise<void> {
    const fresh = await schoolLockDaysSection();
    const notice = fresh.querySelector('#lock-days-message')!;
    notice.className = 'message ok';
    notice.textContent = t(confirmation);
    section.replaceWith(fresh);
  }

  return section;
}

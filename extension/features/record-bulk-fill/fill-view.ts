import type { Message } from '@edulens/shared';
import { pick } from '../../lib/i18n';
import { h } from '../../lib/overlay';
import { inputLimits } from '@edulens/shared/limits';
import { RECORD_FIELD_NAMES } from '@edulens/shared/profiles';
import type { FieldChange, PlannedRecord } from './plan';
import { progressText } from './progress';
import { type FillStop, stopMessage } from './run';
import { FILL_TEXT } from './texts';

// The fill under way and where it stopped: a progress bar with "n/N hồ sơ" and the time left, a
// "Dừng"; at a stop the reason (the portal's own message quoted), the stopped record's values to
// correct, "Tiếp tục" from that record and "Bỏ qua hồ sơ này".

export interface FillViewHandlers {
  cancel(): void;
  /** Starts again at the stopped record, with its values as corrected. */
  resume(changes: FieldChange[]): void;
  skip(): void;
  close(): void;
}

export interface FillView {
  element: HTMLElement;
  progress(done: number, total: number, elapsedMs: number): void;
  stopped(stop: FillStop, record: PlannedRecord, saved: number, total: number): void;
  finished(saved: number, unchanged: number): void;
}

export function renderFill(total: number, handlers: FillViewHandlers): FillView {
  const bar = h('progress', { max: total, value: 0, 'data-testid': 'rf-progress-bar' });
  const line = h('span', { 'data-testid': 'rf-progress' }, pick(progressText(0, total, 0)));
  const status = h('div', { 'data-testid': 'rf-status' });
  const cancel = pressOnce('btn', 'rf-cancel', FILL_TEXT.cancel, () => {
    status.textContent = pick(FILL_TEXT.stopRequested);
    handlers.cancel();
  });
  const close = h(
    'button',
    { class: 'btn', 'data-testid': 'rf-done-close', hidden: true, onclick: handlers.close },
    pick(FILL_TEXT.close),
  );
  const element = h(
    'div',
    { class: 'panel bf-dialog', 'data-testid': 'rf-fill', role: 'dialog' },
    h('header', null, h('span', { class: 'grow' }, pick(FILL_TEXT.title))),
    h('div', { class: 'body' }, h('div', { class: 'rf-progress' }, bar, line), status),
    h('footer', null, h('span', { class: 'grow' }), cancel, close),
  );
  const ended = () => {
    cancel.hidden = true;
    close.hidden = false;
  };
  return {
    element,
    progress(done, all, elapsedMs) {
      bar.max = all;
      bar.value = done;
      line.textContent = pick(progressText(done, all, elapsedMs));
    },
    stopped(stop, record, saved, all) {
      ended();
      const inputs = record.changes.map((change) => {
        const input = h('input', {
          value: change.after,
          maxLength: inputLimits.recordValueCharacters,
          'data-testid': `rf-fix-${change.field}`,
        });
        return { change, input };
      });
      const resume = pressOnce('btn primary', 'rf-resume', FILL_TEXT.resume, () =>
        handlers.resume(
          inputs.map(({ change, input }) => ({
            ...change,
            after: input.value.trim().slice(0, inputLimits.recordValueCharacters) || change.after,
          })),
        ),
      );
      const skip = h(
        'button',
        { class: 'btn', 'data-testid': 'rf-skip', onclick: handlers.skip },
        pick(FILL_TEXT.skipRecord),
      );
      status.replaceChildren(
        h('p', null, pick(FILL_TEXT.savedSoFar(saved, all))),
        h(
          'div',
          { class: 'rf-stop', 'data-testid': 'rf-stop', 'data-kind': stop.kind, role: 'alert' },
          h('p', { 'data-testid': 'rf-stop-message' }, pick(stopMessage(stop))),
          h('p', { class: 'note' }, pick(FILL_TEXT.fixHint)),
          ...inputs.map(({ change, input }) =>
            h('label', null, pick(RECORD_FIELD_NAMES[change.field]), input),
          ),
          h('div', { class: 'actions' }, resume, skip),
        ),
      );
    },
    finished(saved, unchanged) {
      ended();
      bar.value = bar.max;
      status.replaceChildren(
        h(
          'p',
          { class: 'rf-done', 'data-testid': 'rf-finished' },
          pick(FILL_TEXT.finished(saved, unchanged)),
        ),
      );
    },
  };
}

/** A button that turns itself off when pressed (a second press would repeat the step), then acts. */
function pressOnce(className: string, testId: string, label: Message, action: () => void): HTMLButtonElement {
  const button = h(
    'button',
    {
      class: className,
      'data-testid': testId,
      onclick: () => {
        button.disabled = true;
        action();
      },
    },
    pick(label),
  );
  return button;
}

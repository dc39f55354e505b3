import type { RecordField } from '@edulens/shared/profiles';
import { pick } from '../lib/i18n';
import { checkRecord, type FieldFinding } from '../lib/records/check-record';
import type { RecordFeature } from '../lib/records/feature';
import { clearFieldNotes, showFieldNote } from '../lib/records/field-note';
import { onFormEdit } from '../lib/records/on-form-edit';

// Record forms checked as the user types: every field against the student rules (CCCD against
// birth date and gender, mobile numbers, names, dates, coded values, length limits), a mark on
// the field and a note under it with the message and, where there is one, a button that puts
// the repaired value in through the portal's own input events.

const RECHECK_MS = 80;

export const recordValidate: RecordFeature = {
  id: 'record-validate',
  runsOn: 'record-form',
  mount(ctx) {
    const { form, overlay, signal, clock } = ctx;
    const check = () => {
      const findings = checkRecord(
        { value: (field) => form.value(field), items: (field) => form.field(field)?.combo?.items() },
        new Date(clock.now()),
      );
      const byField = new Map<RecordField, FieldFinding[]>();
      for (const finding of findings)
        byField.set(finding.field, [...(byField.get(finding.field) ?? []), finding]);
      for (const { field, input, combo } of form.fields) {
        const own = byField.get(field) ?? [];
        const markOn = (combo?.root as HTMLElement | undefined) ?? input;
        overlay.marks.clear(markOn);
        const worst = own.some((f) => f.problem.severity === 'error')
          ? 'error'
          : own.length > 0
            ? 'warning'
            : undefined;
        if (worst) overlay.marks.set(markOn, worst, own.map((f) => pick(f.problem.message)).join('\n'));
        showFieldNote(input, form.form, field, {
          findings: own,
          text: (f) => pick(f.problem.message),
          fixLabel: (f) => (f.fix ? pick(f.fix.label) : ''),
          onFix: (f) => {
            if (f.fix) form.write(f.field, f.fix.value);
            check();
          },
        });
      }
    };
    onFormEdit(form.form, check, RECHECK_MS, signal);
    signal.addEventListener(
      'abort',
      () => {
        clearFieldNotes(form.form);
        for (const { input, combo } of form.fields)
          overlay.marks.clear((combo?.root as HTMLElement | undefined) ?? input);
      },
      { once: true },
    );
    check();
  },
};

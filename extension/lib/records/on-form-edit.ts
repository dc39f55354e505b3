// Features that follow a record form as the teacher types (the checks, the completeness count) run
// again a moment after the last edit, not on every key: typing, a combo's choice and leaving a
// field all count as edits.

/** Runs `run` `delayMs` after the last edit of `form`, until `signal` aborts. */
export function onFormEdit(form: Element, run: () => void, delayMs: number, signal: AbortSignal): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  };
  for (const type of ['input', 'change', 'focusout'])
    form.addEventListener(type, schedule, { capture: true, signal });
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
}

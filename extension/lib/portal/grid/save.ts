import type { GradeGridPage } from '../../feature';
import { isElement } from '../text';
import type { PortalGrid } from './types';

// The portal's own save button as the profile names it: found near the grid, clicks on it seen
// before the portal sees them (a feature may ask the teacher first), and a click of EduLens' own
// that those listeners do not see (after the teacher confirmed).

export function saveControl(
  page: GradeGridPage,
  find: (target: GradeGridPage['save']['button']) => HTMLElement | undefined,
  documents: readonly Document[],
): Pick<PortalGrid, 'onBeforeSave' | 'saveButton' | 'save'> {
  const saveButton = () => find(page.save.button);
  let bypass = false;
  return {
    saveButton,
    onBeforeSave(listener, signal) {
      if (signal.aborted) return;
      const onClick = (event: Event) => {
        if (bypass) return;
        const button = saveButton();
        const target = event.target;
        if (!button || !isElement(target) || !button.contains(target)) return;
        listener({
          event: event as MouseEvent,
          cancel() {
            event.preventDefault();
            event.stopImmediatePropagation();
          },
        });
      };
      for (const doc of documents) doc.addEventListener('click', onClick, { capture: true, signal });
    },
    save() {
      const button = saveButton();
      if (!button) return false;
      bypass = true;
      try {
        button.click();
      } finally {
        bypass = false;
      }
      return true;
    },
  };
}

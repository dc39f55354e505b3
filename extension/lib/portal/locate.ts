import type { ProfilePage } from '@edulens/shared/profiles';
import { matchesVariant, textKey, textOf } from './text';

// Where a profile's page is in the document: inside frames, inside the floating window in front
// (several ExtJS windows are open at once; those behind hold other books and are never read),
// and the elements found by a selector or a visible text.

type Container = NonNullable<ProfilePage['container']>;

/** Where a page's content is: a root to search, and the floating window around it, if any. */
export interface PageScope {
  root: ParentNode;
  window?: Element;
}

/** Whether the element is drawn (not `display: none` nor hidden). */
export function shown(element: Element): boolean {
  const style = element.ownerDocument.defaultView?.getComputedStyle(element);
  return !style || (style.display !== 'none' && style.visibility !== 'hidden');
}

function zIndexOf(element: Element): number {
  const z = Number.parseInt(element.ownerDocument.defaultView?.getComputedStyle(element).zIndex ?? '', 10);
  return Number.isNaN(z) ? 0 : z;
}

/**
 * The window in front among those of `container.window`: the one marked by `activeWindow`, else the
 * shown one with the highest z-index (the last in the DOM on a tie, as a desktop stacks them).
 */
export function frontWindow(container: Container, doc: Document): Element | undefined {
  if (!container.window) return undefined;
  const windows = [...doc.querySelectorAll(container.window)];
  if (container.activeWindow) {
    const active = windows.find((w) => w.matches(container.activeWindow!));
    if (active) return active;
  }
  let front: Element | undefined;
  let frontZ = -Infinity;
  for (const candidate of windows) {
    if (!shown(candidate)) continue;
    const z = zIndexOf(candidate);
    if (z >= frontZ) {
      front = candidate;
      frontZ = z;
    }
  }
  return front;
}

/**
 * Where the page's content is: the document of the innermost frame of `container.frames`, or the
 * window in front of `container.window`. Undefined when the container is not (yet) there.
 */
export function pageScopes(
  page: { container?: ProfilePage['container'] },
  doc: Document,
): PageScope[] | undefined {
  const container = page.container;
  if (!container) return [{ root: doc }];
  const window = container.window ? frontWindow(container, doc) : undefined;
  if (container.window && !window) return undefined;
  if (!container.frames) return [{ root: window ?? doc, ...(window && { window }) }];
  let scope: ParentNode = window ?? doc;
  let current: Document | undefined;
  for (const selector of container.frames) {
    const frame = scope.querySelector(selector) as HTMLIFrameElement | null;
    try {
      current = frame?.contentDocument ?? undefined;
    } catch {
      current = undefined; // cross-origin: not ours to read
    }
    if (!current || current.readyState === 'loading') return undefined;
    scope = current;
  }
  return [{ root: current!, ...(window && { window }) }];
}

/** Checks a page's `when` detector in one scope (the URL part is checked by the caller). */
export function detectorHolds(when: ProfilePage['when'], scope: ParentNode): boolean {
  if (when.selector && !scope.querySelector(when.selector)) return false;
  if (when.text) {
    const variants = when.text.map(textKey);
    const body = textKey((scope as Element).textContent ?? (scope as Document).body?.textContent ?? '');
    if (!variants.some((variant) => body.includes(variant))) return false;
  }
  return true;
}

/** Finds an element by a profile target: a selector, or a visible text among clickable elements. */
export function findTarget(
  target: { selector?: string; text?: string[] },
  scope: ParentNode,
): HTMLElement | undefined {
  if (target.selector) return (scope.querySelector(target.selector) as HTMLElement | null) ?? undefined;
  const variants = target.text ?? [];
  const candidates = scope.querySelectorAll(
    'button, a, input[type=button], input[type=submit], [role=button]',
  );
  for (const candidate of candidates) {
    const text = candidate.tagName === 'INPUT' ? (candidate as HTMLInputElement).value : textOf(candidate);
    if (matchesVariant(text, variants)) return candidate as HTMLElement;
  }
  return undefined;
}

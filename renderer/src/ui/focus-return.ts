/**
 * Where keyboard focus goes back to after a toast closes. A toast's Undo or Dismiss button is
 * removed from the page once used, which would drop focus to <body> and send a keyboard user back
 * to the top. So each toast remembers the control that led to it, and when focus is lost, it goes
 * back there: the same element if it is still in the page, else the same control drawn again (an
 * Undo usually brings back the row or editor it was on), else the page's heading.
 */

export interface FocusOrigin {
  element: HTMLElement;
  /** The tag and accessible name, to find the same control after it was drawn again. */
  tag: string;
  name: string;
}

let lastFocused: HTMLElement | null = null;

function insideToasts(element: Element) {
  return element.closest('.toasts') !== null;
}

function nameOf(element: HTMLElement) {
  return (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Remembers the last control focused outside the toasts; returns the clean-up. */
export function trackFocus(): () => void {
  const onFocusIn = (event: FocusEvent) => {
    if (event.target instanceof HTMLElement && event.target !== document.body && !insideToasts(event.target)) lastFocused = event.target;
  };
  document.addEventListener('focusin', onFocusIn);
  return () => document.removeEventListener('focusin', onFocusIn);
}

/**
 * The control behind what is happening now: the focused one, or (when the action already removed
 * it, e.g. "Delete entry" closing the editor) the last one that had focus.
 */
export function focusOrigin(): FocusOrigin | null {
  const active = document.activeElement;
  const element = active instanceof HTMLElement && active !== document.body && !insideToasts(active) ? active : lastFocused;
  if (!element) return null;
  return { element, tag: element.tagName, name: nameOf(element) };
}

function focusLost() {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
}

function usable(element: HTMLElement) {
  return element.isConnected && !element.matches(':disabled') && !element.closest('[hidden], [inert]');
}

/** The origin itself, or the one control in the page with its tag and name. */
function sameControl(origin: FocusOrigin): HTMLElement | null {
  if (usable(origin.element)) return origin.element;
  if (origin.name === '') return null;
  const matches = [...document.querySelectorAll<HTMLElement>(origin.tag)].filter((el) => !insideToasts(el) && usable(el) && nameOf(el) === origin.name);
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

function nextFrame() {
  return new Promise<void>((resolve) => setTimeout(resolve, 16));
}

/**
 * After `work` (an Undo, or nothing for a plain dismiss) has settled and the page has redrawn, puts
 * focus back if it was lost. Focus that already landed somewhere (a page heading after a move, an
 * editor's title) is left alone.
 */
export async function returnFocusAfter(work: Promise<unknown> | null, origin: FocusOrigin | null) {
  await work?.catch(() => undefined);
  await nextFrame();
  // The page may be gone by then (a window closing, a test's document torn down).
  if (typeof document === 'undefined' || !focusLost()) return;
  const target = (origin ? sameControl(origin) : null) ?? document.querySelector<HTMLElement>('#main h1[tabindex]');
  target?.focus();
}

import { useEffect } from 'react';

/**
 * Where keyboard focus goes when the control that had it disappears: "New congregation" turning
 * into a form, "Save people" closing its form, a deleted row leaving its list. The browser drops
 * focus to <body>, and a keyboard or screen-reader user starts again from the top of the page.
 * Forms and lists that move focus themselves are left alone: this only acts when focus was lost.
 *
 * Where it goes, within the nearest part of the page that is still there:
 *  1. the first field of a form that has just appeared (the form the button opened);
 *  2. the same control drawn again (a toggle re-rendered under the same name);
 *  3. that part's heading (the list or section the row or form was in);
 *  4. the page's heading.
 * A control only disabled while its work runs ("Saving…") gets focus back when it is enabled,
 * or the first field its form marked invalid; one left disabled because its form was cleared
 * after adding something hands focus to that form's first field.
 */

const fieldSelector = 'input:not([type="hidden"]), textarea, select';
const headingSelector = 'h1, h2, h3';
/** How long a busy control may stay disabled before we stop waiting for it. */
const busyWaitMs = 3_000;

function focusLost() {
  const active = document.activeElement;
  return active === null || active === document.body;
}

function usable(element: HTMLElement) {
  // checkVisibility: Chromium's own answer (display: none, a closed <details>…); absent in jsdom.
  const visible = typeof element.checkVisibility === 'function' ? element.checkVisibility() : true;
  return element.isConnected && !element.matches(':disabled') && visible && !element.closest('[hidden], [inert]');
}

function nameOf(element: HTMLElement) {
  return (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function focusHeading(heading: HTMLElement) {
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus();
}

/** The heading that names `part`: its own, or the nearest one before it. */
function headingFor(part: HTMLElement): HTMLElement | null {
  const own = part.querySelector<HTMLElement>(headingSelector);
  if (own) return own;
  const labelledBy = part.getAttribute('aria-labelledby');
  const named = labelledBy ? document.getElementById(labelledBy) : null;
  return named instanceof HTMLElement ? named : null;
}

function rescue(from: HTMLElement, ancestors: HTMLElement[], formsBefore: Set<HTMLFormElement>) {
  const main = document.getElementById('main');
  // Nearest first; none still there means the whole page changed, and the new page's heading takes focus.
  const remaining = ancestors.filter((element) => element.isConnected);
  if (!main || remaining.length === 0) return;
  for (const part of [...remaining, main]) {
    const newForm = [...part.querySelectorAll<HTMLFormElement>('form')].find((form) => !formsBefore.has(form));
    const field = newForm ? [...newForm.querySelectorAll<HTMLElement>(fieldSelector)].find(usable) : undefined;
    if (field) return field.focus();
  }
  const name = nameOf(from);
  const again = name ? [...main.querySelectorAll<HTMLElement>(from.tagName)].filter((element) => usable(element) && nameOf(element) === name) : [];
  if (again.length === 1) return again[0]!.focus();
  for (const part of remaining) {
    const heading = headingFor(part);
    if (heading && usable(heading)) return focusHeading(heading);
  }
  const pageHeading = main.querySelector<HTMLElement>('h1');
  if (pageHeading) focusHeading(pageHeading);
}

/**
 * Waits while the control is disabled by its work; then, if it went away meanwhile (the form
 * closed after saving), rescues focus as above; if it is back, its form's first invalid field
 * (a refused save) or the control itself.
 */
function waitForBusy(from: HTMLElement, lost: () => void, later: Later) {
  const started = Date.now();
  const check = () => {
    if (!focusLost()) return;
    if (!from.isConnected) return lost();
    if (from.matches(':disabled')) {
      // A form cleared after adding ("Add lesson" is disabled until there is a lesson): its
      // first field, ready for the next one.
      const first = from.closest('form')?.querySelector<HTMLElement>(fieldSelector);
      if (first && usable(first) && 'value' in first && first.value === '') return first.focus();
      if (Date.now() - started < busyWaitMs) later(check, 50);
      return;
    }
    const invalid = from.closest('form')?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid && usable(invalid) ? invalid : from).focus();
  };
  later(check, 50);
}

type Later = (run: () => void, ms: number) => void;

export function useFocusRescue() {
  useEffect(() => {
    // Every wait is cancelled with the shell: none may run after the page has gone.
    const pending = new Set<ReturnType<typeof setTimeout>>();
    const later: Later = (run, ms) => {
      const handle = setTimeout(() => {
        pending.delete(handle);
        run();
      }, ms);
      pending.add(handle);
    };
    const onFocusOut = (event: FocusEvent) => {
      const from = event.target;
      // Focus moving on to somewhere, or into a toast or dialog (they look after their own).
      if (event.relatedTarget !== null || !(from instanceof HTMLElement) || !from.closest('#main')) return;
      const ancestors: HTMLElement[] = [];
      for (let element = from.parentElement; element && element.id !== 'main'; element = element.parentElement) ancestors.push(element);
      const formsBefore = new Set(document.querySelectorAll('form'));
      // After React has drawn what the click changed.
      later(() => {
        if (!focusLost()) return;
        const lost = () => rescue(from, ancestors, formsBefore);
        if (!from.isConnected) lost();
        // Still there and enabled: the person clicked somewhere that takes no focus; leave it.
        else if (from.matches(':disabled')) waitForBusy(from, lost, later);
      }, 0);
    };
    document.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('focusout', onFocusOut);
      for (const handle of pending) clearTimeout(handle);
    };
  }, []);
}

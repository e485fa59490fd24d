import { type KeyboardEvent, useEffect } from 'react';

/** What Tab can reach inside a modal dialog. */
export const focusableInDialog =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], summary, [tabindex]:not([tabindex="-1"])';

/**
 * The keyboard of a modal dialog, for its onKeyDown: Escape asks to close, and Tab / Shift+Tab
 * wrap around inside the dialog instead of reaching the page behind it.
 */
export function onModalKeyDown(event: KeyboardEvent<HTMLElement>, dialog: HTMLElement | null, onEscape: () => void) {
  if (event.key === 'Escape') {
    event.preventDefault();
    event.stopPropagation();
    onEscape();
    return;
  }
  if (event.key !== 'Tab' || !dialog) return;
  const items = [...dialog.querySelectorAll<HTMLElement>(focusableInDialog)];
  const first = items[0];
  const last = items.at(-1);
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last?.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first?.focus();
  }
}

/**
 * While a dialog is open, focus is on `start()` (its safe choice or first field); when it closes,
 * focus goes back to what had it before, if that is still in the page.
 */
export function useDialogFocus(start: () => HTMLElement | null | undefined) {
  useEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    start()?.focus();
    return () => {
      if (returnTo?.isConnected) returnTo.focus();
    };
    // Once, as the dialog opens: `start` only says where.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

/**
 * Escape in a form within a page (Renegotiate…, a closing note, a restore question), for its
 * onKeyDown: it steps back from that form only, and the app-wide Escape (which closes the newest
 * toast) leaves it alone.
 */
export function escapeSteps(event: KeyboardEvent<HTMLElement>, stepBack: () => void) {
  if (event.key !== 'Escape') return;
  event.preventDefault();
  event.stopPropagation();
  stepBack();
}

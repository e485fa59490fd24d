import type { KeyboardEvent } from 'react';

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

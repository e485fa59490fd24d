import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { trackFocus } from './focus-return';
import { dismissToast, isUndo, type Toast, useToasts } from './toast-store';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/**
 * Short messages, newest on top, a few at most. Each goes after a while unless pointed at,
 * focused, or the window is in the background. Escape closes the newest; Ctrl/Cmd+Z runs the
 * newest Undo (again for the one before).
 *
 * Where: in the quiet lower part of the sidebar, above Search and Settings, never over the page.
 * A journal is read and typed in its main column right down to the window's edge, so a toast in
 * the page's corner covered the very words being written (and two covered twice as much).
 * The sidebar's empty space is where a desktop app keeps its activity (as a mail app's sidebar
 * does), the eye finds it beside the page, and an Undo there stays in reach as long as it is
 * offered. A stack taller than that space scrolls there; only a window too short for even one
 * toast lets it lie over the rung buttons, and never over the page.
 */
export function Toasts() {
  const ids = useToasts(useShallow((state) => state.toasts.map((toast) => toast.id).reverse()));
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => trackFocus(), []);
  useAwayFromWindow();
  useAboveSidebarTools(region, ids);
  return (
    <div ref={region} className="toasts" role="region" aria-label="Notifications" aria-live="polite">
      {ids.map((id) => (
        <ToastItem key={id} id={id} />
      ))}
    </div>
  );
}

/**
 * Sets the stack's bottom just above the sidebar's Search and Settings (--toasts-bottom), wherever
 * the window's height puts them, and its height to the room left below the rung buttons
 * (--toasts-room): in a short window the stack scrolls (newest on top, in view) rather than
 * covering them. Without a sidebar (the lock screen) the stack keeps to the corner.
 */
function useAboveSidebarTools(region: RefObject<HTMLDivElement | null>, ids: readonly number[]) {
  useLayoutEffect(() => {
    const element = region.current;
    if (!element || ids.length === 0) return;
    const place = () => {
      const tools = document.querySelector('.sidebar .nav-tools');
      const rungs = document.querySelector('.sidebar .nav-list:not(.nav-tools)');
      if (!tools || !rungs) {
        element.style.removeProperty('--toasts-bottom');
        element.style.removeProperty('--toasts-room');
        element.classList.remove('toasts-crowded');
        return;
      }
      const top = tools.getBoundingClientRect().top;
      // At least room for the newest toast, over the rung buttons if the window is that short.
      const newest = element.firstElementChild instanceof HTMLElement ? element.firstElementChild.offsetHeight : 0;
      const room = Math.max(newest, Math.floor(top - rungs.getBoundingClientRect().bottom - 16));
      element.style.setProperty('--toasts-bottom', `${Math.max(0, Math.round(window.innerHeight - top))}px`);
      element.style.setProperty('--toasts-room', `${room}px`);
      // Scrolling clips the toasts' shadows, so only a stack that needs it scrolls.
      element.classList.toggle('toasts-crowded', element.scrollHeight > room);
    };
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [region, ids]);
}

/** Timers wait while the window is hidden or another window has focus: nothing goes unseen. */
function useAwayFromWindow() {
  useEffect(() => {
    const update = () => useToasts.getState().setAway(document.visibilityState === 'hidden' || !document.hasFocus());
    const onBlur = () => useToasts.getState().setAway(true);
    window.addEventListener('blur', onBlur);
    window.addEventListener('focus', update);
    document.addEventListener('visibilitychange', update);
    return () => {
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('focus', update);
      document.removeEventListener('visibilitychange', update);
      useToasts.getState().setAway(false);
    };
  }, []);
}

function ToastItem({ id }: { id: number }) {
  const toast = useToasts((state) => state.toasts.find((t) => t.id === id));
  const hold = useToasts((state) => state.hold);
  const release = useToasts((state) => state.release);
  if (!toast) return null;
  return (
    <div
      className="toast"
      // Held by a pointer that moves onto it, not by one that was resting where it appeared
      // (that kept toasts up for as long as the mouse stayed still).
      onPointerMove={() => hold(id, 'hover')}
      onPointerLeave={() => release(id, 'hover')}
      onFocus={() => hold(id, 'focus')}
      onBlur={(event) => {
        // Moving between its own buttons keeps it held.
        if (!event.currentTarget.contains(event.relatedTarget)) release(id, 'focus');
      }}
    >
      <span className="toast-message">{toast.message}</span>
      {toast.action ? <ToastActionButton toast={toast} /> : null}
      <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => dismissToast(id)}>
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
      </button>
    </div>
  );
}

function ToastActionButton({ toast }: { toast: Toast }) {
  const runAction = useToasts((state) => state.runAction);
  if (!toast.action) return null;
  const undo = isUndo(toast.action);
  return (
    <button
      type="button"
      className="toast-action"
      aria-keyshortcuts={undo ? (isMac ? 'Meta+Z' : 'Control+Z') : undefined}
      title={undo ? `${toast.action.label} (${isMac ? '⌘Z' : 'Ctrl+Z'})` : undefined}
      onClick={() => runAction(toast.id)}
    >
      {toast.action.label}
    </button>
  );
}

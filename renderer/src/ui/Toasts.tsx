import { type RefObject, useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { trackFocus } from './focus-return';
import { dismissToast, type Toast, useToasts } from './toast-store';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/**
 * Short messages in the bottom corner, newest on top, a few at most. Each goes after a while
 * unless pointed at, focused, or the window is in the background. Escape closes the newest;
 * Ctrl/Cmd+Z runs its Undo.
 */
export function Toasts() {
  const ids = useToasts(useShallow((state) => state.toasts.map((toast) => toast.id).reverse()));
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => trackFocus(), []);
  useAwayFromWindow();
  useReservedSpace(region);
  return (
    <div ref={region} className="toasts" role="region" aria-label="Notifications" aria-live="polite">
      {ids.map((id) => (
        <ToastItem key={id} id={id} />
      ))}
    </div>
  );
}

/** Tells the page how tall the stack is (--toasts-space), so it can scroll its end and focused fields clear of it. */
function useReservedSpace(region: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const element = region.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      const height = element.offsetHeight;
      root.style.setProperty('--toasts-space', height > 0 ? `${height + 20}px` : '0px');
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--toasts-space');
    };
  }, [region]);
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
  const undo = toast.action.label.startsWith('Undo');
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

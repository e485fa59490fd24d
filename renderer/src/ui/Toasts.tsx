import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from 'react';
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
 * offered. See `placeToasts` for short windows.
 */
export function Toasts() {
  const ids = useToasts(useShallow((state) => state.toasts.map((toast) => toast.id).reverse()));
  const region = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState<Fit>('all');
  const [expanded, setExpanded] = useState(false);
  useEffect(() => trackFocus(), []);
  useAwayFromWindow();
  usePlacement(region, ids, setFit);
  const [newestSeen, setNewestSeen] = useState(ids[0]);
  if (ids[0] !== newestSeen) {
    // A toast came or went: down to one, the stack closes again; someone in an older toast when
    // a new one comes sees them all, rather than have it hidden from under them.
    setNewestSeen(ids[0]);
    const focused = Number(document.activeElement?.closest('.toast')?.getAttribute('data-toast') ?? NaN);
    if (ids.length <= 1) setExpanded(false);
    else if (ids.includes(focused) && focused !== ids[0]) setExpanded(true);
  }
  const short = fit !== 'all' && ids.length > 1;
  const collapsed = short && !expanded;
  useWaitingHeld(ids, collapsed);

  return (
    <div
      ref={region}
      className={`toasts toasts-fit-${fit}${short && expanded ? ' toasts-expanded' : ''}`}
      role="region"
      aria-label="Notifications"
      aria-live="polite"
      // A focused toast is always wholly in view, also in an opened stack that scrolls.
      onFocus={(event) => {
        if (short && expanded) (event.target as HTMLElement).closest('.toast')?.scrollIntoView({ block: 'nearest' });
      }}
    >
      {ids.map((id, index) => (
        <ToastItem key={id} id={id} waiting={collapsed && index > 0} />
      ))}
      {short ? (
        // Not announced: the toasts themselves were, as they came.
        <button type="button" className="toasts-more" aria-live="off" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer' : `+${ids.length - 1} more`}
        </button>
      ) : null}
    </div>
  );
}

/** All the toasts in the sidebar; only the newest there (the rest wait); or only the newest, at the page's edge. */
type Fit = 'all' | 'newest' | 'aside';

const gap = 8;
/** The "+1 more" button's height with its gap, before it has been drawn to measure. */
const moreHeight = 40;

/**
 * Where the stack goes, measured each time it changes and when the window is resized:
 *  - room for all of it between the rung buttons and Search/Settings: all of it there;
 *  - room for the newest only: the newest there, the older ones waiting behind a "+1 more"
 *    (their timers stopped, so none goes unseen); expanded, the stack scrolls in that room;
 *  - not even room for the newest (a window about 450px tall): the newest over the bottom of the
 *    page's left edge. Least bad: the navigation stays usable at every height (it is how you get
 *    anywhere, and hidden buttons can't be scrolled to), while the page scrolls, so the few lines
 *    under the toast can be brought up, and only for the toast's few seconds.
 * Without a sidebar (the lock screen) the stack keeps to the corner.
 */
function placeToasts(element: HTMLElement): Fit {
  const tools = document.querySelector('.sidebar .nav-tools');
  const rungs = document.querySelector('.sidebar .nav-list:not(.nav-tools)');
  const main = document.getElementById('main');
  const toolsBox = tools?.getBoundingClientRect();
  // No sidebar, or no layout at all (jsdom): the plain corner.
  if (!tools || !rungs || !toolsBox || toolsBox.height === 0) {
    for (const name of ['--toasts-bottom', '--toasts-room', '--toasts-left']) element.style.removeProperty(name);
    return 'all';
  }
  const height = window.innerHeight;
  const toolsTop = Math.min(toolsBox.top, height);
  const room = Math.floor(toolsTop - rungs.getBoundingClientRect().bottom - 16);
  const heights = [...element.querySelectorAll<HTMLElement>(':scope > .toast')].map((toast) => toast.offsetHeight);
  const more = element.querySelector<HTMLElement>(':scope > .toasts-more');
  const all = heights.reduce((sum, h) => sum + h, 0) + gap * Math.max(0, heights.length - 1);
  const newest = (heights[0] ?? 0) + (heights.length > 1 ? (more ? more.offsetHeight + gap : moreHeight) : 0);
  const fit: Fit = all <= room ? 'all' : newest <= room ? 'newest' : 'aside';
  if (fit === 'aside') {
    element.style.setProperty('--toasts-bottom', '0px');
    element.style.setProperty('--toasts-room', `${height - 24}px`);
    element.style.setProperty('--toasts-left', `${Math.round((main?.getBoundingClientRect().left ?? 0) + 12)}px`);
  } else {
    element.style.setProperty('--toasts-bottom', `${Math.max(0, Math.round(height - toolsTop))}px`);
    element.style.setProperty('--toasts-room', `${Math.max(room, 0)}px`);
    element.style.removeProperty('--toasts-left');
  }
  return fit;
}

function usePlacement(region: RefObject<HTMLDivElement | null>, ids: readonly number[], setFit: (fit: Fit) => void) {
  useLayoutEffect(() => {
    const element = region.current;
    if (!element || ids.length === 0) return;
    const place = () => setFit(placeToasts(element));
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [region, ids, setFit]);
}

/** Toasts waiting unseen behind the newest keep their whole time for when they show. */
function useWaitingHeld(ids: readonly number[], collapsed: boolean) {
  const waiting = useRef(new Set<number>());
  useEffect(() => {
    const { hold, release } = useToasts.getState();
    ids.forEach((id, index) => {
      const wait = collapsed && index > 0;
      if (wait && !waiting.current.has(id)) {
        waiting.current.add(id);
        hold(id, 'waiting');
      } else if (!wait && waiting.current.has(id)) {
        waiting.current.delete(id);
        release(id, 'waiting');
      }
    });
    for (const id of waiting.current) if (!ids.includes(id)) waiting.current.delete(id);
  }, [ids, collapsed]);
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

function ToastItem({ id, waiting }: { id: number; waiting: boolean }) {
  const toast = useToasts((state) => state.toasts.find((t) => t.id === id));
  const hold = useToasts((state) => state.hold);
  const release = useToasts((state) => state.release);
  if (!toast) return null;
  return (
    <div
      className={waiting ? 'toast toast-waiting' : 'toast'}
      data-toast={id}
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

import { create } from 'zustand';
import { type FocusOrigin, focusOrigin, returnFocusAfter } from './focus-return';

export interface ToastAction {
  /**
   * An Undo takes back what was just done (Ctrl/Cmd+Z runs it, and it stays offered for its whole
   * time); an "open" goes somewhere (and gives way to the next toast, as a note does).
   */
  kind: 'undo' | 'open';
  label: string;
  run: () => void | Promise<void>;
}

export interface Toast {
  id: number;
  message: string;
  action?: ToastAction;
  /** The control that led to the toast: focus goes back there when the toast closes from under it. */
  origin: FocusOrigin | null;
}

/**
 * Why a toast's timer is stopped: someone is pointing at it, is in it, is away from the window,
 * or it waits unseen behind the newest in a window too short for both (see Toasts.tsx).
 */
export type HoldReason = 'hover' | 'focus' | 'away' | 'waiting';

interface ToastState {
  /** Oldest first; the newest shows on top. */
  toasts: Toast[];
  show: (message: string, options?: { action?: ToastAction; durationMs?: number }) => number;
  dismiss: (id: number) => void;
  /** Keeps a toast up while someone hovers or focuses it, so nobody races a timer. */
  hold: (id: number, reason?: HoldReason) => void;
  release: (id: number, reason?: HoldReason) => void;
  /** Stops every timer while the window is hidden or in the background (and starts them again). */
  setAway: (away: boolean) => void;
  /** Runs a toast's action, closes it, and puts focus back if the toast had it. */
  runAction: (id: number) => void;
  /** Runs the newest Undo (Ctrl/Cmd+Z) and closes it; pressed again, the one before. Never an "Open". */
  runLatestAction: () => boolean;
  reset: () => void;
}

export const isUndo = (action: ToastAction | undefined): boolean => action?.kind === 'undo';

/** A few Undos at most: an older one makes way for a new one. */
export const maxToasts = 3;
const defaultDurationMs = 6_000;
/** An Undo stays offered a little longer than a plain note, so it can be reached by keyboard. */
const actionDurationMs = 10_000;

interface Timer {
  handle: ReturnType<typeof setTimeout> | null;
  durationMs: number;
  holds: Set<HoldReason>;
}

const timers = new Map<number, Timer>();
let nextId = 1;
let away = false;

function stop(timer: Timer | undefined) {
  if (timer?.handle) clearTimeout(timer.handle);
  if (timer) timer.handle = null;
}

export const useToasts = create<ToastState>()((set, get) => {
  const arm = (id: number) => {
    const timer = timers.get(id);
    if (!timer) return;
    stop(timer);
    if (timer.holds.size === 0) timer.handle = setTimeout(() => get().dismiss(id), timer.durationMs);
  };
  const close = (toast: Toast, work: Promise<unknown> | null) => {
    get().dismiss(toast.id);
    void returnFocusAfter(work, toast.origin);
  };

  return {
    toasts: [],
    show: (message, options = {}) => {
      const id = nextId++;
      const origin = typeof document === 'undefined' ? null : focusOrigin();
      const toast: Toast = options.action ? { id, message, action: options.action, origin } : { id, message, origin };
      const current = get().toasts;
      // A note, or an "Open" that goes somewhere, is about the last thing done and the page shows
      // it anyway: a new toast replaces it. An Undo is the only way back from what it undoes
      // (nothing asked first), so it stays offered for its whole time, a few at most.
      const kept = current.filter((old) => isUndo(old.action)).slice(-(maxToasts - 1));
      for (const old of current) {
        if (kept.includes(old)) continue;
        // Making way for the new one; if someone was in it, they go back where they came from.
        if (timers.get(old.id)?.holds.has('focus')) close(old, null);
        else get().dismiss(old.id);
      }
      set({ toasts: [...kept, toast] });
      const durationMs = options.durationMs ?? (options.action ? actionDurationMs : defaultDurationMs);
      timers.set(id, { handle: null, durationMs, holds: new Set(away ? ['away'] : []) });
      arm(id);
      return id;
    },
    dismiss: (id) => {
      stop(timers.get(id));
      timers.delete(id);
      set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) }));
    },
    hold: (id, reason = 'hover') => {
      const timer = timers.get(id);
      if (!timer) return;
      timer.holds.add(reason);
      stop(timer);
    },
    release: (id, reason = 'hover') => {
      const timer = timers.get(id);
      if (!timer) return;
      timer.holds.delete(reason);
      // Back from a hover or a visit to the toast: its full time again, so nobody is rushed.
      arm(id);
    },
    setAway: (next) => {
      if (next === away) return;
      away = next;
      for (const id of timers.keys()) (next ? get().hold : get().release)(id, 'away');
    },
    runAction: (id) => {
      const toast = get().toasts.find((t) => t.id === id);
      if (!toast?.action) return;
      const run = toast.action.run;
      close(toast, Promise.resolve().then(run));
    },
    runLatestAction: () => {
      // Ctrl/Cmd+Z means "take back": it must not open a capture because that toast is newer.
      const toast = get().toasts.findLast((t) => isUndo(t.action));
      if (!toast) return false;
      get().runAction(toast.id);
      return true;
    },
    reset: () => {
      for (const timer of timers.values()) stop(timer);
      timers.clear();
      away = false;
      set({ toasts: [] });
    },
  };
});

/** Closes a toast from its own Dismiss button (or Escape), with focus going back where it was. */
export function dismissToast(id: number) {
  const toast = useToasts.getState().toasts.find((t) => t.id === id);
  if (!toast) return;
  useToasts.getState().dismiss(toast.id);
  void returnFocusAfter(null, toast.origin);
}

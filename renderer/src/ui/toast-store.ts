import { create } from 'zustand';

export interface ToastAction {
  label: string;
  run: () => void | Promise<void>;
}

export interface Toast {
  id: number;
  message: string;
  action?: ToastAction;
}

interface ToastState {
  toasts: Toast[];
  show: (message: string, options?: { action?: ToastAction; durationMs?: number }) => number;
  dismiss: (id: number) => void;
  /** Keeps a toast up while someone hovers or focuses it, so nobody races a timer. */
  hold: (id: number) => void;
  release: (id: number) => void;
  /** Runs the newest toast's action (Ctrl/Cmd+Z for an Undo) and closes it. */
  runLatestAction: () => boolean;
  reset: () => void;
}

const maxToasts = 3;
const defaultDurationMs = 6_000;
const timers = new Map<number, { handle: ReturnType<typeof setTimeout> | null; durationMs: number }>();
let nextId = 1;

function clearTimer(id: number) {
  const timer = timers.get(id);
  if (timer?.handle) clearTimeout(timer.handle);
}

export const useToasts = create<ToastState>()((set, get) => {
  const arm = (id: number) => {
    const timer = timers.get(id);
    if (!timer) return;
    clearTimer(id);
    timer.handle = setTimeout(() => get().dismiss(id), timer.durationMs);
  };

  return {
    toasts: [],
    show: (message, options = {}) => {
      const id = nextId++;
      const toast: Toast = options.action ? { id, message, action: options.action } : { id, message };
      const kept = get().toasts.slice(-(maxToasts - 1));
      for (const old of get().toasts) if (!kept.includes(old)) get().dismiss(old.id);
      set({ toasts: [...kept, toast] });
      timers.set(id, { handle: null, durationMs: options.durationMs ?? defaultDurationMs });
      arm(id);
      return id;
    },
    dismiss: (id) => {
      clearTimer(id);
      timers.delete(id);
      set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) }));
    },
    hold: (id) => clearTimer(id),
    release: (id) => arm(id),
    runLatestAction: () => {
      const toast = get().toasts.findLast((t) => t.action !== undefined);
      if (!toast?.action) return false;
      get().dismiss(toast.id);
      void toast.action.run();
      return true;
    },
    reset: () => {
      for (const id of timers.keys()) clearTimer(id);
      timers.clear();
      set({ toasts: [] });
    },
  };
});

import { create } from 'zustand';
import type { AppInfo } from '../../../shared/domain/app';
import { asLadderError, call } from '../api/client';

interface AppInfoState {
  info: AppInfo | null;
  error: string | null;
  /** Asks afresh: after an unlock, a restore or anything else that changes the answer. */
  load: () => Promise<void>;
  /** Asks as the window opens; a second ask while the first is under way waits for the same answer. */
  open: () => Promise<void>;
  reset: () => void;
}

/** The opening ask under way, shared by main.tsx (before React's first render) and App's first effect. */
let opening: Promise<void> | null = null;

export const useAppInfo = create<AppInfoState>()((set, get) => ({
  info: null,
  error: null,
  load: async () => {
    try {
      set({ info: await call('app.info', {}), error: null });
    } catch (error) {
      set({ error: asLadderError(error).message });
    }
  },
  open: () =>
    (opening ??= get()
      .load()
      .finally(() => {
        opening = null;
      })),
  reset: () => set({ info: null, error: null }),
}));

/** True when the archive may be read but never written (made by a newer Ladder). */
export const isReadOnly = () => useAppInfo.getState().info?.readOnly === true;
export const useReadOnly = () => useAppInfo((state) => state.info?.readOnly === true);

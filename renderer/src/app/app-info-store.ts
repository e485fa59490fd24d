import { create } from 'zustand';
import type { AppInfo } from '../../../shared/domain/app';
import { asLadderError, call } from '../api/client';

interface AppInfoState {
  info: AppInfo | null;
  error: string | null;
  load: () => Promise<void>;
  reset: () => void;
}

export const useAppInfo = create<AppInfoState>()((set) => ({
  info: null,
  error: null,
  load: async () => {
    try {
      set({ info: await call('app.info', {}), error: null });
    } catch (error) {
      set({ error: asLadderError(error).message });
    }
  },
  reset: () => set({ info: null, error: null }),
}));

/** True when the archive may be read but never written (made by a newer Ladder). */
export const isReadOnly = () => useAppInfo.getState().info?.readOnly === true;
export const useReadOnly = () => useAppInfo((state) => state.info?.readOnly === true);

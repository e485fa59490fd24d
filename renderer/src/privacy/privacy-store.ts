import { create } from 'zustand';
import type { PrivacyStatus } from '../../../shared/domain/privacy';
import { asLadderError, call } from '../api/client';
import { useAppInfo } from '../app/app-info-store';
import { saveAllEditors } from '../ui/open-editors';
import { useToasts } from '../ui/toast-store';

/**
 * After locking, nothing readable may stay in the page: reloading it empties every store and every
 * component's own state at once (the lock screen is what a fresh start shows). Tests swap this out.
 */
export const lockEffects = {
  clearPage: () => window.location.reload(),
};

interface PrivacyState {
  status: PrivacyStatus | null;
  error: string | null;
  locking: boolean;
  load: () => Promise<void>;
  /** Saves what is being written, locks the core and clears the page. False when a save failed (nothing locked). */
  lockNow: () => Promise<boolean>;
  /** The result of a request that changed the privacy state: keep it, and tell the app shell. */
  changed: (status: PrivacyStatus) => Promise<void>;
  reset: () => void;
}

export const usePrivacy = create<PrivacyState>()((set, get) => ({
  status: null,
  error: null,
  locking: false,
  load: async () => {
    try {
      set({ status: await call('privacy.status', {}), error: null });
    } catch (error) {
      set({ error: asLadderError(error).message });
    }
  },
  lockNow: async () => {
    if (get().locking) return false;
    set({ locking: true });
    try {
      // Pending words in any editor are saved before the lock closes the archive.
      if (!(await saveAllEditors())) {
        useToasts.getState().show('Ladder did not lock: something you wrote could not be saved yet. It will try again.');
        return false;
      }
      await call('privacy.lock', {});
      lockEffects.clearPage();
      return true;
    } catch (error) {
      set({ error: asLadderError(error).message });
      return false;
    } finally {
      set({ locking: false });
    }
  },
  changed: async (status) => {
    set({ status, error: null });
    await useAppInfo.getState().load();
  },
  reset: () => set({ status: null, error: null, locking: false }),
}));

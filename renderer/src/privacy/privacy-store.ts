import { create } from 'zustand';
import type { PrivacyStatus } from '../../../shared/domain/privacy';
import { asLadderError, call } from '../api/client';
import { useAppInfo } from '../app/app-info-store';
import { type PageId, useNavigation } from '../app/navigation-store';
import { saveAllEditors } from '../ui/open-editors';
import { useToasts } from '../ui/toast-store';

/**
 * After locking, nothing readable may stay in the page: reloading it empties every store and every
 * component's own state at once (the lock screen is what a fresh start shows). Tests swap this out.
 */
export const lockEffects = {
  clearPage: () => window.location.reload(),
};

/** Survives the reload in this window only; holds a page id like "self", never anything written. */
const pageBeforeLockKey = 'ladder.pageBeforeLock';
const pageIds: readonly PageId[] = ['ladder', 'self', 'dyads', 'crews', 'congregations', 'network', 'search', 'settings'];

/** Clears the page after a lock, remembering which page was open so unlocking returns to it. */
export function clearPageAfterLock() {
  try {
    sessionStorage.setItem(pageBeforeLockKey, useNavigation.getState().page);
  } catch {
    // No session storage: unlocking opens on the Ladder home, as a fresh start does.
  }
  lockEffects.clearPage();
}

/** After an unlock: back to the page that was open when Ladder locked (once). */
export function returnToPageBeforeLock() {
  let page: string | null = null;
  try {
    page = sessionStorage.getItem(pageBeforeLockKey);
    sessionStorage.removeItem(pageBeforeLockKey);
  } catch {
    return;
  }
  const known = pageIds.find((id) => id === page);
  if (!known) return;
  if (known !== useNavigation.getState().page) useNavigation.getState().go(known);
  // The window's address brought the page back already (and what it showed inside it): it still
  // takes focus, as after any move, so keys go on from the page and not from nowhere.
  else useNavigation.setState((state) => ({ moves: state.moves + 1 }));
}

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
      clearPageAfterLock();
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

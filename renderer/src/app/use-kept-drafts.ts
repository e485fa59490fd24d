import { useEffect } from 'react';
import { useQuickCapture } from '../self/capture/quick-capture-store';
import { flushKeptDrafts, keptDraftsEditor, loadKeptDrafts } from '../ui/kept-drafts-store';
import { useSaveGuards } from '../ui/use-save-guards';
import { useAppInfo } from './app-info-store';

/**
 * Words left in forms before the last restart come back once the archive is open (not while it
 * is locked or damaged), and words typed now are written before the window hides or closes.
 */
export function useKeptDrafts() {
  const open = useAppInfo((state) => state.info !== null && !state.info.locked && state.info.damaged === null);
  useSaveGuards(keptDraftsEditor);
  useEffect(() => {
    if (!open) return;
    void loadKeptDrafts().then(() => useQuickCapture.getState().restoreKept());
  }, [open]);
  useEffect(() => {
    // `pagehide` also comes where `visibilitychange` does not (a reload, a page put in the back/forward cache).
    const onPageHide = () => void flushKeptDrafts();
    window.addEventListener('pagehide', onPageHide);
    return () => window.removeEventListener('pagehide', onPageHide);
  }, []);
}

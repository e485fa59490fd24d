import { useEffect } from 'react';
import type { SavingEditor } from './open-editors';

/**
 * Keeps an editor's unsaved writing (an entry, a check-in, a meeting, my case) from being lost
 * when the window closes or hides. Preventing `beforeunload` makes Electron keep the window open;
 * once the save lands the window closes itself.
 */
export function useSaveGuards(store: SavingEditor) {
  useEffect(() => {
    // After a save that failed on the way out, a second close is the person's choice to make.
    let closeAnyway = false;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const editor = store.getState();
      if (closeAnyway || !editor.hasUnsavedWork()) return;
      event.preventDefault();
      void editor.flush().then((saved) => {
        if (saved) window.close();
        else closeAnyway = true;
      });
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden' && store.getState().hasUnsavedWork()) void store.getState().flush();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [store]);
}

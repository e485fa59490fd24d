import { useEffect } from 'react';
import { useEntryEditor } from './entry-editor-store';

/**
 * Keeps unsaved writing from being lost when the window closes or hides. Preventing
 * `beforeunload` makes Electron keep the window open; once the save lands we close it ourselves.
 */
export function useAutosaveGuards() {
  useEffect(() => {
    // After a save that failed on the way out, a second close is the person's choice to make.
    let closeAnyway = false;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const editor = useEntryEditor.getState();
      if (closeAnyway || !editor.hasUnsavedWork()) return;
      event.preventDefault();
      void editor.flush().then((saved) => {
        if (saved) window.close();
        else closeAnyway = true;
      });
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden' && useEntryEditor.getState().hasUnsavedWork()) {
        void useEntryEditor.getState().flush();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, []);
}

import { useEffect } from 'react';
import { useCheckinEditor } from './checkin-editor-store';

/** Keeps an unsaved check-in from being lost when the window closes or hides (like the journal's guards). */
export function useCheckinGuards() {
  useEffect(() => {
    let closeAnyway = false;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const editor = useCheckinEditor.getState();
      if (closeAnyway || !editor.hasUnsavedWork()) return;
      event.preventDefault();
      void editor.flush().then((saved) => {
        if (saved) window.close();
        else closeAnyway = true;
      });
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden' && useCheckinEditor.getState().hasUnsavedWork()) void useCheckinEditor.getState().flush();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, []);
}

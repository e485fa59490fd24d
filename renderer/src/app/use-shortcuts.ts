import { useEffect } from 'react';
import { useQuickCapture } from '../self/capture/quick-capture-store';
import { useEntryEditor } from '../self/entry-editor-store';
import { useSearch } from '../search/search-store';
import { saveAllEditors } from '../ui/open-editors';
import { dismissToast, useToasts } from '../ui/toast-store';
import { useNavigation } from './navigation-store';
import { stepHistory } from './navigation-history';
import { usePrivacy } from '../privacy/privacy-store';
import { onMac, useShortcutHelp } from './shortcuts';

/** Back or forward as each system says it: Alt+← / Alt+→, or ⌘[ / ⌘] on a Mac. */
function historyStep(event: KeyboardEvent): 'back' | 'forward' | null {
  if (event.shiftKey) return null;
  if (onMac) {
    if (!event.metaKey || event.altKey || event.ctrlKey) return null;
    return event.key === '[' ? 'back' : event.key === ']' ? 'forward' : null;
  }
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  return event.key === 'ArrowLeft' ? 'back' : event.key === 'ArrowRight' ? 'forward' : null;
}

function isTextField(target: EventTarget | null) {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
}

/**
 * App-wide keys (listed for people in shortcuts.tsx): Ctrl/Cmd+K searches; Ctrl/Cmd+N starts an
 * entry; Ctrl/Cmd+Enter saves the form being typed in; Ctrl/Cmd+Z undoes from a toast; Escape
 * closes toasts; ? or F1 lists them all; Alt+←/→ (⌘[ / ⌘]) and the mouse's side buttons go back and
 * forward between pages.
 */
export function useShortcuts() {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const command = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
      const key = event.key.toLowerCase();
      const step = historyStep(event);
      if (step) {
        // Handled here, not left to a browser: the desktop window has none. From a text box too
        // (pages put focus in their first box), as browsers do: these keys type nothing, and
        // words typed are kept on the page left.
        event.preventDefault();
        stepHistory(step);
      } else if (command && key === 'k') {
        // Search from anywhere: the box takes focus, even when Search is already open.
        event.preventDefault();
        useNavigation.getState().go('search');
        useSearch.getState().requestFocus();
      } else if (command && key === 'n') {
        event.preventDefault();
        useNavigation.getState().go('self');
        void useEntryEditor.getState().newEntry();
      } else if ((event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && key === 'n') {
        // Quick capture ("What's active right now?") from anywhere, over whatever page is open.
        event.preventDefault();
        useQuickCapture.getState().open();
      } else if ((event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && key === 'l') {
        // Lock now (also File › Lock Ladder); only an encrypted, unlocked archive can lock.
        event.preventDefault();
        if (usePrivacy.getState().status?.encrypted) void usePrivacy.getState().lockNow();
      } else if (command && key === 'enter' && isTextField(event.target)) {
        // Enter adds a line in a text box, so the hand that wrote the words saves them this way.
        const form = (event.target as HTMLElement).closest('form');
        event.preventDefault();
        // A page that saves itself as you type (an entry, a check-in) saves at once instead.
        if (form) form.requestSubmit();
        else void saveAllEditors();
      } else if (command && key === 'z' && !isTextField(event.target)) {
        if (useToasts.getState().runLatestAction()) event.preventDefault();
      } else if ((event.key === 'F1' || (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey)) && !isTextField(event.target)) {
        event.preventDefault();
        useShortcutHelp.getState().show();
      } else if (event.key === 'Escape' && !event.ctrlKey && !event.metaKey) {
        const latest = useToasts.getState().toasts.at(-1);
        if (latest) {
          event.preventDefault();
          dismissToast(latest.id);
        }
      }
    };
    // The side buttons of a mouse (3 back, 4 forward), which the desktop window ignores otherwise.
    const onMouseUp = (event: MouseEvent) => {
      if (event.button !== 3 && event.button !== 4) return;
      event.preventDefault();
      stepHistory(event.button === 3 ? 'back' : 'forward');
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('mouseup', onMouseUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('mouseup', onMouseUp);
    };
  }, []);
}

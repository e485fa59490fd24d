import { type KeyboardEvent, useRef } from 'react';
import { create } from 'zustand';
import '../ui/confirm-dialog.css';
import './shortcuts.css';
import { onModalKeyDown, useDialogFocus } from '../ui/modal-keys';

/**
 * Every keyboard shortcut of the app, for the list a person can open with ? or F1 and find in
 * Settings (use-shortcuts.ts does what they say: keep the two together).
 */

/** Whether the keys are a Mac's (⌘ rather than Ctrl). */
export const onMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
const command = onMac ? '⌘' : 'Ctrl';

export const shortcuts: { keys: string[][]; does: string }[] = [
  { keys: [[command, 'K']], does: 'Search everything' },
  { keys: [[command, 'N']], does: 'Write a new journal entry' },
  { keys: [[command, 'Shift', 'N']], does: 'Quick capture: what is active right now, from any page' },
  { keys: [[command, 'Enter']], does: 'Save what you are typing now: sends its form, or saves a page that saves itself (Enter alone starts a new line)' },
  { keys: [[command, 'Z']], does: 'Undo what was just deleted (outside a text box)' },
  { keys: [[command, 'Shift', 'L']], does: 'Lock Ladder, when your archive has a passphrase' },
  { keys: onMac ? [['⌘', '['], ['⌘', ']']] : [['Alt', '←'], ['Alt', '→']], does: 'Go back to the page you came from, or forward again' },
  { keys: [['↑'], ['↓']], does: 'Move through search results; Enter opens the one you are on' },
  { keys: [['Escape']], does: 'Close a message or a dialog' },
  { keys: [['?'], ['F1']], does: 'Show these shortcuts' },
];

/** The shortcuts as a list of keys and what they do. */
export function ShortcutList() {
  return (
    <dl className="shortcut-list">
      {shortcuts.map((shortcut) => (
        <div key={shortcut.does}>
          <dt>
            {shortcut.keys.map((combo, i) => (
              <span key={combo.join('+')}>
                {i > 0 ? <span className="shortcut-or"> or </span> : null}
                {combo.map((key, j) => (
                  <span key={key}>
                    {j > 0 ? '+' : null}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </span>
            ))}
          </dt>
          <dd>{shortcut.does}</dd>
        </div>
      ))}
    </dl>
  );
}

export const useShortcutHelp = create<{ open: boolean; show: () => void; hide: () => void }>()((set) => ({
  open: false,
  show: () => set({ open: true }),
  hide: () => set({ open: false }),
}));

/** The list over the page; Escape, Close or a click outside puts it away and focus goes back. */
export function ShortcutsDialog() {
  const open = useShortcutHelp((state) => state.open);
  return open ? <OpenShortcutsDialog /> : null;
}

function OpenShortcutsDialog() {
  const hide = useShortcutHelp((state) => state.hide);
  const dialog = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);

  useDialogFocus(() => close.current);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => onModalKeyDown(event, dialog.current, hide);

  return (
    <div className="confirm-dialog-backdrop" onPointerDown={(event) => event.target === event.currentTarget && hide()}>
      <div ref={dialog} className="confirm-dialog shortcuts-dialog" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" onKeyDown={onKeyDown}>
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <ShortcutList />
        <div className="confirm-dialog-actions">
          <button ref={close} type="button" className="button" onClick={hide}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}

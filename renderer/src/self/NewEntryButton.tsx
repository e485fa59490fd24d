import { useEffect, useRef } from 'react';
import { useReadOnly } from '../app/app-info-store';
import { useEntryEditor } from './entry-editor-store';
import { ariaCommandKey } from './shortcut';

/** Starts a fresh draft. Takes focus back after an entry is deleted, so the keyboard is never stranded. */
export function NewEntryButton() {
  const newEntry = useEntryEditor((state) => state.newEntry);
  const focus = useEntryEditor((state) => state.focus);
  const readOnly = useReadOnly();
  const ref = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (focus?.target !== 'new-entry') return;
    ref.current?.focus();
    useEntryEditor.getState().clearFocus();
  }, [focus]);

  return (
    <button
      ref={ref}
      type="button"
      className="button button-primary"
      disabled={readOnly}
      aria-keyshortcuts={`${ariaCommandKey}+N`}
      onClick={() => void newEntry()}
    >
      <svg className="button-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M8 3v10M3 8h10" />
      </svg>
      New entry
    </button>
  );
}

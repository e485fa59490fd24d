import type { EditorError, SaveStatus as Status } from './record-editor';

/** "Saving…", "Saved", or what is waiting, in one polite live region. */
export function SaveStatus({ status, error, label }: { status: Status; error: EditorError | null; label?: string }) {
  let text = '';
  if (status === 'saving') text = 'Saving…';
  else if (status === 'saved') text = 'Saved';
  else if (status === 'error') text = error?.field ? 'Not saved yet: see the note by the field.' : (error?.message ?? 'Not saved yet.');
  return (
    <p role="status" aria-label={label} className={`save-status save-status-${status}`}>
      {text}
    </p>
  );
}

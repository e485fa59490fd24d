import type { FormError } from './crews-store';
import type { SaveStatus as Status } from './meeting-editor-store';

/** "Saving…", "Saved", or what went wrong, in one polite live region. */
export function SaveStatus({ status, error, label }: { status: Status; error: FormError | null; label?: string }) {
  let text = '';
  if (status === 'saving') text = 'Saving…';
  else if (status === 'saved') text = 'Saved';
  else if (status === 'error') text = error?.field ? 'Not saved yet. See the note by the field.' : (error?.message ?? 'Not saved yet.');
  return (
    <p role="status" aria-label={label} className={`save-status save-status-${status}`}>
      {text}
    </p>
  );
}

import type { SaveStatus as Status } from './autosave';

/** An error as a form keeps it: its words, and the field it is about (null: none). */
interface FieldError {
  message: string;
  field: string | null;
}

/** "Saving…", "Saved", or what is waiting, in one polite live region. */
export function SaveStatus({ status, error, label }: { status: Status; error: FieldError | null; label?: string }) {
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

/**
 * The end of a form that saves as you type: a note for an error that belongs to none of its
 * fields, then Done beside the save status.
 */
export function AutosavedFormEnd({ status, error, fields, label }: { status: Status; error: FieldError | null; fields: readonly string[]; label: string }) {
  return (
    <>
      {error && (error.field === null || !fields.includes(error.field)) ? (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          Done
        </button>
        <SaveStatus status={status} error={error} label={label} />
      </div>
    </>
  );
}

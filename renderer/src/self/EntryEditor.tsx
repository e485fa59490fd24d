import { useEffect, useRef } from 'react';
import { useReadOnly } from '../app/app-info-store';
import { EntryDetails, EntryKindNote, EntryPrompt, EntrySelfEnergy } from './entry/EntryDetails';
import { type EditorField, useEntryEditor } from './entry-editor-store';
import { farAhead } from './dates';
import { promptFor } from './prompts';

const fieldLabels: Record<EditorField, string> = {
  title: 'Title',
  entryDate: 'Date',
  body: 'Entry',
  kind: 'Kind',
  rung: 'Rung',
  promptId: 'the prompt',
  partIds: 'Parts that showed up',
  tags: 'Tags',
  selfEnergy: 'Self-energy check',
};

type TextField = 'title' | 'entryDate' | 'body';

/** The message for one field, or null: each field re-renders only for its own error. */
function useFieldError(field: TextField) {
  return useEntryEditor((state) => (state.error?.field === field ? state.error.message : null));
}

/** Accessibility props that tie a control to its error note. */
function described(field: TextField, message: string | null) {
  return message ? { 'aria-invalid': true, 'aria-describedby': `entry-${field}-error` } : {};
}

function FieldError({ field, message }: { field: TextField; message: string | null }) {
  if (!message) return null;
  return (
    <p className="field-error" id={`entry-${field}-error`}>
      {message}
    </p>
  );
}

/** The open entry, written like on paper: title, day, and the Markdown body. It saves itself. */
export function EntryEditor() {
  const draftKey = useEntryEditor((state) => state.draftKey);
  const title = useEntryEditor((state) => state.title);
  const body = useEntryEditor((state) => state.body);
  const entryDate = useEntryEditor((state) => state.entryDate);
  const focus = useEntryEditor((state) => state.focus);
  const answering = useEntryEditor((state) => state.promptId !== null);
  const edit = useEntryEditor((state) => state.edit);
  const deleteOpen = useEntryEditor((state) => state.deleteOpen);
  const closeOpen = useEntryEditor((state) => state.closeOpen);
  const titleError = useFieldError('title');
  const dateError = useFieldError('entryDate');
  // Saved as given; only a gentle question when the day is more than a year away.
  const farOff = farAhead(entryDate);
  const bodyError = useFieldError('body');
  const readOnly = useReadOnly();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focus?.target === 'body') bodyRef.current?.focus();
    else if (focus?.target === 'title') titleRef.current?.focus();
    else return;
    useEntryEditor.getState().clearFocus();
  }, [focus]);

  return (
    <div className="entry-editor">
      <div className="entry-toolbar">
        <SaveStatus />
        <button type="button" className="button button-quiet entry-close" onClick={() => void closeOpen()}>
          Close entry
        </button>
        <button type="button" className="button button-quiet button-danger" disabled={readOnly} onClick={() => void deleteOpen()}>
          <svg className="button-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5" />
          </svg>
          Delete entry
        </button>
      </div>
      <EntryKindNote />
      <article className="paper">
        <EntryPrompt />
        <div className="field field-title">
          <label className="field-label" htmlFor="entry-title">
            Title
          </label>
          <input
            ref={titleRef}
            id="entry-title"
            className="entry-title-input"
            type="text"
            value={title}
            placeholder="Untitled"
            autoComplete="off"
            readOnly={readOnly}
            onChange={(event) => edit({ title: event.target.value })}
            {...described('title', titleError)}
          />
          <FieldError field="title" message={titleError} />
        </div>
        <div className="field field-date">
          <label className="field-label" htmlFor="entry-date">
            Date
          </label>
          <input
            id="entry-date"
            className="entry-date-input"
            type="date"
            value={entryDate}
            readOnly={readOnly}
            onChange={(event) => edit({ entryDate: event.target.value })}
            {...(dateError ? described('entryDate', dateError) : farOff ? { 'aria-describedby': 'entry-entryDate-hint' } : {})}
          />
          <FieldError field="entryDate" message={dateError} />
          {!dateError && farOff ? (
            <p className="field-hint" id="entry-entryDate-hint">
              That’s far in the future: is the year right?
            </p>
          ) : null}
        </div>
        <EntryDetails />
        <div className="field field-body">
          <label className="field-label" htmlFor="entry-body">
            Entry
          </label>
          <textarea
            ref={bodyRef}
            id="entry-body"
            className="entry-body-input"
            value={body}
            placeholder={answering ? 'Take your time with the question above.' : promptFor(draftKey)}
            readOnly={readOnly}
            onChange={(event) => edit({ body: event.target.value })}
            {...described('body', bodyError)}
          />
          <FieldError field="body" message={bodyError} />
        </div>
        <EntrySelfEnergy key={draftKey} />
      </article>
    </div>
  );
}

/** "Saving…", "Saved", or what went wrong: always in the same polite live region. */
function SaveStatus() {
  const status = useEntryEditor((state) => state.status);
  const message = useEntryEditor((state) => state.error?.message ?? null);
  const field = useEntryEditor((state) => state.error?.field ?? null);
  let text = '';
  if (status === 'saving') text = 'Saving…';
  else if (status === 'saved') text = 'Saved';
  else if (status === 'error') text = field ? `Not saved yet. See the note by ${fieldLabels[field]}.` : (message ?? 'Not saved yet.');
  return (
    <p role="status" className={`save-status save-status-${status}`}>
      {text}
    </p>
  );
}

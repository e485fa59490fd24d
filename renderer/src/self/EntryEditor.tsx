import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useReadOnly } from '../app/app-info-store';
import { EntryDetails, EntryKindNote, EntryPrompt, EntrySelfEnergy } from './entry/EntryDetails';
import { editorFieldLabels, fieldsInWords, noteFor, refusedFieldsOf, useEntryEditor } from './entry-editor-store';
import { farAhead } from './dates';
import { promptFor } from './prompts';

type TextField = 'title' | 'entryDate' | 'body';

/** The message for one field, or null: each field re-renders only for its own error. */
function useFieldError(field: TextField) {
  return useEntryEditor((state) => noteFor(state, field));
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
  const dateRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const target = focus?.target === 'body' ? bodyRef : focus?.target === 'title' ? titleRef : focus?.target === 'entryDate' ? dateRef : null;
    if (!target) return;
    const field = target.current;
    // A field held back is shown with its note in the middle of the paper, clear of the toolbar on top.
    field?.focus(focus?.reveal ? { preventScroll: true } : undefined);
    if (focus?.reveal) field?.closest('.field')?.scrollIntoView?.({ block: 'center' });
    // A template's body: the writing starts under its first heading, not before it.
    if (field instanceof HTMLTextAreaElement) {
      const caret = Math.min(focus?.caret ?? field.value.length, field.value.length);
      field.setSelectionRange(caret, caret);
    }
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
            ref={dateRef}
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

/** "Saving…", "Saved", what is held back, or what went wrong: always in the same polite live region. */
function SaveStatus() {
  const status = useEntryEditor((state) => state.status);
  const error = useEntryEditor((state) => state.error);
  const held = useEntryEditor(useShallow((state) => refusedFieldsOf(state.refused)));
  const saved = useEntryEditor((state) => state.entryId !== null);
  const showField = useEntryEditor((state) => state.showField);
  const first = held[0];
  const pointsAt = error?.field ?? first ?? null;
  let text = '';
  if (status === 'saving') text = 'Saving…';
  else if (status === 'saved') text = 'Saved';
  else if (status === 'error') {
    if (error && !error.field) text = error.message;
    else if (pointsAt === null) text = 'Not saved yet.';
    else {
      const notes = held.length > 1 && !error ? 'the notes by the fields' : `the note by ${editorFieldLabels[pointsAt]}`;
      // The rest of the entry went in; only the field held back waits.
      text = !error && saved ? `Everything but ${fieldsInWords(held)} is saved. See ${notes}.` : `Not saved yet. See ${notes}.`;
    }
  }
  const canShow = status === 'error' && (pointsAt === 'title' || pointsAt === 'entryDate' || pointsAt === 'body');
  return (
    <div className="entry-save-note">
      <p role="status" className={`save-status save-status-${status}`}>
        {text}
      </p>
      {canShow ? (
        <button type="button" className="button button-quiet button-small" onClick={() => showField(pointsAt)}>
          Show the note
        </button>
      ) : null}
    </div>
  );
}

import { useId, useState } from 'react';
import { checkinHows } from '../../../shared/domain/dyads';
import { useReadOnly } from '../app/app-info-store';
import { localDay, onTheDay } from '../self/dates';
import { useCheckinEditor } from './checkin-editor-store';
import { CommitmentsMade } from './CommitmentsMade';
import { describedBy, FieldError, FormProblem } from './form-parts';
import { dialLabels, howLabels, rhythmWords } from './labels';
import { usePartsList } from '../self/parts/parts-store';

type TextField = 'iShared' | 'iHeard' | 'offersAsksFromMe' | 'offersAsksFromThem' | 'notes';
const formFields = ['checkinDate', 'how', 'iShared', 'iHeard', 'offersAsksFromMe', 'offersAsksFromThem', 'dial', 'partIds', 'notes', 'nextCheckinDate'];

/** The check-in itself: every field saves itself a moment after you stop typing. */
export function CheckinForm() {
  const name = useCheckinEditor((state) => state.dyad?.personName ?? 'them');
  const rhythmDays = useCheckinEditor((state) => state.dyad?.rhythmDays ?? null);
  const checkinDate = useCheckinEditor((state) => state.draft.checkinDate);
  const nextCheckinDate = useCheckinEditor((state) => state.draft.nextCheckinDate);
  const error = useCheckinEditor((state) => state.error);
  const edit = useCheckinEditor((state) => state.edit);
  const ahead = checkinDate !== '' && checkinDate > localDay();
  const startedOn = useCheckinEditor((state) => state.dyad?.startedOn ?? null);
  // Saved as typed too (the start may be the slip), but asked about: the dyad's page would list it before the start.
  const beforeStart = !ahead && checkinDate !== '' && startedOn !== null && checkinDate < startedOn;
  const deleteOpen = useCheckinEditor((state) => state.deleteOpen);
  const readOnly = useReadOnly();

  return (
    <div className="checkin-form">
      <div className="checkin-toolbar">
        <SaveStatus />
        <button type="button" className="button button-quiet button-danger" disabled={readOnly} onClick={() => void deleteOpen()}>
          Delete check-in
        </button>
      </div>
      <div className="checkin-paper">
        <div className="form-row">
          <div className="form-field">
            <label className="field-label" htmlFor="checkin-date">
              Date
            </label>
            <input
              id="checkin-date"
              type="date"
              className="text-input date-input"
              value={checkinDate}
              readOnly={readOnly}
              onChange={(event) => edit({ checkinDate: event.target.value })}
              {...(error?.field !== 'checkinDate' && (ahead || beforeStart) ? { 'aria-describedby': 'checkin-date-hint' } : describedBy('checkin-date', error, 'checkinDate'))}
            />
            <FieldError id="checkin-date" error={error} field="checkinDate" />
            {error?.field !== 'checkinDate' && ahead ? (
              // Saved as typed (it may be a slip of the year), but asked about: it would read as the last time you met.
              <p className="field-hint" id="checkin-date-hint">
                That day is still ahead: is the date right? It is saved as typed, and shows as your latest check-in.
              </p>
            ) : null}
            {error?.field !== 'checkinDate' && beforeStart ? (
              <p className="field-hint" id="checkin-date-hint">
                This dyad started {onTheDay(startedOn ?? '')}: is the date right? It is saved as typed.
              </p>
            ) : null}
          </div>
          <HowField />
        </div>
        <Text field="iShared" label="What I shared" placeholder="What was alive for me" autoFocus />
        <Text field="iHeard" label={`What I heard, what is alive for ${name}`} placeholder="Worth remembering next time" />
        <div className="form-row form-row-even">
          <Text field="offersAsksFromMe" label="Offers and asks from me" rows={3} />
          <Text field="offersAsksFromThem" label={`Offers and asks from ${name}`} rows={3} />
        </div>
        <DialField />
        <PartsField />
        <Text field="notes" label="Notes" rows={3} />
        <CommitmentsMade name={name} />
        <div className="form-field next-field">
          <label className="field-label" htmlFor="checkin-next">
            Next check-in
          </label>
          <input
            id="checkin-next"
            type="date"
            className="text-input date-input"
            value={nextCheckinDate}
            readOnly={readOnly}
            aria-describedby={error?.field === 'nextCheckinDate' ? 'checkin-next-error' : 'checkin-next-hint'}
            aria-invalid={error?.field === 'nextCheckinDate' ? true : undefined}
            onChange={(event) => edit({ nextCheckinDate: event.target.value })}
          />
          <p className="field-hint" id="checkin-next-hint">
            {rhythmDays === null ? 'Optional: no set rhythm for this dyad.' : `Suggested from your rhythm (${rhythmWords(rhythmDays).toLowerCase()}); change it freely.`}
          </p>
          <FieldError id="checkin-next" error={error} field="nextCheckinDate" />
        </div>
        <FormProblem error={error} fields={formFields} />
        <DoneRow name={name} />
      </div>
    </div>
  );
}

/** The end of the form: where it stands, and Done, which saves now and goes back to the dyad. */
function DoneRow({ name }: { name: string }) {
  const finish = useCheckinEditor((state) => state.finish);
  const [busy, setBusy] = useState(false);
  const text = useSaveText();
  const status = useCheckinEditor((state) => state.status);
  return (
    <div className="checkin-done">
      {/* The same words as the status at the top, which is the one read aloud. */}
      <p className={`save-status save-status-${status}`} aria-hidden="true">
        {text || 'Saves as you write'}
      </p>
      <button
        type="button"
        className="button button-primary"
        aria-describedby="checkin-done-hint"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void finish()
            .then((done) => {
              // A commitment that could not be added: its field, with the reason beside it.
              const errors = useCheckinEditor.getState().pendingErrors;
              const stuck = done ? null : errors.mine ? 'mine' : errors.theirs ? 'theirs' : null;
              if (stuck) document.getElementById(`commitment-${stuck}-${errors[stuck]?.field === 'dueOn' ? 'due' : 'text'}`)?.focus();
            })
            .finally(() => setBusy(false));
        }}
      >
        Done
      </button>
      <p className="visually-hidden" id="checkin-done-hint">
        Saves now, adds any commitment typed above, and goes back to {name}.
      </p>
    </div>
  );
}

function Text({ field, label, placeholder, rows = 4, autoFocus }: { field: TextField; label: string; placeholder?: string; rows?: number; autoFocus?: boolean }) {
  const value = useCheckinEditor((state) => state.draft[field]);
  const error = useCheckinEditor((state) => (state.error?.field === field ? state.error : null));
  const edit = useCheckinEditor((state) => state.edit);
  const readOnly = useReadOnly();
  const id = `checkin-${field}`;
  return (
    <div className="form-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="text-area"
        rows={rows}
        value={value}
        placeholder={placeholder}
        readOnly={readOnly}
        autoFocus={autoFocus}
        onChange={(event) => edit({ [field]: event.target.value })}
        {...describedBy(id, error, field)}
      />
      <FieldError id={id} error={error} field={field} />
    </div>
  );
}

function HowField() {
  const how = useCheckinEditor((state) => state.draft.how);
  const edit = useCheckinEditor((state) => state.edit);
  const readOnly = useReadOnly();
  const name = useId();
  return (
    <fieldset className="choice-field">
      <legend className="field-label">How</legend>
      <div className="choices">
        {checkinHows.map((value) => (
          <label key={value} className="choice">
            <input type="radio" name={name} value={value} checked={how === value} disabled={readOnly} onChange={() => edit({ how: value })} />
            <span>{howLabels[value]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function DialField() {
  const dial = useCheckinEditor((state) => state.draft.dial);
  const edit = useCheckinEditor((state) => state.edit);
  const readOnly = useReadOnly();
  const name = useId();
  return (
    <fieldset className="choice-field dial-field">
      <legend className="field-label">Where we sat on the partnership ↔ domination dial</legend>
      <div className="choices dial-choices">
        {[1, 2, 3, 4, 5].map((value) => (
          <label key={value} className="choice dial-choice">
            <input type="radio" name={name} value={value} checked={dial === value} disabled={readOnly} onChange={() => edit({ dial: value })} />
            <span>
              <strong>{value}</strong> {dialLabels[value]}
            </span>
          </label>
        ))}
        <label className="choice">
          <input type="radio" name={name} value="" checked={dial === null} disabled={readOnly} onChange={() => edit({ dial: null })} />
          <span>Not this time</span>
        </label>
      </div>
    </fieldset>
  );
}

function PartsField() {
  // Parts are a nicety here: a check-in can be written without them, or while they load.
  const parts = usePartsList();
  const chosen = useCheckinEditor((state) => state.draft.partIds);
  const edit = useCheckinEditor((state) => state.edit);
  const readOnly = useReadOnly();
  return (
    <fieldset className="choice-field">
      <legend className="field-label">Which of my parts showed up</legend>
      {parts.length === 0 ? (
        <p className="field-hint">Parts you get to know on the Self rung can be noted here.</p>
      ) : (
        <div className="choices">
          {parts.map((part) => (
            <label key={part.id} className="choice part-chip">
              <input
                type="checkbox"
                checked={chosen.includes(part.id)}
                disabled={readOnly}
                onChange={(event) => edit({ partIds: event.target.checked ? [...chosen, part.id] : chosen.filter((id) => id !== part.id) })}
              />
              <span>{part.name}</span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

/** "Saving…", "Saved", or what went wrong. */
function useSaveText() {
  const status = useCheckinEditor((state) => state.status);
  const hasField = useCheckinEditor((state) => state.error?.field !== null && state.error?.field !== undefined);
  const message = useCheckinEditor((state) => state.error?.message ?? null);
  if (status === 'saving') return 'Saving…';
  if (status === 'saved') return 'Saved';
  if (status === 'error') return hasField ? 'Not saved yet. See the note by the field.' : (message ?? 'Not saved yet.');
  return '';
}

/** The save status, in one polite live region. */
function SaveStatus() {
  const status = useCheckinEditor((state) => state.status);
  const text = useSaveText();
  return (
    <p role="status" className={`save-status save-status-${status}`}>
      {text}
    </p>
  );
}

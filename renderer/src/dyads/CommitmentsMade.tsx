import { type FormEvent, useState } from 'react';
import type { CommitmentDirection } from '../../../shared/domain/dyads';
import { useReadOnly } from '../app/app-info-store';
import { useCheckinEditor } from './checkin-editor-store';
import { describedBy, FieldError, FormProblem } from './form-parts';
import { dayInSentence } from '../self/dates';

/** Commitments made in this check-in, in both directions, each added with Enter (or by Done). */
export function CommitmentsMade({ name }: { name: string }) {
  return (
    <section className="commitments-made" aria-labelledby="commitments-made">
      <h2 id="commitments-made" className="field-label">
        Commitments made this time
      </h2>
      <div className="form-row form-row-even">
        <Direction direction="mine" heading="I committed to" name={name} />
        <Direction direction="theirs" heading={`${name} committed to`} name={name} />
      </div>
    </section>
  );
}

function Direction({ direction, heading, name }: { direction: CommitmentDirection; heading: string; name: string }) {
  const made = useCheckinEditor((state) => state.made);
  const remove = useCheckinEditor((state) => state.removeCommitment);
  const readOnly = useReadOnly();
  // What is typed lives in the store, so Done and leaving add it rather than drop it.
  const { text, dueOn } = useCheckinEditor((state) => state.pending[direction]);
  const error = useCheckinEditor((state) => state.pendingErrors[direction]);
  const editPending = useCheckinEditor((state) => state.editPending);
  const addPending = useCheckinEditor((state) => state.addPending);
  const [busy, setBusy] = useState(false);
  const mine = made.filter((c) => c.direction === direction);
  const id = `commitment-${direction}`;
  const who = direction === 'mine' ? 'of mine' : `of ${name}’s`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    await addPending(direction);
    setBusy(false);
  };

  return (
    <div className="commitment-column">
      <h3 className="small-heading">{heading}</h3>
      {mine.length > 0 ? (
        <ul className="commitment-list" aria-label={heading}>
          {mine.map((c) => (
            <li key={c.id} className="commitment-line">
              <span>
                {c.text}
                {c.dueOn ? <span className="muted"> · by {dayInSentence(c.dueOn)}</span> : null}
              </span>
              <button type="button" className="button button-quiet button-small" disabled={readOnly} aria-label={`Remove “${c.text}”`} onClick={() => void remove(c.id)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form className="commitment-add" onSubmit={(event) => void submit(event)} noValidate>
        <label className="visually-hidden" htmlFor={`${id}-text`}>
          New commitment {who}
        </label>
        <input
          id={`${id}-text`}
          type="text"
          className="text-input"
          placeholder={direction === 'mine' ? 'I will…' : `${name} will…`}
          value={text}
          readOnly={readOnly}
          onChange={(event) => editPending(direction, { text: event.target.value })}
          {...describedBy(`${id}-text`, error, 'text')}
        />
        <label className="commitment-due-label" htmlFor={`${id}-due`}>
          Hoped for by (optional)
        </label>
        <input
          id={`${id}-due`}
          aria-label={`Hoped for by (optional), ${who}`}
          type="date"
          className="text-input date-input"
          value={dueOn}
          readOnly={readOnly}
          onChange={(event) => editPending(direction, { dueOn: event.target.value })}
          {...describedBy(`${id}-due`, error, 'dueOn')}
        />
        <button type="submit" className="button" disabled={readOnly || busy}>
          Add
        </button>
      </form>
      <FieldError id={`${id}-text`} error={error} field="text" />
      <FieldError id={`${id}-due`} error={error} field="dueOn" />
      <FormProblem error={error} fields={['text', 'dueOn']} />
    </div>
  );
}

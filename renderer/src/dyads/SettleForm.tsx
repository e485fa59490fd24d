import { type FormEvent, useId, useState } from 'react';
import { useReadOnly } from '../app/app-info-store';
import { describedBy, FieldError, FormProblem } from './FieldError';
import type { FormError } from './person-store';
import type { SettleOutcome } from './settle-commitment';

/** New terms (and a new date) for a renegotiation, or a note on releasing it openly. */
export function SettleForm({
  mode,
  onSettle,
  onBack,
}: {
  mode: 'renegotiate' | 'release';
  /** Resolves with the problem to show, or null once it is settled. */
  onSettle: (outcome: SettleOutcome) => Promise<FormError | null>;
  onBack: () => void;
}) {
  const id = useId();
  const readOnly = useReadOnly();
  const [text, setText] = useState('');
  const [date, setDate] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const textId = `${id}-text`;
  const dateId = `${id}-date`;
  const textField = mode === 'renegotiate' ? 'newTerms' : 'note';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const problem = await onSettle(mode === 'renegotiate' ? { status: 'renegotiated', newTerms: text, newDueOn: date } : { status: 'released', note: text });
    setBusy(false);
    if (problem) setError(problem);
  };

  return (
    <form
      className="review-form"
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // Escape here steps back from this form only (it is not meant for a toast above).
        event.preventDefault();
        event.stopPropagation();
        onBack();
      }}
      noValidate
    >
      <label className="field-label" htmlFor={textId}>
        {mode === 'renegotiate' ? 'New terms' : 'A note on releasing it'}
      </label>
      <textarea id={textId} className="text-area" rows={2} autoFocus value={text} onChange={(event) => setText(event.target.value)} {...describedBy(textId, error, textField)} />
      <FieldError id={textId} error={error} field={textField} />
      {mode === 'renegotiate' ? (
        <div className="form-field">
          <label className="field-label" htmlFor={dateId}>
            New date (optional)
          </label>
          <input
            id={dateId}
            type="date"
            className="text-input date-input"
            value={date}
            onChange={(event) => setDate(event.target.value)}
            {...describedBy(dateId, error, 'newDueOn')}
          />
          <FieldError id={dateId} error={error} field="newDueOn" />
        </div>
      ) : null}
      <FormProblem error={error} fields={[textField, 'newDueOn']} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={readOnly || busy}>
          {mode === 'renegotiate' ? 'Save new terms' : 'Release'}
        </button>
        <button type="button" className="button button-quiet" onClick={onBack}>
          Back
        </button>
      </div>
    </form>
  );
}

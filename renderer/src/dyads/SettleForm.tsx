import { type FormEvent, useId, useState } from 'react';
import { describedBy, FieldError, FormField, FormFooter } from './form-parts';
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
        <FormField id={dateId} label="New date (optional)" error={error} field="newDueOn">
          {(control) => <input {...control} type="date" className="text-input date-input" value={date} onChange={(event) => setDate(event.target.value)} />}
        </FormField>
      ) : null}
      <FormFooter
        error={error}
        fields={[textField, 'newDueOn']}
        busy={busy}
        submitLabel={mode === 'renegotiate' ? 'Save new terms' : 'Release'}
        leaveLabel="Back"
        onLeave={onBack}
      />
    </form>
  );
}

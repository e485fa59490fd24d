import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { Commitment } from '../../../shared/domain/dyads';
import { useKeptDraft, useKeptDraftHolds } from '../ui/kept-draft';
import { discardDraft } from '../ui/kept-drafts-store';
import { describedBy, FieldError, FormField, FormFooter } from './form-parts';
import type { FormError } from './person-store';
import type { SettleOutcome } from './settle-commitment';
import { escapeSteps } from '../ui/modal-keys';

type SettleMode = 'renegotiate' | 'release';
type SettleDraft = { text: string; date: string };

const settleDraftKey = (mode: SettleMode, commitment: Commitment) => `settle:${mode}:${commitment.id}`;

/** What the form starts from: the current terms to change, or an empty note. */
const startingDraft = (mode: SettleMode, commitment: Commitment): SettleDraft =>
  mode === 'renegotiate' ? { text: commitment.text, date: commitment.dueOn ?? '' } : { text: '', date: '' };

/**
 * Which settle forms of a commitment hold kept words (new terms that differ, a release note), so
 * its row can say so after Escape, Back or a restart.
 */
export function useKeptSettleDrafts(commitment: Commitment): Record<SettleMode, boolean> {
  const start = startingDraft('renegotiate', commitment);
  const renegotiate = useKeptDraftHolds(settleDraftKey('renegotiate', commitment), start, (d) => d.text.trim() !== start.text.trim() || d.date !== start.date);
  const release = useKeptDraftHolds(settleDraftKey('release', commitment), startingDraft('release', commitment), (d) => d.text.trim() !== '');
  return { renegotiate, release };
}

/** The line on a commitment's row that says which of its words wait, not saved yet. */
export function KeptSettleNote({ id, kept }: { id: string; kept: Record<SettleMode, boolean> }) {
  if (!kept.renegotiate && !kept.release) return null;
  const what = kept.renegotiate && kept.release ? 'new terms and your release note are' : kept.renegotiate ? 'new terms are' : 'release note is';
  return (
    <p id={id} className="commitment-kept muted">
      Your {what} kept, not saved yet.
    </p>
  );
}

/**
 * New terms (and a new date) for a renegotiation, starting from the current ones, or a note on
 * releasing it openly. What is typed is kept while the commitment is open, so Back or Escape
 * never throws it away: opening the form again finds it as it was left.
 */
export function SettleForm({
  commitment,
  mode,
  onSettle,
  onBack,
}: {
  commitment: Commitment;
  mode: SettleMode;
  /** Resolves with the problem to show, or null once it is settled. */
  onSettle: (outcome: SettleOutcome) => Promise<FormError | null>;
  onBack: () => void;
}) {
  const id = useId();
  const renegotiating = mode === 'renegotiate';
  const [draft, setDraft, clearDraft] = useKeptDraft(settleDraftKey(mode, commitment), startingDraft(mode, commitment));
  const { text, date } = draft;
  const textArea = useRef<HTMLTextAreaElement>(null);

  // The caret after the words already there, to change a word or add a few.
  useEffect(() => {
    const area = textArea.current;
    if (!area) return;
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
  }, []);
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const textId = `${id}-text`;
  const dateId = `${id}-date`;
  const textField = mode === 'renegotiate' ? 'newTerms' : 'note';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (renegotiating && text.trim() === commitment.text.trim() && date === (commitment.dueOn ?? '')) {
      setError({ message: 'These are the terms it already has: change the words or the date.', field: 'newTerms' });
      return;
    }
    setBusy(true);
    const problem = await onSettle(renegotiating ? { status: 'renegotiated', newTerms: text, newDueOn: date } : { status: 'released', note: text });
    setBusy(false);
    if (problem) setError(problem);
    else {
      clearDraft();
      // Settled one way, the words left in the other way's form have nothing left to settle.
      discardDraft(settleDraftKey(renegotiating ? 'release' : 'renegotiate', commitment));
    }
  };

  return (
    <form
      className="review-form"
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => escapeSteps(event, onBack)}
      noValidate
    >
      <label className="field-label" htmlFor={textId}>
        {mode === 'renegotiate' ? 'New terms' : 'A note on releasing it'}
      </label>
      <textarea ref={textArea} id={textId} className="text-area" rows={2} value={text} onChange={(event) => setDraft({ ...draft, text: event.target.value })} {...describedBy(textId, error, textField)} />
      <FieldError id={textId} error={error} field={textField} />
      {mode === 'renegotiate' ? (
        <FormField id={dateId} label="New date (optional)" error={error} field="newDueOn">
          {(control) => <input {...control} type="date" className="text-input date-input" value={date} onChange={(event) => setDraft({ ...draft, date: event.target.value })} />}
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

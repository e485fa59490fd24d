import { useEffect, useRef, useState } from 'react';
import { useReadOnly } from '../app/app-info-store';
import { useCheckinEditor } from './checkin-editor-store';
import { FormProblem } from './form-parts';
import type { FormError } from './person-store';
import { dayInSentence } from '../self/dates';
import { SettleForm } from './SettleForm';

type Mode = 'choose' | 'renegotiate' | 'release';

/** Before a new check-in: each open commitment, one at a time, kept, renegotiated or released. */
export function CommitmentReview() {
  const review = useCheckinEditor((state) => state.review);
  const index = useCheckinEditor((state) => state.reviewIndex);
  const name = useCheckinEditor((state) => state.dyad?.personName ?? 'They');
  const endReview = useCheckinEditor((state) => state.endReview);
  // Once one is settled (or left open), the next card is a step on: see ReviewItem's focus.
  const stepped = useCheckinEditor((state) => state.passed.length > 0);
  const current = review[index];
  if (!current) return null;
  return (
    <section className="review" aria-labelledby="review-heading">
      <div className="review-head">
        <h2 id="review-heading">Last time’s commitments</h2>
        <p className="muted">
          {index + 1} of {review.length}
        </p>
      </div>
      <p className="dyads-note">Keeping, renegotiating and openly releasing are all honest ways to close a loop.</p>
      <ReviewItem key={current.id} stepped={stepped} who={current.direction === 'mine' ? 'You committed to' : `${name} committed to`} />
      <button type="button" className="button button-quiet" onClick={endReview}>
        Skip to the check-in
      </button>
    </section>
  );
}

function ReviewItem({ who, stepped }: { who: string; stepped: boolean }) {
  const current = useCheckinEditor((state) => state.review[state.reviewIndex]);
  const resolve = useCheckinEditor((state) => state.resolveReview);
  const skip = useCheckinEditor((state) => state.skipReview);
  const readOnly = useReadOnly();
  const [mode, setMode] = useState<Mode>('choose');
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const words = useRef<HTMLDivElement>(null);
  // The first card starts on "Kept". After a step, focus lands on the next card's words, never on a
  // button: a double Enter then settles nothing by accident (the next one may be the other person's).
  useEffect(() => {
    if (stepped) words.current?.focus();
    // Only when the card arrives: its key is the commitment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  if (!current) return null;

  const keep = async () => {
    if (busy) return;
    setBusy(true);
    const problem = await resolve({ status: 'kept', note: '' });
    setBusy(false);
    setError(problem);
  };

  return (
    <article className="review-item" aria-label="Commitment to review">
      <div className="review-words" ref={words} tabIndex={-1}>
        <p className="review-who">{who}</p>
        <p className="review-text">{current.text}</p>
      </div>
      <p className="muted">
        Made {dayInSentence(current.madeOn)}
        {current.dueOn ? ` · hoped for by ${dayInSentence(current.dueOn)}` : ''}
      </p>
      {mode === 'choose' ? (
        <>
          <div className="review-actions" role="group" aria-label="How did it go?">
            <button type="button" className="button button-primary" autoFocus={!stepped} disabled={readOnly || busy} onClick={() => void keep()}>
              Kept
            </button>
            <button type="button" className="button" disabled={readOnly} onClick={() => setMode('renegotiate')}>
              Renegotiate…
            </button>
            <button type="button" className="button" disabled={readOnly} onClick={() => setMode('release')}>
              Release…
            </button>
            <button type="button" className="button button-quiet" onClick={skip}>
              Leave open for now
            </button>
          </div>
          <FormProblem error={error} fields={[]} />
        </>
      ) : (
        <SettleForm commitment={current} mode={mode} onSettle={resolve} onBack={() => setMode('choose')} />
      )}
    </article>
  );
}

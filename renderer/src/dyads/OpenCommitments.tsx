import { useEffect, useRef, useState } from 'react';
import type { Commitment } from '../../../shared/domain/dyads';
import { useReadOnly } from '../app/app-info-store';
import { useDyad } from './dyad-store';
import { FormProblem } from './form-parts';
import { commitmentStatusLabels } from './labels';
import { dayInSentence } from '../self/dates';
import type { FormError } from './person-store';
import { canReopen } from './settle-commitment';
import { KeptSettleNote, SettleForm, useKeptSettleDrafts } from './SettleForm';

type Open = { id: string; mode: 'renegotiate' | 'release' } | null;

/**
 * Open commitments both ways, each settled right here when it is (the draft went out on Tuesday):
 * no need to pretend a check-in happened. Then the last few settled ones.
 */
export function OpenCommitments({ name }: { name: string }) {
  const commitments = useDyad((state) => state.commitments);
  const focusId = useDyad((state) => state.focusCommitmentId);
  const focusDone = useDyad((state) => state.focusDone);
  const reopen = useDyad((state) => state.reopen);
  const readOnly = useReadOnly();
  const [form, setForm] = useState<Open>(null);
  // The last commitment settled here, and where focus goes once it has left the list (see `nextFocus`).
  const [pending, setPending] = useState<Pending | null>(null);
  const handled = useRef<Pending | null>(null);
  const section = useRef<HTMLElement>(null);
  const open = commitments.filter((c) => c.status === 'open');
  const mine = open.filter((c) => c.direction === 'mine');
  const theirs = open.filter((c) => c.direction === 'theirs');
  // Newest settled first (the list comes newest made first).
  const settled = commitments
    .filter((c) => c.status !== 'open')
    .sort((a, b) => (b.resolvedOn ?? '').localeCompare(a.resolvedOn ?? ''))
    .slice(0, 8);

  // Focus lands on the commitment's words, never on a button: a second Enter then settles nothing
  // by accident (the next one may well be the other person's).
  useEffect(() => {
    const fresh = pending !== null && pending !== handled.current;
    const target = focusId ?? (fresh ? nextFocus(pending, commitments) : null);
    if (target === null) return;
    const found = target.startsWith('list:')
      ? section.current?.querySelector<HTMLElement>(`[data-list="${target.slice(5)}"]`)
      : section.current?.querySelector<HTMLElement>(`[data-commitment="${target}"] .commitment-words`);
    if (focusId !== null) focusDone();
    handled.current = pending;
    (found ?? section.current?.querySelector<HTMLElement>('h2'))?.focus();
  }, [commitments, focusId, focusDone, pending]);

  /**
   * Settling one of mine moves on to the next of mine (or the one before, or the "Mine" heading),
   * never across to the other person's list; a renegotiation stays on its new terms.
   */
  const settledOne = (commitment: Commitment) => {
    const same = commitment.direction === 'mine' ? mine : theirs;
    const at = same.findIndex((c) => c.id === commitment.id);
    setPending({ settledId: commitment.id, next: same[at + 1]?.id ?? same[at - 1]?.id ?? `list:${commitment.direction}` });
    setForm(null);
  };

  const list = (items: Commitment[], label: string) => (
    <ul className="commitment-list" aria-label={label}>
      {items.map((c) => (
        <OpenLine
          key={c.id}
          commitment={c}
          form={form?.id === c.id ? form.mode : null}
          onForm={(mode) => setForm(mode ? { id: c.id, mode } : null)}
          onSettled={() => settledOne(c)}
        />
      ))}
    </ul>
  );

  return (
    <section className="dyads-section" aria-labelledby="dyad-commitments" ref={section}>
      <h2 id="dyad-commitments" tabIndex={-1}>
        Open commitments
      </h2>
      {open.length === 0 ? (
        <p className="dyads-note">Nothing open either way. Commitments made in a check-in show up here.</p>
      ) : (
        <p className="dyads-note">Keeping, renegotiating and openly releasing are all honest ways to close a loop.</p>
      )}
      {/* Both ways while anything is open, so settling the last of one list leaves its heading to land on. */}
      {open.length > 0 ? (
        <>
          <h3 className="small-heading commitments-heading" data-list="mine" tabIndex={-1}>
            Mine
          </h3>
          {mine.length > 0 ? list(mine, 'My open commitments') : <p className="dyads-note">Nothing of mine is open.</p>}
          <h3 className="small-heading commitments-heading" data-list="theirs" tabIndex={-1}>
            {name}’s
          </h3>
          {theirs.length > 0 ? list(theirs, `${name}’s open commitments`) : <p className="dyads-note">Nothing of {name}’s is open.</p>}
        </>
      ) : null}
      {settled.length > 0 ? (
        <>
          <h3 className="small-heading commitments-heading" data-list="settled" tabIndex={-1}>
            Lately settled
          </h3>
          <ul className="commitment-list" aria-label="Lately settled commitments">
            {settled.map((c) => (
              <li key={c.id} className="commitment-line commitment-settled">
                <span className="commitment-settled-words">
                  {c.text}
                  {c.outcomeNote ? <span className="commitment-settled-note muted"><span className="visually-hidden"> · </span>{c.status === 'renegotiated' ? `now: ${c.outcomeNote}` : c.outcomeNote}</span> : null}
                </span>{' '}
                <span className="commitment-settled-end">
                  <span className={`tag tag-${c.status}`}>{commitmentStatusLabels[c.status]}</span>
                  {canReopen(c) ? (
                    // A Kept pressed by mistake, noticed after its Undo has gone.
                    <button type="button" className="button button-small button-quiet" aria-label={`Reopen: ${c.text}`} disabled={readOnly} onClick={() => void reopen(c)}>
                      Reopen
                    </button>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** A commitment just settled, and its neighbour in its own list then (an id, or `list:mine`/`list:theirs` for the heading). */
interface Pending {
  settledId: string;
  next: string;
}

/** Focus after settling: on the new terms of a renegotiation, once reloaded; otherwise the neighbour. */
function nextFocus(pending: Pending, commitments: readonly Commitment[]): string {
  return commitments.find((c) => c.renegotiatedFromId === pending.settledId && c.status === 'open')?.id ?? pending.next;
}

function OpenLine({
  commitment,
  form,
  onForm,
  onSettled,
}: {
  commitment: Commitment;
  form: 'renegotiate' | 'release' | null;
  onForm: (mode: 'renegotiate' | 'release' | null) => void;
  onSettled: () => void;
}) {
  const settle = useDyad((state) => state.settle);
  const readOnly = useReadOnly();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const renegotiateButton = useRef<HTMLButtonElement>(null);
  const releaseButton = useRef<HTMLButtonElement>(null);
  const hadForm = useRef<'renegotiate' | 'release' | null>(null);
  const text = commitment.text;
  // Words left in Renegotiate… or Release… (Escape, Back, a restart): the row says they wait.
  const kept = useKeptSettleDrafts(commitment);
  const keptId = `kept-${commitment.id}`;

  // Back from the form: focus returns to the button that opened it, not the top of the page.
  useEffect(() => {
    if (form === null && hadForm.current) (hadForm.current === 'renegotiate' ? renegotiateButton : releaseButton).current?.focus();
    hadForm.current = form;
  }, [form]);

  const settleWith = async (outcome: Parameters<typeof settle>[1]) => {
    const problem = await settle(commitment, outcome);
    if (!problem) onSettled();
    return problem;
  };

  const keep = async () => {
    if (busy) return;
    setBusy(true);
    const problem = await settleWith({ status: 'kept', note: '' });
    setBusy(false);
    setError(problem);
  };

  return (
    <li className="commitment-line commitment-open" data-commitment={commitment.id}>
      <span className="commitment-words" tabIndex={-1}>
        <span>{text}</span>
        {commitment.dueOn ? <span className="muted"> · hoped for by {dayInSentence(commitment.dueOn)}</span> : null}
      </span>
      {form === null ? (
        <span className="commitment-actions">
          <button type="button" className="button button-small" aria-label={`Kept: ${text}`} disabled={readOnly || busy} onClick={() => void keep()}>
            Kept
          </button>
          <button ref={renegotiateButton} type="button" className="button button-small button-quiet" aria-label={`Renegotiate: ${text}…`} aria-describedby={kept.renegotiate ? keptId : undefined} disabled={readOnly} onClick={() => onForm('renegotiate')}>
            Renegotiate…
          </button>
          <button ref={releaseButton} type="button" className="button button-small button-quiet" aria-label={`Release: ${text}…`} aria-describedby={kept.release ? keptId : undefined} disabled={readOnly} onClick={() => onForm('release')}>
            Release…
          </button>
        </span>
      ) : (
        <div className="commitment-settle">
          <SettleForm commitment={commitment} mode={form} onSettle={settleWith} onBack={() => onForm(null)} />
        </div>
      )}
      {form === null ? <KeptSettleNote id={keptId} kept={kept} /> : null}
      <FormProblem error={error} fields={[]} />
    </li>
  );
}

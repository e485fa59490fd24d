import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Dyad } from '../../../shared/domain/dyads';
import { useReadOnly } from '../app/app-info-store';
import { useNavigation } from '../app/navigation-store';
import { friendlyDay, localDay, onTheDay } from '../self/dates';
import { afterPaint } from '../ui/after-paint';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { PageHeading } from '../ui/PageHeading';
import { useToasts } from '../ui/toast-store';
import { DialChart } from './charts/DialChart';
import { RhythmOverTime } from './charts/RhythmOverTime';
import { nextCheckinWords } from './DyadCard';
import { useDyadEditsKept } from './DyadForm';
import { useDyad } from './dyad-store';
import { BackLink } from '../ui/BackLink';
import { describedBy, FieldError } from './form-parts';
import { dialLabels, howLabels, kindLabels, rhythmWords, statusLabels } from './labels';
import { OpenCommitments } from './OpenCommitments';
import type { FormError } from './person-store';
import { escapeSteps } from '../ui/modal-keys';

/** One dyad: its intention and agreements, the rhythm, commitments both ways, check-ins and charts. */
export function DyadPage({ id }: { id: string }) {
  const load = useDyad((state) => state.load);
  const dyad = useDyad((state) => (state.dyadId === id ? state.dyad : null));
  const card = useDyad((state) => state.card);
  const status = useDyad((state) => state.status);
  const error = useDyad((state) => state.error);
  const perMonth = useDyad((state) => state.perMonth);
  const go = useNavigation((state) => state.go);
  const readOnly = useReadOnly();
  // Reopened from here: focus goes on to "New check-in", which takes the Reopen button's place.
  const reopening = useRef(false);
  const newCheckin = useRef<HTMLButtonElement>(null);
  const open = dyad?.status === 'active' || dyad?.status === 'paused';

  useEffect(() => {
    void load(id);
  }, [id, load]);

  useEffect(() => {
    if (!open || !reopening.current) return;
    reopening.current = false;
    newCheckin.current?.focus();
  }, [open]);

  if (!dyad || !card) {
    return (
      <div className="page dyads-page">
        <BackLink label="Back to Dyads" onClick={() => go('dyads')} />
        {status === 'error' ? <p className="dyads-note">{error}</p> : null}
      </div>
    );
  }

  return (
    <div className="page dyads-page dyad-page">
      <BackLink label="Back to Dyads" onClick={() => go('dyads')} />
      <header className="dyads-header">
        <PageHeading lead={dyad.intention ? `“${dyad.intention}”` : undefined}>
          {dyad.personName} <span className="heading-kind">· {kindLabels[dyad.kind]}</span>
        </PageHeading>
        <div className="dyads-actions">
          <button type="button" className="button" onClick={() => go('dyads', { kind: 'person', id: dyad.personId })}>
            {dyad.personName}’s page
          </button>
          {dyad.status === 'closed' ? (
            <ReopenAction onReopen={(going) => (reopening.current = going)} />
          ) : (
            <button ref={newCheckin} type="button" className="button button-primary" disabled={readOnly} onClick={() => go('dyads', { kind: 'new-checkin', id: dyad.id })}>
              New check-in
            </button>
          )}
        </div>
      </header>
      <dl className="dyad-facts dyad-facts-wide">
        <div>
          <dt>Status</dt>
          <dd>{statusLabels[dyad.status]}</dd>
        </div>
        <div>
          <dt>Rhythm</dt>
          <dd>{rhythmWords(dyad.rhythmDays)}</dd>
        </div>
        <div>
          <dt>Last check-in</dt>
          <dd>{card.lastCheckinOn ? friendlyDay(card.lastCheckinOn) : 'Not yet'}</dd>
        </div>
        <div>
          <dt>Next check-in</dt>
          <dd>{nextCheckinWords(dyad.status, card.rhythm, localDay())}</dd>
        </div>
        {dyad.startedOn ? (
          <div>
            <dt>Started</dt>
            <dd>{friendlyDay(dyad.startedOn)}</dd>
          </div>
        ) : null}
      </dl>
      {dyad.status === 'closed' && dyad.closingNote ? (
        <p className="closing-note">
          Closed gracefully{dyad.closedOn ? ` ${onTheDay(dyad.closedOn)}` : ''}: {dyad.closingNote}
        </p>
      ) : null}
      <div className="dyads-columns">
        <OpenCommitments name={dyad.personName} />
        <section className="dyads-section" aria-labelledby="dyad-agreements">
          <h2 id="dyad-agreements">Agreements</h2>
          {dyad.agreements.length === 0 ? (
            <p className="dyads-note">No agreements written down yet. “Edit dyad” lets you add some together.</p>
          ) : (
            <ul className="agreements">
              {dyad.agreements.map((a) => (
                <li key={a.id}>{a.text}</li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <Checkins closed={dyad.status === 'closed'} />
      <div className="dyads-columns">
        <section className="dyads-section" aria-labelledby="dyad-dial">
          <h2 id="dyad-dial">Partnership ↔ domination, over time</h2>
          <DialChart />
        </section>
        <RhythmOverTime months={perMonth} label={`Check-ins per month with ${dyad.personName}, last 12 months`} />
      </div>
      <StatusActions />
    </div>
  );
}

/**
 * A closed dyad invites no new check-in as if it were going on: it offers the way back instead.
 * Its past check-ins stay below, to read and to correct.
 */
function ReopenAction({ onReopen }: { onReopen: (going: boolean) => void }) {
  const setStatus = useDyad((state) => state.setStatus);
  const readOnly = useReadOnly();
  const reopen = async () => {
    onReopen(true);
    const problem = await setStatus('active');
    if (problem) {
      onReopen(false);
      useToasts.getState().show(problem.message);
    }
  };
  return (
    <>
      <button type="button" className="button" disabled={readOnly} aria-describedby="dyad-closed-note" onClick={() => void reopen()}>
        Reopen dyad
      </button>
      <p id="dyad-closed-note" className="dyads-kept-drafts muted">
        This dyad is closed. Reopen it to check in again.
      </p>
    </>
  );
}

function Checkins({ closed }: { closed: boolean }) {
  const checkins = useDyad((state) => state.checkins);
  const more = useDyad((state) => state.moreCheckins !== null);
  const loadMore = useDyad((state) => state.loadMoreCheckins);
  const go = useNavigation((state) => state.go);
  return (
    <section className="dyads-section" aria-labelledby="dyad-checkins">
      <h2 id="dyad-checkins">Check-ins</h2>
      {checkins.length === 0 ? (
        <p className="dyads-note">{closed ? 'No check-ins were written down for this dyad.' : 'No check-ins yet. “New check-in” starts one; it saves itself as you write.'}</p>
      ) : (
        <ul className="checkin-list" aria-labelledby="dyad-checkins">
          {checkins.map((c) => (
            <li key={c.id}>
              <button type="button" className="checkin-row" onClick={() => go('dyads', { kind: 'checkin', id: c.id })}>
                <span className="checkin-row-date">{friendlyDay(c.checkinDate)}</span>
                <span className="muted">
                  {howLabels[c.how]}
                  {c.dial !== null ? ` · dial ${c.dial}, ${dialLabels[c.dial]?.toLowerCase()}` : ''}
                </span>
                {c.excerpt ? <span className="checkin-row-text">{c.excerpt}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
      {more ? (
        <button type="button" className="button button-quiet" onClick={() => void loadMore()}>
          Show earlier check-ins
        </button>
      ) : null}
    </section>
  );
}

function StatusActions() {
  const dyad = useDyad((state) => state.dyad);
  const setStatus = useDyad((state) => state.setStatus);
  const remove = useDyad((state) => state.remove);
  const readOnly = useReadOnly();
  const commitments = useDyad((state) => state.commitments);
  const [closing, setClosing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  if (!dyad) return null;

  /** Cancel or Escape: the note typed stays for the next try, and focus goes back to the button. */
  const stopClosing = () => {
    setClosing(false);
    afterPaint(() => closeButton.current?.focus());
  };

  const close = async (event: FormEvent) => {
    event.preventDefault();
    const problem = await setStatus('closed', note);
    if (problem) setError(problem);
    else setClosing(false);
  };

  return (
    <section className="dyads-section dyad-status-actions" aria-label="Change this dyad">
      <div className="dyads-actions">
        <EditDyadButton dyad={dyad} />
        {dyad.status === 'active' ? (
          <button type="button" className="button" disabled={readOnly} onClick={() => void setStatus('paused')}>
            Pause
          </button>
        ) : null}
        {/* A closed dyad's way back, "Reopen dyad", stands at the top where "New check-in" would be. */}
        {dyad.status === 'paused' ? (
          <button type="button" className="button" disabled={readOnly} onClick={() => void setStatus('active')}>
            Pick up again
          </button>
        ) : null}
        {dyad.status === 'closed' ? null : (
          <button ref={closeButton} type="button" className="button" disabled={readOnly || closing} onClick={() => setClosing(true)}>
            Close gracefully…
          </button>
        )}
        <button type="button" className="button button-quiet button-danger" disabled={readOnly} onClick={() => setConfirmingDelete(true)}>
          Delete dyad…
        </button>
        <EditsKeptNote dyad={dyad} />
      </div>
      {confirmingDelete ? (
        <ConfirmDialog
          title={`Delete the dyad with ${dyad.personName}?`}
          confirmLabel="Delete dyad"
          cancelLabel="Keep it"
          onCancel={() => setConfirmingDelete(false)}
          onConfirm={() => {
            setConfirmingDelete(false);
            void remove();
          }}
        >
          <p>Its check-ins and commitments leave every page with it. {dyad.personName} stays, with everything else you share.</p>
          <p>
            {dyad.status === 'closed' ? '' : 'To end it kindly instead, Close gracefully keeps it all as history. '}
            Undo, right after, brings a deleted dyad back.
          </p>
        </ConfirmDialog>
      ) : null}
      {closing ? (
        <form
          className="dyads-form closing-form"
          onSubmit={(event) => void close(event)}
          onKeyDown={(event) => escapeSteps(event, stopClosing)}
          noValidate
        >
          <label className="field-label" htmlFor="dyad-closing-note">
            Closing note
          </label>
          <textarea
            id="dyad-closing-note"
            className="text-area"
            rows={3}
            value={note}
            autoFocus
            placeholder="What this dyad gave you both, and how it ends."
            onChange={(event) => setNote(event.target.value)}
            {...describedBy('dyad-closing-note', error, 'closingNote')}
          />
          <FieldError id="dyad-closing-note" error={error} field="closingNote" />
          <StillOpenNote count={commitments.filter((c) => c.status === 'open').length} />
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              Close gracefully
            </button>
            <button type="button" className="button button-quiet" onClick={stopClosing}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

/** Before closing: commitments still open are not lost or failed; they wait to be settled. */
function StillOpenNote({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <p className="muted">
      {count === 1 ? '1 commitment is still open.' : `${count} commitments are still open.`} Closing keeps {count === 1 ? 'it' : 'them'} with this dyad’s history:
      kept, renegotiated or released whenever you are ready.
    </p>
  );
}

/** "Edit dyad", saying so when changes typed into it are kept, not saved yet (even from before a restart). */
function EditDyadButton({ dyad }: { dyad: Dyad }) {
  const go = useNavigation((state) => state.go);
  const readOnly = useReadOnly();
  const kept = useDyadEditsKept(dyad);
  return (
    <button type="button" className="button" disabled={readOnly} aria-describedby={kept ? 'dyad-kept-edits' : undefined} onClick={() => go('dyads', { kind: 'edit-dyad', id: dyad.id })}>
      Edit dyad
    </button>
  );
}

function EditsKeptNote({ dyad }: { dyad: Dyad }) {
  const kept = useDyadEditsKept(dyad);
  return kept ? (
    <p id="dyad-kept-edits" className="dyads-kept-drafts muted">
      Your changes to this dyad are kept, not saved yet.
    </p>
  ) : null;
}

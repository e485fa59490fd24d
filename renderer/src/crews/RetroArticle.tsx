import { useRef, useState } from 'react';
import type { Retrospective } from '../../../shared/domain/crews';
import { useKeptDraft } from '../ui/kept-draft';
import { type FormError, useCrews } from './crews-store';
import { Problem } from './Problem';
import { RetroWordsFields, type RetroWords } from './RetroForm';
import { decisionNames, formatDay } from './labels';

interface EditDraft extends RetroWords {
  error: FormError | null;
}

/**
 * A held retrospective: read, corrected in place (its words and day; its decision stays, the stage
 * history builds on it), or deleted with Undo when nothing later builds on its decision.
 */
export function RetroArticle({ retro, crewId }: { retro: Retrospective; crewId: string }) {
  const editRetrospective = useCrews((state) => state.editRetrospective);
  const deleteRetrospective = useCrews((state) => state.deleteRetrospective);
  // The correction in progress is kept like any draft: leaving the page does not lose it.
  const [draft, setDraft, clearDraft] = useKeptDraft<EditDraft | null>(`crews:retro-edit:${retro.id}`, null);
  const [busy, setBusy] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const title = `Cycle ${retro.cycle} · ${formatDay(retro.heldOn)} · ${decisionNames[retro.decision]}`;
  const stop = () => {
    clearDraft();
    requestAnimationFrame(() => editButton.current?.focus());
  };

  if (draft) {
    const prefix = `retro-edit-${retro.id}`;
    return (
      <article className="crews-retro">
        <form
          className="crews-form"
          aria-label={`Edit the retrospective of cycle ${retro.cycle}`}
          onSubmit={(event) => {
            event.preventDefault();
            setBusy(true);
            void editRetrospective({ id: retro.id, heldOn: draft.heldOn, worked: draft.worked, didNotWork: draft.didNotWork, change: draft.change }, crewId).then((problem) => {
              setBusy(false);
              if (problem) setDraft({ ...draft, error: problem });
              else stop();
            });
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && !event.nativeEvent.isComposing) {
              event.preventDefault();
              stop();
            }
          }}
        >
          <h3>Cycle {retro.cycle}: {decisionNames[retro.decision]}</h3>
          <RetroWordsFields prefix={prefix} words={draft} onChange={(patch) => setDraft({ ...draft, ...patch })} error={draft.error} />
          <p className="crews-muted">The decision stays as it was: the crew's stage history builds on it.</p>
          <Problem error={draft.error} fields={['heldOn', 'worked', 'didNotWork', 'change']} />
          <div className="crews-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              Save the changes
            </button>
            <button type="button" className="button button-quiet" onClick={stop}>
              Cancel
            </button>
          </div>
        </form>
      </article>
    );
  }

  return (
    <article className="crews-retro" aria-label={`Retrospective: ${title}`}>
      <div className="crews-check-row">
        <h3>{title}</h3>
        <span className="crews-item-buttons">
          <button
            ref={editButton}
            type="button"
            className="button button-quiet"
            aria-label={`Edit the retrospective of cycle ${retro.cycle}`}
            onClick={() => {
              setDraft({ heldOn: retro.heldOn, worked: retro.worked, didNotWork: retro.didNotWork, change: retro.change, error: null });
              requestAnimationFrame(() => document.getElementById(`retro-edit-${retro.id}-worked`)?.focus());
            }}
          >
            Edit
          </button>
          {retro.deleteBlocked === null ? (
            <button type="button" className="button button-quiet button-danger" aria-label={`Delete the retrospective of cycle ${retro.cycle}`} onClick={() => void deleteRetrospective(retro.id, crewId)}>
              Delete
            </button>
          ) : null}
        </span>
      </div>
      <dl className="crews-facts">
        <dt>What worked</dt>
        <dd>{retro.worked || '—'}</dd>
        <dt>What didn't</dt>
        <dd>{retro.didNotWork || '—'}</dd>
        <dt>What to change</dt>
        <dd>{retro.change || '—'}</dd>
      </dl>
      {retro.deleteBlocked !== null ? <p className="crews-item-meta">Why it can't be deleted: {retro.deleteBlocked}</p> : null}
    </article>
  );
}

import { useState } from 'react';
import type { Crew } from '../../../shared/domain/crews';
import { localDay } from '../self/dates';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { type FormError, useCrews } from './crews-store';
import { Problem } from './Problem';
import { itemsWord, onDay, sentenceStart, stageNames } from './labels';

/**
 * Reopening a past crew, after the closing's Undo has gone: asked first, then back to the stage it
 * had before closing, with Undo. `backTo`: that stage, from the stage history. `dropped`: the
 * action items the ending dropped, which open again with it (the question says how many).
 */
export function ReopenCrew({ crew, backTo, dropped }: { crew: Crew; backTo: Crew['stage'] | null; dropped: number }) {
  const reopen = useCrews((state) => state.reopen);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  if (backTo === null) return null;
  // Never before the ending (a closing day set ahead of today reopens on that day).
  const on = crew.closedOn !== null && crew.closedOn > localDay() ? crew.closedOn : localDay();
  const ended = crew.stage === 'split' ? 'split' : 'closing';
  return (
    <div className="crews-actions">
      <button type="button" className="button" onClick={() => setAsking(true)}>
        Reopen this crew…
      </button>
      <Problem error={error} />
      {asking ? (
        <ConfirmDialog
          title={`Reopen ${crew.name}?`}
          confirmLabel="Reopen the crew"
          tone="calm"
          cancelLabel="Keep it closed"
          busy={busy}
          onConfirm={() => {
            setBusy(true);
            void reopen(crew.id, on, dropped).then((problem) => {
              setBusy(false);
              setAsking(false);
              setError(problem);
              // The button is gone with the closing panel: the page heading takes focus.
              if (!problem) requestAnimationFrame(() => document.querySelector<HTMLElement>('.page-heading h1')?.focus());
            });
          }}
          onCancel={() => setAsking(false)}
        >
          <p>
            {sentenceStart(onDay(on))} it goes back to {stageNames[backTo]}, the stage it had before its {ended}, and back among your active crews. The {ended} and
            its note stay in the stage history. You can undo this right after.
          </p>
          {dropped > 0 ? (
            <p>
              {itemsWord(dropped)} dropped at its {ended} will be open again.
            </p>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

import { type ReactNode, useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog';

/** The question before typed words go for good: Undo cannot bring them back. */
function DiscardDraftDialog({ onDiscard, onKeep }: { onDiscard: () => void; onKeep: () => void }) {
  return (
    <ConfirmDialog title="Discard this draft?" confirmLabel="Discard" cancelLabel="Keep the draft" onConfirm={onDiscard} onCancel={onKeep}>
      <p>What you typed here goes, and Undo can't bring it back.</p>
    </ConfirmDialog>
  );
}

/**
 * Letting a form's kept words go on purpose (Discard draft, Cancel): asked first while the form
 * holds words of its own, done at once when it holds none. `dialog` is to be rendered.
 */
export function useLetGoOfDraft(holdsWords: boolean, letGo: () => void): { ask: () => void; dialog: ReactNode } {
  const [asking, setAsking] = useState(false);
  const ask = () => (holdsWords ? setAsking(true) : letGo());
  const dialog = asking ? (
    <DiscardDraftDialog
      onDiscard={() => {
        setAsking(false);
        letGo();
      }}
      onKeep={() => setAsking(false)}
    />
  ) : null;
  return { ask, dialog };
}

/**
 * Says that a form's words are kept until it is saved, even if the page is left. With `onDiscard`
 * it offers to let them go on purpose (asking first); without it, the form's own Cancel does that.
 */
export function KeptDraftNote({ shown, what, saving = 'save', onDiscard }: { shown: boolean; what: string; saving?: string; onDiscard?: () => void }) {
  const discard = useLetGoOfDraft(true, () => onDiscard?.());
  if (!shown) return null;
  return (
    <div className="kept-draft-note">
      <p className="muted">
        Your words are kept here until you {saving} {what} or {onDiscard ? 'discard the draft' : 'cancel'}, even if you leave this page.
      </p>
      {onDiscard ? (
        <button type="button" className="button button-quiet" onClick={discard.ask}>
          Discard draft
        </button>
      ) : null}
      {discard.dialog}
    </div>
  );
}

import { useState } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog';

/**
 * Says that a form's words are kept until it is saved, and lets the person let them go on
 * purpose. Discarding asks first: Undo cannot bring typed words back.
 */
export function KeptDraftNote({ shown, what, onDiscard }: { shown: boolean; what: string; onDiscard: () => void }) {
  const [asking, setAsking] = useState(false);
  if (!shown) return null;
  return (
    <div className="crews-draft-note">
      <p className="crews-muted">Your words are kept here until you save {what} or discard the draft, even if you leave this page.</p>
      <button type="button" className="button button-quiet" onClick={() => setAsking(true)}>
        Discard draft
      </button>
      {asking ? (
        <ConfirmDialog
          title="Discard this draft?"
          confirmLabel="Discard"
          cancelLabel="Keep the draft"
          onConfirm={() => {
            setAsking(false);
            onDiscard();
          }}
          onCancel={() => setAsking(false)}
        >
          <p>What you typed here goes, and Undo can't bring it back.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

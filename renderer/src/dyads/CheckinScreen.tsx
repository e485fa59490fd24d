import { useEffect } from 'react';
import { useNavigation } from '../app/navigation-store';
import { PageHeading } from '../ui/PageHeading';
import { CheckinForm } from './CheckinForm';
import { useCheckinEditor } from './checkin-editor-store';
import { CommitmentReview } from './CommitmentReview';
import { BackLink } from '../ui/BackLink';
import { useSaveGuards } from '../ui/use-save-guards';
import { useToasts } from '../ui/toast-store';

/** A new check-in (review first, then the form) or an earlier one, opened to read or change. */
export function CheckinScreen({ kind, id }: { kind: 'new-checkin' | 'checkin'; id: string }) {
  const phase = useCheckinEditor((state) => state.phase);
  const dyad = useCheckinEditor((state) => state.dyad);
  const missing = useCheckinEditor((state) => state.missing);
  const go = useNavigation((state) => state.go);
  useSaveGuards(useCheckinEditor);

  useEffect(() => {
    const editor = useCheckinEditor.getState();
    if (kind === 'new-checkin') void editor.start(id);
    else void editor.open(id);
  }, [kind, id]);

  // Whatever is unsaved goes to the archive when the person moves on, typed commitments too.
  useEffect(
    () => () =>
      void useCheckinEditor
        .getState()
        .flush()
        .then((saved) => {
          if (!saved && useCheckinEditor.getState().hasUnsavedWork()) {
            useToasts.getState().show('Something in that check-in could not be saved yet. It waits there, as you left it.');
          }
        }),
    [],
  );

  // Back saves first (typed commitments too), and stays to show why if something could not be.
  const back = () => {
    void useCheckinEditor
      .getState()
      .flush()
      .then((saved) => {
        if (!saved) return;
        if (dyad) go('dyads', { kind: 'dyad', id: dyad.id });
        else go('dyads');
      });
  };

  return (
    <div className="page dyads-page checkin-page">
      <BackLink label={dyad ? `Back to ${dyad.personName}` : 'Back to Dyads'} onClick={back} />
      <PageHeading lead={dyad ? `With ${dyad.personName}` : undefined}>Check-in</PageHeading>
      {phase === 'review' ? <CommitmentReview /> : null}
      {phase === 'form' ? <CheckinForm /> : null}
      {phase === 'closed' && missing ? <p role="alert">{missing}</p> : null}
    </div>
  );
}

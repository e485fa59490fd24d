import './dyads.css';
import { useNavigation } from '../app/navigation-store';
import { CheckinScreen } from './CheckinScreen';
import { DyadFormPage } from './DyadForm';
import { DyadPage } from './DyadPage';
import { DyadsFront } from './DyadsFront';
import { PersonFormPage } from './PersonForm';
import { PersonPage } from './PersonPage';

/** The Dyads rung: the front with every dyad, and inside it a dyad, a check-in or a person. */
export function DyadsPage() {
  const kind = useNavigation((state) => state.detail?.kind ?? null);
  const id = useNavigation((state) => state.detail?.id ?? null);
  if (kind === 'person' && id) return <PersonPage id={id} />;
  if (kind === 'new-person') return <PersonFormPage />;
  if (kind === 'edit-person' && id) return <PersonFormPage personId={id} />;
  if (kind === 'dyad' && id) return <DyadPage id={id} />;
  if (kind === 'new-dyad') return <DyadFormPage personId={id} />;
  if (kind === 'edit-dyad' && id) return <DyadFormPage dyadId={id} />;
  // One component for both, so the form stays put when a new check-in is first saved.
  if ((kind === 'new-checkin' || kind === 'checkin') && id) return <CheckinScreen kind={kind} id={id} />;
  return <DyadsFront />;
}

/** "← Back to …": every inner view has one, and Escape does not leave unsaved work. */
export function BackButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="button button-quiet dyads-back" onClick={onClick}>
      <svg className="button-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M10 3.5L5.5 8l4.5 4.5" />
      </svg>
      {label}
    </button>
  );
}

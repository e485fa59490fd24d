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

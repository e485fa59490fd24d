import { useNavigation } from '../app/navigation-store';
import { BackLink } from '../ui/BackLink';
import { useCrews } from './crews-store';

/**
 * Where a crew's page would be when its crew (or meeting) is gone: Back can lead to one deleted
 * since. Says why, in the core's words, with the way back to Crews.
 */
export function CrewMissing({ message }: { message: string }) {
  const go = useNavigation((state) => state.go);
  return (
    <div className="page crews-page">
      <BackLink label="Back to Crews" onClick={() => go('crews')} />
      <p role="alert">{message}</p>
    </div>
  );
}

/** The crews store's last loading failure, or null while loading or after a success. */
export function useCrewLoadFailure(): string | null {
  return useCrews((state) => (state.status === 'error' ? state.error : null));
}

/** While a crew's page loads: an empty page, nothing flashing; once it failed, why. */
export function CrewPending({ failure }: { failure: string | null }) {
  return failure ? <CrewMissing message={failure} /> : <div className="page crews-page" />;
}

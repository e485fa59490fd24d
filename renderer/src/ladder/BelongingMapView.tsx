import { useEffect } from 'react';
import { useNavigation } from '../app/navigation-store';
import { EmptyState } from '../ui/EmptyState';
import { PageHeading } from '../ui/PageHeading';
import { BelongingMapSvg } from './BelongingMapSvg';
import { useLadder } from './ladder-store';

/** The belonging map as its own view of the ladder home. */
export function BelongingMapView() {
  const map = useLadder((state) => state.map);
  const go = useNavigation((state) => state.go);
  useEffect(() => {
    void useLadder.getState().loadMap();
  }, []);
  const nothing = map !== null && map.dyads.length + map.crews.length + map.congregations.length === 0;
  return (
    <div className="page belonging">
      <PageHeading lead="You in the middle; your dyads, crews and congregations around you. Choose any of them to open it.">Your belonging map</PageHeading>
      <button type="button" className="button button-quiet belonging-back" onClick={() => go('ladder')}>
        Back to your ladder
      </button>
      {nothing ? (
        <EmptyState title="Your map is waiting to be drawn">
          <p>As you add dyads, crews and congregations, they appear here around you.</p>
        </EmptyState>
      ) : null}
      {map && !nothing ? (
        <>
          <p className="belonging-counts">
            {map.dyads.length} {map.dyads.length === 1 ? 'dyad' : 'dyads'} · {map.crews.length} {map.crews.length === 1 ? 'crew' : 'crews'} ·{' '}
            {map.congregations.length} {map.congregations.length === 1 ? 'congregation' : 'congregations'}
          </p>
          <BelongingMapSvg map={map} />
        </>
      ) : null}
    </div>
  );
}

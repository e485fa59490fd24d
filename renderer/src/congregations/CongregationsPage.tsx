import './congregations.css';
import { useNavigation } from '../app/navigation-store';
import { CongregationsFront } from './CongregationsFront';
import { CongregationView } from './CongregationView';

/** The Congregations rung: the list, or one congregation (`{ kind: 'congregation', id }`). */
export function CongregationsPage() {
  const detail = useNavigation((state) => state.detail);
  if (detail?.kind === 'congregation' && detail.id) return <CongregationView key={detail.id} id={detail.id} />;
  return <CongregationsFront />;
}

import { BeingBuilt } from '../ladder/RungBeingBuilt';
import { rungById } from '../ladder/rungs';

const rung = rungById('congregations');

export function CongregationsPage() {
  return <BeingBuilt page="congregations" title={rung.name} size={rung.size} purpose={rung.purpose} coming={rung.coming} />;
}

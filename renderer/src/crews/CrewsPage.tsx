import { BeingBuilt } from '../ladder/RungBeingBuilt';
import { rungById } from '../ladder/rungs';

const rung = rungById('crews');

export function CrewsPage() {
  return <BeingBuilt page="crews" title={rung.name} size={rung.size} purpose={rung.purpose} coming={rung.coming} />;
}

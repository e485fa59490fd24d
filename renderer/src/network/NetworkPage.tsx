import { BeingBuilt } from '../ladder/RungBeingBuilt';
import { rungById } from '../ladder/rungs';

const rung = rungById('network');

export function NetworkPage() {
  return <BeingBuilt page="network" title={rung.name} size={rung.size} purpose={rung.purpose} coming={rung.coming} />;
}

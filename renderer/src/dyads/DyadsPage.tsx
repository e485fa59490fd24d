import { BeingBuilt } from '../ladder/RungBeingBuilt';
import { rungById } from '../ladder/rungs';

const rung = rungById('dyads');

export function DyadsPage() {
  return <BeingBuilt page="dyads" title={rung.name} size={rung.size} purpose={rung.purpose} coming={rung.coming} />;
}

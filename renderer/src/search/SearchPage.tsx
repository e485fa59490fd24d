import { BeingBuilt } from '../ladder/RungBeingBuilt';

export function SearchPage() {
  return (
    <BeingBuilt
      page="search"
      title="Search"
      purpose="Find anything you have written, on every rung, without it ever leaving this computer."
      coming="Soon you can search your journal and everything else you keep in Ladder from here."
      note="This page is being built"
    />
  );
}

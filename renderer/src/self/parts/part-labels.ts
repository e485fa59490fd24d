import { type EntryKind, entryKindLabels, type RungId } from '../../../../shared/domain/journal';
import { type PartColour, type PartRole, partRoleLabels, type PartStatus, type RelationKind } from '../../../../shared/domain/self';

/** The words the UI uses for the Self rung's ideas: one place, so every screen says the same. */

export const roleLabels: Record<PartRole, string> = partRoleLabels;

export const roleHints: Record<PartRole, string> = {
  manager: 'Acts ahead of time to keep things under control',
  firefighter: 'Rushes in when pain breaks through',
  exile: 'Young, and carrying something heavy',
  unknown: 'You can decide later',
};

export const statusLabels: Record<PartStatus, string> = {
  noticed: 'Noticed',
  getting_to_know: 'Getting to know',
  befriended: 'Befriended',
  witnessed: 'Witnessed',
  unburdened: 'Unburdened',
  new_role: 'New role',
};

export const relationLabels: Record<RelationKind, string> = {
  protects: 'protects',
  polarised: 'is polarised with',
  allied: 'is allied with',
};

export const relationNames: Record<RelationKind, string> = {
  protects: 'Protects',
  polarised: 'Polarised with',
  allied: 'Allied with',
};

export const colourLabels: Record<PartColour, string> = {
  sage: 'Sage',
  ocean: 'Ocean',
  plum: 'Plum',
  clay: 'Clay',
  amber: 'Amber',
  rose: 'Rose',
  slate: 'Slate',
  moss: 'Moss',
};

export const rungLabels: Record<RungId, string> = {
  self: 'Self',
  dyads: 'Dyads',
  crews: 'Crews',
  congregations: 'Congregations',
  network: 'Network',
};

export const kindLabels: Record<EntryKind, string> = entryKindLabels;

/** The CSS colour of a part (defined per theme in self.css). */
export function partColourVar(colour: PartColour) {
  return `var(--part-${colour})`;
}

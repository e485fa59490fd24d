import { type CheckinHow, type CommitmentStatus, type DyadKind, dyadKindLabels, type DyadStatus } from '../../../shared/domain/dyads';

/** The words the UI uses for each stored value: kind, never clinical. */
export const kindLabels: Record<DyadKind, string> = dyadKindLabels;

export const howLabels: Record<CheckinHow, string> = {
  in_person: 'In person',
  call: 'Call',
  walk: 'Walk',
  messages: 'Messages',
  other: 'Other',
};

export const statusLabels: Record<DyadStatus, string> = {
  active: 'Active',
  paused: 'Paused',
  closed: 'Closed gracefully',
};

export const commitmentStatusLabels: Record<CommitmentStatus, string> = {
  open: 'Open',
  kept: 'Kept',
  renegotiated: 'Renegotiated',
  released: 'Released',
};

export const dialLabels: Record<number, string> = {
  1: 'Domination',
  2: 'Leaning one-sided',
  3: 'In between',
  4: 'Leaning mutual',
  5: 'Partnership',
};

export function rhythmWords(days: number | null): string {
  if (days === null) return 'No set rhythm';
  if (days === 1) return 'Every day';
  if (days === 7) return 'Every week';
  if (days % 7 === 0 && days <= 56) return `Every ${days / 7} weeks`;
  return `Every ${days} days`;
}

/** "3 days", "2 weeks", "about 2 months": how long, gently rounded. */
export function spanWords(days: number): string {
  if (days < 14) return days === 1 ? '1 day' : `${days} days`;
  if (days < 60) return `${Math.round(days / 7)} weeks`;
  if (days < 365) return `about ${Math.round(days / 30)} months`;
  const years = Math.round(days / 365);
  return years === 1 ? 'about a year' : `about ${years} years`;
}

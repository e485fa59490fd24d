/** Dyads: a partnership of two people who support each other, and what happens between them. */

export const dyadKinds = ['peer_coach', 'creative_partner', 'steward', 'accountability_partner', 'friend', 'other'] as const;
export type DyadKind = (typeof dyadKinds)[number];

/** A dyad's kind in the app's words, never clinical (one place: the dyad's pages and search). */
export const dyadKindLabels: Record<DyadKind, string> = {
  peer_coach: 'Peer coach',
  creative_partner: 'Creative partner',
  steward: 'Steward',
  accountability_partner: 'Accountability partner',
  friend: 'Friend',
  other: 'Other',
};

export const dyadStatuses = ['active', 'paused', 'closed'] as const;
export type DyadStatus = (typeof dyadStatuses)[number];

export const checkinHows = ['in_person', 'call', 'walk', 'messages', 'other'] as const;
export type CheckinHow = (typeof checkinHows)[number];

export const commitmentDirections = ['mine', 'theirs'] as const;
export type CommitmentDirection = (typeof commitmentDirections)[number];

export const commitmentStatuses = ['open', 'kept', 'renegotiated', 'released'] as const;
export type CommitmentStatus = (typeof commitmentStatuses)[number];

/** Where the gentle rhythm stands today. Never "overdue": only when the next contact was hoped for. */
export interface Rhythm {
  /** The latest logged contact (a check-in, later also a crew meeting both attended), or null. */
  lastContactOn: string | null;
  /** When the next contact is hoped for, or null without a rhythm or next date. */
  nextDueOn: string | null;
  /** Days since `nextDueOn` passed (0 when it has not); only meaningful for active dyads. */
  daysPast: number;
}

export interface Agreement {
  id: string;
  text: string;
}

export interface Dyad {
  id: string;
  personId: string;
  personName: string;
  kind: DyadKind;
  intention: string;
  startedOn: string | null;
  rhythmDays: number | null;
  status: DyadStatus;
  closingNote: string;
  closedOn: string | null;
  agreements: Agreement[];
  createdAt: string;
  updatedAt: string;
}

/** What a card on the Dyads page shows. */
export interface DyadCard {
  id: string;
  personId: string;
  personName: string;
  kind: DyadKind;
  intention: string;
  rhythmDays: number | null;
  status: DyadStatus;
  lastCheckinOn: string | null;
  rhythm: Rhythm;
  openMine: number;
  openTheirs: number;
}

export interface Checkin {
  id: string;
  dyadId: string;
  checkinDate: string;
  how: CheckinHow;
  iShared: string;
  iHeard: string;
  offersAsksFromMe: string;
  offersAsksFromThem: string;
  dial: number | null;
  partIds: string[];
  notes: string;
  nextCheckinDate: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CheckinSummary {
  id: string;
  checkinDate: string;
  how: CheckinHow;
  dial: number | null;
  excerpt: string;
}

export interface CheckinPage {
  checkins: CheckinSummary[];
  nextCursor: string | null;
}

export interface Commitment {
  id: string;
  dyadId: string;
  checkinId: string | null;
  direction: CommitmentDirection;
  text: string;
  madeOn: string;
  dueOn: string | null;
  status: CommitmentStatus;
  /** The new terms of a renegotiation, or the note that came with a release or a keeping. */
  outcomeNote: string;
  resolvedOn: string | null;
  renegotiatedFromId: string | null;
}

/** After a resolve: the commitment as it is now, and for a renegotiation the new open one. */
export interface CommitmentOutcome {
  commitment: Commitment;
  renewed: Commitment | null;
}

export interface DialPoint {
  checkinDate: string;
  dial: number;
}

export interface MonthCount {
  /** `YYYY-MM` */
  month: string;
  count: number;
}

/** Calendar arithmetic on `YYYY-MM-DD` days, in UTC so no time zone shifts a day. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

import type { CrewStage } from './crews';

/** A person: shared by every rung (dyads, crews, congregations, network hosts). */
export interface Person {
  id: string;
  name: string;
  howWeMet: string;
  notes: string;
  /** `YYYY-MM-DD`, or null when not known. */
  birthday: string | null;
  /** True for the one person who is you; a dyad is always with someone else. */
  isMe: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface PersonSummary {
  id: string;
  name: string;
  isMe: boolean;
  /** How many dyads (any status) this person is in with you. */
  dyadCount: number;
}

export interface PeoplePage {
  people: PersonSummary[];
  /** Pass back as `after` for the next page; null at the end. */
  nextCursor: string | null;
}

/** The groups a person is part of on the rungs above dyads. */
export interface PersonGroups {
  crews: { id: string; name: string; stage: CrewStage }[];
  congregations: { id: string; name: string }[];
  /** Networks they host (a host is a person too). */
  hostedNetworks: { id: string; name: string }[];
}

/** One moment on a person's timeline, newest first. */
export type TimelineItem =
  | { kind: 'checkin'; id: string; date: string; dyadId: string; how: string; dial: number | null; excerpt: string }
  | {
      kind: 'commitment';
      id: string;
      date: string;
      dyadId: string;
      direction: 'mine' | 'theirs';
      text: string;
      status: 'open' | 'kept' | 'renegotiated' | 'released';
      outcomeNote: string;
    }
  | { kind: 'entry'; id: string; date: string; title: string; excerpt: string }
  | { kind: 'dyad'; id: string; date: string; dyadKind: string }
  /** The day a dyad with them was closed, with the words it closed with (its id is the dyad's). */
  | { kind: 'dyadClosed'; id: string; date: string; dyadKind: string; closingNote: string }
  /** A crew meeting they attended (the Crews rung). */
  | { kind: 'meeting'; id: string; date: string; crewId: string; crewName: string; number: number };

export interface TimelinePage {
  items: TimelineItem[];
  nextCursor: string | null;
}

/**
 * "Me" who never gave a name: older archives (and anyone who left "Your name" empty) call the
 * person marked as me "Me", which means nothing in a file shared with others.
 */
export function isUnnamedMe(person: { name: string; isMe: boolean }): boolean {
  return person.isMe && person.name.trim().toLowerCase() === 'me';
}

/**
 * A person as every list names them: "Ana (you)" for the person marked as me, plain "Me" when I
 * gave no name (never "Me (you)"), and everyone else by name. One helper, so "you" reads the same
 * on every rung.
 */
export function personLabel(person: { name: string; isMe: boolean }): string {
  return person.isMe && !isUnnamedMe(person) ? `${person.name} (you)` : person.name;
}

import type { CrewStage } from './crews';

/** The Congregations rung: a crew of crews (about 15–150 people) whose main work is helping crews form. */

/** My role in a congregation, from the edge inwards (the 1-9-90 tiers, plus hosting and stewarding). */
export const congregationRoles = ['visitor', 'contributor', 'member', 'host', 'steward'] as const;
export type CongregationRole = (typeof congregationRoles)[number];

export const congregationRoleLabels: Record<CongregationRole, string> = {
  visitor: 'Visitor',
  contributor: 'Contributor',
  member: 'Member',
  host: 'Host',
  steward: 'Steward',
};

/** How someone took part in a gathering, from my point of view. */
export const gatheringRelations = ['temporary_crew', 'possible_crewmate'] as const;
export type GatheringRelation = (typeof gatheringRelations)[number];

/** A gentle look back is offered a week after a gathering, and rests after a month. */
export const followUpAfterDays = 7;
export const followUpRestsAfterDays = 30;

export interface PersonRef {
  personId: string;
  name: string;
  /** The person marked as me: lists name them with `personLabel` ("Ada (you)"). */
  isMe: boolean;
}

export interface Congregation {
  id: string;
  name: string;
  about: string;
  /** Roughly how many people; null when I don't know. */
  size: number | null;
  role: CongregationRole;
  createdAt: string;
  updatedAt: string;
}

export interface CongregationCard {
  id: string;
  name: string;
  about: string;
  size: number | null;
  role: CongregationRole;
  crewCount: number;
  peopleCount: number;
  lastGatheringOn: string | null;
}

export interface RoleChange {
  id: string;
  from: CongregationRole | null;
  to: CongregationRole;
  changedOn: string;
  note: string;
}

export interface CongregationCrew {
  crewId: string;
  name: string;
  stage: CrewStage;
  memberCount: number;
}

export interface CongregationPerson extends PersonRef {
  /** In no active crew I know of (split and closed crews don't count). */
  crewless: boolean;
}

export interface Gathering {
  id: string;
  congregationId: string;
  name: string;
  heldOn: string;
  place: string;
  harvest: string;
  temporaryCrew: PersonRef[];
  possibleCrewmates: PersonRef[];
  followedUpOn: string | null;
  /** True from a week after the gathering until I look back (or a month passes): a kind note, never a count. */
  followUpSuggested: boolean;
}

export interface SharedLesson {
  id: string;
  congregationId: string;
  crewId: string | null;
  crewName: string | null;
  retrospectiveId: string | null;
  text: string;
  sharedOn: string;
}

/** A retrospective of one of the congregation's crews, offered as a source of lessons to share. */
export interface RetrospectiveSource {
  id: string;
  crewId: string;
  crewName: string;
  heldOn: string;
  worked: string;
  didNotWork: string;
  change: string;
}

export interface CongregationDetail {
  congregation: Congregation;
  roleHistory: RoleChange[];
  crews: CongregationCrew[];
  people: CongregationPerson[];
  gatherings: Gathering[];
  lessons: SharedLesson[];
  retrospectives: RetrospectiveSource[];
  networks: { id: string; name: string }[];
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The kind look back after a gathering: from a week after it, until it is done or a month has passed. */
export function followUpSuggested(heldOn: string, followedUpOn: string | null, today: string): boolean {
  if (followedUpOn !== null) return false;
  return today >= addDays(heldOn, followUpAfterDays) && today <= addDays(heldOn, followUpRestsAfterDays);
}

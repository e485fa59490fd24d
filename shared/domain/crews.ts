/** The Crews rung: a crew (3–6 people), its life cycle, meetings, agenda and action items. */

export const crewStages = ['calling', 'forming', 'meeting', 'retrospective', 'continuing', 'paused', 'split', 'closed'] as const;
export type CrewStage = (typeof crewStages)[number];

/** Split and closed crews are past: their history stays readable, nothing new is added. */
export const pastStages: readonly CrewStage[] = ['split', 'closed'];

export const crewFormats = ['case_clinic', 'peer_coaching', 'co_working', 'mastermind', 'support_circle', 'custom'] as const;
export type CrewFormat = (typeof crewFormats)[number];

export const retroDecisions = ['new_cycle', 'pause', 'reshuffle', 'split', 'close'] as const;
export type RetroDecision = (typeof retroDecisions)[number];

/** Where each retrospective decision takes the crew. */
export const decisionStage: Record<RetroDecision, CrewStage> = {
  new_cycle: 'continuing',
  pause: 'paused',
  reshuffle: 'forming',
  split: 'split',
  close: 'closed',
};

/**
 * The stage changes a person may make by hand. A retrospective is reached only once the crew has
 * met in this cycle; leaving a retrospective happens through its decision.
 */
export const stageMoves: Record<CrewStage, readonly CrewStage[]> = {
  calling: ['forming', 'closed'],
  forming: ['calling', 'meeting', 'closed'],
  meeting: ['retrospective', 'paused', 'closed'],
  retrospective: ['continuing', 'paused', 'forming', 'split', 'closed'],
  continuing: ['retrospective', 'paused', 'closed'],
  paused: ['meeting', 'closed'],
  split: [],
  closed: [],
};

/** Stages in which a meeting can be recorded (calling and forming move on to meeting by themselves). */
export const meetingStages: readonly CrewStage[] = ['calling', 'forming', 'meeting', 'continuing', 'paused'];

export type SizeGuidance = 'still_calling' | 'good' | 'consider_splitting';

/** Under 3 the crew is still calling; 7 or more is a lot for one dinner table. */
export function sizeGuidance(memberCount: number): SizeGuidance {
  if (memberCount < 3) return 'still_calling';
  if (memberCount >= 7) return 'consider_splitting';
  return 'good';
}

export interface CrewMember {
  personId: string;
  name: string;
  isMe: boolean;
}

/** Kept here too, for the crew code that already imports it from this file. */
export { isUnnamedMe } from './people';

/** The name "Me" stands in for, when I leave mine empty while calling a crew. */
export const unnamedMe = 'Me';

export interface StageChange {
  id: string;
  from: CrewStage | null;
  to: CrewStage;
  changedOn: string;
  note: string;
}

export interface CycleProgress {
  cycle: number;
  /** Meetings held in this cycle. */
  held: number;
  /** Sessions planned for the cycle, if set. */
  sessions: number | null;
  endOn: string | null;
  /** The number the next session will have in this cycle. */
  next: number;
  /** True when the cycle's sessions are used up or its end date has passed: time for a retrospective. */
  complete: boolean;
  /** Why it is complete: its sessions are held, or its end date has passed (sessions win when both). */
  completeBecause: 'sessions' | 'end_date' | null;
}

export function cycleProgress(input: { cycle: number; held: number; sessions: number | null; endOn: string | null; today: string }): CycleProgress {
  const { cycle, held, sessions, endOn, today } = input;
  const sessionsHeld = sessions !== null && held >= sessions;
  const endPassed = endOn !== null && today > endOn;
  return { cycle, held, sessions, endOn, next: held + 1, complete: sessionsHeld || endPassed, completeBecause: sessionsHeld ? 'sessions' : endPassed ? 'end_date' : null };
}

export interface Crew {
  id: string;
  name: string;
  callerId: string | null;
  intention: string;
  format: CrewFormat;
  /** The name of a custom format, or a note on the chosen one. */
  formatNote: string;
  rhythmDays: number | null;
  cycleSessions: number | null;
  cycleEndOn: string | null;
  cycle: number;
  stage: CrewStage;
  startedOn: string;
  nextMeetingOn: string | null;
  closingNote: string;
  closedOn: string | null;
  members: CrewMember[];
  agreements: string[];
  createdAt: string;
  updatedAt: string;
}

export interface CrewCard {
  id: string;
  name: string;
  stage: CrewStage;
  memberCount: number;
  size: SizeGuidance;
  progress: CycleProgress;
  /** The date of the next meeting: the one set, or the last meeting plus the rhythm. */
  nextMeetingOn: string | null;
  closedOn: string | null;
}

export interface CrewList {
  active: CrewCard[];
  past: CrewCard[];
}

export interface AgendaItem {
  id: string;
  text: string;
  /** Who raised it; always null for a private item. */
  raisedById: string | null;
  /** My own note for my preparation: never shared, never in the Markdown. */
  private: boolean;
  status: 'open' | 'covered' | 'dropped';
  /** How many meetings it has carried over from. */
  carried: number;
  coveredMeetingId: string | null;
}

export interface ActionItem {
  id: string;
  text: string;
  ownerId: string;
  dueOn: string | null;
  status: 'open' | 'done' | 'dropped';
  meetingId: string | null;
  resolvedOn: string | null;
}

export interface MeetingSummary {
  id: string;
  number: number;
  cycle: number;
  heldOn: string;
  place: string;
  hostId: string | null;
  focusId: string | null;
}

export interface Meeting extends MeetingSummary {
  crewId: string;
  notes: string;
  checkins: { personId: string; attended: boolean; note: string }[];
  covered: AgendaItem[];
  actionItems: ActionItem[];
  partIds: string[];
  /** Open agenda items that were already on the agenda then: the ones this meeting could have covered. */
  coverable: AgendaItem[];
  /** Items on this meeting's agenda that stayed open then and were covered at a later meeting. */
  coveredLater: (AgendaItem & { coveredInNumber: number })[];
  /** My case-giver notes for this session, if I wrote any. */
  caseNotes: CaseNotes | null;
}

export interface Retrospective {
  id: string;
  cycle: number;
  heldOn: string;
  worked: string;
  didNotWork: string;
  change: string;
  decision: RetroDecision;
  /** Why deleting it would be unsafe (later history builds on its decision); null when it can go, with Undo. */
  deleteBlocked: string | null;
}

export interface RotationRow {
  personId: string;
  name: string;
  hosted: number;
  focus: number;
}

export interface CrewDetail {
  crew: Crew;
  card: CrewCard;
  stages: StageChange[];
  meetings: MeetingSummary[];
  retrospectives: Retrospective[];
  rotation: RotationRow[];
  openActionItems: ActionItem[];
  /** For a closed or split crew: how many action items its ending dropped, to be open again if it is reopened. */
  droppedAtEnding: number;
  /** People who were members once: their names stay on the meetings and items they took part in. */
  formerMembers: CrewMember[];
}

export interface Prep {
  crewId: string;
  crewName: string;
  date: string | null;
  session: CycleProgress;
  /** Where the crew meets next, if set by hand. */
  place: string;
  /** True when the date was set by hand, not worked out from the rhythm. */
  dateSetByHand: boolean;
  suggestedHostId: string | null;
  suggestedFocusId: string | null;
  /** The host and focus chosen by hand for the next meeting, else the suggestion. */
  hostId: string | null;
  focusId: string | null;
  hostChosen: boolean;
  focusChosen: boolean;
  carried: AgendaItem[];
  fresh: AgendaItem[];
  openActionItems: ActionItem[];
  members: CrewMember[];
  agreements: string[];
  /** True when the focus (chosen or suggested) is me: the prep shows the case-giver template. */
  iAmFocus: boolean;
  /** My case-giver notes for the next meeting, if I have written any. */
  caseNotes: CaseNotes | null;
  prompt: { id: string; text: string } | null;
}

/** Case Clinic's intention statement, written when I am the case-giver. */
export interface CaseNotes {
  situation: string;
  who: string;
  future: string;
  edge: string;
  help: string;
}

export const caseGiverTemplate: readonly { key: keyof CaseNotes; label: string }[] = [
  { key: 'situation', label: 'The situation' },
  { key: 'who', label: 'Who is involved' },
  { key: 'future', label: 'The future I want' },
  { key: 'edge', label: 'My learning edge' },
  { key: 'help', label: 'The help I ask for' },
];

export const emptyCase: CaseNotes = { situation: '', who: '', future: '', edge: '', help: '' };

export function isEmptyCase(notes: CaseNotes | null): boolean {
  return notes === null || caseGiverTemplate.every((t) => notes[t.key].trim() === '');
}

interface RotationEvent {
  number: number;
  personId: string | null;
}

/**
 * Whose turn it is: the member who has gone the fewest times, so nobody goes twice before
 * everyone has gone once; among equals, whoever went longest ago (never counts as longest), then
 * the order they joined. `avoid` (the host, when choosing a focus) is passed over whenever there
 * is anyone else: a host who is also the case-giver cannot hold the space for their own case. If
 * the host was the only one due, their focus turn waits for the next meeting, still first in line.
 */
export function nextInRotation(memberIds: readonly string[], events: readonly RotationEvent[], avoid: string | null = null): string | null {
  if (memberIds.length === 0) return null;
  const stats = memberIds.map((id, order) => {
    const mine = events.filter((e) => e.personId === id);
    return { id, order, count: mine.length, last: mine.reduce((max, e) => Math.max(max, e.number), 0) };
  });
  const others = stats.filter((s) => s.id !== avoid);
  const pool = others.length > 0 ? others : stats;
  pool.sort((a, b) => a.count - b.count || a.last - b.last || a.order - b.order);
  return pool[0]?.id ?? null;
}

export function addDaysTo(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

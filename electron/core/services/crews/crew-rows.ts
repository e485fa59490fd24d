import type { Kysely, Selectable } from 'kysely';
import {
  type ActionItem,
  type AgendaItem,
  type Crew,
  type CrewCard,
  type CrewFormat,
  type CrewMember,
  type CrewStage,
  addDaysTo,
  cycleProgress,
  sizeGuidance,
} from '../../../../shared/domain/crews';
import { LadderError } from '../../../../shared/errors';
import type { ActionItemTable, AgendaItemTable, CrewTable, Database } from '../../db/schema';

/** Reading crews and mapping their rows to domain values, shared by the crews services. */

export type CrewRow = Selectable<CrewTable>;

export async function liveCrew(db: Kysely<Database>, id: string, field: string): Promise<CrewRow> {
  const row = await db.selectFrom('crew').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new LadderError('not_found', 'That crew is not in your archive (or was deleted).', field);
  return row;
}

/** Members of the given crews, in the order they joined, in one query. */
export async function membersOf(db: Kysely<Database>, crewIds: readonly string[]): Promise<Map<string, CrewMember[]>> {
  const byCrew = new Map<string, CrewMember[]>();
  if (crewIds.length === 0) return byCrew;
  const rows = await db
    .selectFrom('crew_member')
    .innerJoin('person', 'person.id', 'crew_member.person_id')
    .select(['crew_member.crew_id', 'person.id', 'person.name', 'person.is_me'])
    .where('crew_member.crew_id', 'in', crewIds)
    .where('crew_member.deleted_at', 'is', null)
    .where('person.deleted_at', 'is', null)
    .orderBy('crew_member.position')
    .execute();
  for (const row of rows) {
    const list = byCrew.get(row.crew_id) ?? [];
    list.push({ personId: row.id, name: row.name, isMe: row.is_me === 1 });
    byCrew.set(row.crew_id, list);
  }
  return byCrew;
}

export async function crewOf(db: Kysely<Database>, row: CrewRow): Promise<Crew> {
  const [members, agreements] = await Promise.all([
    membersOf(db, [row.id]),
    db.selectFrom('crew_agreement').select('text').where('crew_id', '=', row.id).where('deleted_at', 'is', null).orderBy('position').execute(),
  ]);
  return {
    id: row.id,
    name: row.name,
    callerId: row.caller_id,
    intention: row.intention,
    format: row.format as CrewFormat,
    formatNote: row.format_note,
    rhythmDays: row.rhythm_days,
    cycleSessions: row.cycle_sessions,
    cycleEndOn: row.cycle_end_on,
    cycle: row.cycle,
    stage: row.stage as CrewStage,
    startedOn: row.started_on,
    nextMeetingOn: row.next_meeting_on,
    closingNote: row.closing_note,
    closedOn: row.closed_on,
    members: members.get(row.id) ?? [],
    agreements: agreements.map((a) => a.text),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface MeetingFacts {
  crew_id: string;
  held_in_cycle: number;
  last_held_on: string | null;
  /** The day of the crew's latest retrospective: the next meeting comes after it too. */
  last_retro_on: string | null;
}

/** How many meetings each crew held in its current cycle, and its last meeting's date. */
export async function meetingFacts(db: Kysely<Database>, crews: readonly CrewRow[]): Promise<Map<string, MeetingFacts>> {
  const facts = new Map<string, MeetingFacts>();
  if (crews.length === 0) return facts;
  const rows = await db
    .selectFrom('meeting')
    .innerJoin('crew', 'crew.id', 'meeting.crew_id')
    .select('meeting.crew_id')
    .select((eb) => eb.fn.sum<number>(eb.case().when('meeting.cycle', '=', eb.ref('crew.cycle')).then(1).else(0).end()).as('held_in_cycle'))
    .select((eb) => eb.fn.max('meeting.held_on').as('last_held_on'))
    .where('meeting.crew_id', 'in', crews.map((c) => c.id))
    .where('meeting.deleted_at', 'is', null)
    .groupBy('meeting.crew_id')
    .execute();
  const retros = await db
    .selectFrom('retrospective')
    .select('crew_id')
    .select((eb) => eb.fn.max('held_on').as('last_retro_on'))
    .where('crew_id', 'in', crews.map((c) => c.id))
    .where('deleted_at', 'is', null)
    .groupBy('crew_id')
    .execute();
  const none = (crewId: string): MeetingFacts => ({ crew_id: crewId, held_in_cycle: 0, last_held_on: null, last_retro_on: null });
  for (const row of rows) facts.set(row.crew_id, { ...none(row.crew_id), held_in_cycle: Number(row.held_in_cycle ?? 0), last_held_on: row.last_held_on ?? null });
  for (const row of retros) facts.set(row.crew_id, { ...(facts.get(row.crew_id) ?? none(row.crew_id)), last_retro_on: row.last_retro_on ?? null });
  return facts;
}

/**
 * The next meeting's date: the one set, else the rhythm counted from the latest of the last
 * meeting, the last retrospective (which may have started this cycle) and the day it was called.
 * Never a day before that latest meeting or retrospective.
 */
export function nextMeetingDate(row: CrewRow, facts: Pick<MeetingFacts, 'last_held_on' | 'last_retro_on'> | undefined): string | null {
  const lastHeldOn = facts?.last_held_on ?? null;
  const lastRetroOn = facts?.last_retro_on ?? null;
  if (row.next_meeting_on !== null && (lastHeldOn === null || row.next_meeting_on > lastHeldOn) && (lastRetroOn === null || row.next_meeting_on >= lastRetroOn)) {
    return row.next_meeting_on;
  }
  if (row.rhythm_days === null) return null;
  const from = [row.started_on, lastHeldOn, lastRetroOn].filter((d): d is string => d !== null).sort().at(-1) ?? row.started_on;
  return addDaysTo(from, row.rhythm_days);
}

/**
 * The next meeting as the crew stands: split and closed crews meet no more, and a paused crew's
 * rhythm rests, so only a date set by hand stands for it.
 */
export function upcomingMeetingDate(row: CrewRow, facts: Pick<MeetingFacts, 'last_held_on' | 'last_retro_on'> | undefined): string | null {
  if (row.stage === 'split' || row.stage === 'closed') return null;
  const date = nextMeetingDate(row, facts);
  return row.stage === 'paused' && date !== row.next_meeting_on ? null : date;
}

export function cardOf(row: CrewRow, memberCount: number, facts: MeetingFacts | undefined, today: string): CrewCard {
  return {
    id: row.id,
    name: row.name,
    stage: row.stage as CrewStage,
    memberCount,
    size: sizeGuidance(memberCount),
    progress: cycleProgress({ cycle: row.cycle, held: facts?.held_in_cycle ?? 0, sessions: row.cycle_sessions, endOn: row.cycle_end_on, today }),
    nextMeetingOn: upcomingMeetingDate(row, facts),
    closedOn: row.closed_on,
  };
}

export function toActionItem(row: Selectable<ActionItemTable>): ActionItem {
  return {
    id: row.id,
    text: row.text,
    ownerId: row.owner_id,
    dueOn: row.due_on,
    status: row.status as ActionItem['status'],
    meetingId: row.meeting_id,
    resolvedOn: row.resolved_on,
  };
}

/** `nextNumber` is the session number of the crew's next meeting; carry-over is counted from it. */
export function toAgendaItem(row: Selectable<AgendaItemTable>, nextNumber: number, coveredNumber: number | null): AgendaItem {
  const upTo = row.status === 'covered' && coveredNumber !== null ? coveredNumber : nextNumber;
  return {
    id: row.id,
    text: row.text,
    // Private items written before they were kept raiser-free still read as my own prep.
    raisedById: row.private === 1 ? null : row.raised_by_id,
    private: row.private === 1,
    status: row.status as AgendaItem['status'],
    carried: Math.max(0, upTo - row.first_number),
    // A deleted meeting's items keep its id (for Undo) while they are open again.
    coveredMeetingId: row.status === 'covered' ? row.covered_meeting_id : null,
  };
}

/** The number the crew's next meeting will have (across all cycles). */
export async function nextMeetingNumber(db: Kysely<Database>, crewId: string): Promise<number> {
  const row = await db
    .selectFrom('meeting')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('crew_id', '=', crewId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

/** Members must be current members of the crew; `field` names the input that was wrong. */
export function requireMember(members: readonly CrewMember[], personId: string, field: string, role: string) {
  if (!members.some((m) => m.personId === personId)) {
    throw new LadderError('validation', `The ${role} must be a member of the crew.`, field);
  }
}

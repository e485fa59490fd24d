import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import { type ActionItem, type AgendaItem, type CrewStage, type Meeting, meetingStages, pastStages } from '../../../../shared/domain/crews';
import { LadderError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import type { Database } from '../../db/schema';
import { newId } from '../../ids';
import { type CrewRow, liveCrew, membersOf, nextMeetingNumber, requireMember, toActionItem, toAgendaItem } from './crew-rows';
import { meetingOf } from './meeting-of';

/** Meetings, agenda items and action items: what a crew does between its stage changes. */
export function createMeetingsService(db: Kysely<Database>, clock: Clock) {
  const stamp = () => {
    const now = clock.now();
    return { id: newId(Date.parse(now)), created_at: now, updated_at: now, deleted_at: null };
  };

  function checkNotPast(row: CrewRow, field: string) {
    if (pastStages.includes(row.stage as CrewStage)) {
      throw new LadderError('conflict', 'This crew has ended; its history stays as it is.', field);
    }
  }

  return {
    /** Everything said about a held meeting, written in one transaction. */
    create: async (input: ParsedInput<'meetings.create'>): Promise<Meeting> =>
      db.transaction().execute(async (trx) => {
        const crew = await liveCrew(trx, input.crewId, 'crewId');
        checkNotPast(crew, 'crewId');
        if (!meetingStages.includes(crew.stage as CrewStage)) {
          throw new LadderError('validation', 'The crew is in its retrospective: finish it (its decision) before the next meeting.', 'crewId');
        }
        const members = (await membersOf(trx, [crew.id])).get(crew.id) ?? [];
        if (input.hostId !== null) requireMember(members, input.hostId, 'hostId', 'host');
        if (input.focusId !== null) requireMember(members, input.focusId, 'focusId', 'focus (case-giver)');
        input.attendeeIds.forEach((pid, i) => requireMember(members, pid, `attendeeIds.${i}`, 'person who attended'));
        input.checkinNotes.forEach((c, i) => requireMember(members, c.personId, `checkinNotes.${i}.personId`, 'person checking in'));
        input.actionItems.forEach((a, i) => requireMember(members, a.ownerId, `actionItems.${i}.ownerId`, 'owner of an action item'));
        if (input.coveredAgendaItemIds.length > 0) {
          const open = await trx
            .selectFrom('agenda_item')
            .select('id')
            .where('crew_id', '=', crew.id)
            .where('status', '=', 'open')
            .where('id', 'in', input.coveredAgendaItemIds)
            .where('deleted_at', 'is', null)
            .execute();
          const known = new Set(open.map((r) => r.id));
          const bad = input.coveredAgendaItemIds.findIndex((aid) => !known.has(aid));
          if (bad >= 0) throw new LadderError('not_found', 'That agenda item is not open on this crew’s agenda.', `coveredAgendaItemIds.${bad}`);
        }
        const partIds = [...new Set(input.partIds)];
        if (partIds.length > 0) {
          const found = await trx.selectFrom('part').select('id').where('id', 'in', partIds).where('deleted_at', 'is', null).execute();
          const known = new Set(found.map((r) => r.id));
          const bad = partIds.findIndex((pid) => !known.has(pid));
          if (bad >= 0) throw new LadderError('not_found', 'That part is not in your archive (or was deleted).', `partIds.${bad}`);
        }

        const now = clock.now();
        const number = await nextMeetingNumber(trx, crew.id);
        const meeting = { ...stamp(), crew_id: crew.id, number, cycle: crew.cycle, held_on: input.heldOn, place: input.place, host_id: input.hostId, focus_id: input.focusId, notes: input.notes };
        await trx.insertInto('meeting').values(meeting).execute();

        // No attendance given means everyone came.
        const came = new Set(input.attendeeIds.length > 0 ? input.attendeeIds : members.map((m) => m.personId));
        const notes = new Map(input.checkinNotes.map((c) => [c.personId, c.note]));
        for (const member of members) {
          await trx
            .insertInto('meeting_checkin_note')
            .values({ ...stamp(), meeting_id: meeting.id, person_id: member.personId, attended: came.has(member.personId) ? 1 : 0, note: notes.get(member.personId) ?? '' })
            .execute();
        }
        if (input.coveredAgendaItemIds.length > 0) {
          await trx.updateTable('agenda_item').set({ status: 'covered', covered_meeting_id: meeting.id, updated_at: now }).where('id', 'in', input.coveredAgendaItemIds).execute();
        }
        for (const action of input.actionItems) {
          await trx
            .insertInto('action_item')
            .values({ ...stamp(), crew_id: crew.id, meeting_id: meeting.id, text: action.text.trim(), owner_id: action.ownerId, due_on: action.dueOn, status: 'open', resolved_on: null })
            .execute();
        }
        for (const partId of partIds) {
          await trx.insertInto('meeting_part').values({ meeting_id: meeting.id, part_id: partId, created_at: now, updated_at: now, deleted_at: null }).execute();
        }
        // My case was written for this session while I seemed due to be its focus. Someone else
        // took the focus: the case waits for the next session rather than being filed under theirs.
        const me = members.find((m) => m.isMe);
        if (input.focusId !== null && input.focusId !== me?.personId) {
          const taken = await trx.selectFrom('crew_case').select('id').where('crew_id', '=', crew.id).where('number', '=', number + 1).where('deleted_at', 'is', null).executeTakeFirst();
          if (!taken) {
            await trx.updateTable('crew_case').set({ number: number + 1, updated_at: now }).where('crew_id', '=', crew.id).where('number', '=', number).where('deleted_at', 'is', null).execute();
          }
        }

        // The first meeting moves a calling or forming crew to meeting; a paused crew resumes.
        const stage = crew.stage as CrewStage;
        if (stage === 'calling' || stage === 'forming' || stage === 'paused') {
          await trx.updateTable('crew').set({ stage: 'meeting', updated_at: now }).where('id', '=', crew.id).execute();
          await trx
            .insertInto('crew_stage_change')
            .values({ ...stamp(), crew_id: crew.id, from_stage: stage, to_stage: 'meeting', changed_on: input.heldOn, note: stage === 'paused' ? 'Met again.' : 'First meeting.' })
            .execute();
        }
        // The plan for the next meeting is used up, unless it is for a day after this one.
        if (crew.next_meeting_on === null || crew.next_meeting_on <= input.heldOn) {
          await trx.updateTable('crew').set({ next_meeting_on: null, next_place: '', next_host_id: null, next_focus_id: null, updated_at: now }).where('id', '=', crew.id).execute();
        }
        return meetingOf(trx, meeting.id);
      }),

    get: async (input: ParsedInput<'meetings.get'>): Promise<Meeting> => meetingOf(db, input.id),

    addAgendaItem: async (input: ParsedInput<'agendaItems.add'>): Promise<AgendaItem> =>
      db.transaction().execute(async (trx) => {
        const crew = await liveCrew(trx, input.crewId, 'crewId');
        checkNotPast(crew, 'crewId');
        // A private item is my own prep: nobody else raised it, so any raiser given is left out.
        const raisedById = input.private ? null : input.raisedById;
        if (raisedById !== null) {
          const members = (await membersOf(trx, [crew.id])).get(crew.id) ?? [];
          requireMember(members, raisedById, 'raisedById', 'person who raised it');
        }
        const number = await nextMeetingNumber(trx, crew.id);
        const row = { ...stamp(), crew_id: crew.id, text: input.text.trim(), raised_by_id: raisedById, private: input.private ? 1 : 0, first_number: number, status: 'open', covered_meeting_id: null };
        await trx.insertInto('agenda_item').values(row).execute();
        return toAgendaItem(row, number, null);
      }),

    setAgendaItemStatus: async (input: ParsedInput<'agendaItems.setStatus'>): Promise<AgendaItem> =>
      db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('agenda_item').selectAll().where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst();
        if (!row) throw new LadderError('not_found', 'That agenda item is not in your archive.', 'id');
        if (row.status === 'covered') throw new LadderError('conflict', 'That item was covered in a meeting; it stays in that meeting’s record.', 'status');
        const updated_at = clock.now();
        await trx.updateTable('agenda_item').set({ status: input.status, updated_at }).where('id', '=', input.id).execute();
        return toAgendaItem({ ...row, status: input.status, updated_at }, await nextMeetingNumber(trx, row.crew_id), null);
      }),

    addActionItem: async (input: ParsedInput<'actionItems.add'>): Promise<ActionItem> =>
      db.transaction().execute(async (trx) => {
        const crew = await liveCrew(trx, input.crewId, 'crewId');
        checkNotPast(crew, 'crewId');
        const members = (await membersOf(trx, [crew.id])).get(crew.id) ?? [];
        requireMember(members, input.ownerId, 'ownerId', 'owner of an action item');
        if (input.meetingId !== null) {
          const meeting = await trx.selectFrom('meeting').select('id').where('id', '=', input.meetingId).where('crew_id', '=', crew.id).where('deleted_at', 'is', null).executeTakeFirst();
          if (!meeting) throw new LadderError('not_found', 'That meeting is not one of this crew’s.', 'meetingId');
        }
        const row = { ...stamp(), crew_id: crew.id, meeting_id: input.meetingId, text: input.text.trim(), owner_id: input.ownerId, due_on: input.dueOn, status: 'open', resolved_on: null };
        await trx.insertInto('action_item').values(row).execute();
        return toActionItem(row);
      }),

    setActionItemStatus: async (input: ParsedInput<'actionItems.setStatus'>): Promise<ActionItem> =>
      db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('action_item').selectAll().where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst();
        if (!row) throw new LadderError('not_found', 'That action item is not in your archive.', 'id');
        const next = { ...row, status: input.status, resolved_on: input.status === 'open' ? null : input.on, updated_at: clock.now() };
        await trx.updateTable('action_item').set({ status: next.status, resolved_on: next.resolved_on, updated_at: next.updated_at }).where('id', '=', input.id).execute();
        return toActionItem(next);
      }),
  };
}

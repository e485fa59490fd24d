import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import { type CaseNotes, type Crew, type CrewStage, pastStages } from '../../../../shared/domain/crews';
import { LadderError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import type { Database } from '../../db/schema';
import { newId } from '../../ids';
import { type CrewRow, crewOf, liveCrew, membersOf, nextMeetingNumber, requireMember } from './crew-rows';

/** Preparing the next meeting by hand: its plan (date, place, host, focus) and my case notes. */
export function createPlanService(db: Kysely<Database>, clock: Clock) {
  function checkNotPast(row: CrewRow, field: string) {
    if (pastStages.includes(row.stage as CrewStage)) throw new LadderError('conflict', 'This crew has ended; there is no next meeting to prepare.', field);
  }

  return {
    planNext: async (input: ParsedInput<'crews.planNext'>): Promise<Crew> =>
      db.transaction().execute(async (trx) => {
        const row = await liveCrew(trx, input.id, 'id');
        checkNotPast(row, 'id');
        const members = (await membersOf(trx, [row.id])).get(row.id) ?? [];
        if (input.hostId !== null) requireMember(members, input.hostId, 'hostId', 'host');
        if (input.focusId !== null) requireMember(members, input.focusId, 'focusId', 'focus (case-giver)');
        const changes = { next_meeting_on: input.on, next_place: input.place.trim(), next_host_id: input.hostId, next_focus_id: input.focusId, updated_at: clock.now() };
        await trx.updateTable('crew').set(changes).where('id', '=', row.id).execute();
        return crewOf(trx, { ...row, ...changes });
      }),

    saveCase: async (input: ParsedInput<'crews.saveCase'>): Promise<CaseNotes> =>
      db.transaction().execute(async (trx) => {
        const row = await liveCrew(trx, input.crewId, 'crewId');
        checkNotPast(row, 'crewId');
        const number = await nextMeetingNumber(trx, row.id);
        const notes: CaseNotes = { situation: input.situation, who: input.who, future: input.future, edge: input.edge, help: input.help };
        const now = clock.now();
        const existing = await trx.selectFrom('crew_case').select('id').where('crew_id', '=', row.id).where('number', '=', number).where('deleted_at', 'is', null).executeTakeFirst();
        if (existing) {
          await trx.updateTable('crew_case').set({ ...notes, updated_at: now }).where('id', '=', existing.id).execute();
        } else {
          await trx
            .insertInto('crew_case')
            .values({ id: newId(Date.parse(now)), crew_id: row.id, number, ...notes, created_at: now, updated_at: now, deleted_at: null })
            .execute();
        }
        return notes;
      }),
  };
}

/** My case notes for one session of a crew, if any. */
export async function caseFor(db: Kysely<Database>, crewId: string, number: number): Promise<CaseNotes | null> {
  const row = await db
    .selectFrom('crew_case')
    .select(['situation', 'who', 'future', 'edge', 'help'])
    .where('crew_id', '=', crewId)
    .where('number', '=', number)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row ?? null;
}

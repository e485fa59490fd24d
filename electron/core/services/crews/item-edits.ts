import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import { type ActionItem, type AgendaItem, type CrewStage, pastStages } from '../../../../shared/domain/crews';
import { LadderError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import type { Database } from '../../db/schema';
import { liveCrew, membersOf, nextMeetingNumber, requireMember, toActionItem, toAgendaItem } from './crew-rows';

/**
 * Correcting an agenda item or an action item after it was written (a typo, the wrong owner). The
 * search index follows by itself: 0009's triggers re-index `text` and `due_on` on UPDATE.
 */
export function createItemEdits(db: Kysely<Database>, clock: Clock) {
  /** The item's crew, live and not ended, with its current members. */
  async function crewFor(trx: Kysely<Database>, crewId: string) {
    const crew = await liveCrew(trx, crewId, 'id');
    if (pastStages.includes(crew.stage as CrewStage)) throw new LadderError('conflict', 'This crew has ended; its history stays as it is.', 'id');
    return { crew, members: (await membersOf(trx, [crew.id])).get(crew.id) ?? [] };
  }

  return {
    updateActionItem: async (input: ParsedInput<'actionItems.update'>): Promise<ActionItem> =>
      db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('action_item').selectAll().where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst();
        if (!row) throw new LadderError('not_found', 'That action item is not in your archive (or was deleted).', 'id');
        const { members } = await crewFor(trx, row.crew_id);
        // Keeping the owner already named is fine even if they have left: only a change is checked.
        if (input.ownerId !== row.owner_id) requireMember(members, input.ownerId, 'ownerId', 'owner of an action item');
        const next = { ...row, text: input.text.trim(), owner_id: input.ownerId, due_on: input.dueOn, updated_at: clock.now() };
        await trx
          .updateTable('action_item')
          .set({ text: next.text, owner_id: next.owner_id, due_on: next.due_on, updated_at: next.updated_at })
          .where('id', '=', row.id)
          .execute();
        return toActionItem(next);
      }),

    updateAgendaItem: async (input: ParsedInput<'agendaItems.update'>): Promise<AgendaItem> =>
      db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('agenda_item').selectAll().where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst();
        if (!row) throw new LadderError('not_found', 'That agenda item is not in your archive (or was deleted).', 'id');
        const { members } = await crewFor(trx, row.crew_id);
        // A private item is my own prep: it has no raiser, whatever was chosen before.
        const raisedById = input.private ? null : input.raisedById;
        if (raisedById !== null && raisedById !== row.raised_by_id) requireMember(members, raisedById, 'raisedById', 'person who raised it');
        const next = { ...row, text: input.text.trim(), raised_by_id: raisedById, private: input.private ? 1 : 0, updated_at: clock.now() };
        await trx
          .updateTable('agenda_item')
          .set({ text: next.text, raised_by_id: next.raised_by_id, private: next.private, updated_at: next.updated_at })
          .where('id', '=', row.id)
          .execute();
        // Carry-over counts up to the meeting that covered it, or the next one while it is open.
        const covered =
          row.status === 'covered' && row.covered_meeting_id !== null
            ? await trx.selectFrom('meeting').select('number').where('id', '=', row.covered_meeting_id).executeTakeFirst()
            : undefined;
        return toAgendaItem(next, await nextMeetingNumber(trx, row.crew_id), covered?.number ?? null);
      }),
  };
}

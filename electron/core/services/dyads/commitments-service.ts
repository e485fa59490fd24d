import type { Kysely, Selectable } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import { limits } from '../../../../shared/contract/fields';
import type { Commitment, CommitmentDirection, CommitmentOutcome, CommitmentStatus } from '../../../../shared/domain/dyads';
import { LadderError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import type { CommitmentTable, Database } from '../../db/schema';
import { newId } from '../../ids';
import { liveDyad } from './dyads-service';

type CommitmentRow = Selectable<CommitmentTable>;

export function toCommitment(row: CommitmentRow): Commitment {
  return {
    id: row.id,
    dyadId: row.dyad_id,
    checkinId: row.checkin_id,
    direction: row.direction as CommitmentDirection,
    text: row.text,
    madeOn: row.made_on,
    dueOn: row.due_on,
    status: row.status as CommitmentStatus,
    outcomeNote: row.outcome_note,
    resolvedOn: row.resolved_on,
    renegotiatedFromId: row.renegotiated_from_id,
  };
}

const statusWords: Record<CommitmentStatus, string> = {
  open: 'open',
  kept: 'kept',
  renegotiated: 'renegotiated',
  released: 'released',
};

export function createCommitmentsService(db: Kysely<Database>, clock: Clock) {
  async function liveCommitment(trx: Kysely<Database>, id: string) {
    const row = await trx
      .selectFrom('commitment')
      .innerJoin('dyad', 'dyad.id', 'commitment.dyad_id')
      .innerJoin('person', 'person.id', 'dyad.person_id')
      .selectAll('commitment')
      .where('commitment.id', '=', id)
      .where('commitment.deleted_at', 'is', null)
      .where('dyad.deleted_at', 'is', null)
      .where('person.deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw new LadderError('not_found', 'That commitment is not in your archive (or was deleted).', 'id');
    return row;
  }

  function checkDue(madeOn: string, dueOn: string | null, field: string) {
    if (dueOn !== null && dueOn < madeOn) {
      throw new LadderError('validation', 'This date is before the commitment was made; choose that day or a later one.', field);
    }
  }

  async function insert(trx: Kysely<Database>, values: Omit<CommitmentRow, 'id' | 'created_at' | 'updated_at' | 'deleted_at'>) {
    const now = clock.now();
    const row: CommitmentRow = { ...values, id: newId(Date.parse(now)), created_at: now, updated_at: now, deleted_at: null };
    await trx.insertInto('commitment').values(row).execute();
    return row;
  }

  return {
    create: async (input: ParsedInput<'commitments.create'>): Promise<Commitment> =>
      db.transaction().execute(async (trx) => {
        await liveDyad(trx, input.dyadId, 'dyadId');
        if (input.checkinId !== null) {
          const checkin = await trx
            .selectFrom('checkin')
            .select('dyad_id')
            .where('id', '=', input.checkinId)
            .where('deleted_at', 'is', null)
            .executeTakeFirst();
          if (!checkin) throw new LadderError('not_found', 'That check-in is not in your archive (or was deleted).', 'checkinId');
          if (checkin.dyad_id !== input.dyadId) {
            throw new LadderError('validation', 'That check-in belongs to another dyad.', 'checkinId');
          }
        }
        checkDue(input.madeOn, input.dueOn, 'dueOn');
        const row = await insert(trx, {
          dyad_id: input.dyadId,
          checkin_id: input.checkinId,
          direction: input.direction,
          text: input.text,
          made_on: input.madeOn,
          due_on: input.dueOn,
          status: 'open',
          outcome_note: '',
          resolved_on: null,
          renegotiated_from_id: null,
        });
        return toCommitment(row);
      }),

    update: async (input: ParsedInput<'commitments.update'>): Promise<Commitment> =>
      db.transaction().execute(async (trx) => {
        const current = await liveCommitment(trx, input.id);
        if (current.status !== 'open') {
          throw new LadderError('conflict', `This commitment was already ${statusWords[current.status as CommitmentStatus]}, so it stays as it was.`, 'id');
        }
        const next = { ...current, text: input.text ?? current.text, due_on: input.dueOn === undefined ? current.due_on : input.dueOn, updated_at: clock.now() };
        checkDue(next.made_on, next.due_on, 'dueOn');
        await trx.updateTable('commitment').set({ text: next.text, due_on: next.due_on, updated_at: next.updated_at }).where('id', '=', input.id).execute();
        return toCommitment(next);
      }),

    resolve: async (input: ParsedInput<'commitments.resolve'>): Promise<CommitmentOutcome> =>
      db.transaction().execute(async (trx) => {
        const current = await liveCommitment(trx, input.id);
        if (current.status !== 'open') {
          throw new LadderError('conflict', `This commitment was already ${statusWords[current.status as CommitmentStatus]}.`, 'status');
        }
        if (input.on < current.made_on) {
          throw new LadderError('validation', 'This day is before the commitment was made.', 'on');
        }
        const outcomeNote = input.status === 'renegotiated' ? input.newTerms : input.note;
        const now = clock.now();
        await trx
          .updateTable('commitment')
          .set({ status: input.status, outcome_note: outcomeNote, resolved_on: input.on, updated_at: now })
          .where('id', '=', input.id)
          .execute();
        const commitment = toCommitment({ ...current, status: input.status, outcome_note: outcomeNote, resolved_on: input.on, updated_at: now });
        if (input.status !== 'renegotiated') return { commitment, renewed: null };
        checkDue(input.on, input.newDueOn, 'newDueOn');
        // The new terms carry on as an open commitment, linked back to what they replace.
        const renewed = await insert(trx, {
          dyad_id: current.dyad_id,
          checkin_id: null,
          direction: current.direction,
          text: input.newTerms,
          made_on: input.on,
          due_on: input.newDueOn,
          status: 'open',
          outcome_note: '',
          resolved_on: null,
          renegotiated_from_id: current.id,
        });
        return { commitment, renewed: toCommitment(renewed) };
      }),

    reopen: async (input: ParsedInput<'commitments.reopen'>): Promise<Commitment> =>
      db.transaction().execute(async (trx) => {
        const current = await liveCommitment(trx, input.id);
        if (current.status === 'open') throw new LadderError('conflict', 'This commitment is already open.', 'id');
        const now = clock.now();
        if (current.status === 'renegotiated') {
          // The new terms came from this renegotiation, so they go with it; settled since, they are history to keep.
          const renewed = await trx
            .selectFrom('commitment')
            .select(['id', 'status'])
            // By dyad first: the dyad's index finds its few commitments, no scan of the table.
            .where('dyad_id', '=', current.dyad_id)
            .where('renegotiated_from_id', '=', current.id)
            .where('deleted_at', 'is', null)
            .execute();
          const settled = renewed.find((row) => row.status !== 'open');
          if (settled) {
            throw new LadderError(
              'conflict',
              `The new terms were already ${statusWords[settled.status as CommitmentStatus]}, so this renegotiation stays as it was.`,
              'id',
            );
          }
          if (renewed.length > 0) {
            await trx
              .updateTable('commitment')
              .set({ deleted_at: now, updated_at: now })
              .where('id', 'in', renewed.map((row) => row.id))
              .execute();
          }
        }
        const reopened = { ...current, status: 'open', outcome_note: '', resolved_on: null, updated_at: now };
        await trx
          .updateTable('commitment')
          .set({ status: reopened.status, outcome_note: reopened.outcome_note, resolved_on: reopened.resolved_on, updated_at: now })
          .where('id', '=', input.id)
          .execute();
        return toCommitment(reopened);
      }),

    list: async (input: ParsedInput<'commitments.list'>): Promise<Commitment[]> => {
      await liveDyad(db, input.dyadId, 'dyadId');
      let query = db.selectFrom('commitment').selectAll().where('dyad_id', '=', input.dyadId).where('deleted_at', 'is', null);
      if (input.which === 'open') query = query.where('status', '=', 'open');
      const rows = await (input.which === 'open'
        ? query.orderBy('made_on').orderBy('id')
        : query.orderBy('made_on', 'desc').orderBy('id', 'desc')
      )
        .limit(limits.listSize)
        .execute();
      return rows.map(toCommitment);
    },

    delete: async (input: ParsedInput<'commitments.delete'>): Promise<{ id: string }> => {
      await liveCommitment(db, input.id);
      const now = clock.now();
      await db.updateTable('commitment').set({ deleted_at: now, updated_at: now }).where('id', '=', input.id).execute();
      return { id: input.id };
    },

    restore: async (input: ParsedInput<'commitments.restore'>): Promise<Commitment> => {
      const exists = await db.selectFrom('commitment').select('id').where('id', '=', input.id).executeTakeFirst();
      if (!exists) throw new LadderError('not_found', 'That commitment is not in your archive.', 'id');
      await db.updateTable('commitment').set({ deleted_at: null, updated_at: clock.now() }).where('id', '=', input.id).execute();
      return toCommitment(await liveCommitment(db, input.id));
    },
  };
}

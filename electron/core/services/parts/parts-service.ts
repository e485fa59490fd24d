import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import type { EntryPage } from '../../../../shared/domain/journal';
import { protectorDraftKey } from '../../../../shared/domain/protector-reflection';
import type { Part, PartDetail, PartMap, PartRelation, PartStatus } from '../../../../shared/domain/self';
import { LadderError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import type { Database, PartRow } from '../../db/schema';
import { newId } from '../../ids';
import { listEntries } from '../journal/journal-list';
import { checkNameFree, liveRelations, livePart, nextColour, recordStatus, relationEnds, toPart, toRelation } from './part-rows';

export function createPartsService(db: Kysely<Database>, clock: Clock) {
  return {
    create: async (input: ParsedInput<'parts.create'>): Promise<Part> => {
      return db.transaction().execute(async (trx) => {
        await checkNameFree(trx, input.name, null);
        const now = clock.now();
        const row: PartRow = {
          id: newId(Date.parse(now)),
          name: input.name,
          role: input.role,
          colour: input.colour ?? (await nextColour(trx)),
          body_location: input.bodyLocation,
          apparent_age: input.apparentAge,
          job: input.job,
          positive_intent: input.positiveIntent,
          fears: input.fears,
          trailheads: input.trailheads,
          trust: input.trust,
          status: input.status,
          notes: input.notes,
          map_x: null,
          map_y: null,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        };
        await trx.insertInto('part').values(row).execute();
        await recordStatus(trx, row.id, row.status, now);
        return toPart(row);
      });
    },

    update: async (input: ParsedInput<'parts.update'>): Promise<Part> => {
      return db.transaction().execute(async (trx) => {
        const current = await livePart(trx, input.id);
        if (input.name !== undefined) await checkNameFree(trx, input.name, input.id);
        const now = clock.now();
        const next: PartRow = {
          ...current,
          name: input.name ?? current.name,
          role: input.role ?? current.role,
          colour: input.colour ?? current.colour,
          body_location: input.bodyLocation ?? current.body_location,
          apparent_age: input.apparentAge ?? current.apparent_age,
          job: input.job ?? current.job,
          positive_intent: input.positiveIntent ?? current.positive_intent,
          fears: input.fears ?? current.fears,
          trailheads: input.trailheads ?? current.trailheads,
          trust: input.trust === undefined ? current.trust : input.trust,
          status: input.status ?? current.status,
          notes: input.notes ?? current.notes,
          updated_at: now,
        };
        const { id: _id, created_at: _created, deleted_at: _deleted, ...changes } = next;
        await trx.updateTable('part').set(changes).where('id', '=', input.id).execute();
        if (next.status !== current.status) await recordStatus(trx, input.id, next.status, now);
        return toPart(next);
      });
    },

    get: async (input: ParsedInput<'parts.get'>): Promise<PartDetail> => {
      const row = await livePart(db, input.id);
      const history = await db
        .selectFrom('part_status_change')
        .select(['id', 'status', 'created_at'])
        .where('part_id', '=', input.id)
        .where('deleted_at', 'is', null)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return {
        part: toPart(row),
        statusHistory: history.map((h) => ({ id: h.id, status: h.status as PartStatus, changedAt: h.created_at })),
        relations: await liveRelations(db, input.id),
      };
    },

    list: async (): Promise<Part[]> => {
      const rows = await db.selectFrom('part').selectAll().where('deleted_at', 'is', null).orderBy('name').limit(500).execute();
      return rows.map(toPart).sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
    },

    delete: async (input: ParsedInput<'parts.delete'>): Promise<{ id: string }> => {
      return db.transaction().execute(async (trx) => {
        await livePart(trx, input.id);
        const now = clock.now();
        await trx.updateTable('part').set({ deleted_at: now, updated_at: now }).where('id', '=', input.id).execute();
        // Its relations go with it, stamped with the same moment so a restore brings back exactly these.
        await trx
          .updateTable('part_relation')
          .set({ deleted_at: now, updated_at: now })
          .where('deleted_at', 'is', null)
          .where((eb) => eb.or([eb('part_id', '=', input.id), eb('other_part_id', '=', input.id)]))
          .execute();
        // A 6 F's reflection started from it and kept as a draft goes too (its page, the only way
        // back to it, is gone), stamped the same way so Undo brings it back with the part.
        await trx
          .updateTable('draft')
          .set({ deleted_at: now })
          .where('key', '=', protectorDraftKey(input.id))
          .where('deleted_at', 'is', null)
          .execute();
        return { id: input.id };
      });
    },

    restore: async (input: ParsedInput<'parts.restore'>): Promise<Part> => {
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('part').selectAll().where('id', '=', input.id).executeTakeFirst();
        if (!row) throw new LadderError('not_found', 'That part does not exist.', 'id');
        if (row.deleted_at === null) return toPart(row);
        await checkNameFree(trx, row.name, row.id);
        const now = clock.now();
        await trx.updateTable('part').set({ deleted_at: null, updated_at: now }).where('id', '=', input.id).execute();
        await trx
          .updateTable('part_relation')
          .set({ deleted_at: null, updated_at: now })
          .where('deleted_at', '=', row.deleted_at)
          .where((eb) => eb.or([eb('part_id', '=', input.id), eb('other_part_id', '=', input.id)]))
          .execute();
        // Its kept reflection, unless another was started for it since (one draft per key).
        const key = protectorDraftKey(input.id);
        const live = await trx.selectFrom('draft').select('id').where('key', '=', key).where('deleted_at', 'is', null).executeTakeFirst();
        if (!live) await trx.updateTable('draft').set({ deleted_at: null }).where('key', '=', key).where('deleted_at', '=', row.deleted_at).execute();
        return toPart({ ...row, deleted_at: null, updated_at: now });
      });
    },

    relate: async (input: ParsedInput<'parts.relate'>): Promise<PartRelation> => {
      if (input.partId === input.otherPartId) {
        throw new LadderError('validation', 'A part cannot be related to itself. Choose another part.', 'otherPartId');
      }
      return db.transaction().execute(async (trx) => {
        await livePart(trx, input.partId, 'partId');
        await livePart(trx, input.otherPartId, 'otherPartId');
        const [from, to] = relationEnds(input.kind, input.partId, input.otherPartId);
        const existing = await trx
          .selectFrom('part_relation')
          .select(['id', 'kind', 'part_id', 'other_part_id'])
          .where('part_id', '=', from)
          .where('other_part_id', '=', to)
          .where('kind', '=', input.kind)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (existing) return toRelation(existing);
        const now = clock.now();
        const row = { id: newId(Date.parse(now)), part_id: from, other_part_id: to, kind: input.kind, created_at: now, updated_at: now, deleted_at: null };
        await trx.insertInto('part_relation').values(row).execute();
        return toRelation(row);
      });
    },

    unrelate: async (input: ParsedInput<'parts.unrelate'>): Promise<{ id: string }> => {
      const now = clock.now();
      const result = await db
        .updateTable('part_relation')
        .set({ deleted_at: now, updated_at: now })
        .where('id', '=', input.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new LadderError('not_found', 'That relation does not exist or was removed.', 'id');
      return { id: input.id };
    },

    appearances: async (input: ParsedInput<'parts.appearances'>): Promise<EntryPage> => {
      await livePart(db, input.partId, 'partId');
      return listEntries(db, { partId: input.partId, after: input.after, limit: input.limit });
    },

    map: async (): Promise<PartMap> => {
      const rows = await db.selectFrom('part').selectAll().where('deleted_at', 'is', null).orderBy('id').limit(500).execute();
      return { parts: rows.map(toPart), relations: await liveRelations(db, null) };
    },

    place: async (input: ParsedInput<'parts.place'>): Promise<{ placed: number }> => {
      return db.transaction().execute(async (trx) => {
        const now = clock.now();
        for (const [index, position] of input.positions.entries()) {
          const result = await trx
            .updateTable('part')
            .set({ map_x: Math.round(position.x * 10) / 10, map_y: Math.round(position.y * 10) / 10, updated_at: now })
            .where('id', '=', position.id)
            .where('deleted_at', 'is', null)
            .executeTakeFirst();
          // Throwing rolls back the whole drag: nothing half-placed.
          if (Number(result.numUpdatedRows) === 0) {
            throw new LadderError('not_found', 'That part does not exist or was deleted.', `positions.${index}.id`);
          }
        }
        return { placed: input.positions.length };
      });
    },
  };
}

export type PartsService = ReturnType<typeof createPartsService>;

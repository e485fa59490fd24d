import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import { type MapSnapshot, type MapSnapshotSummary, mapPositions, type SnapshotMap } from '../../../../shared/domain/self';
import { LadderError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import type { Database } from '../../db/schema';
import { newId } from '../../ids';
import { liveRelations, toPart } from './part-rows';

/** Dated copies of the parts map: maps date fast, so earlier ones are kept to compare. */

function parseMap(text: string): SnapshotMap {
  // Written only by `create` below; an unreadable one shows as an empty map rather than failing.
  try {
    const value = JSON.parse(text) as Partial<SnapshotMap>;
    return { parts: Array.isArray(value.parts) ? value.parts : [], relations: Array.isArray(value.relations) ? value.relations : [] };
  } catch {
    return { parts: [], relations: [] };
  }
}

export function createMapSnapshotService(db: Kysely<Database>, clock: Clock) {
  return {
    create: async (input: ParsedInput<'mapSnapshots.create'>): Promise<MapSnapshot> => {
      return db.transaction().execute(async (trx) => {
        const parts = (await trx.selectFrom('part').selectAll().where('deleted_at', 'is', null).orderBy('id').execute()).map(toPart);
        const positions = mapPositions(parts);
        const map: SnapshotMap = {
          parts: parts.map((part) => ({
            id: part.id,
            name: part.name,
            role: part.role,
            colour: part.colour,
            status: part.status,
            x: positions.get(part.id)?.x ?? 0,
            y: positions.get(part.id)?.y ?? 0,
          })),
          relations: (await liveRelations(trx, null)).map(({ kind, partId, otherPartId }) => ({ kind, partId, otherPartId })),
        };
        const now = clock.now();
        const row = { id: newId(Date.parse(now)), taken_on: input.takenOn, note: input.note.trim(), map: JSON.stringify(map), created_at: now, updated_at: now, deleted_at: null };
        await trx.insertInto('part_map_snapshot').values(row).execute();
        return { id: row.id, takenOn: row.taken_on, note: row.note, map, createdAt: now };
      });
    },

    list: async (): Promise<MapSnapshotSummary[]> => {
      const rows = await db
        .selectFrom('part_map_snapshot')
        .select(['id', 'taken_on', 'note', 'map'])
        .where('deleted_at', 'is', null)
        .orderBy('taken_on', 'desc')
        .orderBy('id', 'desc')
        .limit(200)
        .execute();
      return rows.map((row) => ({ id: row.id, takenOn: row.taken_on, note: row.note, partCount: parseMap(row.map).parts.length }));
    },

    get: async (input: ParsedInput<'mapSnapshots.get'>): Promise<MapSnapshot> => {
      const row = await db.selectFrom('part_map_snapshot').selectAll().where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst();
      if (!row) throw new LadderError('not_found', 'That snapshot does not exist or was deleted.', 'id');
      return { id: row.id, takenOn: row.taken_on, note: row.note, map: parseMap(row.map), createdAt: row.created_at };
    },

    delete: async (input: ParsedInput<'mapSnapshots.delete'>): Promise<{ id: string }> => {
      const now = clock.now();
      const result = await db
        .updateTable('part_map_snapshot')
        .set({ deleted_at: now, updated_at: now })
        .where('id', '=', input.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new LadderError('not_found', 'That snapshot does not exist or was deleted.', 'id');
      return { id: input.id };
    },
  };
}

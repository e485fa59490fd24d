import { type Kysely, sql, type Transaction } from 'kysely';
import {
  isSymmetric,
  type Part,
  type PartColour,
  partColours,
  type PartRelation,
  type PartRole,
  type PartStatus,
  type RelationKind,
} from '../../../../shared/domain/self';
import { LadderError } from '../../../../shared/errors';
import type { Database, PartRow } from '../../db/schema';
import { newId } from '../../ids';

/** Parts as rows and back, and the lookups every part request shares. */

export type Db = Kysely<Database> | Transaction<Database>;

export function toPart(row: PartRow): Part {
  return {
    id: row.id,
    name: row.name,
    role: row.role as PartRole,
    colour: row.colour as PartColour,
    bodyLocation: row.body_location,
    apparentAge: row.apparent_age,
    job: row.job,
    positiveIntent: row.positive_intent,
    fears: row.fears,
    trailheads: row.trailheads,
    trust: row.trust,
    status: row.status as PartStatus,
    notes: row.notes,
    mapX: row.map_x,
    mapY: row.map_y,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toRelation(row: { id: string; kind: string; part_id: string; other_part_id: string }): PartRelation {
  return { id: row.id, kind: row.kind as RelationKind, partId: row.part_id, otherPartId: row.other_part_id };
}

export async function livePart(db: Db, id: string, field = 'id') {
  const row = await db.selectFrom('part').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new LadderError('not_found', 'That part does not exist or was deleted.', field);
  return row;
}

/** Refuses a name another live part already has (ignoring case): a chip must mean one part. */
export async function checkNameFree(db: Db, name: string, exceptId: string | null, field = 'name') {
  let query = db
    .selectFrom('part')
    .select(['id', 'name'])
    .where(sql<boolean>`name = ${name} COLLATE NOCASE`)
    .where('deleted_at', 'is', null);
  if (exceptId !== null) query = query.where('id', '<>', exceptId);
  const clash = await query.executeTakeFirst();
  if (clash) throw new LadderError('validation', `You already have a part called "${clash.name}". Give this one another name.`, field);
}

/** The next colour of the palette, so new parts look different from the last ones. */
export async function nextColour(db: Db): Promise<PartColour> {
  const { count } = await db
    .selectFrom('part')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return partColours[Number(count) % partColours.length] ?? 'sage';
}

export async function recordStatus(trx: Transaction<Database>, partId: string, status: string, now: string) {
  await trx
    .insertInto('part_status_change')
    .values({ id: newId(Date.parse(now)), part_id: partId, status, created_at: now, updated_at: now, deleted_at: null })
    .execute();
}

/** Live relations whose two parts are both live; for one part, or for all when `partId` is null. */
export async function liveRelations(db: Db, partId: string | null): Promise<PartRelation[]> {
  let query = db
    .selectFrom('part_relation as r')
    .innerJoin('part as a', 'a.id', 'r.part_id')
    .innerJoin('part as b', 'b.id', 'r.other_part_id')
    .select(['r.id', 'r.kind', 'r.part_id', 'r.other_part_id'])
    .where('r.deleted_at', 'is', null)
    .where('a.deleted_at', 'is', null)
    .where('b.deleted_at', 'is', null);
  if (partId !== null) query = query.where((eb) => eb.or([eb('r.part_id', '=', partId), eb('r.other_part_id', '=', partId)]));
  const rows = await query.orderBy('r.id').execute();
  return rows.map(toRelation);
}

/** Polarised and allied are stored once for a pair, the lower id first. */
export function relationEnds(kind: RelationKind, partId: string, otherPartId: string): [string, string] {
  if (isSymmetric(kind) && otherPartId < partId) return [otherPartId, partId];
  return [partId, otherPartId];
}

import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import {
  type Congregation,
  type CongregationRole,
  type Gathering,
  type GatheringRelation,
  followUpSuggested,
  type PersonRef,
  type SharedLesson,
} from '../../../../shared/domain/congregations';
import { LadderError } from '../../../../shared/errors';
import type { CongregationTable, Database, GatheringTable } from '../../db/schema';

/** Reading congregations and gatherings and mapping rows to domain values. */

export type Db = Kysely<Database> | Transaction<Database>;
export type CongregationRow = Selectable<CongregationTable>;
export type GatheringRow = Selectable<GatheringTable>;

export function toCongregation(row: CongregationRow): Congregation {
  return {
    id: row.id,
    name: row.name,
    about: row.about,
    size: row.size,
    role: row.role as CongregationRole,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function liveCongregation(db: Db, id: string, field: string): Promise<CongregationRow> {
  const row = await db.selectFrom('congregation').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new LadderError('not_found', 'That congregation is not in your archive (or was deleted).', field);
  return row;
}

export async function liveGathering(db: Db, id: string, field = 'id'): Promise<GatheringRow> {
  const row = await db.selectFrom('gathering').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new LadderError('not_found', 'That gathering is not in your archive (or was deleted).', field);
  return row;
}

/** Checks every id names a live person, in one query; the error names the first unknown one. */
export async function checkPeople(db: Db, ids: readonly string[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set(
    (await db.selectFrom('person').select('id').where('id', 'in', [...new Set(ids)]).where('deleted_at', 'is', null).execute()).map((r) => r.id),
  );
  const missing = ids.findIndex((personId) => !found.has(personId));
  if (missing >= 0) throw new LadderError('not_found', 'That person is not in your archive (or was deleted).', `${field}.${missing}`);
}

export async function checkCrew(db: Db, id: string, field: string): Promise<void> {
  const row = await db.selectFrom('crew').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new LadderError('not_found', 'That crew is not in your archive (or was deleted).', field);
}

/** The people of the given gatherings, by relation, in one query. */
async function gatheringPeople(db: Db, gatheringIds: readonly string[]) {
  const byGathering = new Map<string, Record<GatheringRelation, PersonRef[]>>();
  if (gatheringIds.length === 0) return byGathering;
  const rows = await db
    .selectFrom('gathering_person')
    .innerJoin('person', 'person.id', 'gathering_person.person_id')
    .select(['gathering_person.gathering_id', 'gathering_person.relation', 'person.id', 'person.name', 'person.is_me'])
    .where('gathering_person.gathering_id', 'in', gatheringIds)
    .where('gathering_person.deleted_at', 'is', null)
    .where('person.deleted_at', 'is', null)
    // Me first, as the pickers list people, then by name whatever its case.
    .orderBy('person.is_me', 'desc')
    .orderBy(sql`person.name COLLATE NOCASE`)
    .execute();
  for (const row of rows) {
    const entry = byGathering.get(row.gathering_id) ?? { temporary_crew: [], possible_crewmate: [] };
    entry[row.relation as GatheringRelation].push({ personId: row.id, name: row.name, isMe: row.is_me === 1 });
    byGathering.set(row.gathering_id, entry);
  }
  return byGathering;
}

export async function toGatherings(db: Db, rows: readonly GatheringRow[], today: string): Promise<Gathering[]> {
  const people = await gatheringPeople(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    congregationId: row.congregation_id,
    name: row.name,
    heldOn: row.held_on,
    place: row.place,
    harvest: row.harvest,
    temporaryCrew: people.get(row.id)?.temporary_crew ?? [],
    possibleCrewmates: people.get(row.id)?.possible_crewmate ?? [],
    followedUpOn: row.followed_up_on,
    followUpSuggested: followUpSuggested(row.held_on, row.followed_up_on, today),
  }));
}

/** Links people to a congregation, skipping those already there. Returns how many were added. */
export async function linkPeople(trx: Transaction<Database>, congregationId: string, personIds: readonly string[], now: string, newId: () => string) {
  const unique = [...new Set(personIds)];
  if (unique.length === 0) return 0;
  const existing = new Set(
    (
      await trx
        .selectFrom('congregation_person')
        .select('person_id')
        .where('congregation_id', '=', congregationId)
        .where('person_id', 'in', unique)
        .where('deleted_at', 'is', null)
        .execute()
    ).map((r) => r.person_id),
  );
  const fresh = unique.filter((personId) => !existing.has(personId));
  if (fresh.length === 0) return 0;
  await trx
    .insertInto('congregation_person')
    .values(fresh.map((personId) => ({ id: newId(), congregation_id: congregationId, person_id: personId, created_at: now, updated_at: now, deleted_at: null })))
    .execute();
  return fresh.length;
}

/** Replaces a gathering's people for one relation: soft-deletes those dropped, adds the new ones. */
export async function setGatheringPeople(
  trx: Transaction<Database>,
  gatheringId: string,
  relation: GatheringRelation,
  personIds: readonly string[],
  now: string,
  newId: () => string,
) {
  const wanted = [...new Set(personIds)];
  const current = await trx
    .selectFrom('gathering_person')
    .select(['id', 'person_id'])
    .where('gathering_id', '=', gatheringId)
    .where('relation', '=', relation)
    .where('deleted_at', 'is', null)
    .execute();
  const dropped = current.filter((row) => !wanted.includes(row.person_id)).map((row) => row.id);
  if (dropped.length > 0) await trx.updateTable('gathering_person').set({ deleted_at: now, updated_at: now }).where('id', 'in', dropped).execute();
  const have = new Set(current.map((row) => row.person_id));
  const fresh = wanted.filter((personId) => !have.has(personId));
  if (fresh.length > 0) {
    await trx
      .insertInto('gathering_person')
      .values(
        fresh.map((personId) => ({ id: newId(), gathering_id: gatheringId, person_id: personId, relation, created_at: now, updated_at: now, deleted_at: null })),
      )
      .execute();
  }
}

/** Shared lessons, live only, newest first: a congregation's (bounded by `cap`) or one by id. */
export async function sharedLessons(db: Db, where: { congregationId: string } | { id: string }, cap: number): Promise<SharedLesson[]> {
  let query = db
    .selectFrom('shared_lesson')
    .leftJoin('crew', 'crew.id', 'shared_lesson.crew_id')
    .select([
      'shared_lesson.id',
      'shared_lesson.congregation_id',
      'shared_lesson.crew_id',
      'shared_lesson.retrospective_id',
      'shared_lesson.text',
      'shared_lesson.shared_on',
      'crew.name as crew_name',
    ])
    .where('shared_lesson.deleted_at', 'is', null);
  query = 'id' in where ? query.where('shared_lesson.id', '=', where.id) : query.where('shared_lesson.congregation_id', '=', where.congregationId);
  const rows = await query.orderBy('shared_lesson.shared_on', 'desc').orderBy('shared_lesson.id', 'desc').limit(cap).execute();
  return rows.map((row) => ({
    id: row.id,
    congregationId: row.congregation_id,
    crewId: row.crew_id,
    crewName: row.crew_name,
    retrospectiveId: row.retrospective_id,
    text: row.text,
    sharedOn: row.shared_on,
  }));
}

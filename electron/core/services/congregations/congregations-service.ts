import { type Kysely, sql } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import type {
  Congregation,
  CongregationCard,
  CongregationDetail,
  CongregationRole,
  Gathering,
  RoleChange,
  SharedLesson,
} from '../../../../shared/domain/congregations';
import { congregationRoleLabels } from '../../../../shared/domain/congregations';
import type { CrewStage } from '../../../../shared/domain/crews';
import { LadderError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import type { Database } from '../../db/schema';
import { newId } from '../../ids';
import {
  checkCrew,
  checkPeople,
  liveCongregation,
  liveGathering,
  linkPeople,
  setGatheringPeople,
  sharedLessons,
  toCongregation,
  toGatherings,
} from './congregation-rows';
import { lessonsMarkdown } from './lessons-markdown';

/** Crews that are past (split or closed) don't hold anyone any more. */
export const activeCrewStages = sql`('split', 'closed')`;

/** Lists on a congregation's page stay bounded; older gatherings and lessons are rare beyond these. */
const gatheringCap = 200;
const lessonCap = 500;
const retrospectiveCap = 30;
const peopleCap = 1_000;

export function createCongregationsService(db: Kysely<Database>, clock: Clock) {
  const idAt = (now: string) => () => newId(Date.parse(now));

  const lessonRows = (congregationId: string) => sharedLessons(db, { congregationId }, lessonCap);

  return {
    create: async (input: ParsedInput<'congregations.create'>): Promise<Congregation> => {
      const now = clock.now();
      const id = newId(Date.parse(now));
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('congregation')
          .values({ id, name: input.name, about: input.about, size: input.size, role: input.role, created_at: now, updated_at: now, deleted_at: null })
          .execute();
        await trx
          .insertInto('congregation_role_change')
          .values({
            id: newId(Date.parse(now)),
            congregation_id: id,
            from_role: null,
            to_role: input.role,
            changed_on: input.since,
            note: '',
            created_at: now,
            updated_at: now,
            deleted_at: null,
          })
          .execute();
      });
      return toCongregation(await liveCongregation(db, id, 'id'));
    },

    update: async (input: ParsedInput<'congregations.update'>): Promise<Congregation> => {
      await liveCongregation(db, input.id, 'id');
      const patch: Record<string, unknown> = { updated_at: clock.now() };
      if (input.name !== undefined) patch.name = input.name;
      if (input.about !== undefined) patch.about = input.about;
      if (input.size !== undefined) patch.size = input.size;
      await db.updateTable('congregation').set(patch).where('id', '=', input.id).execute();
      return toCongregation(await liveCongregation(db, input.id, 'id'));
    },

    setRole: async (input: ParsedInput<'congregations.setRole'>): Promise<Congregation> => {
      const row = await liveCongregation(db, input.id, 'id');
      if (row.role === input.role) {
        throw new LadderError('validation', `You are already a ${congregationRoleLabels[input.role].toLowerCase()} here.`, 'role');
      }
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('congregation').set({ role: input.role, updated_at: now }).where('id', '=', input.id).execute();
        await trx
          .insertInto('congregation_role_change')
          .values({
            id: newId(Date.parse(now)),
            congregation_id: input.id,
            from_role: row.role,
            to_role: input.role,
            changed_on: input.on,
            note: input.note,
            created_at: now,
            updated_at: now,
            deleted_at: null,
          })
          .execute();
      });
      return toCongregation(await liveCongregation(db, input.id, 'id'));
    },

    list: async (): Promise<CongregationCard[]> => {
      const rows = await db
        .selectFrom('congregation as c')
        .select([
          'c.id',
          'c.name',
          'c.about',
          'c.size',
          'c.role',
          (eb) =>
            eb
              .selectFrom('congregation_crew as cc')
              .innerJoin('crew', 'crew.id', 'cc.crew_id')
              .select(sql<number>`count(*)`.as('n'))
              .whereRef('cc.congregation_id', '=', 'c.id')
              .where('cc.deleted_at', 'is', null)
              .where('crew.deleted_at', 'is', null)
              .as('crew_count'),
          (eb) =>
            eb
              .selectFrom('congregation_person as cp')
              .innerJoin('person', 'person.id', 'cp.person_id')
              .select(sql<number>`count(*)`.as('n'))
              .whereRef('cp.congregation_id', '=', 'c.id')
              .where('cp.deleted_at', 'is', null)
              .where('person.deleted_at', 'is', null)
              .as('people_count'),
          (eb) =>
            eb
              .selectFrom('gathering as g')
              .select(sql<string | null>`max(g.held_on)`.as('d'))
              .whereRef('g.congregation_id', '=', 'c.id')
              .where('g.deleted_at', 'is', null)
              .as('last_gathering_on'),
        ])
        .where('c.deleted_at', 'is', null)
        .orderBy(sql`c.name COLLATE NOCASE`)
        .orderBy('c.id')
        .limit(peopleCap)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        about: row.about,
        size: row.size,
        role: row.role as CongregationRole,
        crewCount: Number(row.crew_count ?? 0),
        peopleCount: Number(row.people_count ?? 0),
        lastGatheringOn: row.last_gathering_on ?? null,
      }));
    },

    get: async (input: ParsedInput<'congregations.get'>): Promise<CongregationDetail> => {
      const row = await liveCongregation(db, input.id, 'id');
      const [roles, crews, people, gatheringRows, lessons, retros, networks] = await Promise.all([
        db
          .selectFrom('congregation_role_change')
          .selectAll()
          .where('congregation_id', '=', row.id)
          .where('deleted_at', 'is', null)
          .orderBy('changed_on')
          .orderBy('id')
          .execute(),
        db
          .selectFrom('congregation_crew as cc')
          .innerJoin('crew', 'crew.id', 'cc.crew_id')
          .select([
            'crew.id',
            'crew.name',
            'crew.stage',
            (eb) =>
              eb
                .selectFrom('crew_member as m')
                .innerJoin('person', 'person.id', 'm.person_id')
                .select(sql<number>`count(*)`.as('n'))
                .whereRef('m.crew_id', '=', 'crew.id')
                .where('m.deleted_at', 'is', null)
                .where('person.deleted_at', 'is', null)
                .as('member_count'),
          ])
          .where('cc.congregation_id', '=', row.id)
          .where('cc.deleted_at', 'is', null)
          .where('crew.deleted_at', 'is', null)
          .orderBy(sql`crew.name COLLATE NOCASE`)
          .execute(),
        db
          .selectFrom('congregation_person as cp')
          .innerJoin('person', 'person.id', 'cp.person_id')
          .select([
            'person.id',
            'person.name',
            'person.is_me',
            // Crewless: in no crew I know of that is still going (split and closed ones are past).
            sql<number>`NOT EXISTS (
              SELECT 1 FROM crew_member m JOIN crew ON crew.id = m.crew_id
              WHERE m.person_id = person.id AND m.deleted_at IS NULL AND crew.deleted_at IS NULL
                AND crew.stage NOT IN ${activeCrewStages}
            )`.as('crewless'),
          ])
          .where('cp.congregation_id', '=', row.id)
          .where('cp.deleted_at', 'is', null)
          .where('person.deleted_at', 'is', null)
          // Me first, as the pickers list people.
          .orderBy('person.is_me', 'desc')
          .orderBy(sql`person.name COLLATE NOCASE`)
          .limit(peopleCap)
          .execute(),
        db
          .selectFrom('gathering')
          .selectAll()
          .where('congregation_id', '=', row.id)
          .where('deleted_at', 'is', null)
          .orderBy('held_on', 'desc')
          .orderBy('id', 'desc')
          .limit(gatheringCap)
          .execute(),
        lessonRows(row.id),
        db
          .selectFrom('retrospective as r')
          .innerJoin('congregation_crew as cc', 'cc.crew_id', 'r.crew_id')
          .innerJoin('crew', 'crew.id', 'r.crew_id')
          .select(['r.id', 'r.crew_id', 'crew.name as crew_name', 'r.held_on', 'r.worked', 'r.did_not_work', 'r.change'])
          .where('cc.congregation_id', '=', row.id)
          .where('cc.deleted_at', 'is', null)
          .where('r.deleted_at', 'is', null)
          .where('crew.deleted_at', 'is', null)
          .orderBy('r.held_on', 'desc')
          .limit(retrospectiveCap)
          .execute(),
        db
          .selectFrom('network_congregation as nc')
          .innerJoin('network', 'network.id', 'nc.network_id')
          .select(['network.id', 'network.name'])
          .where('nc.congregation_id', '=', row.id)
          .where('nc.deleted_at', 'is', null)
          .where('network.deleted_at', 'is', null)
          .orderBy(sql`network.name COLLATE NOCASE`)
          .execute(),
      ]);
      return {
        congregation: toCongregation(row),
        roleHistory: roles.map(
          (r): RoleChange => ({ id: r.id, from: r.from_role as CongregationRole | null, to: r.to_role as CongregationRole, changedOn: r.changed_on, note: r.note }),
        ),
        crews: crews.map((c) => ({ crewId: c.id, name: c.name, stage: c.stage as CrewStage, memberCount: Number(c.member_count ?? 0) })),
        people: people.map((p) => ({ personId: p.id, name: p.name, isMe: p.is_me === 1, crewless: Number(p.crewless) === 1 })),
        gatherings: await toGatherings(db, gatheringRows, input.today),
        lessons,
        retrospectives: retros.map((r) => ({
          id: r.id,
          crewId: r.crew_id,
          crewName: r.crew_name,
          heldOn: r.held_on,
          worked: r.worked,
          didNotWork: r.did_not_work,
          change: r.change,
        })),
        networks,
      };
    },

    delete: async (input: ParsedInput<'congregations.delete'>) => {
      await liveCongregation(db, input.id, 'id');
      const now = clock.now();
      await db.updateTable('congregation').set({ deleted_at: now, updated_at: now }).where('id', '=', input.id).execute();
      return { id: input.id };
    },

    restore: async (input: ParsedInput<'congregations.restore'>): Promise<Congregation> => {
      const row = await db.selectFrom('congregation').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (!row) throw new LadderError('not_found', 'That congregation is not in your archive.', 'id');
      await db.updateTable('congregation').set({ deleted_at: null, updated_at: clock.now() }).where('id', '=', input.id).execute();
      return toCongregation(await liveCongregation(db, input.id, 'id'));
    },

    addCrew: async (input: ParsedInput<'congregations.addCrew'>) => {
      await liveCongregation(db, input.congregationId, 'congregationId');
      await checkCrew(db, input.crewId, 'crewId');
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const already = await trx
          .selectFrom('congregation_crew')
          .select('id')
          .where('congregation_id', '=', input.congregationId)
          .where('crew_id', '=', input.crewId)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (already) throw new LadderError('validation', 'That crew is already in this congregation.', 'crewId');
        await trx
          .insertInto('congregation_crew')
          .values({ id: newId(Date.parse(now)), congregation_id: input.congregationId, crew_id: input.crewId, created_at: now, updated_at: now, deleted_at: null })
          .execute();
      });
      return { congregationId: input.congregationId, crewId: input.crewId };
    },

    removeCrew: async (input: ParsedInput<'congregations.removeCrew'>) => {
      const now = clock.now();
      const result = await db
        .updateTable('congregation_crew')
        .set({ deleted_at: now, updated_at: now })
        .where('congregation_id', '=', input.congregationId)
        .where('crew_id', '=', input.crewId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new LadderError('not_found', 'That crew is not in this congregation.', 'crewId');
      return { congregationId: input.congregationId, crewId: input.crewId };
    },

    addPeople: async (input: ParsedInput<'congregations.addPeople'>) => {
      await liveCongregation(db, input.congregationId, 'congregationId');
      await checkPeople(db, input.personIds, 'personIds');
      const now = clock.now();
      const added = await db.transaction().execute((trx) => linkPeople(trx, input.congregationId, input.personIds, now, idAt(now)));
      return { added };
    },

    removePerson: async (input: ParsedInput<'congregations.removePerson'>) => {
      const now = clock.now();
      const result = await db
        .updateTable('congregation_person')
        .set({ deleted_at: now, updated_at: now })
        .where('congregation_id', '=', input.congregationId)
        .where('person_id', '=', input.personId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new LadderError('not_found', 'That person is not linked to this congregation.', 'personId');
      return { congregationId: input.congregationId, personId: input.personId };
    },

    lessonsMarkdown: async (input: ParsedInput<'congregations.lessonsMarkdown'>) => {
      const row = await liveCongregation(db, input.id, 'id');
      return lessonsMarkdown(row.name, await lessonRows(row.id));
    },

    createGathering: async (input: ParsedInput<'gatherings.create'>): Promise<Gathering> => {
      await liveCongregation(db, input.congregationId, 'congregationId');
      await checkPeople(db, input.temporaryCrewIds, 'temporaryCrewIds');
      await checkPeople(db, input.possibleCrewmateIds, 'possibleCrewmateIds');
      const now = clock.now();
      const id = newId(Date.parse(now));
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('gathering')
          .values({
            id,
            congregation_id: input.congregationId,
            name: input.name,
            held_on: input.heldOn,
            place: input.place,
            harvest: input.harvest,
            followed_up_on: null,
            created_at: now,
            updated_at: now,
            deleted_at: null,
          })
          .execute();
        await setGatheringPeople(trx, id, 'temporary_crew', input.temporaryCrewIds, now, idAt(now));
        await setGatheringPeople(trx, id, 'possible_crewmate', input.possibleCrewmateIds, now, idAt(now));
        // Everyone I met there is someone I know in the congregation.
        await linkPeople(trx, input.congregationId, [...input.temporaryCrewIds, ...input.possibleCrewmateIds], now, idAt(now));
      });
      const [gathering] = await toGatherings(db, [await liveGathering(db, id)], now.slice(0, 10));
      return gathering as Gathering;
    },

    updateGathering: async (input: ParsedInput<'gatherings.update'>): Promise<Gathering> => {
      const row = await liveGathering(db, input.id);
      if (input.temporaryCrewIds) await checkPeople(db, input.temporaryCrewIds, 'temporaryCrewIds');
      if (input.possibleCrewmateIds) await checkPeople(db, input.possibleCrewmateIds, 'possibleCrewmateIds');
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const patch: Record<string, unknown> = { updated_at: now };
        if (input.name !== undefined) patch.name = input.name;
        if (input.heldOn !== undefined) patch.held_on = input.heldOn;
        if (input.place !== undefined) patch.place = input.place;
        if (input.harvest !== undefined) patch.harvest = input.harvest;
        if (input.followedUpOn !== undefined) patch.followed_up_on = input.followedUpOn;
        await trx.updateTable('gathering').set(patch).where('id', '=', row.id).execute();
        if (input.temporaryCrewIds) await setGatheringPeople(trx, row.id, 'temporary_crew', input.temporaryCrewIds, now, idAt(now));
        if (input.possibleCrewmateIds) await setGatheringPeople(trx, row.id, 'possible_crewmate', input.possibleCrewmateIds, now, idAt(now));
        await linkPeople(trx, row.congregation_id, [...(input.temporaryCrewIds ?? []), ...(input.possibleCrewmateIds ?? [])], now, idAt(now));
      });
      const fresh = await liveGathering(db, row.id);
      const [gathering] = await toGatherings(db, [fresh], now.slice(0, 10));
      return gathering as Gathering;
    },

    deleteGathering: async (input: ParsedInput<'gatherings.delete'>) => {
      await liveGathering(db, input.id);
      const now = clock.now();
      await db.updateTable('gathering').set({ deleted_at: now, updated_at: now }).where('id', '=', input.id).execute();
      return { id: input.id };
    },

    shareLesson: async (input: ParsedInput<'lessons.share'>): Promise<SharedLesson> => {
      await liveCongregation(db, input.congregationId, 'congregationId');
      let crewId = input.crewId;
      if (input.retrospectiveId !== null) {
        const retro = await db
          .selectFrom('retrospective')
          .select(['id', 'crew_id'])
          .where('id', '=', input.retrospectiveId)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (!retro) throw new LadderError('not_found', 'That retrospective is not in your archive (or was deleted).', 'retrospectiveId');
        if (crewId !== null && crewId !== retro.crew_id) throw new LadderError('validation', 'That retrospective belongs to another crew.', 'retrospectiveId');
        crewId = retro.crew_id;
      }
      if (crewId !== null) await checkCrew(db, crewId, 'crewId');
      const now = clock.now();
      const id = newId(Date.parse(now));
      await db
        .insertInto('shared_lesson')
        .values({
          id,
          congregation_id: input.congregationId,
          crew_id: crewId,
          retrospective_id: input.retrospectiveId,
          text: input.text,
          shared_on: input.sharedOn,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        })
        .execute();
      const lesson = (await lessonRows(input.congregationId)).find((l) => l.id === id);
      return lesson as SharedLesson;
    },

    deleteLesson: async (input: ParsedInput<'lessons.delete'>) => {
      const now = clock.now();
      const result = await db
        .updateTable('shared_lesson')
        .set({ deleted_at: now, updated_at: now })
        .where('id', '=', input.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new LadderError('not_found', 'That lesson is not in your archive (or was deleted).', 'id');
      return { id: input.id };
    },
  };
}

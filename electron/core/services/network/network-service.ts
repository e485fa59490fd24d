import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import type { AdaptedPractice, Network, NetworkCard, NetworkDetail } from '../../../../shared/domain/network';
import { LadderError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import type { AdaptedPracticeTable, Database, NetworkTable } from '../../db/schema';
import { newId } from '../../ids';

type Db = Kysely<Database> | Transaction<Database>;

const listCap = 1_000;

function toNetwork(row: Selectable<NetworkTable>): Network {
  return { id: row.id, name: row.name, notes: row.notes, createdAt: row.created_at, updatedAt: row.updated_at };
}

function toPractice(row: Selectable<AdaptedPracticeTable>): AdaptedPractice {
  return { id: row.id, networkId: row.network_id, name: row.name, learnedFrom: row.learned_from, howAdapted: row.how_adapted, updatedAt: row.updated_at };
}

async function liveNetwork(db: Db, id: string, field: string) {
  const row = await db.selectFrom('network').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new LadderError('not_found', 'That network is not in your archive (or was deleted).', field);
  return row;
}

async function livePractice(db: Db, id: string) {
  const row = await db.selectFrom('adapted_practice').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new LadderError('not_found', 'That practice is not in your archive (or was deleted).', 'id');
  return row;
}

export function createNetworkService(db: Kysely<Database>, clock: Clock) {
  return {
    create: async (input: ParsedInput<'networks.create'>): Promise<Network> => {
      const now = clock.now();
      const id = newId(Date.parse(now));
      await db.insertInto('network').values({ id, name: input.name, notes: input.notes, created_at: now, updated_at: now, deleted_at: null }).execute();
      return toNetwork(await liveNetwork(db, id, 'id'));
    },

    update: async (input: ParsedInput<'networks.update'>): Promise<Network> => {
      await liveNetwork(db, input.id, 'id');
      const patch: Record<string, unknown> = { updated_at: clock.now() };
      if (input.name !== undefined) patch.name = input.name;
      if (input.notes !== undefined) patch.notes = input.notes;
      await db.updateTable('network').set(patch).where('id', '=', input.id).execute();
      return toNetwork(await liveNetwork(db, input.id, 'id'));
    },

    list: async (): Promise<NetworkCard[]> => {
      const rows = await db
        .selectFrom('network as n')
        .select([
          'n.id',
          'n.name',
          sql<number>`(SELECT count(*) FROM network_congregation nc JOIN congregation c ON c.id = nc.congregation_id
            WHERE nc.network_id = n.id AND nc.deleted_at IS NULL AND c.deleted_at IS NULL)`.as('congregations'),
          sql<number>`(SELECT count(*) FROM network_host h JOIN person p ON p.id = h.person_id
            WHERE h.network_id = n.id AND h.deleted_at IS NULL AND p.deleted_at IS NULL)`.as('hosts'),
          sql<number>`(SELECT count(*) FROM adapted_practice a WHERE a.network_id = n.id AND a.deleted_at IS NULL)`.as('practices'),
        ])
        .where('n.deleted_at', 'is', null)
        .orderBy(sql`n.name COLLATE NOCASE`)
        .orderBy('n.id')
        .limit(listCap)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        congregationCount: Number(r.congregations),
        hostCount: Number(r.hosts),
        practiceCount: Number(r.practices),
      }));
    },

    get: async (input: ParsedInput<'networks.get'>): Promise<NetworkDetail> => {
      const row = await liveNetwork(db, input.id, 'id');
      const [congregations, hosts, practices] = await Promise.all([
        db
          .selectFrom('network_congregation as nc')
          .innerJoin('congregation as c', 'c.id', 'nc.congregation_id')
          .select(['c.id', 'c.name'])
          .where('nc.network_id', '=', row.id)
          .where('nc.deleted_at', 'is', null)
          .where('c.deleted_at', 'is', null)
          .orderBy(sql`c.name COLLATE NOCASE`)
          .limit(listCap)
          .execute(),
        db
          .selectFrom('network_host as h')
          .innerJoin('person as p', 'p.id', 'h.person_id')
          .select(['p.id as personId', 'p.name', 'p.is_me', 'h.note'])
          .where('h.network_id', '=', row.id)
          .where('h.deleted_at', 'is', null)
          .where('p.deleted_at', 'is', null)
          .orderBy(sql`p.name COLLATE NOCASE`)
          .limit(listCap)
          .execute()
          .then((rows) => rows.map(({ is_me, ...host }) => ({ ...host, isMe: is_me === 1 }))),
        db
          .selectFrom('adapted_practice')
          .selectAll()
          .where('network_id', '=', row.id)
          .where('deleted_at', 'is', null)
          .orderBy('id')
          .limit(listCap)
          .execute(),
      ]);
      return { network: toNetwork(row), congregations, hosts, practices: practices.map(toPractice) };
    },

    delete: async (input: ParsedInput<'networks.delete'>) => {
      await liveNetwork(db, input.id, 'id');
      const now = clock.now();
      await db.updateTable('network').set({ deleted_at: now, updated_at: now }).where('id', '=', input.id).execute();
      return { id: input.id };
    },

    restore: async (input: ParsedInput<'networks.restore'>): Promise<Network> => {
      const row = await db.selectFrom('network').select('id').where('id', '=', input.id).executeTakeFirst();
      if (!row) throw new LadderError('not_found', 'That network is not in your archive.', 'id');
      await db.updateTable('network').set({ deleted_at: null, updated_at: clock.now() }).where('id', '=', input.id).execute();
      return toNetwork(await liveNetwork(db, input.id, 'id'));
    },

    addCongregation: async (input: ParsedInput<'networks.addCongregation'>) => {
      await liveNetwork(db, input.networkId, 'networkId');
      const congregation = await db
        .selectFrom('congregation')
        .select('id')
        .where('id', '=', input.congregationId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!congregation) throw new LadderError('not_found', 'That congregation is not in your archive (or was deleted).', 'congregationId');
      const already = await db
        .selectFrom('network_congregation')
        .select('id')
        .where('network_id', '=', input.networkId)
        .where('congregation_id', '=', input.congregationId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (already) throw new LadderError('validation', 'That congregation is already in this network.', 'congregationId');
      const now = clock.now();
      await db
        .insertInto('network_congregation')
        .values({ id: newId(Date.parse(now)), network_id: input.networkId, congregation_id: input.congregationId, created_at: now, updated_at: now, deleted_at: null })
        .execute();
      return { networkId: input.networkId, congregationId: input.congregationId };
    },

    removeCongregation: async (input: ParsedInput<'networks.removeCongregation'>) => {
      const now = clock.now();
      const result = await db
        .updateTable('network_congregation')
        .set({ deleted_at: now, updated_at: now })
        .where('network_id', '=', input.networkId)
        .where('congregation_id', '=', input.congregationId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new LadderError('not_found', 'That congregation is not in this network.', 'congregationId');
      return { networkId: input.networkId, congregationId: input.congregationId };
    },

    addHost: async (input: ParsedInput<'networks.addHost'>) => {
      await liveNetwork(db, input.networkId, 'networkId');
      const person = await db.selectFrom('person').select('id').where('id', '=', input.personId).where('deleted_at', 'is', null).executeTakeFirst();
      if (!person) throw new LadderError('not_found', 'That person is not in your archive (or was deleted).', 'personId');
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('network_host')
          .select('id')
          .where('network_id', '=', input.networkId)
          .where('person_id', '=', input.personId)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (existing) await trx.updateTable('network_host').set({ note: input.note, updated_at: now }).where('id', '=', existing.id).execute();
        else
          await trx
            .insertInto('network_host')
            .values({
              id: newId(Date.parse(now)),
              network_id: input.networkId,
              person_id: input.personId,
              note: input.note,
              created_at: now,
              updated_at: now,
              deleted_at: null,
            })
            .execute();
      });
      return { networkId: input.networkId, personId: input.personId };
    },

    removeHost: async (input: ParsedInput<'networks.removeHost'>) => {
      const now = clock.now();
      const result = await db
        .updateTable('network_host')
        .set({ deleted_at: now, updated_at: now })
        .where('network_id', '=', input.networkId)
        .where('person_id', '=', input.personId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new LadderError('not_found', 'That person is not a host in this network.', 'personId');
      return { networkId: input.networkId, personId: input.personId };
    },

    addPractice: async (input: ParsedInput<'practices.add'>): Promise<AdaptedPractice> => {
      await liveNetwork(db, input.networkId, 'networkId');
      const now = clock.now();
      const id = newId(Date.parse(now));
      await db
        .insertInto('adapted_practice')
        .values({
          id,
          network_id: input.networkId,
          name: input.name,
          learned_from: input.learnedFrom,
          how_adapted: input.howAdapted,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        })
        .execute();
      return toPractice(await livePractice(db, id));
    },

    updatePractice: async (input: ParsedInput<'practices.update'>): Promise<AdaptedPractice> => {
      await livePractice(db, input.id);
      const patch: Record<string, unknown> = { updated_at: clock.now() };
      if (input.name !== undefined) patch.name = input.name;
      if (input.learnedFrom !== undefined) patch.learned_from = input.learnedFrom;
      if (input.howAdapted !== undefined) patch.how_adapted = input.howAdapted;
      await db.updateTable('adapted_practice').set(patch).where('id', '=', input.id).execute();
      return toPractice(await livePractice(db, input.id));
    },

    deletePractice: async (input: ParsedInput<'practices.delete'>) => {
      await livePractice(db, input.id);
      const now = clock.now();
      await db.updateTable('adapted_practice').set({ deleted_at: now, updated_at: now }).where('id', '=', input.id).execute();
      return { id: input.id };
    },

    /** Undo for a deleted practice; it can only come back onto a network that is still there. */
    restorePractice: async (input: ParsedInput<'practices.restore'>): Promise<AdaptedPractice> => {
      const row = await db.selectFrom('adapted_practice').select(['id', 'network_id']).where('id', '=', input.id).executeTakeFirst();
      if (!row) throw new LadderError('not_found', 'That practice is not in your archive.', 'id');
      const network = await db.selectFrom('network').select('deleted_at').where('id', '=', row.network_id).executeTakeFirst();
      if (!network || network.deleted_at !== null) throw new LadderError('validation', "This practice's network was deleted: bring the network back first.", 'id');
      await db
        .updateTable('adapted_practice')
        .set({ deleted_at: null, updated_at: clock.now() })
        .where('id', '=', input.id)
        .where('deleted_at', 'is not', null)
        .execute();
      return toPractice(await livePractice(db, input.id));
    },
  };
}

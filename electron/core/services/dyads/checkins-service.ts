import { type Kysely, type Selectable, sql } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import { addDays } from '../../../../shared/domain/dyads';
import type { Checkin, CheckinHow, CheckinPage, MonthCount } from '../../../../shared/domain/dyads';
import { LadderError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import type { CheckinTable, Database } from '../../db/schema';
import { newId } from '../../ids';
import { excerpt } from '../../../../shared/text';
import { decodeCursor, encodeCursor } from './cursor';
import { liveDyad } from './dyads-service';

type CheckinRow = Selectable<CheckinTable>;

const excerptLength = 140;

export function excerptOf(...texts: string[]) {
  return excerpt(texts.join(' '), excerptLength);
}

function toCheckin(row: CheckinRow, partIds: string[]): Checkin {
  return {
    id: row.id,
    dyadId: row.dyad_id,
    checkinDate: row.checkin_date,
    how: row.how as CheckinHow,
    iShared: row.i_shared,
    iHeard: row.i_heard,
    offersAsksFromMe: row.offers_asks_from_me,
    offersAsksFromThem: row.offers_asks_from_them,
    dial: row.dial,
    partIds,
    notes: row.notes,
    nextCheckinDate: row.next_checkin_date,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function checkDates(checkinDate: string, nextCheckinDate: string | null) {
  if (nextCheckinDate !== null && nextCheckinDate < checkinDate) {
    throw new LadderError('validation', 'The next check-in can’t come before this one; choose this day or a later one.', 'nextCheckinDate');
  }
}

export function createCheckinsService(db: Kysely<Database>, clock: Clock) {
  async function liveCheckin(trx: Kysely<Database>, id: string, field: string) {
    const row = await trx
      .selectFrom('checkin')
      .innerJoin('dyad', 'dyad.id', 'checkin.dyad_id')
      .innerJoin('person', 'person.id', 'dyad.person_id')
      .selectAll('checkin')
      .where('checkin.id', '=', id)
      .where('checkin.deleted_at', 'is', null)
      .where('dyad.deleted_at', 'is', null)
      .where('person.deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw new LadderError('not_found', 'That check-in is not in your archive (or was deleted).', field);
    return row;
  }

  async function partIdsOf(trx: Kysely<Database>, checkinId: string) {
    const rows = await trx
      .selectFrom('checkin_part')
      .select('part_id')
      .where('checkin_id', '=', checkinId)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .execute();
    return rows.map((row) => row.part_id);
  }

  /** Links exactly these parts (parts live on the Self rung; an unknown one names its place in the list). */
  async function writeParts(trx: Kysely<Database>, checkinId: string, partIds: readonly string[], now: string) {
    const unique = [...new Set(partIds)];
    if (unique.length > 0) {
      const { rows } = await sql<{ id: string }>`
        SELECT id FROM part WHERE deleted_at IS NULL AND id IN (${sql.join(unique.map((id) => sql`${id}`))})
      `.execute(trx);
      const known = new Set(rows.map((row) => row.id));
      const missing = partIds.findIndex((id) => !known.has(id));
      if (missing !== -1) throw new LadderError('not_found', 'That part is not in your archive (or was deleted).', `partIds.${missing}`);
    }
    let clear = trx
      .updateTable('checkin_part')
      .set({ deleted_at: now, updated_at: now })
      .where('checkin_id', '=', checkinId)
      .where('deleted_at', 'is', null);
    if (unique.length > 0) clear = clear.where('part_id', 'not in', unique);
    await clear.execute();
    for (const partId of unique) {
      await trx
        .insertInto('checkin_part')
        .values({ checkin_id: checkinId, part_id: partId, created_at: now, updated_at: now })
        .onConflict((oc) => oc.columns(['checkin_id', 'part_id']).doUpdateSet({ deleted_at: null, updated_at: now }))
        .execute();
    }
  }

  return {
    create: async (input: ParsedInput<'checkins.create'>): Promise<Checkin> =>
      db.transaction().execute(async (trx) => {
        await liveDyad(trx, input.dyadId, 'dyadId');
        checkDates(input.checkinDate, input.nextCheckinDate);
        const now = clock.now();
        const row: CheckinRow = {
          id: newId(Date.parse(now)),
          dyad_id: input.dyadId,
          checkin_date: input.checkinDate,
          how: input.how,
          i_shared: input.iShared,
          i_heard: input.iHeard,
          offers_asks_from_me: input.offersAsksFromMe,
          offers_asks_from_them: input.offersAsksFromThem,
          dial: input.dial,
          notes: input.notes,
          next_checkin_date: input.nextCheckinDate,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        };
        await trx.insertInto('checkin').values(row).execute();
        await writeParts(trx, row.id, input.partIds, now);
        return toCheckin(row, [...new Set(input.partIds)]);
      }),

    update: async (input: ParsedInput<'checkins.update'>): Promise<Checkin> =>
      db.transaction().execute(async (trx) => {
        const current = await liveCheckin(trx, input.id, 'id');
        const now = clock.now();
        const next: CheckinRow = {
          ...current,
          checkin_date: input.checkinDate ?? current.checkin_date,
          how: input.how ?? current.how,
          i_shared: input.iShared ?? current.i_shared,
          i_heard: input.iHeard ?? current.i_heard,
          offers_asks_from_me: input.offersAsksFromMe ?? current.offers_asks_from_me,
          offers_asks_from_them: input.offersAsksFromThem ?? current.offers_asks_from_them,
          dial: input.dial === undefined ? current.dial : input.dial,
          notes: input.notes ?? current.notes,
          next_checkin_date: input.nextCheckinDate === undefined ? current.next_checkin_date : input.nextCheckinDate,
          updated_at: now,
        };
        checkDates(next.checkin_date, next.next_checkin_date);
        const { id: _id, created_at: _created, deleted_at: _deleted, dyad_id: _dyad, ...changes } = next;
        await trx.updateTable('checkin').set(changes).where('id', '=', input.id).execute();
        if (input.partIds !== undefined) await writeParts(trx, input.id, input.partIds, now);
        return toCheckin(next, await partIdsOf(trx, input.id));
      }),

    get: async (input: ParsedInput<'checkins.get'>): Promise<Checkin> => {
      const row = await liveCheckin(db, input.id, 'id');
      return toCheckin(row, await partIdsOf(db, row.id));
    },

    list: async (input: ParsedInput<'checkins.list'>): Promise<CheckinPage> => {
      await liveDyad(db, input.dyadId, 'dyadId');
      let query = db
        .selectFrom('checkin')
        .select(['id', 'checkin_date', 'how', 'dial'])
        // Only the start of what was written crosses to the UI.
        .select((eb) => eb.fn<string>('substr', ['i_heard', eb.val(1), eb.val(excerptLength * 2)]).as('heard_start'))
        .select((eb) => eb.fn<string>('substr', ['i_shared', eb.val(1), eb.val(excerptLength * 2)]).as('shared_start'))
        .where('dyad_id', '=', input.dyadId)
        .where('deleted_at', 'is', null);
      if (input.after !== undefined) {
        const [date, id] = decodeCursor(input.after, 2, 'after') as [string, string];
        query = query.where((eb) => eb(eb.refTuple('checkin_date', 'id'), '<', eb.tuple(date, id)));
      }
      const rows = await query.orderBy('checkin_date', 'desc').orderBy('id', 'desc').limit(input.limit + 1).execute();
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        checkins: page.map((row) => ({
          id: row.id,
          checkinDate: row.checkin_date,
          how: row.how as CheckinHow,
          dial: row.dial,
          excerpt: excerptOf(row.heard_start || row.shared_start),
        })),
        nextCursor: rows.length > input.limit && last ? encodeCursor([last.checkin_date, last.id]) : null,
      };
    },

    perMonth: async (input: ParsedInput<'checkins.perMonth'>): Promise<MonthCount[]> => {
      const months: string[] = [];
      const [year, month] = input.today.split('-').map(Number) as [number, number];
      for (let back = 11; back >= 0; back -= 1) {
        const date = new Date(Date.UTC(year, month - 1 - back, 1));
        months.push(date.toISOString().slice(0, 7));
      }
      let query = db
        .selectFrom('checkin')
        .innerJoin('dyad', 'dyad.id', 'checkin.dyad_id')
        .innerJoin('person', 'person.id', 'dyad.person_id')
        .select((eb) => [eb.fn<string>('substr', ['checkin.checkin_date', eb.val(1), eb.val(7)]).as('month'), eb.fn.countAll<number>().as('count')])
        .where('checkin.deleted_at', 'is', null)
        .where('dyad.deleted_at', 'is', null)
        .where('person.deleted_at', 'is', null)
        .where('checkin.checkin_date', '>=', `${months[0]}-01`)
        .where('checkin.checkin_date', '<=', addDays(`${months[11]}-01`, 31));
      if (input.dyadId !== undefined) query = query.where('checkin.dyad_id', '=', input.dyadId);
      const rows = await query.groupBy('month').execute();
      const counts = new Map(rows.map((row) => [row.month, Number(row.count)]));
      return months.map((m) => ({ month: m, count: counts.get(m) ?? 0 }));
    },

    delete: async (input: ParsedInput<'checkins.delete'>): Promise<{ id: string }> => {
      await liveCheckin(db, input.id, 'id');
      const now = clock.now();
      await db.updateTable('checkin').set({ deleted_at: now, updated_at: now }).where('id', '=', input.id).execute();
      return { id: input.id };
    },

    restore: async (input: ParsedInput<'checkins.restore'>): Promise<Checkin> => {
      const exists = await db.selectFrom('checkin').select('id').where('id', '=', input.id).executeTakeFirst();
      if (!exists) throw new LadderError('not_found', 'That check-in is not in your archive.', 'id');
      await db.updateTable('checkin').set({ deleted_at: null, updated_at: clock.now() }).where('id', '=', input.id).execute();
      const row = await liveCheckin(db, input.id, 'id');
      return toCheckin(row, await partIdsOf(db, row.id));
    },
  };
}

import { type Kysely, type Selectable, sql } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import { birthday as birthdayRule } from '../../../../shared/contract/people';
import type { PeoplePage, Person } from '../../../../shared/domain/people';
import { LadderError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import type { Database, PersonTable } from '../../db/schema';
import { newId } from '../../ids';
import { decodeCursor, encodeCursor } from '../dyads/cursor';

type PersonRow = Selectable<PersonTable>;

export function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    name: row.name,
    howWeMet: row.how_we_met,
    notes: row.notes,
    birthday: row.birthday,
    isMe: row.is_me === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A living person, or a not_found error naming `field`. */
export async function livePerson(db: Kysely<Database>, id: string, field: string): Promise<PersonRow> {
  const row = await db.selectFrom('person').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new LadderError('not_found', 'That person is not in your archive (or was deleted).', field);
  return row;
}

export function createPeopleService(db: Kysely<Database>, clock: Clock) {
  /** Only one person can be you. */
  async function checkOnlyMe(trx: Kysely<Database>, exceptId: string | null) {
    let query = trx.selectFrom('person').select('id').where('is_me', '=', 1);
    if (exceptId !== null) query = query.where('id', '!=', exceptId);
    if (await query.executeTakeFirst()) {
      throw new LadderError('conflict', 'Someone else is already marked as you. Unmark them first.', 'isMe');
    }
  }

  /** A birthday after today is a typo in the year. Today anywhere on Earth is at most a day past UTC's. */
  function checkBirthday(birthday: string | null | undefined) {
    if (!birthday) return;
    const latest = new Date(Date.parse(clock.now()) + 86_400_000).toISOString().slice(0, 10);
    if (birthday > latest) throw new LadderError('validation', birthdayRule.message, 'birthday');
  }

  return {
    create: async (input: ParsedInput<'people.create'>): Promise<Person> =>
      db.transaction().execute(async (trx) => {
        checkBirthday(input.birthday);
        if (input.isMe) await checkOnlyMe(trx, null);
        const now = clock.now();
        const row: PersonRow = {
          id: newId(Date.parse(now)),
          name: input.name,
          how_we_met: input.howWeMet,
          notes: input.notes,
          birthday: input.birthday,
          is_me: input.isMe ? 1 : 0,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        };
        await trx.insertInto('person').values(row).execute();
        return toPerson(row);
      }),

    update: async (input: ParsedInput<'people.update'>): Promise<Person> =>
      db.transaction().execute(async (trx) => {
        const current = await livePerson(trx, input.id, 'id');
        checkBirthday(input.birthday);
        if (input.isMe === true && current.is_me !== 1) await checkOnlyMe(trx, input.id);
        const next: PersonRow = {
          ...current,
          name: input.name ?? current.name,
          how_we_met: input.howWeMet ?? current.how_we_met,
          notes: input.notes ?? current.notes,
          birthday: input.birthday === undefined ? current.birthday : input.birthday,
          is_me: input.isMe === undefined ? current.is_me : input.isMe ? 1 : 0,
          updated_at: clock.now(),
        };
        await trx
          .updateTable('person')
          .set({ name: next.name, how_we_met: next.how_we_met, notes: next.notes, birthday: next.birthday, is_me: next.is_me, updated_at: next.updated_at })
          .where('id', '=', input.id)
          .execute();
        return toPerson(next);
      }),

    get: async (input: ParsedInput<'people.get'>): Promise<Person> => toPerson(await livePerson(db, input.id, 'id')),

    list: async (input: ParsedInput<'people.list'>): Promise<PeoplePage> => {
      let query = db
        .selectFrom('person')
        .select(['person.id', 'person.name', 'person.is_me'])
        .select((eb) =>
          eb
            .selectFrom('dyad')
            .select((inner) => inner.fn.countAll<number>().as('n'))
            .whereRef('dyad.person_id', '=', 'person.id')
            .where('dyad.deleted_at', 'is', null)
            .as('dyad_count'),
        )
        .where('person.deleted_at', 'is', null);
      if (input.after !== undefined) {
        const [name, id] = decodeCursor(input.after, 2, 'after') as [string, string];
        query = query.where(sql<boolean>`(person.name COLLATE NOCASE, person.id) > (${name}, ${id})`);
      }
      // Sorted like the index (name COLLATE NOCASE), so the list reads alphabetically.
      const rows = await query
        .orderBy(sql`person.name COLLATE NOCASE`)
        .orderBy('person.id')
        .limit(input.limit + 1)
        .execute();
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        people: page.map((row) => ({ id: row.id, name: row.name, isMe: row.is_me === 1, dyadCount: Number(row.dyad_count ?? 0) })),
        nextCursor: rows.length > input.limit && last ? encodeCursor([last.name, last.id]) : null,
      };
    },

    delete: async (input: ParsedInput<'people.delete'>): Promise<{ id: string }> => {
      await livePerson(db, input.id, 'id');
      const now = clock.now();
      // Only the person is marked; their dyads, check-ins and commitments stay as they were,
      // hidden while the person is deleted and all back on restore.
      await db.updateTable('person').set({ deleted_at: now, updated_at: now }).where('id', '=', input.id).execute();
      return { id: input.id };
    },

    restore: async (input: ParsedInput<'people.restore'>): Promise<Person> => {
      const row = await db.selectFrom('person').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (!row) throw new LadderError('not_found', 'That person is not in your archive.', 'id');
      const now = clock.now();
      await db.updateTable('person').set({ deleted_at: null, updated_at: now }).where('id', '=', input.id).execute();
      return toPerson({ ...row, deleted_at: null, updated_at: now });
    },
  };
}

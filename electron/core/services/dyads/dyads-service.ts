import type { Kysely, Selectable } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import { limits } from '../../../../shared/contract/fields';
import type { DialPoint, Dyad, DyadCard, DyadKind, DyadStatus } from '../../../../shared/domain/dyads';
import { LadderError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import type { Database, DyadTable } from '../../db/schema';
import { newId } from '../../ids';
import { livePerson } from '../people/people-service';
import { rhythmFacts, rhythmOf } from './rhythm';

type DyadRow = Selectable<DyadTable>;

/** A dyad that is not deleted and whose person is not deleted, or not_found naming `field`. */
export async function liveDyad(db: Kysely<Database>, id: string, field: string) {
  const row = await db
    .selectFrom('dyad')
    .innerJoin('person', 'person.id', 'dyad.person_id')
    .selectAll('dyad')
    .select('person.name as person_name')
    .where('dyad.id', '=', id)
    .where('dyad.deleted_at', 'is', null)
    .where('person.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new LadderError('not_found', 'That dyad is not in your archive (or was deleted).', field);
  return row;
}

export function createDyadsService(db: Kysely<Database>, clock: Clock) {
  async function agreementsOf(trx: Kysely<Database>, dyadId: string) {
    const rows = await trx
      .selectFrom('dyad_agreement')
      .select(['id', 'text'])
      .where('dyad_id', '=', dyadId)
      .where('deleted_at', 'is', null)
      .orderBy('position')
      .execute();
    return rows;
  }

  async function toDyad(trx: Kysely<Database>, row: DyadRow & { person_name: string }): Promise<Dyad> {
    return {
      id: row.id,
      personId: row.person_id,
      personName: row.person_name,
      kind: row.kind as DyadKind,
      intention: row.intention,
      startedOn: row.started_on,
      rhythmDays: row.rhythm_days,
      status: row.status as DyadStatus,
      closingNote: row.closing_note,
      closedOn: row.closed_on,
      agreements: await agreementsOf(trx, row.id),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  async function writeAgreements(trx: Kysely<Database>, dyadId: string, texts: readonly string[], now: string) {
    await trx
      .updateTable('dyad_agreement')
      .set({ deleted_at: now, updated_at: now })
      .where('dyad_id', '=', dyadId)
      .where('deleted_at', 'is', null)
      .execute();
    if (texts.length === 0) return;
    await trx
      .insertInto('dyad_agreement')
      .values(texts.map((text, position) => ({ id: newId(Date.parse(now)), dyad_id: dyadId, position, text, created_at: now, updated_at: now })))
      .execute();
  }

  /** Cards for living dyads (optionally one), with rhythm and open commitments, in a fixed number of queries. */
  async function cards(today: string, onlyId?: string): Promise<DyadCard[]> {
    let query = db
      .selectFrom('dyad')
      .innerJoin('person', 'person.id', 'dyad.person_id')
      .select([
        'dyad.id',
        'dyad.person_id',
        'person.name as person_name',
        'dyad.kind',
        'dyad.intention',
        'dyad.rhythm_days',
        'dyad.status',
        'dyad.started_on',
      ])
      .select((eb) =>
        eb
          .selectFrom('commitment')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .whereRef('commitment.dyad_id', '=', 'dyad.id')
          .where('commitment.direction', '=', 'mine')
          .where('commitment.status', '=', 'open')
          .where('commitment.deleted_at', 'is', null)
          .as('open_mine'),
      )
      .select((eb) =>
        eb
          .selectFrom('commitment')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .whereRef('commitment.dyad_id', '=', 'dyad.id')
          .where('commitment.direction', '=', 'theirs')
          .where('commitment.status', '=', 'open')
          .where('commitment.deleted_at', 'is', null)
          .as('open_theirs'),
      )
      .where('dyad.deleted_at', 'is', null)
      .where('person.deleted_at', 'is', null);
    if (onlyId !== undefined) query = query.where('dyad.id', '=', onlyId);
    const rows = await query.orderBy('person.name').orderBy('dyad.id').limit(limits.listSize).execute();
    const facts = await rhythmFacts(
      db,
      rows.map((row) => row.id),
    );
    return rows.map((row) => {
      const status = row.status as DyadStatus;
      const rowFacts = facts.get(row.id);
      return {
        id: row.id,
        personId: row.person_id,
        personName: row.person_name,
        kind: row.kind as DyadKind,
        intention: row.intention,
        rhythmDays: row.rhythm_days,
        status,
        lastCheckinOn: rowFacts?.last_checkin_on ?? null,
        rhythm: rhythmOf({ status, rhythmDays: row.rhythm_days, startedOn: row.started_on, facts: rowFacts, today }),
        openMine: Number(row.open_mine ?? 0),
        openTheirs: Number(row.open_theirs ?? 0),
      };
    });
  }

  return {
    create: async (input: ParsedInput<'dyads.create'>): Promise<Dyad> =>
      db.transaction().execute(async (trx) => {
        const person = await livePerson(trx, input.personId, 'personId');
        if (person.is_me === 1) {
          throw new LadderError('validation', 'A dyad is between you and someone else; choose another person.', 'personId');
        }
        const now = clock.now();
        const row: DyadRow = {
          id: newId(Date.parse(now)),
          person_id: person.id,
          kind: input.kind,
          intention: input.intention,
          started_on: input.startedOn,
          rhythm_days: input.rhythmDays,
          status: 'active',
          closing_note: '',
          closed_on: null,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        };
        await trx.insertInto('dyad').values(row).execute();
        await writeAgreements(trx, row.id, input.agreements, now);
        return toDyad(trx, { ...row, person_name: person.name });
      }),

    update: async (input: ParsedInput<'dyads.update'>): Promise<Dyad> =>
      db.transaction().execute(async (trx) => {
        const current = await liveDyad(trx, input.id, 'id');
        const now = clock.now();
        const next = {
          ...current,
          kind: input.kind ?? current.kind,
          intention: input.intention ?? current.intention,
          started_on: input.startedOn === undefined ? current.started_on : input.startedOn,
          rhythm_days: input.rhythmDays === undefined ? current.rhythm_days : input.rhythmDays,
          updated_at: now,
        };
        await trx
          .updateTable('dyad')
          .set({ kind: next.kind, intention: next.intention, started_on: next.started_on, rhythm_days: next.rhythm_days, updated_at: now })
          .where('id', '=', input.id)
          .execute();
        if (input.agreements !== undefined) await writeAgreements(trx, input.id, input.agreements, now);
        return toDyad(trx, next);
      }),

    setStatus: async (input: ParsedInput<'dyads.setStatus'>): Promise<Dyad> =>
      db.transaction().execute(async (trx) => {
        const current = await liveDyad(trx, input.id, 'id');
        const closingNote = (input.closingNote ?? current.closing_note).trim();
        if (input.status === 'closed' && closingNote === '') {
          throw new LadderError('validation', 'A few words on how this dyad closes, for you to remember it by.', 'closingNote');
        }
        const now = clock.now();
        const closedOn = input.status === 'closed' ? (current.status === 'closed' ? current.closed_on : input.today) : null;
        await trx
          .updateTable('dyad')
          .set({ status: input.status, closing_note: closingNote, closed_on: closedOn, updated_at: now })
          .where('id', '=', input.id)
          .execute();
        return toDyad(trx, { ...current, status: input.status, closing_note: closingNote, closed_on: closedOn, updated_at: now });
      }),

    get: async (input: ParsedInput<'dyads.get'>): Promise<Dyad> => toDyad(db, await liveDyad(db, input.id, 'id')),

    list: (input: ParsedInput<'dyads.list'>): Promise<DyadCard[]> => cards(input.today),

    aWhile: async (input: ParsedInput<'dyads.aWhile'>): Promise<DyadCard[]> => {
      const all = await cards(input.today);
      return all.filter((card) => card.status === 'active' && card.rhythm.daysPast > 0).sort((a, b) => b.rhythm.daysPast - a.rhythm.daysPast);
    },

    card: async (input: ParsedInput<'dyads.card'>): Promise<DyadCard> => {
      const [card] = await cards(input.today, input.id);
      if (!card) throw new LadderError('not_found', 'That dyad is not in your archive (or was deleted).', 'id');
      return card;
    },

    delete: async (input: ParsedInput<'dyads.delete'>): Promise<{ id: string }> => {
      await liveDyad(db, input.id, 'id');
      const now = clock.now();
      await db.updateTable('dyad').set({ deleted_at: now, updated_at: now }).where('id', '=', input.id).execute();
      return { id: input.id };
    },

    restore: async (input: ParsedInput<'dyads.restore'>): Promise<Dyad> => {
      const exists = await db.selectFrom('dyad').select('id').where('id', '=', input.id).executeTakeFirst();
      if (!exists) throw new LadderError('not_found', 'That dyad is not in your archive.', 'id');
      await db.updateTable('dyad').set({ deleted_at: null, updated_at: clock.now() }).where('id', '=', input.id).execute();
      return toDyad(db, await liveDyad(db, input.id, 'id'));
    },

    dial: async (input: ParsedInput<'dyads.dial'>): Promise<DialPoint[]> => {
      await liveDyad(db, input.id, 'id');
      // The most recent points, returned oldest first for drawing left to right.
      const rows = await db
        .selectFrom('checkin')
        .select(['checkin_date', 'dial'])
        .where('dyad_id', '=', input.id)
        .where('deleted_at', 'is', null)
        .where('dial', 'is not', null)
        .orderBy('checkin_date', 'desc')
        .orderBy('id', 'desc')
        .limit(limits.listSize)
        .execute();
      return rows.reverse().map((row) => ({ checkinDate: row.checkin_date, dial: row.dial ?? 0 }));
    },
  };
}

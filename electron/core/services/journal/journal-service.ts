import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import type { Entry, EntryPage, EntrySummary } from '../../../../shared/domain/journal';
import { LadderError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import type { Database, EntryRow } from '../../db/schema';
import { newId } from '../../ids';

const excerptLength = 160;

function toEntry(row: EntryRow): Entry {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    entryDate: row.entry_date,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function excerptOf(body: string) {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > excerptLength ? `${flat.slice(0, excerptLength - 1)}…` : flat;
}

// A page cursor names the last entry shown; its parts match the list's sort order.
function encodeCursor(row: Pick<EntryRow, 'entry_date' | 'created_at' | 'id'>) {
  return [row.entry_date, row.created_at, row.id].join('|');
}

function decodeCursor(cursor: string): [string, string, string] {
  const parts = cursor.split('|');
  if (parts.length !== 3 || parts.some((p) => p.length === 0)) {
    throw new LadderError('validation', 'That page of the journal could not be found.', 'after');
  }
  return parts as [string, string, string];
}

export function createJournalService(db: Kysely<Database>, clock: Clock) {
  async function liveRow(id: string, field = 'id') {
    const row = await db.selectFrom('entry').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw new LadderError('not_found', 'That entry does not exist or was deleted.', field);
    return row;
  }

  return {
    create: async (input: ParsedInput<'journal.create'>): Promise<Entry> => {
      const now = clock.now();
      const row = {
        id: newId(Date.parse(now)),
        title: input.title,
        body: input.body,
        entry_date: input.entryDate,
        created_at: now,
        updated_at: now,
      };
      await db.insertInto('entry').values(row).execute();
      return toEntry({ ...row, deleted_at: null });
    },

    update: async (input: ParsedInput<'journal.update'>): Promise<Entry> => {
      return db.transaction().execute(async (trx) => {
        const current = await trx.selectFrom('entry').selectAll().where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst();
        if (!current) throw new LadderError('not_found', 'That entry does not exist or was deleted.', 'id');
        const next: EntryRow = {
          ...current,
          title: input.title ?? current.title,
          body: input.body ?? current.body,
          entry_date: input.entryDate ?? current.entry_date,
          updated_at: clock.now(),
        };
        await trx
          .updateTable('entry')
          .set({ title: next.title, body: next.body, entry_date: next.entry_date, updated_at: next.updated_at })
          .where('id', '=', input.id)
          .execute();
        return toEntry(next);
      });
    },

    get: async (input: ParsedInput<'journal.get'>): Promise<Entry> => {
      return toEntry(await liveRow(input.id));
    },

    list: async (input: ParsedInput<'journal.list'>): Promise<EntryPage> => {
      let query = db
        .selectFrom('entry')
        .select(['id', 'title', 'entry_date', 'created_at', 'updated_at'])
        // Only the start of the body crosses to the UI; a page of long entries stays small.
        .select((eb) => eb.fn<string>('substr', ['body', eb.val(1), eb.val(excerptLength * 2)]).as('body_start'))
        .where('deleted_at', 'is', null);
      if (input.after !== undefined) {
        const [date, created, id] = decodeCursor(input.after);
        query = query.where((eb) => eb(eb.refTuple('entry_date', 'created_at', 'id'), '<', eb.tuple(date, created, id)));
      }
      const rows = await query
        .orderBy('entry_date', 'desc')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(input.limit + 1)
        .execute();
      const page = rows.slice(0, input.limit);
      const entries: EntrySummary[] = page.map((row) => ({
        id: row.id,
        title: row.title,
        excerpt: excerptOf(row.body_start),
        entryDate: row.entry_date,
        updatedAt: row.updated_at,
      }));
      const last = page.at(-1);
      return { entries, nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null };
    },

    delete: async (input: ParsedInput<'journal.delete'>): Promise<{ id: string }> => {
      await liveRow(input.id);
      const now = clock.now();
      await db.updateTable('entry').set({ deleted_at: now, updated_at: now }).where('id', '=', input.id).execute();
      return { id: input.id };
    },

    restore: async (input: ParsedInput<'journal.restore'>): Promise<Entry> => {
      const row = await db.selectFrom('entry').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (!row) throw new LadderError('not_found', 'That entry does not exist.', 'id');
      const now = clock.now();
      await db.updateTable('entry').set({ deleted_at: null, updated_at: now }).where('id', '=', input.id).execute();
      return toEntry({ ...row, deleted_at: null, updated_at: now });
    },
  };
}

export type JournalService = ReturnType<typeof createJournalService>;

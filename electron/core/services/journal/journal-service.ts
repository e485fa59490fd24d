import { type Kysely, sql, type Transaction } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import type { Entry, EntryFields, EntryKind, EntryPage, EntrySummary, RungId } from '../../../../shared/domain/journal';
import type { SelfEnergy, SelfEnergyWeek } from '../../../../shared/domain/self';
import { selfEnergyQualities } from '../../../../shared/domain/self';
import { LadderError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import type { Database, EntryRow } from '../../db/schema';
import { newId } from '../../ids';
import { checkParts, checkPrompt, loadLinks, loadSelfEnergy, normaliseTags, setParts, setSelfEnergy, setTags } from './entry-links';
import { listEntries, onThisDay } from './journal-list';

type Db = Kysely<Database> | Transaction<Database>;


async function readEntry(db: Db, row: EntryRow): Promise<Entry> {
  const links = (await loadLinks(db, [row.id])).get(row.id);
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    entryDate: row.entry_date,
    kind: row.kind as EntryKind,
    rung: row.rung as RungId | null,
    promptId: row.prompt_id,
    partIds: links?.partIds ?? [],
    tags: links?.tags ?? [],
    selfEnergy: await loadSelfEnergy(db, row.id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Writes a new entry with its parts, tags and Self-energy check inside `trx`. Other services
 * that make entries (the protector reflection) call this so the rules live in one place.
 */
export async function insertEntry(trx: Transaction<Database>, input: EntryFields, now: string): Promise<Entry> {
  const partIds = await checkParts(trx, input.partIds);
  await checkPrompt(trx, input.promptId);
  const row: EntryRow = {
    id: newId(Date.parse(now)),
    title: input.title,
    body: input.body,
    entry_date: input.entryDate,
    kind: input.kind,
    rung: input.rung,
    prompt_id: input.promptId,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await trx.insertInto('entry').values(row).execute();
  await setParts(trx, row.id, partIds, now);
  await setTags(trx, row.id, input.tags, now);
  await setSelfEnergy(trx, row.id, input.selfEnergy, now);
  return readEntry(trx, row);
}

export function createJournalService(db: Kysely<Database>, clock: Clock) {
  async function liveRow(dbOrTrx: Db, id: string, field = 'id') {
    const row = await dbOrTrx.selectFrom('entry').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw new LadderError('not_found', 'That entry does not exist or was deleted.', field);
    return row;
  }

  return {
    create: async (input: ParsedInput<'journal.create'>): Promise<Entry> => {
      return db.transaction().execute((trx) => insertEntry(trx, { ...input, tags: normaliseTags(input.tags) }, clock.now()));
    },

    update: async (input: ParsedInput<'journal.update'>): Promise<Entry> => {
      return db.transaction().execute(async (trx) => {
        const current = await liveRow(trx, input.id);
        const partIds = input.partIds === undefined ? undefined : await checkParts(trx, input.partIds);
        if (input.promptId !== undefined) await checkPrompt(trx, input.promptId);
        const now = clock.now();
        const next: EntryRow = {
          ...current,
          title: input.title ?? current.title,
          body: input.body ?? current.body,
          entry_date: input.entryDate ?? current.entry_date,
          kind: input.kind ?? current.kind,
          rung: input.rung === undefined ? current.rung : input.rung,
          prompt_id: input.promptId === undefined ? current.prompt_id : input.promptId,
          updated_at: now,
        };
        await trx
          .updateTable('entry')
          .set({
            title: next.title,
            body: next.body,
            entry_date: next.entry_date,
            kind: next.kind,
            rung: next.rung,
            prompt_id: next.prompt_id,
            updated_at: next.updated_at,
          })
          .where('id', '=', input.id)
          .execute();
        if (partIds !== undefined) await setParts(trx, input.id, partIds, now);
        if (input.tags !== undefined) await setTags(trx, input.id, input.tags, now);
        if (input.selfEnergy !== undefined) await setSelfEnergy(trx, input.id, input.selfEnergy, now);
        return readEntry(trx, next);
      });
    },

    get: async (input: ParsedInput<'journal.get'>): Promise<Entry> => {
      return readEntry(db, await liveRow(db, input.id));
    },

    list: (input: ParsedInput<'journal.list'>): Promise<EntryPage> => listEntries(db, input),

    onThisDay: (input: ParsedInput<'journal.onThisDay'>): Promise<EntrySummary[]> => onThisDay(db, input.date, input.limit),

    tags: async (): Promise<string[]> => {
      const rows = await db
        .selectFrom('tag')
        .select('name')
        .where('deleted_at', 'is', null)
        // A tag counts while a live entry carries it; one match is enough to know.
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('entry_tag')
              .innerJoin('entry', 'entry.id', 'entry_tag.entry_id')
              .select(sql`1`.as('one'))
              .whereRef('entry_tag.tag_id', '=', 'tag.id')
              .where('entry_tag.deleted_at', 'is', null)
              .where('entry.deleted_at', 'is', null),
          ),
        )
        .orderBy(sql`name COLLATE NOCASE`)
        .limit(500)
        .execute();
      return rows.map((row) => row.name);
    },

    delete: async (input: ParsedInput<'journal.delete'>): Promise<{ id: string }> => {
      await liveRow(db, input.id);
      const now = clock.now();
      await db.updateTable('entry').set({ deleted_at: now, updated_at: now }).where('id', '=', input.id).execute();
      return { id: input.id };
    },

    restore: async (input: ParsedInput<'journal.restore'>): Promise<Entry> => {
      const row = await db.selectFrom('entry').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (!row) throw new LadderError('not_found', 'That entry does not exist.', 'id');
      const now = clock.now();
      await db.updateTable('entry').set({ deleted_at: null, updated_at: now }).where('id', '=', input.id).execute();
      return readEntry(db, { ...row, deleted_at: null, updated_at: now });
    },

    /** Self-energy by week: the mean of each C over the checks that rated it. */
    selfEnergyWeekly: async (input: ParsedInput<'selfEnergy.weekly'>): Promise<SelfEnergyWeek[]> => {
      // SQLite: go back six days, then forward to a Monday: the Monday on or before the day.
      const week = sql<string>`date(entry.entry_date, '-6 days', 'weekday 1')`;
      const rows = await db
        .selectFrom('self_energy')
        .innerJoin('entry', 'entry.id', 'self_energy.entry_id')
        .select(week.as('week_start'))
        .select((eb) => eb.fn.countAll<number>().as('checks'))
        .select((eb) => selfEnergyQualities.map((q) => eb.fn.avg<number | null>(`self_energy.${q}`).as(q)))
        .where('self_energy.deleted_at', 'is', null)
        .where('entry.deleted_at', 'is', null)
        .where('entry.entry_date', '>=', input.from)
        .where('entry.entry_date', '<=', input.to)
        .groupBy(week)
        .orderBy(week)
        .execute();
      return rows.map((row) => {
        const averages: SelfEnergy = {};
        for (const q of selfEnergyQualities) {
          const value = row[q];
          if (value !== null && value !== undefined) averages[q] = Math.round(Number(value) * 100) / 100;
        }
        return { weekStart: row.week_start, checks: Number(row.checks), averages };
      });
    },
  };
}

export type JournalService = ReturnType<typeof createJournalService>;

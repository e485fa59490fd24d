import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import type { RungId } from '../../../../shared/domain/journal';
import type { LibrarySource, Prompt } from '../../../../shared/domain/prompts';
import { LadderError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import type { Database, PromptRow } from '../../db/schema';
import { newId } from '../../ids';
import { lookingBackPromptIds } from './crew-prompts';
import { localDayOf, pickForDay } from './prompt-of-the-day';

function toPrompt(row: PromptRow): Prompt {
  return {
    id: row.id,
    rung: row.rung as RungId,
    text: row.text,
    source: row.source as LibrarySource,
    archived: row.archived_at !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Each rung's library is small (tens of prompts), so lists are whole and capped. */
const libraryCap = 1_000;

export function createPromptsService(db: Kysely<Database>, clock: Clock) {
  async function livePrompt(id: string) {
    const row = await db.selectFrom('prompt').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw new LadderError('not_found', 'That prompt does not exist or was deleted.', 'id');
    return row;
  }

  const anyMeetingHeld = async () => (await db.selectFrom('meeting').select('id').where('deleted_at', 'is', null).limit(1).executeTakeFirst()) !== undefined;

  return {
    list: async (input: ParsedInput<'prompts.list'>): Promise<Prompt[]> => {
      let query = db.selectFrom('prompt').selectAll().where('deleted_at', 'is', null);
      if (input.rung !== undefined) query = query.where('rung', '=', input.rung);
      if (!input.includeArchived) query = query.where('archived_at', 'is', null);
      const rows = await query.orderBy('rung').orderBy('id').limit(libraryCap).execute();
      return rows.map(toPrompt);
    },

    get: async (input: ParsedInput<'prompts.get'>): Promise<Prompt> => toPrompt(await livePrompt(input.id)),

    today: async (input: ParsedInput<'prompts.today'>): Promise<Prompt | null> => {
      const day = input.date ?? localDayOf(clock.now());
      let query = db.selectFrom('prompt').selectAll().where('rung', '=', input.rung);
      if (input.rung === 'crews' && !(await anyMeetingHeld())) query = query.where('id', 'not in', lookingBackPromptIds);
      const rows = await query
        .where('deleted_at', 'is', null)
        .where('archived_at', 'is', null)
        .limit(libraryCap)
        .execute();
      const picked = pickForDay(rows.map(toPrompt), day, input.rung);
      return picked;
    },

    create: async (input: ParsedInput<'prompts.create'>): Promise<Prompt> => {
      const now = clock.now();
      const row: PromptRow = {
        id: newId(Date.parse(now)),
        rung: input.rung,
        text: input.text,
        source: 'user',
        archived_at: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      };
      await db.insertInto('prompt').values(row).execute();
      return toPrompt(row);
    },

    update: async (input: ParsedInput<'prompts.update'>): Promise<Prompt> => {
      const row = await livePrompt(input.id);
      if (row.source !== 'user') {
        throw new LadderError('validation', 'Prompts that come with Ladder stay as written. Archive this one and add your own wording.', 'id');
      }
      const now = clock.now();
      await db.updateTable('prompt').set({ text: input.text, updated_at: now }).where('id', '=', input.id).execute();
      return toPrompt({ ...row, text: input.text, updated_at: now });
    },

    archive: async (input: ParsedInput<'prompts.archive'>): Promise<Prompt> => {
      const row = await livePrompt(input.id);
      if ((row.archived_at !== null) === input.archived) return toPrompt(row);
      const now = clock.now();
      const archivedAt = input.archived ? now : null;
      await db.updateTable('prompt').set({ archived_at: archivedAt, updated_at: now }).where('id', '=', input.id).execute();
      return toPrompt({ ...row, archived_at: archivedAt, updated_at: now });
    },
  };
}

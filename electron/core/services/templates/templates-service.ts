import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import type { EntryKind, RungId } from '../../../../shared/domain/journal';
import type { LibrarySource, Template } from '../../../../shared/domain/prompts';
import { LadderError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import type { Database, TemplateRow } from '../../db/schema';
import { newId } from '../../ids';

function toTemplate(row: TemplateRow): Template {
  return {
    id: row.id,
    name: row.name,
    body: row.body,
    rung: row.rung as RungId | null,
    kind: row.kind as EntryKind,
    source: row.source as LibrarySource,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Templates to start an entry from: Ladder's own and yours, all editable, deleted softly. */
export function createTemplatesService(db: Kysely<Database>, clock: Clock) {
  async function liveTemplate(id: string) {
    const row = await db.selectFrom('template').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw new LadderError('not_found', 'That template does not exist or was deleted.', 'id');
    return row;
  }

  return {
    list: async (): Promise<Template[]> => {
      const rows = await db.selectFrom('template').selectAll().where('deleted_at', 'is', null).orderBy('id').limit(500).execute();
      return rows.map(toTemplate);
    },

    create: async (input: ParsedInput<'templates.create'>): Promise<Template> => {
      const now = clock.now();
      const row: TemplateRow = {
        id: newId(Date.parse(now)),
        name: input.name,
        body: input.body,
        rung: input.rung,
        kind: input.kind,
        source: 'user',
        created_at: now,
        updated_at: now,
        deleted_at: null,
      };
      await db.insertInto('template').values(row).execute();
      return toTemplate(row);
    },

    update: async (input: ParsedInput<'templates.update'>): Promise<Template> => {
      const row = await liveTemplate(input.id);
      const now = clock.now();
      const next: TemplateRow = {
        ...row,
        name: input.name ?? row.name,
        body: input.body ?? row.body,
        rung: input.rung === undefined ? row.rung : input.rung,
        kind: input.kind ?? row.kind,
        updated_at: now,
      };
      await db
        .updateTable('template')
        .set({ name: next.name, body: next.body, rung: next.rung, kind: next.kind, updated_at: now })
        .where('id', '=', input.id)
        .execute();
      return toTemplate(next);
    },

    delete: async (input: ParsedInput<'templates.delete'>): Promise<{ id: string }> => {
      await liveTemplate(input.id);
      const now = clock.now();
      await db.updateTable('template').set({ deleted_at: now, updated_at: now }).where('id', '=', input.id).execute();
      return { id: input.id };
    },

    restore: async (input: ParsedInput<'templates.restore'>): Promise<Template> => {
      const row = await db.selectFrom('template').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (!row) throw new LadderError('not_found', 'That template does not exist.', 'id');
      const now = clock.now();
      await db.updateTable('template').set({ deleted_at: null, updated_at: now }).where('id', '=', input.id).execute();
      return toTemplate({ ...row, deleted_at: null, updated_at: now });
    },
  };
}

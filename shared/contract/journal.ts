import { z } from 'zod';
import type { Entry, EntryPage } from '../domain/journal';
import { read, write } from './define';
import { id, isoDate, limits, pageCursor, text } from './fields';

export const journalContract = {
  'journal.create': write(
    z.strictObject({
      title: text(limits.title).default(''),
      body: text(limits.body).default(''),
      entryDate: isoDate,
    }),
  ).returns<Entry>(),

  'journal.update': write(
    z.strictObject({
      id,
      title: text(limits.title).optional(),
      body: text(limits.body).optional(),
      entryDate: isoDate.optional(),
    }),
  ).returns<Entry>(),

  'journal.get': read(z.strictObject({ id })).returns<Entry>(),

  'journal.list': read(
    z.strictObject({
      after: pageCursor.optional(),
      limit: z.number().int().min(1).max(limits.pageSize).default(50),
    }),
  ).returns<EntryPage>(),

  /** Soft delete: the entry leaves the journal but can be restored (undo). */
  'journal.delete': write(z.strictObject({ id })).returns<{ id: string }>(),

  'journal.restore': write(z.strictObject({ id })).returns<Entry>(),
};

import { z } from 'zod';
import type { Entry, EntryPage, EntrySummary } from '../domain/journal';
import type { SelfEnergyWeek } from '../domain/self';
import { read, write } from './define';
import { calendarDay, dateOf, id, isoDate, limits, pageCursor, text } from './fields';
import { entryKind, rung, selfEnergy, selfLimits, tagName } from './self-fields';

const partIds = z.array(id).max(selfLimits.partsPerEntry, `An entry can name up to ${selfLimits.partsPerEntry} parts.`);
const tags = z.array(tagName).max(selfLimits.tagsPerEntry, `An entry can have up to ${selfLimits.tagsPerEntry} tags.`);

/** An entry's day, 1900 to 2100: a typo in the year (2999, 0202) is caught, not kept forever on top. */
export const entryDate = dateOf('An entry’s date');

/** How many days one chart may cover: about two years of weeks. */
const chartDays = 800;

export const journalContract = {
  'journal.create': write(
    z.strictObject({
      title: text(limits.title).default(''),
      body: text(limits.body).default(''),
      entryDate,
      kind: entryKind.default('journal'),
      rung: rung.nullable().default(null),
      promptId: id.nullable().default(null),
      partIds: partIds.default([]),
      tags: tags.default([]),
      selfEnergy: selfEnergy.nullable().default(null),
    }),
  ).returns<Entry>(),

  /** Changes only what is given; `partIds` and `tags` replace the whole set, `selfEnergy: null` removes the check. */
  'journal.update': write(
    z.strictObject({
      id,
      title: text(limits.title).optional(),
      body: text(limits.body).optional(),
      entryDate: entryDate.optional(),
      kind: entryKind.optional(),
      rung: rung.nullable().optional(),
      promptId: id.nullable().optional(),
      partIds: partIds.optional(),
      tags: tags.optional(),
      selfEnergy: selfEnergy.nullable().optional(),
    }),
  ).returns<Entry>(),

  'journal.get': read(z.strictObject({ id })).returns<Entry>(),

  /** Newest first, a page at a time; every filter given must match. */
  'journal.list': read(
    z
      .strictObject({
        after: pageCursor.optional(),
        limit: z.number().int().min(1).max(limits.pageSize).default(50),
        tag: tagName.optional(),
        partId: id.optional(),
        promptId: id.optional(),
        rung: rung.optional(),
        from: calendarDay.optional(),
        to: calendarDay.optional(),
      })
      .refine((input) => !input.from || !input.to || input.from <= input.to, { message: 'The start of the range comes after its end.', path: ['to'] }),
  ).returns<EntryPage>(),

  /** Entries from the same day of the year in earlier years, newest year first. */
  'journal.onThisDay': read(z.strictObject({ date: isoDate, limit: z.number().int().min(1).max(limits.pageSize).default(20) })).returns<
    EntrySummary[]
  >(),

  /** Every tag on a live entry, A to Z. */
  'journal.tags': read(z.strictObject({})).returns<string[]>(),

  /** Soft delete: the entry leaves the journal but can be restored (undo). */
  'journal.delete': write(z.strictObject({ id })).returns<{ id: string }>(),

  'journal.restore': write(z.strictObject({ id })).returns<Entry>(),

  /** The Self-energy checks of a date range, averaged by week (weeks start on Monday). */
  'selfEnergy.weekly': read(
    z
      .strictObject({ from: isoDate, to: isoDate })
      .refine((input) => input.from <= input.to, { message: 'The start of the range comes after its end.', path: ['to'] })
      .refine((input) => Date.parse(input.to) - Date.parse(input.from) <= chartDays * 86_400_000, {
        message: 'A chart covers about two years at most.',
        path: ['from'],
      }),
  ).returns<SelfEnergyWeek[]>(),
};

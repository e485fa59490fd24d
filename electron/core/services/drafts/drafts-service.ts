import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import { limits } from '../../../../shared/contract/fields';
import type { Draft } from '../../../../shared/domain/drafts';
import type { Clock } from '../../clock';
import type { Database } from '../../db/schema';
import { newId } from '../../ids';

/** More forms than anyone leaves half-written: a bound on what loads at start, whatever happens. */
export const draftsKept = limits.listSize;

/**
 * A draft untouched this long is let go when the archive opens. Its form's moment has passed (a
 * crew's cycle is a few months; a capture is for now), and a draft whose record was deleted is
 * never shown again: without this, such drafts would only pile up. The JSON export holds them
 * while they last.
 */
export const draftMaxAgeDays = 180;

const dayMillis = 24 * 60 * 60 * 1000;

/**
 * Drafts: the state of a form the person has not saved yet, by the form's key. They are not
 * records the person made, so `discard` deletes the row for real (see there), and nothing
 * else in the archive points at them.
 */
export function createDraftsService(db: Kysely<Database>, clock: Clock) {
  return {
    list: async (): Promise<Draft[]> => {
      const rows = await db
        .selectFrom('draft')
        .select(['key', 'value', 'updated_at'])
        .where('deleted_at', 'is', null)
        .orderBy('updated_at', 'desc')
        .limit(draftsKept)
        .execute();
      return rows.map((r) => ({ key: r.key, value: r.value, updatedAt: r.updated_at }));
    },

    /** One statement (an upsert on the key's unique index): a form's words are never half written. */
    keep: async ({ key, value }: ParsedInput<'drafts.keep'>): Promise<{ key: string; updatedAt: string }> => {
      const now = clock.now();
      await db
        .insertInto('draft')
        .values({ id: newId(Date.parse(now)), key, value, created_at: now, updated_at: now, deleted_at: null })
        .onConflict((conflict) => conflict.column('key').where('deleted_at', 'is', null).doUpdateSet({ value, updated_at: now }))
        .execute();
      return { key, updatedAt: now };
    },

    /**
     * Deleted for real rather than marked deleted: a draft is a form's passing state, not something
     * the person made, and it goes because they saved the words as a record or chose to let them
     * go (after a confirmation saying Undo cannot bring them back). A soft-deleted draft would keep
     * words they dropped in the file, its backups and its exports, with no way to see them.
     */
    discard: async ({ key }: ParsedInput<'drafts.discard'>): Promise<{ key: string }> => {
      await db.deleteFrom('draft').where('key', '=', key).execute();
      return { key };
    },

    /** Lets go of drafts untouched for `draftMaxAgeDays`, and of any beyond the newest `draftsKept`. */
    purge: async (): Promise<number> => {
      const cutoff = new Date(Date.parse(clock.now()) - draftMaxAgeDays * dayMillis).toISOString();
      const result = await db
        .deleteFrom('draft')
        .where((eb) =>
          eb.or([
            eb('updated_at', '<', cutoff),
            eb('id', 'in', eb.selectFrom('draft').select('id').where('deleted_at', 'is', null).orderBy('updated_at', 'desc').limit(-1).offset(draftsKept)),
          ]),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

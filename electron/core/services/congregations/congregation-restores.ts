import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import type { Gathering, SharedLesson } from '../../../../shared/domain/congregations';
import { LadderError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import type { Database } from '../../db/schema';
import { type Db, liveGathering, sharedLessons, toGatherings } from './congregation-rows';

/** Undo for a deleted gathering or shared lesson: clears `deleted_at`; search triggers index it again. */

/** A record can only come back onto a page that is still there. */
async function checkCongregationLive(db: Db, congregationId: string, what: string) {
  const congregation = await db.selectFrom('congregation').select('deleted_at').where('id', '=', congregationId).executeTakeFirst();
  if (!congregation || congregation.deleted_at !== null) {
    throw new LadderError('validation', `This ${what}'s congregation was deleted: bring the congregation back first.`, 'id');
  }
}

export function createCongregationRestores(db: Kysely<Database>, clock: Clock) {
  return {
    restoreGathering: async (input: ParsedInput<'gatherings.restore'>): Promise<Gathering> => {
      const row = await db.selectFrom('gathering').select(['id', 'congregation_id']).where('id', '=', input.id).executeTakeFirst();
      if (!row) throw new LadderError('not_found', 'That gathering is not in your archive.', 'id');
      await checkCongregationLive(db, row.congregation_id, 'gathering');
      const now = clock.now();
      await db.updateTable('gathering').set({ deleted_at: null, updated_at: now }).where('id', '=', input.id).where('deleted_at', 'is not', null).execute();
      const [gathering] = await toGatherings(db, [await liveGathering(db, input.id)], now.slice(0, 10));
      return gathering as Gathering;
    },

    restoreLesson: async (input: ParsedInput<'lessons.restore'>): Promise<SharedLesson> => {
      const row = await db.selectFrom('shared_lesson').select(['id', 'congregation_id']).where('id', '=', input.id).executeTakeFirst();
      if (!row) throw new LadderError('not_found', 'That lesson is not in your archive.', 'id');
      await checkCongregationLive(db, row.congregation_id, 'lesson');
      await db
        .updateTable('shared_lesson')
        .set({ deleted_at: null, updated_at: clock.now() })
        .where('id', '=', input.id)
        .where('deleted_at', 'is not', null)
        .execute();
      const [lesson] = await sharedLessons(db, { id: input.id }, 1);
      return lesson as SharedLesson;
    },
  };
}

import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import type { Entry } from '../../../../shared/domain/journal';
import { protectorReflectionBody, protectorReflectionTitle } from '../../../../shared/domain/protector-reflection';
import type { Part } from '../../../../shared/domain/self';
import type { Clock } from '../../clock';
import type { Database, PartRow } from '../../db/schema';
import { newId } from '../../ids';
import { insertEntry } from '../journal/journal-service';
import { checkNameFree, livePart, nextColour, recordStatus, toPart } from './part-rows';

/** Fills in what the reflection learned, keeping what was known when an answer was left empty. */
function learned(current: string, answer: string) {
  return answer.trim() === '' ? current : answer.trim();
}

/**
 * Finishes the 6 F's: one transaction writes the entry and creates the part or fills in its
 * profile. A part only noticed before is now being got to know.
 */
export function createProtectorReflectionService(db: Kysely<Database>, clock: Clock) {
  return {
    save: async (input: ParsedInput<'protectorReflection.save'>): Promise<{ entry: Entry; part: Part }> => {
      return db.transaction().execute(async (trx) => {
        const now = clock.now();
        let row: PartRow;
        if (input.partId !== undefined) {
          row = await livePart(trx, input.partId, 'partId');
        } else {
          const name = input.newPart?.name ?? '';
          await checkNameFree(trx, name, null, 'newPart.name');
          row = {
            id: newId(Date.parse(now)),
            name,
            role: input.newPart?.role ?? 'manager',
            colour: await nextColour(trx),
            body_location: '',
            apparent_age: '',
            job: '',
            positive_intent: '',
            fears: '',
            trailheads: '',
            trust: null,
            status: 'noticed',
            notes: '',
            map_x: null,
            map_y: null,
            created_at: now,
            updated_at: now,
            deleted_at: null,
          };
          await trx.insertInto('part').values(row).execute();
          await recordStatus(trx, row.id, row.status, now);
        }

        const next: PartRow = {
          ...row,
          body_location: learned(row.body_location, input.bodyLocation),
          apparent_age: learned(row.apparent_age, input.apparentAge),
          job: learned(row.job, input.job),
          positive_intent: learned(row.positive_intent, input.positiveIntent),
          fears: learned(row.fears, input.fears),
          trust: input.trust ?? row.trust,
          status: row.status === 'noticed' ? 'getting_to_know' : row.status,
          updated_at: now,
        };
        const { id: _id, created_at: _created, deleted_at: _deleted, ...changes } = next;
        await trx.updateTable('part').set(changes).where('id', '=', row.id).execute();
        if (next.status !== row.status) await recordStatus(trx, row.id, next.status, now);

        const entry = await insertEntry(
          trx,
          {
            title: protectorReflectionTitle(row.name),
            body: protectorReflectionBody({ ...input, partName: row.name }),
            entryDate: input.entryDate,
            kind: 'protector_reflection',
            rung: 'self',
            promptId: null,
            partIds: [row.id],
            tags: [],
            selfEnergy: input.selfEnergy,
          },
          now,
        );
        return { entry, part: toPart(next) };
      });
    },
  };
}

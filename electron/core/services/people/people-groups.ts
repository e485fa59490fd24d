import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import type { CrewStage } from '../../../../shared/domain/crews';
import type { PersonGroups } from '../../../../shared/domain/people';
import type { Database } from '../../db/schema';
import { livePerson } from './people-service';

/**
 * The crews, congregations and networks a person is part of, so their page shows them on every
 * rung, not only in dyads. Each list walks the person's own index (`*_by_person`).
 */
export function createPeopleGroups(db: Kysely<Database>) {
  return async (input: ParsedInput<'people.groups'>): Promise<PersonGroups> => {
    await livePerson(db, input.id, 'id');
    const [crews, congregations, networks] = await Promise.all([
      db
        .selectFrom('crew_member as m')
        .innerJoin('crew as c', 'c.id', 'm.crew_id')
        .select(['c.id', 'c.name', 'c.stage'])
        .where('m.person_id', '=', input.id)
        .where('m.deleted_at', 'is', null)
        .where('c.deleted_at', 'is', null)
        .orderBy('c.name')
        .execute(),
      db
        .selectFrom('congregation_person as m')
        .innerJoin('congregation as c', 'c.id', 'm.congregation_id')
        .select(['c.id', 'c.name'])
        .where('m.person_id', '=', input.id)
        .where('m.deleted_at', 'is', null)
        .where('c.deleted_at', 'is', null)
        .orderBy('c.name')
        .execute(),
      db
        .selectFrom('network_host as h')
        .innerJoin('network as n', 'n.id', 'h.network_id')
        .select(['n.id', 'n.name'])
        .where('h.person_id', '=', input.id)
        .where('h.deleted_at', 'is', null)
        .where('n.deleted_at', 'is', null)
        .orderBy('n.name')
        .execute(),
    ]);
    return {
      crews: crews.map((crew) => ({ id: crew.id, name: crew.name, stage: crew.stage as CrewStage })),
      congregations,
      hostedNetworks: networks,
    };
  };
}

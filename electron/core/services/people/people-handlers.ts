import type { Clock } from '../../clock';
import type { Archive } from '../../db/open';
import type { Handlers } from '../../router';
import { createPeopleService } from './people-service';
import { createPeopleGroups } from './people-groups';
import { createPeopleTimeline } from './people-timeline';

export function createPeopleHandlers(archive: Archive, clock: Clock) {
  const people = createPeopleService(archive.db, clock);
  return {
    'people.create': people.create,
    'people.update': people.update,
    'people.get': people.get,
    'people.list': people.list,
    'people.delete': people.delete,
    'people.restore': people.restore,
    'people.timeline': createPeopleTimeline(archive.db),
    'people.groups': createPeopleGroups(archive.db),
  } satisfies Partial<Handlers>;
}

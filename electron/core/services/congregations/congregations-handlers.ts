import type { Clock } from '../../clock';
import type { Archive } from '../../db/open';
import type { Handlers } from '../../router';
import { createCongregationRestores } from './congregation-restores';
import { createCongregationsService } from './congregations-service';

export function createCongregationsHandlers(archive: Archive, clock: Clock) {
  const congregations = createCongregationsService(archive.db, clock);
  const restores = createCongregationRestores(archive.db, clock);
  return {
    'congregations.create': congregations.create,
    'congregations.update': congregations.update,
    'congregations.setRole': congregations.setRole,
    'congregations.list': congregations.list,
    'congregations.get': congregations.get,
    'congregations.delete': congregations.delete,
    'congregations.restore': congregations.restore,
    'congregations.addCrew': congregations.addCrew,
    'congregations.removeCrew': congregations.removeCrew,
    'congregations.addPeople': congregations.addPeople,
    'congregations.removePerson': congregations.removePerson,
    'congregations.lessonsMarkdown': congregations.lessonsMarkdown,
    'gatherings.create': congregations.createGathering,
    'gatherings.update': congregations.updateGathering,
    'gatherings.delete': congregations.deleteGathering,
    'gatherings.restore': restores.restoreGathering,
    'lessons.share': congregations.shareLesson,
    'lessons.delete': congregations.deleteLesson,
    'lessons.restore': restores.restoreLesson,
  } satisfies Partial<Handlers>;
}

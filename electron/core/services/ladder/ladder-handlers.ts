import type { Archive } from '../../db/open';
import type { Handlers } from '../../router';
import { createLadderService } from './ladder-service';

export function createLadderHandlers(archive: Archive) {
  const ladder = createLadderService(archive.db);
  return {
    'ladder.summary': ladder.summary,
    'ladder.map': ladder.map,
  } satisfies Partial<Handlers>;
}

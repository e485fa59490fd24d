import type { Archive } from '../../db/open';
import type { Handlers } from '../../router';
import { createSearchService } from './search-service';

export function createSearchHandlers(archive: Archive) {
  const search = createSearchService(archive.sqlite);
  return {
    'search.query': (input) => search.query(input),
    'search.filters': () => search.filters(),
  } satisfies Partial<Handlers>;
}

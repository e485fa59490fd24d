import { z } from 'zod';
import type { SearchFilterOptions, SearchResults } from '../domain/search';
import { read } from './define';
import { calendarDay, id } from './fields';

export const searchRung = z.enum(['self', 'dyads', 'crews', 'congregations', 'network']);

export const searchFilters = z.strictObject({
  rung: searchRung.optional(),
  from: calendarDay.optional(),
  to: calendarDay.optional(),
  /** Facet filters (person, part, tag…): only the facets `search.filters` offers are accepted. */
  facets: z.record(z.string().regex(/^[a-z]{1,30}$/), z.union([id, z.string().min(1).max(200)])).optional(),
}).refine((filters) => filters.from === undefined || filters.to === undefined || filters.from <= filters.to, {
  // Days the wrong way round found nothing, and said only that.
  message: 'The “From” day comes after the “To” day: swap them to search between the two.',
  path: ['to'],
});

export const searchContract = {
  /**
   * Searches everything written. Any text is safe: words are matched as words, "quoted words" as a
   * phrase, and the last word as a prefix while typing. Without `kind` it answers every kind's first
   * page; with `kind` and `offset`, the next page of that kind.
   */
  'search.query': read(
    z.strictObject({
      text: z.string().max(500, 'Keep a search under 500 characters.'),
      filters: searchFilters.default({}),
      kind: z.string().regex(/^[a-z_]{1,40}$/).optional(),
      offset: z.number().int().min(0).max(100_000).default(0),
      limit: z.number().int().min(1).max(50).default(5),
    }),
  ).returns<SearchResults>(),

  'search.filters': read(z.strictObject({})).returns<SearchFilterOptions>(),
};

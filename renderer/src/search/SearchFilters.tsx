import { useShallow } from 'zustand/react/shallow';
import type { SearchRung } from '../../../shared/domain/search';
import { rungs } from '../ladder/rungs';
import { useSearch } from './search-store';

const anyLabel: Record<string, string> = { person: 'Anyone', part: 'Any part', tag: 'Any tag' };

/** Narrow a search by rung, by the days written about, and by person, part or tag where those exist. */
export function SearchFiltersBar() {
  const filters = useSearch((state) => state.filters);
  const setFilters = useSearch((state) => state.setFilters);
  const setFacet = useSearch((state) => state.setFacet);
  const clearFilters = useSearch((state) => state.clearFilters);
  const facets = useSearch(useShallow((state) => (state.options?.facets ?? []).filter((facet) => facet.options.length > 0)));
  const active =
    filters.rung !== undefined || Boolean(filters.from) || Boolean(filters.to) || Object.keys(filters.facets ?? {}).length > 0;

  return (
    <fieldset className="search-filters">
      <legend className="visually-hidden">Filters</legend>
      <div className="search-filter">
        <label className="field-label" htmlFor="search-rung">
          Rung
        </label>
        <select
          id="search-rung"
          value={filters.rung ?? ''}
          onChange={(event) => setFilters({ rung: event.target.value === '' ? undefined : (event.target.value as SearchRung) })}
        >
          <option value="">Every rung</option>
          {rungs.map((rung) => (
            <option key={rung.id} value={rung.id}>
              {rung.name}
            </option>
          ))}
        </select>
      </div>
      <div className="search-filter">
        <label className="field-label" htmlFor="search-from">
          From
        </label>
        <input id="search-from" type="date" value={filters.from ?? ''} onChange={(event) => setFilters({ from: event.target.value || undefined })} />
      </div>
      <div className="search-filter">
        <label className="field-label" htmlFor="search-to">
          To
        </label>
        <input id="search-to" type="date" value={filters.to ?? ''} onChange={(event) => setFilters({ to: event.target.value || undefined })} />
      </div>
      {facets.map((facet) => (
        <div key={facet.facet} className="search-filter">
          <label className="field-label" htmlFor={`search-facet-${facet.facet}`}>
            {facet.label}
          </label>
          <select id={`search-facet-${facet.facet}`} value={filters.facets?.[facet.facet] ?? ''} onChange={(event) => setFacet(facet.facet, event.target.value)}>
            <option value="">{anyLabel[facet.facet] ?? 'Any'}</option>
            {facet.options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      {active ? (
        <button type="button" className="button button-quiet search-clear" onClick={clearFilters}>
          Clear filters
        </button>
      ) : null}
    </fieldset>
  );
}

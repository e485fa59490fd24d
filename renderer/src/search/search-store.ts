import { create } from 'zustand';
import type { SearchFilterOptions, SearchGroup, SearchHit, SearchRung } from '../../../shared/domain/search';
import { asLadderError, call } from '../api/client';
import { useNavigation } from '../app/navigation-store';

/** The Search page: what was typed, the filters, and the hits grouped by kind. */

export const searchDelayMs = 150;
const firstPageSize = 5;
const morePageSize = 20;

export interface SearchFilters {
  rung?: SearchRung;
  from?: string;
  to?: string;
  facets?: Record<string, string>;
}

type Status = 'idle' | 'searching' | 'ready' | 'error';

interface SearchState {
  text: string;
  filters: SearchFilters;
  groups: SearchGroup[];
  /** The text the shown results are for (the box may already hold more). */
  searchedText: string;
  status: Status;
  error: string | null;
  options: SearchFilterOptions | null;
  /** Bumped to ask the search box to take focus (Ctrl/Cmd+K). */
  focusNonce: number;
  setText: (text: string) => void;
  setFilters: (patch: Partial<SearchFilters>) => void;
  setFacet: (facet: string, value: string | null) => void;
  clearFilters: () => void;
  /** Lists everything carrying a tag, in place of the words typed (which named it). */
  showTagged: (tagId: string) => void;
  searchNow: () => Promise<void>;
  showMore: (kind: string) => Promise<void>;
  loadOptions: () => Promise<void>;
  open: (hit: SearchHit) => void;
  requestFocus: () => void;
  reset: () => void;
}

const initial = {
  text: '',
  filters: {} as SearchFilters,
  groups: [] as SearchGroup[],
  searchedText: '',
  status: 'idle' as Status,
  error: null as string | null,
  options: null as SearchFilterOptions | null,
  focusNonce: 0,
};

let timer: ReturnType<typeof setTimeout> | null = null;
// Each search gets a number; an answer for an older one is dropped, so typing never flickers back.
let latest = 0;

function cleanFilters(filters: SearchFilters) {
  const facets = Object.fromEntries(Object.entries(filters.facets ?? {}).filter(([, v]) => v !== ''));
  return {
    ...(filters.rung ? { rung: filters.rung } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(Object.keys(facets).length > 0 ? { facets } : {}),
  };
}

/** Whether the filters alone choose something to list: a person, a part or a tag. */
export function browsing(filters: SearchFilters): boolean {
  return Object.values(filters.facets ?? {}).some((value) => value !== '');
}

/** Lower case, without accents, emoji or a leading '#': how a typed word is held against a tag's name. */
function tagKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/**
 * The tag the words typed name, if any ("ärger", "#Ärger" for the tag "Ärger 😤"): tags are
 * filters, not words in the text, so the page offers to show what carries it.
 */
export function tagNamed(text: string, options: SearchFilterOptions | null): { id: string; label: string } | null {
  const key = tagKey(text);
  if (key === '') return null;
  return options?.facets.find((facet) => facet.facet === 'tag')?.options.find((option) => tagKey(option.label) === key) ?? null;
}

export const useSearch = create<SearchState>()((set, get) => {
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void get().searchNow();
    }, searchDelayMs);
  };

  return {
    ...initial,

    setText: (text) => {
      set({ text });
      schedule();
    },

    setFilters: (patch) => {
      set({ filters: { ...get().filters, ...patch } });
      schedule();
    },

    setFacet: (facet, value) => {
      const facets = { ...get().filters.facets };
      if (value === null || value === '') delete facets[facet];
      else facets[facet] = value;
      set({ filters: { ...get().filters, facets } });
      schedule();
    },

    showTagged: (tagId) => {
      set({ text: '', filters: { ...get().filters, facets: { ...get().filters.facets, tag: tagId } } });
      schedule();
    },

    clearFilters: () => {
      set({ filters: {} });
      schedule();
    },

    searchNow: async () => {
      const mine = ++latest;
      const { text, filters } = get();
      // No words and no person, part or tag chosen: nothing to look for yet. (With one chosen,
      // everything under it shows, newest first.)
      if (text.trim() === '' && !browsing(filters)) {
        set({ groups: [], searchedText: '', status: 'idle', error: null });
        return;
      }
      set({ status: 'searching' });
      try {
        const results = await call('search.query', { text, filters: cleanFilters(filters), limit: firstPageSize });
        if (mine !== latest) return;
        set({ groups: results.groups, searchedText: text, status: 'ready', error: null });
      } catch (error) {
        if (mine === latest) set({ status: 'error', error: asLadderError(error).message });
      }
    },

    showMore: async (kind) => {
      const group = get().groups.find((g) => g.kind === kind);
      if (!group || group.nextOffset === null) return;
      const mine = latest;
      try {
        const results = await call('search.query', {
          text: get().searchedText,
          filters: cleanFilters(get().filters),
          kind,
          offset: group.nextOffset,
          limit: morePageSize,
        });
        if (mine !== latest) return;
        const more = results.groups[0];
        set({
          groups: get().groups.map((g) =>
            g.kind === kind ? { ...g, hits: [...g.hits, ...(more?.hits ?? [])], nextOffset: more?.nextOffset ?? null } : g,
          ),
        });
      } catch (error) {
        set({ error: asLadderError(error).message });
      }
    },

    loadOptions: async () => {
      try {
        set({ options: await call('search.filters', {}) });
      } catch {
        // Without options the filters simply offer less; search itself still works.
      }
    },

    // Each page reads the detail it knows: the journal opens the entry, Dyads the check-in.
    open: (hit) => useNavigation.getState().go(hit.target.page, hit.target.detail),

    requestFocus: () => set({ focusNonce: get().focusNonce + 1 }),

    reset: () => {
      if (timer) clearTimeout(timer);
      timer = null;
      latest += 1;
      set({ ...initial });
    },
  };
});

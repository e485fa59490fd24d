import { create } from 'zustand';
import type { Entry, EntrySummary, RungId } from '../../../shared/domain/journal';
import { asLadderError, call } from '../api/client';
import { entryExcerpt } from '../../../shared/text';
import { journalPageSize } from './first-requests';

/** The journal list: summaries newest first, loaded a page at a time as the person scrolls. */

type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What the journal is narrowed to; every filter set must match. */
export interface JournalFilter {
  tag?: string;
  partId?: string;
  promptId?: string;
  rung?: RungId;
  from?: string;
  to?: string;
}

export function isFiltered(filter: JournalFilter) {
  return Object.values(filter).some((value) => value !== undefined && value !== '');
}

/** Whether an entry belongs in the list as filtered, so a saved entry can join or leave it. */
export function matchesFilter(summary: EntrySummary, filter: JournalFilter) {
  if (filter.tag && !summary.tags.some((tag) => tag.toLocaleLowerCase() === filter.tag?.toLocaleLowerCase())) return false;
  if (filter.partId && !summary.partIds.includes(filter.partId)) return false;
  if (filter.promptId && summary.promptId !== filter.promptId) return false;
  if (filter.rung && summary.rung !== filter.rung) return false;
  if (filter.from && summary.entryDate < filter.from) return false;
  if (filter.to && summary.entryDate > filter.to) return false;
  return true;
}

interface JournalState {
  ids: string[];
  byId: Record<string, EntrySummary>;
  nextCursor: string | null;
  status: LoadStatus;
  loadingMore: boolean;
  error: string | null;
  filter: JournalFilter;
  /** True once a first page has arrived: later reloads (a new filter) keep the layout in place. */
  loadedOnce: boolean;
  /** Narrows the list (or widens it again with `{}`) and loads it afresh. */
  setFilter: (filter: JournalFilter) => Promise<void>;
  /** Loads the first page, unless it is already loaded or loading. */
  load: () => Promise<void>;
  loadMore: () => Promise<void>;
  /** Puts a saved entry in its place (new ones at the top) without a reload. */
  upsert: (summary: EntrySummary) => void;
  remove: (id: string) => void;
  reset: () => void;
}

/** Same as the core's excerpt, so a row looks the same before and after a reload. */
export const excerptOf = entryExcerpt;

export function summaryOf(entry: Entry): EntrySummary {
  return {
    id: entry.id,
    title: entry.title,
    excerpt: excerptOf(entry.body),
    entryDate: entry.entryDate,
    kind: entry.kind,
    rung: entry.rung,
    promptId: entry.promptId,
    partIds: entry.partIds,
    tags: entry.tags,
    updatedAt: entry.updatedAt,
  };
}

// The core sorts by day, then creation time; ids are UUIDv7, so they sort by creation time too.
function comesBefore(a: EntrySummary, b: EntrySummary) {
  if (a.entryDate !== b.entryDate) return a.entryDate > b.entryDate;
  return a.id > b.id;
}

const initial = {
  ids: [] as string[],
  byId: {} as Record<string, EntrySummary>,
  nextCursor: null as string | null,
  status: 'idle' as LoadStatus,
  loadingMore: false,
  error: null as string | null,
  filter: {} as JournalFilter,
  loadedOnce: false,
};

/** The filter as the request wants it: empty values left out. */
function requestFilter(filter: JournalFilter) {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== '')) as JournalFilter;
}

// Bumped by reset, so a page that arrives after a reset is dropped.
let generation = 0;

export const useJournal = create<JournalState>()((set, get) => ({
  ...initial,

  setFilter: async (filter) => {
    generation += 1;
    set({ ...initial, filter: requestFilter(filter), loadedOnce: get().loadedOnce });
    await get().load();
  },

  load: async () => {
    if (get().status === 'loading' || get().status === 'ready') return;
    const mine = generation;
    set({ status: 'loading', error: null });
    try {
      const page = await call('journal.list', { limit: journalPageSize, ...get().filter });
      if (mine !== generation) return;
      const byId = { ...get().byId };
      const ids = [...get().ids];
      for (const summary of page.entries) {
        if (byId[summary.id]) continue;
        byId[summary.id] = summary;
        ids.push(summary.id);
      }
      ids.sort((a, b) => (comesBefore(byId[a]!, byId[b]!) ? -1 : 1));
      set({ ids, byId, nextCursor: page.nextCursor, status: 'ready', loadedOnce: true });
    } catch (error) {
      if (mine === generation) set({ status: 'error', error: asLadderError(error).message });
    }
  },

  loadMore: async () => {
    const { nextCursor, loadingMore, status } = get();
    if (nextCursor === null || loadingMore || status !== 'ready') return;
    const mine = generation;
    set({ loadingMore: true });
    try {
      const page = await call('journal.list', { after: nextCursor, limit: journalPageSize, ...get().filter });
      if (mine !== generation) return;
      const byId = { ...get().byId };
      const fresh = page.entries.filter((summary) => !byId[summary.id]);
      for (const summary of fresh) byId[summary.id] = summary;
      set({ ids: [...get().ids, ...fresh.map((s) => s.id)], byId, nextCursor: page.nextCursor, loadingMore: false });
    } catch (error) {
      if (mine === generation) set({ loadingMore: false, error: asLadderError(error).message });
    }
  },

  upsert: (summary) => {
    if (!matchesFilter(summary, get().filter)) {
      get().remove(summary.id);
      return;
    }
    const { byId, nextCursor } = get();
    // Most saves leave the entry where it was: update it in place and keep `ids` as it is.
    const index = get().ids.indexOf(summary.id);
    if (index !== -1) {
      const before = get().ids[index - 1];
      const after = get().ids[index + 1];
      const stays =
        (before === undefined || comesBefore(byId[before]!, summary)) &&
        (after === undefined ? nextCursor === null || !comesBefore(byId[summary.id]!, summary) : comesBefore(summary, byId[after]!));
      if (stays) {
        set({ byId: { ...byId, [summary.id]: summary } });
        return;
      }
    }
    const ids = get().ids.filter((id) => id !== summary.id);
    const nextById = { ...byId };
    const last = ids.length > 0 ? nextById[ids[ids.length - 1]!] : undefined;
    // Older than everything loaded while more pages remain: it will arrive with its page.
    if (nextCursor !== null && last && comesBefore(last, summary)) {
      delete nextById[summary.id];
      set({ ids, byId: nextById });
      return;
    }
    nextById[summary.id] = summary;
    let at = ids.findIndex((id) => comesBefore(summary, nextById[id]!));
    if (at === -1) at = ids.length;
    ids.splice(at, 0, summary.id);
    set({ ids, byId: nextById });
  },

  remove: (id) => {
    if (!get().byId[id]) return;
    const byId = { ...get().byId };
    delete byId[id];
    set({ ids: get().ids.filter((other) => other !== id), byId });
  },

  reset: () => {
    generation += 1;
    set({ ...initial });
  },
}));

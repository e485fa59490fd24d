import { create } from 'zustand';
import { asLadderError, call } from '../../api/client';

/** The tags in use, for suggestions while tagging and for the journal's tag filter. */
interface TagsState {
  tags: string[];
  error: string | null;
  load: () => Promise<void>;
  /** Adds tags just used, so suggestions know them without a reload. */
  remember: (tags: readonly string[]) => void;
  reset: () => void;
}

export const useTags = create<TagsState>()((set, get) => ({
  tags: [],
  error: null,
  load: async () => {
    try {
      set({ tags: await call('journal.tags', {}), error: null });
    } catch (error) {
      set({ error: asLadderError(error).message });
    }
  },
  remember: (tags) => {
    const known = new Set(get().tags.map((tag) => tag.toLocaleLowerCase()));
    const fresh = tags.filter((tag) => !known.has(tag.toLocaleLowerCase()));
    if (fresh.length > 0) set({ tags: [...get().tags, ...fresh].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })) });
  },
  reset: () => set({ tags: [], error: null }),
}));

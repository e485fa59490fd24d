import { create } from 'zustand';
import type { EntrySummary, RungId } from '../../../shared/domain/journal';
import { call } from '../api/client';

/** Each rung's latest reflections (entries tagged with that rung), for its page. */
interface ReflectionsState {
  byRung: Partial<Record<RungId, EntrySummary[]>>;
  load: (rung: RungId) => Promise<void>;
  reset: () => void;
}

export const reflectionsShown = 8;

export const useReflections = create<ReflectionsState>()((set) => ({
  byRung: {},
  load: async (rung) => {
    const page = await call('journal.list', { rung, limit: reflectionsShown });
    set((state) => ({ byRung: { ...state.byRung, [rung]: page.entries } }));
  },
  reset: () => set({ byRung: {} }),
}));

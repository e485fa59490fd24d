import { create } from 'zustand';
import type { EntrySummary } from '../../../shared/domain/journal';
import { asLadderError, call } from '../api/client';
import { localDay } from './dates';

/** Entries from this day in earlier years, for the journal's front. */
interface TodayState {
  day: string | null;
  onThisDay: EntrySummary[] | null;
  error: string | null;
  load: () => Promise<void>;
  reset: () => void;
}

let generation = 0;

export const useToday = create<TodayState>()((set) => ({
  day: null,
  onThisDay: null,
  error: null,
  load: async () => {
    const day = localDay();
    const mine = ++generation;
    try {
      const found = await call('journal.onThisDay', { date: day });
      if (mine === generation) set({ day, onThisDay: found, error: null });
    } catch (error) {
      if (mine === generation) set({ error: asLadderError(error).message });
    }
  },
  reset: () => {
    generation += 1;
    set({ day: null, onThisDay: null, error: null });
  },
}));

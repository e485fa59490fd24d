import { create } from 'zustand';
import type { DyadCard, MonthCount } from '../../../shared/domain/dyads';
import type { PersonSummary } from '../../../shared/domain/people';
import { asLadderError, call } from '../api/client';
import { localDay } from '../self/dates';

/** The Dyads page's front: every dyad as a card, the "a while" list, the month chart and people. */

type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

interface DyadsState {
  cards: DyadCard[];
  aWhile: DyadCard[];
  perMonth: MonthCount[];
  people: PersonSummary[];
  morePeople: string | null;
  status: LoadStatus;
  error: string | null;
  /** Loads (or reloads) everything the front shows. */
  load: () => Promise<void>;
  loadMorePeople: () => Promise<void>;
  reset: () => void;
}

const initial = {
  cards: [] as DyadCard[],
  aWhile: [] as DyadCard[],
  perMonth: [] as MonthCount[],
  people: [] as PersonSummary[],
  morePeople: null as string | null,
  status: 'idle' as LoadStatus,
  error: null as string | null,
};

let generation = 0;

export const useDyads = create<DyadsState>()((set, get) => ({
  ...initial,

  load: async () => {
    const mine = ++generation;
    if (get().status !== 'ready') set({ status: 'loading', error: null });
    try {
      const today = localDay();
      const [cards, aWhile, perMonth, people] = await Promise.all([
        call('dyads.list', { today }),
        call('dyads.aWhile', { today }),
        call('checkins.perMonth', { today }),
        call('people.list', { limit: 100 }),
      ]);
      if (mine !== generation) return;
      set({ cards, aWhile, perMonth, people: people.people, morePeople: people.nextCursor, status: 'ready', error: null });
    } catch (error) {
      if (mine === generation) set({ status: 'error', error: asLadderError(error).message });
    }
  },

  loadMorePeople: async () => {
    const after = get().morePeople;
    if (after === null) return;
    try {
      const page = await call('people.list', { after, limit: 100 });
      set({ people: [...get().people, ...page.people], morePeople: page.nextCursor });
    } catch (error) {
      set({ error: asLadderError(error).message });
    }
  },

  reset: () => {
    generation += 1;
    set({ ...initial });
  },
}));

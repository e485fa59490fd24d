import { create } from 'zustand';
import type { DyadCard, MonthCount } from '../../../shared/domain/dyads';
import type { PersonSummary } from '../../../shared/domain/people';
import { loadAllPeople } from '../api/all-people';
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
  /** Everyone, read once a name is looked for (the one sought may be beyond the pages shown); null until then. */
  everyone: PersonSummary[] | null;
  status: LoadStatus;
  error: string | null;
  /** Loads (or reloads) everything the front shows. */
  load: () => Promise<void>;
  loadMorePeople: () => Promise<void>;
  /** Reads everyone into `everyone`, for "Find someone by name". */
  loadEveryone: () => Promise<void>;
  reset: () => void;
}

const initial = {
  cards: [] as DyadCard[],
  aWhile: [] as DyadCard[],
  perMonth: [] as MonthCount[],
  people: [] as PersonSummary[],
  morePeople: null as string | null,
  everyone: null as PersonSummary[] | null,
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
      // Whoever was added or renamed since shows up in the next search too.
      set({ cards, aWhile, perMonth, people: people.people, morePeople: people.nextCursor, everyone: null, status: 'ready', error: null });
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

  loadEveryone: async () => {
    const mine = generation;
    try {
      const everyone = await loadAllPeople();
      if (mine === generation) set({ everyone });
    } catch (error) {
      set({ error: asLadderError(error).message });
    }
  },

  reset: () => {
    generation += 1;
    set({ ...initial });
  },
}));

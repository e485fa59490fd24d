import { create } from 'zustand';

/** Every page the shell can show; the rung pages share their names with the rung folders. */
export type PageId = 'ladder' | 'self' | 'dyads' | 'crews' | 'congregations' | 'network' | 'search' | 'settings';

interface NavigationState {
  page: PageId;
  /** Counts moves between pages, so a newly shown page knows to take focus (not on first load). */
  moves: number;
  go: (page: PageId) => void;
  reset: () => void;
}

export const useNavigation = create<NavigationState>()((set, get) => ({
  page: 'ladder',
  moves: 0,
  go: (page) => {
    if (get().page !== page) set((state) => ({ page, moves: state.moves + 1 }));
  },
  reset: () => set({ page: 'ladder', moves: 0 }),
}));

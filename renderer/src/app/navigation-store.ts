import { create } from 'zustand';

/** Every page the shell can show; the rung pages share their names with the rung folders. */
export const pageIds = ['ladder', 'self', 'dyads', 'crews', 'congregations', 'network', 'search', 'settings'] as const;
export type PageId = (typeof pageIds)[number];

/**
 * What a page shows inside itself, e.g. `{ kind: 'person', id }` on Dyads or `{ kind: 'part', id }`
 * on Self. Each page reads the kinds it knows and ignores the rest; null is the page's own front.
 */
export interface PageDetail {
  kind: string;
  id?: string;
}

interface NavigationState {
  page: PageId;
  detail: PageDetail | null;
  /** Counts moves between pages, so a newly shown page knows to take focus (not on first load). */
  moves: number;
  /** Set by `mark`: the address changes in place (no step for Back), since no move was made. */
  inPlace: boolean;
  go: (page: PageId, detail?: PageDetail | null) => void;
  /**
   * What the page shows inside itself changed by the page's own doing (an entry opened in the
   * journal's list): the address names it, so a reload keeps it, but it is not a move.
   */
  mark: (detail: PageDetail | null) => void;
  reset: () => void;
}

export const useNavigation = create<NavigationState>()((set, get) => ({
  page: 'ladder',
  detail: null,
  moves: 0,
  inPlace: false,
  go: (page, detail = null) => {
    const current = get();
    if (current.page === page && current.detail?.kind === detail?.kind && current.detail?.id === detail?.id) return;
    set((state) => ({ page, detail, moves: state.moves + 1, inPlace: false }));
  },
  mark: (detail) => set({ detail, inPlace: true }),
  reset: () => set({ page: 'ladder', detail: null, moves: 0, inPlace: false }),
}));

import { create } from 'zustand';
import { type RungId, rungIds } from '../../../shared/domain/journal';
import type { BelongingMap, LadderSummary } from '../../../shared/domain/ladder';
import type { Prompt } from '../../../shared/domain/prompts';
import { asLadderError, call } from '../api/client';
import { useNavigation } from '../app/navigation-store';
import { localDay } from '../self/dates';
import { useEntryEditor } from '../self/entry-editor-store';

/** The ladder home: the one summary read, each rung's prompt of the day, and the belonging map. */
interface LadderState {
  summary: LadderSummary | null;
  prompts: Partial<Record<RungId, Prompt | null>>;
  map: BelongingMap | null;
  error: string | null;
  load: () => Promise<void>;
  loadMap: () => Promise<void>;
  /** Opens a new journal entry tagged with the rung, answering its prompt of the day. */
  reflect: (rung: RungId) => Promise<void>;
  reset: () => void;
}

const initial = { summary: null, prompts: {}, map: null, error: null };

export const useLadder = create<LadderState>()((set, get) => {
  let loads = 0;
  return {
    ...initial,
    load: async () => {
      const mine = ++loads;
      const today = localDay();
      try {
        const [summary, ...prompts] = await Promise.all([
          call('ladder.summary', { today }),
          ...rungIds.map((rung) => call('prompts.today', { rung, date: today })),
        ]);
        if (mine !== loads) return;
        set({ summary, prompts: Object.fromEntries(rungIds.map((rung, i) => [rung, prompts[i] ?? null])), error: null });
      } catch (error) {
        if (mine === loads) set({ error: asLadderError(error).message });
      }
    },
    loadMap: async () => {
      try {
        set({ map: await call('ladder.map', {}), error: null });
      } catch (error) {
        set({ error: asLadderError(error).message });
      }
    },
    reflect: async (rung) => {
      const prompt = get().prompts[rung] ?? null;
      useNavigation.getState().go('self');
      await useEntryEditor.getState().newEntry({ rung, promptId: prompt?.id ?? null });
    },
    reset: () => {
      loads += 1;
      set(initial);
    },
  };
});

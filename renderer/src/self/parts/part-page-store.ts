import { create } from 'zustand';
import type { RequestInput } from '../../../../shared/contract';
import type { EntrySummary } from '../../../../shared/domain/journal';
import type { PartDetail, PartStatus, RelationKind } from '../../../../shared/domain/self';
import type { LadderError } from '../../../../shared/errors';
import { asLadderError, call } from '../../api/client';
import { useToasts } from '../../ui/toast-store';
import { useParts } from './parts-store';

/** The part being looked at: its profile, path, relations, and dated appearances in the journal. */

type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

interface PartPageState {
  partId: string | null;
  detail: PartDetail | null;
  status: LoadStatus;
  error: string | null;
  appearances: EntrySummary[];
  nextCursor: string | null;
  loadingMore: boolean;
  open: (id: string) => Promise<void>;
  loadMore: () => Promise<void>;
  /** Saves profile fields; resolves with the error to show by its field, or null. */
  save: (patch: Omit<RequestInput<'parts.update'>, 'id'>) => Promise<LadderError | null>;
  setStatus: (status: PartStatus) => Promise<void>;
  /** "protected_by" is "protects" read from the other end. */
  relate: (kind: RelationKind | 'protected_by', otherPartId: string) => Promise<LadderError | null>;
  unrelate: (relationId: string) => Promise<void>;
  reset: () => void;
}

const initial = {
  partId: null as string | null,
  detail: null as PartDetail | null,
  status: 'idle' as LoadStatus,
  error: null as string | null,
  appearances: [] as EntrySummary[],
  nextCursor: null as string | null,
  loadingMore: false,
};
let generation = 0;

export const usePartPage = create<PartPageState>()((set, get) => {
  const refresh = async (id: string) => {
    const detail = await call('parts.get', { id });
    if (get().partId === id) set({ detail });
    useParts.getState().upsert(detail.part);
  };

  return {
    ...initial,

    open: async (id) => {
      const mine = ++generation;
      set({ ...initial, partId: id, status: 'loading' });
      try {
        const [detail, page] = await Promise.all([call('parts.get', { id }), call('parts.appearances', { partId: id, limit: 30 })]);
        if (mine !== generation) return;
        set({ detail, appearances: page.entries, nextCursor: page.nextCursor, status: 'ready' });
      } catch (error) {
        if (mine === generation) set({ status: 'error', error: asLadderError(error).message });
      }
    },

    loadMore: async () => {
      const { partId, nextCursor, loadingMore } = get();
      if (!partId || nextCursor === null || loadingMore) return;
      const mine = generation;
      set({ loadingMore: true });
      try {
        const page = await call('parts.appearances', { partId, after: nextCursor, limit: 30 });
        if (mine !== generation) return;
        set({ appearances: [...get().appearances, ...page.entries], nextCursor: page.nextCursor, loadingMore: false });
      } catch (error) {
        if (mine === generation) set({ loadingMore: false, error: asLadderError(error).message });
      }
    },

    save: async (patch) => {
      const { partId, detail } = get();
      if (!partId || !detail) return null;
      try {
        const part = await call('parts.update', { id: partId, ...patch });
        useParts.getState().upsert(part);
        if (patch.status !== undefined && patch.status !== detail.part.status) await refresh(partId);
        else if (get().partId === partId) set({ detail: { ...detail, part } });
        return null;
      } catch (error) {
        return asLadderError(error);
      }
    },

    setStatus: async (status) => {
      const problem = await get().save({ status });
      if (problem) useToasts.getState().show(problem.message);
    },

    relate: async (kind, otherPartId) => {
      const { partId } = get();
      if (!partId) return null;
      try {
        if (kind === 'protected_by') await call('parts.relate', { partId: otherPartId, otherPartId: partId, kind: 'protects' });
        else await call('parts.relate', { partId, otherPartId, kind });
        await refresh(partId);
        return null;
      } catch (error) {
        return asLadderError(error);
      }
    },

    unrelate: async (relationId) => {
      const { partId } = get();
      if (!partId) return;
      try {
        await call('parts.unrelate', { id: relationId });
        await refresh(partId);
      } catch (error) {
        useToasts.getState().show(asLadderError(error).message);
      }
    },

    reset: () => {
      generation += 1;
      set({ ...initial });
    },
  };
});

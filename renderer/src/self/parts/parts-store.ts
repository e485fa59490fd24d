import { useEffect, useMemo } from 'react';
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { RequestInput } from '../../../../shared/contract';
import type { Part } from '../../../../shared/domain/self';
import type { LadderError } from '../../../../shared/errors';
import { asLadderError, call } from '../../api/client';
import { flushKeptDrafts } from '../../ui/kept-drafts-store';
import { useToasts } from '../../ui/toast-store';

/** Every part, by id and A to Z: chips, cards, the map and the journal rows all read from here. */

type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

interface PartsState {
  ids: string[];
  byId: Record<string, Part>;
  status: LoadStatus;
  error: string | null;
  load: (options?: { force?: boolean }) => Promise<void>;
  /** Creates a part; resolves with it, or with the error to show beside the field. */
  create: (input: RequestInput<'parts.create'>) => Promise<Part | LadderError>;
  update: (input: RequestInput<'parts.update'>) => Promise<Part | LadderError>;
  /** Deletes softly and offers Undo. */
  remove: (id: string) => Promise<boolean>;
  upsert: (part: Part) => void;
  reset: () => void;
}

function sortedIds(byId: Record<string, Part>) {
  return Object.values(byId)
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }))
    .map((part) => part.id);
}

const initial = { ids: [] as string[], byId: {} as Record<string, Part>, status: 'idle' as LoadStatus, error: null as string | null };
let generation = 0;

export const useParts = create<PartsState>()((set, get) => ({
  ...initial,

  load: async ({ force = false } = {}) => {
    if (!force && (get().status === 'loading' || get().status === 'ready')) return;
    const mine = generation;
    if (get().status !== 'ready') set({ status: 'loading', error: null });
    try {
      const parts = await call('parts.list', {});
      if (mine !== generation) return;
      const byId = Object.fromEntries(parts.map((part) => [part.id, part]));
      set({ byId, ids: sortedIds(byId), status: 'ready', error: null });
    } catch (error) {
      if (mine === generation) set({ status: 'error', error: asLadderError(error).message });
    }
  },

  create: async (input) => {
    try {
      const part = await call('parts.create', input);
      get().upsert(part);
      return part;
    } catch (error) {
      return asLadderError(error);
    }
  },

  update: async (input) => {
    try {
      const part = await call('parts.update', input);
      get().upsert(part);
      return part;
    } catch (error) {
      return asLadderError(error);
    }
  },

  remove: async (id) => {
    const part = get().byId[id];
    try {
      // Words of a reflection on their way to the archive land first, so they go (and come back) with the part.
      await flushKeptDrafts();
      await call('parts.delete', { id });
    } catch (error) {
      useToasts.getState().show(asLadderError(error).message);
      return false;
    }
    const byId = { ...get().byId };
    delete byId[id];
    set({ byId, ids: sortedIds(byId) });
    useToasts.getState().show(`${part?.name ?? 'Part'} deleted`, {
      action: {
        kind: 'undo',
        label: 'Undo',
        run: async () => {
          try {
            get().upsert(await call('parts.restore', { id }));
          } catch (error) {
            useToasts.getState().show(asLadderError(error).message);
          }
        },
      },
    });
    return true;
  },

  upsert: (part) => {
    const byId = { ...get().byId, [part.id]: part };
    set({ byId, ids: sortedIds(byId) });
  },

  reset: () => {
    generation += 1;
    set({ ...initial });
  },
}));

/**
 * Every part, A to Z, for a form elsewhere that asks which parts showed up (a check-in, a crew
 * meeting). It reads this store, so a part deleted, brought back by Undo or renamed shows so in a
 * form already open; it loads the parts the first time, and again after the archive changed.
 */
export function usePartsList(): Part[] {
  const ids = useParts(useShallow((state) => state.ids));
  const byId = useParts((state) => state.byId);
  const status = useParts((state) => state.status);
  useEffect(() => {
    if (status === 'idle') void useParts.getState().load();
  }, [status]);
  return useMemo(() => ids.flatMap((id) => byId[id] ?? []), [ids, byId]);
}

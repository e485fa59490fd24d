import { create } from 'zustand';
import { mapPositions, mapSize, type MapSnapshot, type MapSnapshotSummary, type PartRelation } from '../../../../shared/domain/self';
import type { LadderError } from '../../../../shared/errors';
import { asLadderError, call } from '../../api/client';
import { useToasts } from '../../ui/toast-store';
import { localDay } from '../dates';
import { useParts } from '../parts/parts-store';

/** The parts map: where each part sits, the lines between them, and dated snapshots to compare with. */

type Point = { x: number; y: number };
type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

interface MapState {
  status: LoadStatus;
  error: string | null;
  /** Parts in creation order, so the default layout is stable. */
  partIds: string[];
  positions: Record<string, Point>;
  relations: PartRelation[];
  snapshots: MapSnapshotSummary[];
  compareWith: MapSnapshot | null;
  load: () => Promise<void>;
  /** Moves a part while dragging; nothing is saved until `place`. */
  move: (id: string, to: Point) => void;
  /** Saves where every part sits now, so the arrangement holds as new parts arrive. */
  place: () => Promise<void>;
  takeSnapshot: (note: string) => Promise<LadderError | null>;
  compare: (snapshotId: string | null) => Promise<void>;
  reset: () => void;
}

// Room for a shape and the name under it, so nothing is dragged out of sight.
const margin = { x: 70, top: 45, bottom: 80 };

function clamp(point: Point): Point {
  return {
    x: Math.min(mapSize.width - margin.x, Math.max(margin.x, Math.round(point.x))),
    y: Math.min(mapSize.height - margin.bottom, Math.max(margin.top, Math.round(point.y))),
  };
}

const initial = {
  status: 'idle' as LoadStatus,
  error: null as string | null,
  partIds: [] as string[],
  positions: {} as Record<string, Point>,
  relations: [] as PartRelation[],
  snapshots: [] as MapSnapshotSummary[],
  compareWith: null as MapSnapshot | null,
};
let generation = 0;

export const useMap = create<MapState>()((set, get) => ({
  ...initial,

  load: async () => {
    const mine = ++generation;
    if (get().status !== 'ready') set({ status: 'loading', error: null });
    try {
      const [map, snapshots] = await Promise.all([call('parts.map', {}), call('mapSnapshots.list', {})]);
      if (mine !== generation) return;
      for (const part of map.parts) useParts.getState().upsert(part);
      const placed = mapPositions(map.parts);
      set({
        status: 'ready',
        partIds: map.parts.map((p) => p.id),
        positions: Object.fromEntries([...placed].map(([id, point]) => [id, clamp(point)])),
        relations: map.relations,
        snapshots,
      });
    } catch (error) {
      if (mine === generation) set({ status: 'error', error: asLadderError(error).message });
    }
  },

  move: (id, to) => {
    if (!(id in get().positions)) return;
    set({ positions: { ...get().positions, [id]: clamp(to) } });
  },

  place: async () => {
    const positions = Object.entries(get().positions).map(([id, point]) => ({ id, ...point }));
    if (positions.length === 0) return;
    try {
      await call('parts.place', { positions });
    } catch (error) {
      useToasts.getState().show(asLadderError(error).message);
    }
  },

  takeSnapshot: async (note) => {
    try {
      // Saves the arrangement first, so the snapshot holds exactly what is on screen.
      await get().place();
      const snapshot = await call('mapSnapshots.create', { takenOn: localDay(), note });
      set({ snapshots: [{ id: snapshot.id, takenOn: snapshot.takenOn, note: snapshot.note, partCount: snapshot.map.parts.length }, ...get().snapshots] });
      useToasts.getState().show('Snapshot kept. Choose it under “Compare with” any time.');
      return null;
    } catch (error) {
      return asLadderError(error);
    }
  },

  compare: async (snapshotId) => {
    if (snapshotId === null) {
      set({ compareWith: null });
      return;
    }
    try {
      set({ compareWith: await call('mapSnapshots.get', { id: snapshotId }) });
    } catch (error) {
      useToasts.getState().show(asLadderError(error).message);
    }
  },

  reset: () => {
    generation += 1;
    set({ ...initial });
  },
}));

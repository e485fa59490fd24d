import { create } from 'zustand';
import { mapPositions, mapSize, type MapSnapshot, type MapSnapshotSummary, type Part, type PartRelation } from '../../../../shared/domain/self';
import type { LadderError } from '../../../../shared/errors';
import { asLadderError, call } from '../../api/client';
import { useToasts } from '../../ui/toast-store';
import { localDay } from '../dates';
import { useParts } from '../parts/parts-store';
import { freeSpot, type LaidOut } from './layout';

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

/**
 * Every part's place: where it was put, or for a part never placed its default spot, moved
 * aside when that spot is taken (layout.ts) so no part hides under another.
 */
function layOut(parts: readonly Part[]): Record<string, Point> {
  const defaults = mapPositions(parts);
  const names = new Map(parts.map((part) => [part.id, part.name]));
  const pinned = parts.filter((part) => part.mapX !== null && part.mapY !== null).sort((a, b) => (a.id < b.id ? -1 : 1));
  const positions: Record<string, Point> = {};
  const taken: LaidOut[] = [];
  for (const part of pinned) {
    let at = clamp({ x: part.mapX ?? 0, y: part.mapY ?? 0 });
    // Nobody drops a part exactly on another: one pinned there by an earlier layout is moved aside.
    const stacked = taken.some((other) => Math.abs(other.x - at.x) < 4 && Math.abs(other.y - at.y) < 4);
    if (stacked) at = freeSpot(at, part.name, taken, clamp);
    positions[part.id] = at;
    taken.push({ ...at, name: part.name });
  }
  // The rest in the order they were made (as `mapPositions` gives them), each round the ones before.
  for (const [id, point] of defaults) {
    if (id in positions) continue;
    const name = names.get(id) ?? '';
    const at = freeSpot(clamp(point), name, taken, clamp);
    positions[id] = at;
    taken.push({ ...at, name });
  }
  return positions;
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
      set({
        status: 'ready',
        partIds: map.parts.map((p) => p.id),
        positions: layOut(map.parts),
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

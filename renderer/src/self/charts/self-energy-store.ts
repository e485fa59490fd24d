import { create } from 'zustand';
import type { SelfEnergyWeek } from '../../../../shared/domain/self';
import { asLadderError, call } from '../../api/client';
import { localDay } from '../dates';

/** Self-energy by week for the chart: the weeks of the chosen range, oldest first. */

export const chartRanges = [
  { weeks: 12, label: 'Last 12 weeks' },
  { weeks: 26, label: 'Last 6 months' },
  { weeks: 52, label: 'Last year' },
] as const;

type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The Monday on or before a day, as the core counts weeks. */
export function mondayOf(date: Date): Date {
  const day = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  day.setDate(day.getDate() - ((day.getDay() + 6) % 7));
  return day;
}

/** Every week start in the range, so weeks without checks show as gaps, not as nothing. */
export function weekStarts(weeks: number, today: Date = new Date()): string[] {
  const last = mondayOf(today);
  return Array.from({ length: weeks }, (_, i) => {
    const day = new Date(last);
    day.setDate(last.getDate() - (weeks - 1 - i) * 7);
    return localDay(day);
  });
}

interface SelfEnergyState {
  weeks: number;
  starts: string[];
  data: SelfEnergyWeek[];
  status: LoadStatus;
  error: string | null;
  load: (weeks?: number) => Promise<void>;
  reset: () => void;
}

const initial = { weeks: 12, starts: [] as string[], data: [] as SelfEnergyWeek[], status: 'idle' as LoadStatus, error: null as string | null };
let generation = 0;

export const useSelfEnergy = create<SelfEnergyState>()((set, get) => ({
  ...initial,
  load: async (weeks = get().weeks) => {
    const mine = ++generation;
    const starts = weekStarts(weeks);
    set({ weeks, starts, status: get().status === 'ready' ? 'ready' : 'loading', error: null });
    try {
      const data = await call('selfEnergy.weekly', { from: starts[0] ?? localDay(), to: localDay() });
      if (mine === generation) set({ data, status: 'ready' });
    } catch (error) {
      if (mine === generation) set({ status: 'error', error: asLadderError(error).message });
    }
  },
  reset: () => {
    generation += 1;
    set({ ...initial });
  },
}));

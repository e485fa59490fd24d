import { create } from 'zustand';
import type { JobStatus } from '../../../shared/domain/jobs';
import { asLadderError, call } from '../api/client';

/** Follows one long job (export or import) per slot: starts it, polls its progress, cancels it. */

export type JobSlot = 'export' | 'import';
export const pollMs = 200;

interface JobState {
  jobs: Partial<Record<JobSlot, JobStatus>>;
  errors: Partial<Record<JobSlot, string | null>>;
  /** Starts a job with the request that returns its id, and follows it to the end. */
  run: (slot: JobSlot, start: () => Promise<{ jobId: string }>) => Promise<JobStatus | null>;
  cancel: (slot: JobSlot) => Promise<void>;
  clear: (slot: JobSlot) => void;
  reset: () => void;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let generation = 0;

export const useJobs = create<JobState>()((set, get) => ({
  jobs: {},
  errors: {},

  run: async (slot, start) => {
    const mine = generation;
    // A new run replaces the last one's outcome: its error or failed job must not linger under new input.
    const jobs = { ...get().jobs };
    delete jobs[slot];
    set({ jobs, errors: { ...get().errors, [slot]: null } });
    try {
      const { jobId } = await start();
      for (;;) {
        const status = await call('jobs.status', { id: jobId });
        if (mine !== generation) return null;
        set({ jobs: { ...get().jobs, [slot]: status } });
        if (status.state !== 'running') return status;
        await wait(pollMs);
      }
    } catch (error) {
      if (mine === generation) set({ errors: { ...get().errors, [slot]: asLadderError(error).message } });
      return null;
    }
  },

  cancel: async (slot) => {
    const job = get().jobs[slot];
    if (!job || job.state !== 'running') return;
    try {
      await call('jobs.cancel', { id: job.id });
    } catch (error) {
      set({ errors: { ...get().errors, [slot]: asLadderError(error).message } });
    }
  },

  clear: (slot) => {
    const jobs = { ...get().jobs };
    delete jobs[slot];
    set({ jobs, errors: { ...get().errors, [slot]: null } });
  },

  reset: () => {
    generation += 1;
    set({ jobs: {}, errors: {} });
  },
}));

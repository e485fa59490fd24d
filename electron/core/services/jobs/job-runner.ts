import type { JobKind, JobResult, JobStatus } from '../../../../shared/domain/jobs';
import { LadderError } from '../../../../shared/errors';
import { newId } from '../../ids';

/**
 * Long work runs as a job: an async function that does a little at a time and calls `ctx.tick()`
 * often. `tick` gives the event loop back (setImmediate) once a slice has run for ~5 ms, so other
 * requests and the window stay responsive, and it throws once the job was cancelled.
 */
export interface JobContext {
  progress(done: number, total?: number, phase?: string): void;
  tick(): Promise<void>;
  readonly cancelled: boolean;
}

export type JobWork = (ctx: JobContext) => Promise<JobResult>;

/** Thrown by `tick` after a cancel; a job's own cleanup (a rollback) runs as it unwinds. */
export class JobCancelled extends Error {
  constructor() {
    super('The job was cancelled.');
    this.name = 'JobCancelled';
  }
}

/** A third of a frame: a slice plus a garbage collection or a slow file write still fits in one
 * (at 8 ms the export's p99 block was 9.3 ms and its longest 16.2; at 5 ms, 6.4 and 10.8). */
const sliceMillis = 5;
const keptFinished = 20;

export function yieldToLoop() {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

interface RunningJob {
  status: JobStatus;
  cancelRequested: boolean;
  done: Promise<void>;
}

export function createJobRunner(options: { logError?: (name: string, error: unknown) => void } = {}) {
  const jobs = new Map<string, RunningJob>();

  function forget() {
    const finished = [...jobs.values()].filter((job) => job.status.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - keptFinished))) jobs.delete(job.status.id);
  }

  function find(id: string): RunningJob {
    const job = jobs.get(id);
    if (!job) throw new LadderError('not_found', 'That job is not known (it may have finished long ago).', 'id');
    return job;
  }

  return {
    start(kind: JobKind, phase: string, work: JobWork): JobStatus {
      forget();
      const id = newId();
      const status: JobStatus = { id, kind, state: 'running', phase, done: 0, total: 0, result: null, error: null };
      const job: RunningJob = { status, cancelRequested: false, done: Promise.resolve() };
      let sliceStart = performance.now();
      const ctx: JobContext = {
        progress: (done, total, nextPhase) => {
          status.done = done;
          if (total !== undefined) status.total = total;
          if (nextPhase !== undefined) status.phase = nextPhase;
        },
        tick: async () => {
          if (job.cancelRequested) throw new JobCancelled();
          if (performance.now() - sliceStart < sliceMillis) return;
          await yieldToLoop();
          sliceStart = performance.now();
          if (job.cancelRequested) throw new JobCancelled();
        },
        get cancelled() {
          return job.cancelRequested;
        },
      };
      jobs.set(id, job);
      // Start on the next turn, so `start` answers at once with the job's id.
      job.done = yieldToLoop()
        .then(() => {
          sliceStart = performance.now();
          return work(ctx);
        })
        .then(
          (result) => {
            status.state = 'done';
            status.result = result;
          },
          (error: unknown) => {
            if (error instanceof JobCancelled) {
              status.state = 'cancelled';
            } else if (error instanceof LadderError) {
              status.state = 'failed';
              status.error = error.toValue();
            } else {
              options.logError?.(`job ${kind}`, error);
              status.state = 'failed';
              status.error = { code: 'internal', message: 'Something went wrong inside Ladder, and nothing was changed. Please try again.' };
            }
          },
        );
      return { ...status };
    },

    status(id: string): JobStatus {
      return { ...find(id).status };
    },

    cancel(id: string): JobStatus {
      const job = find(id);
      if (job.status.state === 'running') job.cancelRequested = true;
      return { ...job.status };
    },

    /** Resolves when the job has finished, whichever way. */
    settled(id: string): Promise<void> {
      return find(id).done;
    },

    /** Whether a job (of `kind`, if given) is running. */
    running(kind?: JobKind): boolean {
      return [...jobs.values()].some((job) => job.status.state === 'running' && (kind === undefined || job.status.kind === kind));
    },

    /** Cancels every running job and waits for each to unwind (on close, before a restore). */
    async stopAll(): Promise<void> {
      const running = [...jobs.values()].filter((job) => job.status.state === 'running');
      for (const job of running) job.cancelRequested = true;
      await Promise.all(running.map((job) => job.done));
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;

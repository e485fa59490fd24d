import type { Handlers } from '../../router';
import type { JobRunner } from './job-runner';

export function createJobsHandlers(jobs: JobRunner) {
  return {
    'jobs.status': (input) => jobs.status(input.id),
    'jobs.cancel': (input) => jobs.cancel(input.id),
  } satisfies Partial<Handlers>;
}

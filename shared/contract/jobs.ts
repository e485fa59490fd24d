import { z } from 'zod';
import type { JobStatus } from '../domain/jobs';
import { read } from './define';
import { id } from './fields';

export const jobsContract = {
  'jobs.status': read(z.strictObject({ id })).returns<JobStatus>(),
  /** Stops a job between two slices of work; a cancelled import has written nothing. */
  'jobs.cancel': read(z.strictObject({ id })).returns<JobStatus>(),
};

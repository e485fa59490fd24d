import type { JobStatus } from '../../../shared/domain/jobs';

/** A job's progress bar with its Cancel button, while it runs. */
export function JobProgress({ job, label, onCancel }: { job: JobStatus; label: string; onCancel: () => void }) {
  if (job.state !== 'running') return null;
  const known = job.total > 0;
  return (
    <div className="job-progress">
      <div className="job-progress-line">
        <span>{job.phase}…</span>
        {known ? (
          <span className="muted">
            {job.done.toLocaleString()} of {job.total.toLocaleString()}
          </span>
        ) : null}
      </div>
      <progress aria-label={label} max={known ? job.total : undefined} value={known ? job.done : undefined} />
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

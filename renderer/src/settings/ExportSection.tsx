import { useState } from 'react';
import { call } from '../api/client';
import { useAppInfo } from '../app/app-info-store';
import { JobProgress } from './JobProgress';
import { useJobs } from './job-store';
import { PathField } from './PathField';
import { ExportPrivacyChoice } from '../privacy/ExportPrivacyChoice';
import { defaultExportFolder } from '../../../shared/domain/transfer';

/** The whole archive to a folder: Markdown to read anywhere, and one JSON file that holds everything. */
export function ExportSection() {
  const home = useAppInfo((state) => state.info?.homeFolder ?? '');
  const [folder, setFolder] = useState<string | null>(null);
  // An encrypted archive exports encrypted unless plain files are explicitly chosen (see ExportPrivacyChoice).
  const encrypted = useAppInfo((state) => state.info?.encrypted === true);
  const [privacy, setPrivacy] = useState<{ plain: boolean; passphrase: string }>({ plain: false, passphrase: '' });
  const job = useJobs((state) => state.jobs.export);
  const error = useJobs((state) => state.errors.export ?? null);
  const run = useJobs((state) => state.run);
  const cancel = useJobs((state) => state.cancel);
  const shownFolder = folder ?? defaultExportFolder(home);
  const running = job?.state === 'running';
  const result = job?.state === 'done' && job.result?.kind === 'export' ? job.result.export : null;

  return (
    <section className="settings-section" aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <p className="settings-hint">
        Your words are yours. Export makes a new folder with a Markdown file for each entry, part, check-in, meeting, retrospective, gathering, lesson and practice, a folder per rung, and{' '}
        <code>ladder-archive.json</code>, which holds everything and can be imported again.
      </p>
      <PathField id="export-folder" label="Export into this folder" value={shownFolder} onChange={setFolder} pick={{ kind: 'folder' }} />
      {encrypted ? <ExportPrivacyChoice value={privacy} onChange={setPrivacy} /> : null}
      <div className="settings-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={running || shownFolder.trim() === '' || (encrypted && !privacy.plain && privacy.passphrase === '')}
          onClick={() =>
            void run('export', () =>
              call('transfer.exportStart', encrypted ? { folder: shownFolder, ...(privacy.plain ? { plain: true } : { passphrase: privacy.passphrase }) } : { folder: shownFolder }),
            )
          }
        >
          Export everything
        </button>
      </div>
      {job ? <JobProgress job={job} label="Export progress" onCancel={() => void cancel('export')} /> : null}
      {result ? (
        <p role="status" className="settings-done">
          {result.jsonFile.endsWith('.encrypted.json') ? 'Exported the full archive, encrypted with your passphrase, to' : `Exported ${result.markdownFiles.toLocaleString()} Markdown ${result.markdownFiles === 1 ? 'file' : 'files'} and the full archive to`}{' '}
          <code className="path">{result.folder}</code>
        </p>
      ) : null}
      {job?.state === 'cancelled' ? <p role="status">Export cancelled. The unfinished folder was removed.</p> : null}
      {job?.state === 'failed' || error ? (
        <p className="field-error" role="alert">
          {job?.error?.message ?? error}
        </p>
      ) : null}
    </section>
  );
}

import { useState } from 'react';
import type { ImportFormat, ImportSummary, ImportTableSummary } from '../../../shared/domain/transfer';
import { call } from '../api/client';
import { useAppInfo, useReadOnly } from '../app/app-info-store';
import { useJournal } from '../self/journal-store';
import { useLibrary } from '../self/library/prompts-store';
import { useParts } from '../self/parts/parts-store';
import { useSearch } from '../search/search-store';
import { JobProgress } from './JobProgress';
import { useJobs } from './job-store';
import { PathField } from './PathField';
import { recordLabel } from './record-labels';
import { ImportPassphraseField } from '../privacy/ExportPrivacyChoice';

const formats: { id: ImportFormat; label: string; pathLabel: string; pick: { kind: 'folder' } | { kind: 'file'; extensions: string[] } }[] = [
  { id: 'ladder-json', label: 'A Ladder export (ladder-archive.json)', pathLabel: 'The JSON file', pick: { kind: 'file', extensions: ['json'] } },
  { id: 'markdown-folder', label: 'A folder of Markdown files, such as daily notes', pathLabel: 'The folder', pick: { kind: 'folder' } },
  { id: 'day-one-json', label: 'A Day One export (its JSON file)', pathLabel: 'The JSON file', pick: { kind: 'file', extensions: ['json'] } },
];

type Totals = Required<ImportTableSummary>;

function totals(summary: ImportSummary): Totals {
  return Object.values(summary.tables).reduce<Totals>(
    (sum, t) => ({ new: sum.new + t.new, updated: sum.updated + t.updated, kept: sum.kept + t.kept, newDeleted: sum.newDeleted + (t.newDeleted ?? 0) }),
    { new: 0, updated: 0, kept: 0, newDeleted: 0 },
  );
}

/**
 * Records that arrive already deleted where they come from, in plain words: they come along (so
 * the archive matches the export) but show nowhere, so they are not counted as new.
 */
function deletedWords(count: number, done: boolean): string {
  const records = count === 1 ? '1 record' : `${count.toLocaleString()} records`;
  return done
    ? `${records} that ${count === 1 ? 'was' : 'were'} already deleted where ${count === 1 ? 'it' : 'they'} came from came along too; ${count === 1 ? 'it stays' : 'they stay'} deleted and show${count === 1 ? 's' : ''} nowhere.`
    : `${records} ${count === 1 ? 'was' : 'were'} already deleted where ${count === 1 ? 'it' : 'they'} came from: ${count === 1 ? 'it' : 'they'} would come along, still deleted, and show nowhere.`;
}

/** Import: a dry run first that says what would change, then the import itself after a yes. */
export function ImportSection() {
  const [format, setFormat] = useState<ImportFormat>('ladder-json');
  const [path, setPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [checked, setChecked] = useState<ImportSummary | null>(null);
  const [done, setDone] = useState<ImportSummary | null>(null);
  const job = useJobs((state) => state.jobs.import);
  const error = useJobs((state) => state.errors.import ?? null);
  const run = useJobs((state) => state.run);
  const cancel = useJobs((state) => state.cancel);
  const clearJob = useJobs((state) => state.clear);
  const readOnly = useReadOnly();
  const home = useAppInfo((state) => state.info?.homeFolder ?? '~');
  const running = job?.state === 'running';
  const chosen = formats.find((f) => f.id === format) ?? formats[0]!;
  // Another file or format: what was said about the last one no longer applies.
  const forget = () => {
    setChecked(null);
    setDone(null);
    if (!running) clearJob('import');
  };

  const start = async (dryRun: boolean) => {
    setDone(null);
    if (dryRun) setChecked(null);
    const status = await run('import', () => call('transfer.importStart', { format, path, dryRun, ...(format === 'ladder-json' && passphrase !== '' ? { passphrase } : {}) }));
    const summary = status?.state === 'done' && status.result?.kind === 'import' ? status.result.import : null;
    if (!summary) return;
    if (dryRun) setChecked(summary);
    else {
      setChecked(null);
      setDone(summary);
      useJournal.getState().reset();
      useSearch.getState().reset();
      // The imported parts and prompts join the ones already loaded.
      useParts.getState().reset();
      useLibrary.getState().reset();
    }
  };

  const change = totals(checked ?? done ?? { format, source: '', dryRun: true, tables: {} });
  return (
    <section className="settings-section" aria-labelledby="import-heading">
      <h2 id="import-heading">Import</h2>
      <p className="settings-hint">
        Bring writing in. Ladder first checks what would change and asks before writing anything; a record you have changed since is never
        replaced by an older copy.
      </p>
      <div className="settings-field">
        <label className="field-label" htmlFor="import-format">
          What to import
        </label>
        <select
          id="import-format"
          value={format}
          onChange={(event) => {
            setFormat(event.target.value as ImportFormat);
            forget();
          }}
        >
          {formats.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      <PathField
        id="import-path"
        label={chosen.pathLabel}
        value={path}
        onChange={(value) => {
          setPath(value);
          forget();
        }}
        pick={chosen.pick}
        placeholder={format === 'markdown-folder' ? `${home}/Notes` : `${home}/Downloads/${format === 'ladder-json' ? 'ladder-archive' : 'Journal'}.json`}
      />
      {format === 'ladder-json' ? <ImportPassphraseField value={passphrase} onChange={setPassphrase} /> : null}
      <div className="settings-actions">
        <button type="button" className="button button-primary" disabled={running || readOnly || path.trim() === ''} onClick={() => void start(true)}>
          Check what would change
        </button>
      </div>
      {job ? <JobProgress job={job} label="Import progress" onCancel={() => void cancel('import')} /> : null}
      {checked ? (
        <div className="import-summary" role="group" aria-label="What the import would change">
          {change.new + change.updated === 0 ? (
            // A table of nothing but noughts says less than this sentence.
            <>
              <p>
                Everything in it ({change.kept.toLocaleString()} {change.kept === 1 ? 'record' : 'records'}) is already in your archive. There is nothing to
                import.
              </p>
              {change.newDeleted > 0 ? <p className="settings-hint">{deletedWords(change.newDeleted, false)}</p> : null}
            </>
          ) : (
            <>
              <ImportTable summary={checked} />
              {change.newDeleted > 0 ? <p className="settings-hint">{deletedWords(change.newDeleted, false)}</p> : null}
              <div className="settings-actions">
                <button type="button" className="button button-primary" disabled={running} onClick={() => void start(false)}>
                  Import these changes
                </button>
                <button type="button" className="button button-quiet" onClick={() => setChecked(null)}>
                  Don&rsquo;t import
                </button>
              </div>
            </>
          )}
        </div>
      ) : null}
      {done ? (
        <p role="status" className="settings-done">
          Imported: {change.new.toLocaleString()} new, {change.updated.toLocaleString()} updated, {change.kept.toLocaleString()} left as they were.
          {change.newDeleted > 0 ? ` ${deletedWords(change.newDeleted, true)}` : null}
        </p>
      ) : null}
      {job?.state === 'cancelled' ? <p role="status">Import cancelled. Nothing was written.</p> : null}
      {job?.state === 'failed' || error ? (
        <p className="field-error" role="alert">
          {job?.error?.message ?? error}
        </p>
      ) : null}
    </section>
  );
}

function ImportTable({ summary }: { summary: ImportSummary }) {
  const rows = Object.entries(summary.tables).filter(([, t]) => t.new + t.updated + t.kept + (t.newDeleted ?? 0) > 0);
  // The column shows only when some records arrive deleted: most imports have none.
  const deleted = rows.some(([, t]) => (t.newDeleted ?? 0) > 0);
  return (
    <table className="import-table">
      <caption>What this import would do</caption>
      <thead>
        <tr>
          <th scope="col">Records</th>
          <th scope="col">New</th>
          <th scope="col">Updated</th>
          <th scope="col">Already here</th>
          {deleted ? <th scope="col">Already deleted</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map(([table, t]) => (
          <tr key={table}>
            <th scope="row">{recordLabel(table)}</th>
            <td>{t.new.toLocaleString()}</td>
            <td>{t.updated.toLocaleString()}</td>
            <td>{t.kept.toLocaleString()}</td>
            {deleted ? <td>{(t.newDeleted ?? 0).toLocaleString()}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

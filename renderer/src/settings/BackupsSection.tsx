import { useEffect } from 'react';
import { useReadOnly } from '../app/app-info-store';
import { BackupList } from './BackupList';
import { backupWhen } from './backup-format';
import { useBackups } from './backup-store';

/** Automatic daily copies, Back up now, and restore (with undo). */
export function BackupsSection() {
  const overview = useBackups((state) => state.overview);
  const busy = useBackups((state) => state.busy);
  const error = useBackups((state) => state.error);
  const load = useBackups((state) => state.load);
  const backupNow = useBackups((state) => state.backupNow);
  const undoRestore = useBackups((state) => state.undoRestore);
  const readOnly = useReadOnly();

  useEffect(() => {
    void load();
  }, [load]);

  const lastRestore = overview?.lastRestore ?? null;
  const restoredFrom = lastRestore ? overview?.backups.find((b) => b.name === lastRestore.restoredFrom) : undefined;

  return (
    <section className="settings-section" aria-labelledby="backups-heading">
      <div className="settings-section-head">
        <h2 id="backups-heading">Backups</h2>
        {/* Busy, not disabled: a disabled button drops keyboard focus to the page body. */}
        <button
          type="button"
          className="button button-primary"
          aria-disabled={busy !== 'idle' || undefined}
          onClick={() => {
            if (busy === 'idle') void backupNow();
          }}
        >
          {busy === 'backing-up' ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      <p className="settings-hint">
        Ladder copies your archive once a day while it is open, keeping the last 7 days and 4 weeks, and before every update.
        {overview ? (
          <>
            {' '}
            They are in <code>{overview.folder}</code>.
          </>
        ) : null}
      </p>
      {lastRestore ? (
        <div className="settings-notice" role="status">
          <span>
            You restored the backup{restoredFrom ? ` from ${backupWhen(restoredFrom)}` : ''}. The archive you had before is kept.
          </span>
          <button type="button" className="button" disabled={busy !== 'idle'} onClick={() => void undoRestore()}>
            Undo restore
          </button>
        </div>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {busy === 'restoring' ? <p role="status">Restoring…</p> : null}
      {overview ? <BackupList backups={overview.backups} disabled={busy !== 'idle' || readOnly} /> : null}
    </section>
  );
}

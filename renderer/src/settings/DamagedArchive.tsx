import '../styles/ladder.css';
import './settings.css';
import { useEffect } from 'react';
import type { DamagedArchive } from '../../../shared/domain/backup';
import { BackupList } from './BackupList';
import { backupWhen } from './backup-format';
import { useBackups } from './backup-store';

/** Shown instead of the app when the archive file is damaged: what happened, and the way back. */
export function DamagedArchiveScreen({ damaged }: { damaged: DamagedArchive }) {
  const overview = useBackups((state) => state.overview);
  const busy = useBackups((state) => state.busy);
  const error = useBackups((state) => state.error);
  const load = useBackups((state) => state.load);
  const restore = useBackups((state) => state.restore);
  const newest = damaged.newestGoodBackup;
  const others = (overview?.backups ?? []).filter((b) => b.name !== newest?.name);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <main className="damaged-screen" id="main">
      <div className="damaged-card">
        <h1>Your archive is damaged</h1>
        <p className="damaged-lead">
          Ladder could not read the file that holds your archive, so it has not opened it and has not changed it in any way.
        </p>
        <div className="damaged-found">
          <p>
            <strong>What Ladder found:</strong> {damaged.reason}
          </p>
          <p className="muted">The damaged file:</p>
          <code className="path">{damaged.path}</code>
        </div>
        {newest ? (
          <div className="damaged-offer">
            <h2>Restore your newest good backup</h2>
            <p>
              The backup from <strong>{backupWhen(newest)}</strong> passed its check. Restoring it moves the damaged file aside, where it stays
              untouched, and opens the backup in its place. Anything written after that backup is not in it.
            </p>
            <button type="button" className="button button-primary" disabled={busy !== 'idle'} onClick={() => void restore(newest.name)}>
              {busy === 'restoring' ? 'Restoring…' : `Restore the backup from ${backupWhen(newest)}`}
            </button>
          </div>
        ) : (
          <div className="damaged-offer">
            <h2>No good backup was found</h2>
            <p>
              Keep the file above safe: copy it somewhere before trying anything else. A tool such as the sqlite3 command&rsquo;s{' '}
              <code>.recover</code> may get most of it back.
            </p>
          </div>
        )}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        {others.length > 0 ? (
          <details className="damaged-others">
            <summary>Other backups</summary>
            <BackupList backups={others} disabled={busy !== 'idle'} />
          </details>
        ) : null}
      </div>
    </main>
  );
}

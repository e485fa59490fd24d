import type { Backup } from '../../../shared/domain/backup';
import { backupKindLabel, backupWhen, sizeLabel } from './backup-format';
import { useBackups } from './backup-store';
import { BackupPassphrase } from '../privacy/BackupPassphrase';

/** The backups, newest first, each with Restore behind a confirmation. */
export function BackupList({ backups, disabled }: { backups: Backup[]; disabled: boolean }) {
  const confirming = useBackups((state) => state.confirming);
  const askRestore = useBackups((state) => state.askRestore);
  const restore = useBackups((state) => state.restore);
  const needsPassphrase = useBackups((state) => state.needsPassphrase);
  if (backups.length === 0) {
    return <p className="muted">No backups yet. Ladder makes one each day you use it, and you can make one now.</p>;
  }
  return (
    <ul className="backup-list" aria-label="Backups">
      {backups.map((backup) => (
        <li key={backup.name} className="backup-row">
          <div className="backup-text">
            <span className="backup-when">{backupWhen(backup)}</span>
            <span className="muted">
              {backupKindLabel(backup)} · {sizeLabel(backup.sizeBytes)}
            </span>
          </div>
          {needsPassphrase === backup.name ? (
            <BackupPassphrase onRestore={(passphrase) => void restore(backup.name, passphrase)} />
          ) : confirming === backup.name ? (
            <div className="backup-confirm" role="group" aria-label="Confirm restore">
              <span>Replace your archive with this backup? The archive as it is now is kept aside, so you can undo.</span>
              <button type="button" className="button button-primary" onClick={() => void restore(backup.name)}>
                Restore this backup
              </button>
              <button type="button" className="button button-quiet" onClick={() => askRestore(null)}>
                Keep my archive
              </button>
            </div>
          ) : (
            <button
              type="button"
              className="button"
              disabled={disabled}
              aria-label={`Restore the backup from ${backupWhen(backup)}`}
              onClick={() => askRestore(backup.name)}
            >
              Restore…
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

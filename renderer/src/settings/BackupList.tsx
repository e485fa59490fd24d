import { type KeyboardEvent, useEffect, useRef } from 'react';
import type { Backup } from '../../../shared/domain/backup';
import { backupKindLabel, backupWhen, sizeLabel } from './backup-format';
import { useBackups } from './backup-store';
import { BackupPassphrase } from '../privacy/BackupPassphrase';
import { escapeSteps } from '../ui/modal-keys';

/** The backups, newest first, each with Restore behind a confirmation. */
export function BackupList({ backups, disabled }: { backups: Backup[]; disabled: boolean }) {
  if (backups.length === 0) {
    return <p className="muted">No backups yet. Ladder makes one each day you use it, and you can make one now.</p>;
  }
  return (
    <ul className="backup-list" aria-label="Backups">
      {backups.map((backup) => (
        <BackupRow key={backup.name} backup={backup} disabled={disabled} />
      ))}
    </ul>
  );
}

/**
 * One backup. "Restore…" opens the question in place, with focus on the safe answer, "Keep my
 * archive" (so a stray Enter never restores); it or Escape closes the question and puts focus
 * back on "Restore…".
 */
function BackupRow({ backup, disabled }: { backup: Backup; disabled: boolean }) {
  const confirming = useBackups((state) => state.confirming === backup.name);
  const askingPassphrase = useBackups((state) => state.needsPassphrase === backup.name);
  const error = useBackups((state) => state.error);
  const askRestore = useBackups((state) => state.askRestore);
  const restore = useBackups((state) => state.restore);
  const restoreButton = useRef<HTMLButtonElement>(null);
  const safeAnswer = useRef<HTMLButtonElement>(null);
  // Set when the question closes without a restore, so "Restore…" takes focus once it is back.
  const refocus = useRef(false);

  useEffect(() => {
    if (confirming) safeAnswer.current?.focus();
    else if (!askingPassphrase && !disabled && refocus.current) {
      refocus.current = false;
      restoreButton.current?.focus();
    }
  }, [confirming, askingPassphrase, disabled]);

  const keep = () => {
    refocus.current = true;
    askRestore(null);
  };
  // After the restore too, focus comes back to this row once the list can be used again.
  const restoreThis = (passphrase?: string) => {
    refocus.current = true;
    void restore(backup.name, passphrase);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => escapeSteps(event, keep);

  return (
    <li className="backup-row">
      <div className="backup-text">
        <span className="backup-when">{backupWhen(backup)}</span>
        <span className="muted">
          {backupKindLabel(backup)}
          {backup.encrypted ? ' · Encrypted (opens with the passphrase it was made under)' : ''} · {sizeLabel(backup.sizeBytes)}
        </span>
      </div>
      {askingPassphrase ? (
        <BackupPassphrase onRestore={restoreThis} onCancel={keep} error={error} />
      ) : confirming ? (
        <div className="backup-confirm" role="group" aria-label="Confirm restore" onKeyDown={onKeyDown}>
          <span>Replace your archive with this backup? The archive as it is now is kept aside, so you can undo.</span>
          <button type="button" className="button button-primary" onClick={() => restoreThis()}>
            Restore this backup
          </button>
          <button ref={safeAnswer} type="button" className="button button-quiet" onClick={keep}>
            Keep my archive
          </button>
        </div>
      ) : (
        <button
          ref={restoreButton}
          type="button"
          className="button"
          disabled={disabled}
          // Its kind too: two backups can be made in the same minute (a passphrase change, then Back up now).
          aria-label={`Restore the backup from ${backupWhen(backup)} (${backupKindLabel(backup).toLowerCase()})`}
          onClick={() => askRestore(backup.name)}
        >
          Restore…
        </button>
      )}
    </li>
  );
}

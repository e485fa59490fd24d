import type { Backup, BackupKind } from '../../../shared/domain/backup';

const kindLabels: Record<BackupKind, string> = {
  daily: 'Daily backup',
  manual: 'Made with Back up now',
  'pre-migration': 'Before an update of Ladder',
  'before-restore': 'Set aside by a restore',
  recovered: 'Recovered from a damaged archive',
  passphrase: 'Made when a passphrase was set or removed',
};

// Made on first use, not as the start bundle runs: a window's first Intl formatter loads the
// locale's data (45-60 ms in a fresh Chromium) and held back the first paint.
let when: Intl.DateTimeFormat | undefined;

export function backupWhen(backup: Backup) {
  when ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return when.format(new Date(backup.createdAt));
}

export function backupKindLabel(backup: Backup) {
  return kindLabels[backup.kind];
}

export function sizeLabel(bytes: number) {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

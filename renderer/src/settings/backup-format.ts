import type { Backup, BackupKind } from '../../../shared/domain/backup';
import { dateFormat } from '../ui/date-format';

const kindLabels: Record<BackupKind, string> = {
  daily: 'Daily backup',
  manual: 'Made with Back up now',
  'pre-migration': 'Before an update of Ladder',
  'before-restore': 'Set aside by a restore',
  recovered: 'Recovered from a damaged archive',
  passphrase: 'Made when a passphrase was set or removed',
};

const when = dateFormat({ dateStyle: 'medium', timeStyle: 'short' });

export function backupWhen(backup: Backup) {
  return when.format(new Date(backup.createdAt));
}

export function backupKindLabel(backup: Backup) {
  return kindLabels[backup.kind];
}

export function sizeLabel(bytes: number) {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

import { z } from 'zod';
import type { Backup, BackupOverview, RestoreResult } from '../domain/backup';
import { read, write } from './define';

/** A backup is named by its file name in the backups folder: no folders, nothing outside it. */
const backupName = z
  .string()
  .max(200)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9-]*\.sqlite3$/, 'Not the name of a backup.');

export const backupContract = {
  'backup.list': read(z.strictObject({})).returns<BackupOverview>(),

  /** Copies the archive with SQLite's online backup. It reads the archive and never changes it. */
  'backup.now': read(z.strictObject({})).returns<Backup>(),

  /** Replaces the archive with a backup that passes an integrity check; the current file is kept aside. */
  'backup.restore': write(z.strictObject({ name: backupName, passphrase: z.string().max(1_024).optional() })).returns<RestoreResult>(),

  /**
   * Only while the archive is damaged: starts a job that reads what can still be read into a new
   * archive in the backups folder (a `recovered` backup, restored like any other). The damaged file is not changed.
   */
  'backup.recover': read(z.strictObject({})).returns<{ jobId: string }>(),

  /** Puts back the archive that the last restore set aside. */
  'backup.undoRestore': write(z.strictObject({})).returns<RestoreResult>(),
};

/** Copies of the archive kept in `<dataDir>/backups/`, and what a damaged archive looks like at start. */

/**
 * `daily`: the automatic copy, at most one a day (kept 7 daily and 4 weekly).
 * `manual`: made with "Back up now" (rotated with the daily ones).
 * `pre-migration`: made before the archive was updated to a newer format (never rotated).
 * `before-restore`: the archive as it was just before a restore, so the restore can be undone.
 * `recovered`: what "Make a recovered copy" read out of a damaged archive (never rotated).
 * `passphrase`: made just before and after a passphrase is set or removed (never rotated: the
 *   copy from before is the one a forgotten new passphrase would need).
 */
export type BackupKind = 'daily' | 'manual' | 'pre-migration' | 'before-restore' | 'recovered' | 'passphrase';

export interface Backup {
  /** The file name inside the backups folder; it is also the backup's id in requests. */
  name: string;
  kind: BackupKind;
  createdAt: string;
  sizeBytes: number;
  /** Made while the archive had a passphrase: its key file lies beside it. */
  encrypted: boolean;
}

export interface RestoreRecord {
  /** The backup that was restored. */
  restoredFrom: string;
  /** Where the archive that was replaced now lives (a `before-restore` backup): Undo restores it. */
  setAside: string;
  at: string;
}

export interface BackupOverview {
  folder: string;
  /** Newest first. */
  backups: Backup[];
  /** The last restore made since Ladder started, while it can still be undone. */
  lastRestore: RestoreRecord | null;
}

export interface RestoreResult {
  restored: RestoreRecord;
  /** Set when the replaced file was damaged: where it was moved (never overwritten or deleted). */
  damagedFileKeptAt: string | null;
}

/** Set in `app.info` when the archive could not be opened because the file is damaged. */
export interface DamagedArchive {
  /** In plain words: what is wrong with the file. */
  reason: string;
  path: string;
  /** The newest backup that passed an integrity check, if there is one. */
  newestGoodBackup: Backup | null;
}

/** What "Make a recovered copy" could read out of one table of a damaged archive. */
export interface SalvagedTable {
  table: string;
  /** Rows copied into the recovered copy. */
  copied: number;
  /** Rows that were in the damaged file but could not be read (counted from an index, else estimated). */
  unreadable: number;
  /** True when nothing of the table could be read at all. */
  lost: boolean;
}

/** The result of "Make a recovered copy": a new archive in the backups folder, restorable like a backup. */
export interface SalvageSummary {
  /** The recovered copy: a backup of kind `recovered`. */
  backup: Backup;
  tables: SalvagedTable[];
  /** Rows kept although a record they belong to could not be read (never dropped). */
  missingParent: number;
}

import type { DamagedArchive } from './backup';

export interface AppInfo {
  version: string;
  /** Where the archive lives on disk, shown in Settings so people know where their data is. */
  databasePath: string;
  schemaVersion: number;
  /** True when the archive was written by a newer Ladder: readable, never written. */
  readOnly: boolean;
  readOnlyReason: string | null;
  /** Set when the archive file is damaged: nothing can be read until a backup is restored. */
  damaged: DamagedArchive | null;
  /** True when the desktop app can show a folder or file picker; the browser host types paths instead. */
  canPickPaths: boolean;
  /** The person's home folder, to suggest where an export goes. */
  homeFolder: string;
  /** The archive is encrypted with a passphrase. */
  encrypted: boolean;
  /** Encrypted and not unlocked yet: the UI shows the lock screen. */
  locked: boolean;
}

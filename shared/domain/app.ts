export interface AppInfo {
  version: string;
  /** Where the archive lives on disk, shown in Settings so people know where their data is. */
  databasePath: string;
  schemaVersion: number;
  /** True when the archive was written by a newer Ladder: readable, never written. */
  readOnly: boolean;
  readOnlyReason: string | null;
}

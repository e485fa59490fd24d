import { statSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';

/** Checks on an archive file that every trial shares. */

/** What `PRAGMA integrity_check` and `foreign_key_check` find wrong; empty when the file is sound. */
export function integrityProblems(sqlite: SqliteDatabase.Database): string[] {
  const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
  const problems = rows.map((r) => r.integrity_check).filter((message) => message !== 'ok');
  const orphans = sqlite.pragma('foreign_key_check') as unknown[];
  if (orphans.length > 0) problems.push(`${orphans.length} rows point at rows that do not exist`);
  return problems;
}

/**
 * Notices every commit to the archive made through another connection (the core's): SQLite
 * changes `PRAGMA data_version` of this second, read-only connection exactly then. Stricter than
 * comparing row counts and newest `updated_at` per table, and it costs no table scan.
 */
export function watchCommits(file: string) {
  const watcher = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  return {
    version: () => watcher.pragma('data_version', { simple: true }) as number,
    close: () => watcher.close(),
  };
}

/** The size of the archive's write-ahead log, 0 when there is none. */
export function walBytes(archiveFile: string) {
  try {
    return statSync(`${archiveFile}-wal`).size;
  } catch {
    return 0;
  }
}

export function fileBytes(file: string) {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

export function mebibytes(bytes: number) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

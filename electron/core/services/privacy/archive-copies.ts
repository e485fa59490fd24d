import { existsSync, rmSync, statSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { LadderError } from '../../../../shared/errors';
import { applyKey, rekey } from './cipher';
import { syncFile } from './key-file';

/**
 * The encrypted (or decrypted) copy that replaces the archive when a passphrase is set or removed.
 * It is made beside the archive, checked table by table against the original, and flushed to disk
 * before anything is renamed, so a crash at any point leaves one whole archive in place.
 */

export type TableCounts = Record<string, number>;

export function tableCounts(sqlite: SqliteDatabase.Database): TableCounts {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts: TableCounts = {};
  for (const table of tables) counts[table] = sqlite.prepare(`SELECT count(*) FROM "${table.replaceAll('"', '""')}"`).pluck().get() as number;
  return counts;
}

/**
 * Writes a copy of the open archive to `target` under `from` (its own key, or none), then turns it
 * into a copy under `to`. VACUUM INTO reads one consistent moment; the caller has blocked writes.
 */
export function writeConvertedCopy(source: SqliteDatabase.Database, target: string, to: string | null, from: string | null) {
  rmSync(target, { force: true });
  source.prepare('VACUUM INTO ?').run(target);
  const copy = new SqliteDatabase(target, { fileMustExist: true });
  try {
    if (from !== null) applyKey(copy, from);
    rekey(copy, to);
  } finally {
    copy.close();
  }
}

/** Opens the copy as it will be opened from now on and compares every table's row count; then flushes it. */
export function verifyCopy(target: string, key: string | null, expected: TableCounts) {
  const copy = new SqliteDatabase(target, { readonly: true, fileMustExist: true });
  try {
    if (key !== null) applyKey(copy, key);
    const check = copy.pragma('quick_check(1)', { simple: true });
    if (check !== 'ok') throw new LadderError('internal', 'The new copy of the archive did not pass its check, so nothing was changed.');
    const counts = tableCounts(copy);
    for (const [table, count] of Object.entries(expected)) {
      if (counts[table] !== count) throw new LadderError('internal', `The new copy of the archive is missing records in "${table}", so nothing was changed.`);
    }
  } finally {
    copy.close();
  }
  syncFile(target);
}

/** A closed archive's log should be gone; one with frames still in it means the close did not finish. */
export function assertNoLog(file: string) {
  const log = `${file}-wal`;
  if (existsSync(log) && statSync(log).size > 0) {
    throw new LadderError('internal', 'The archive is still finishing a save, so nothing was changed. Please try again in a moment.');
  }
  rmSync(log, { force: true });
  rmSync(`${file}-shm`, { force: true });
}

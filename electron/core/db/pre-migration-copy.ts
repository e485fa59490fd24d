import { constants } from 'node:fs';
import { copyFile, open, rename, rm } from 'node:fs/promises';
import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import type { Migration } from 'kysely/migration';

/**
 * The copy of the archive kept before a migration changes it.
 *
 * A migration that only adds (new tables, indexes, triggers, or settings of the derived search
 * index) and changes no stored record says so with `export const additive = true`; when every
 * pending migration is additive no copy is needed: the migrator runs them all in one
 * transaction, so a failure leaves the file exactly as it was, and success leaves every record
 * as it was. Any other migration gets a copy first.
 */
export function needsCopyFirst(pending: readonly Migration[]) {
  return pending.some((migration) => (migration as { additive?: unknown }).additive !== true);
}

/**
 * Copies the archive's file byte for byte (an encrypted archive stays encrypted). The log is
 * folded into the file and emptied first, so the file alone is the whole archive; nobody else
 * holds the archive while it opens, so nothing writes between the checkpoint and the copy.
 * The copy runs on libuv's threads (the main thread stays free), clones where the file system
 * can (APFS, btrfs, XFS: instant), and is synced before it takes its final name. When the log
 * cannot be emptied (another process reading it), SQLite's online backup makes the copy instead.
 */
export async function copyArchiveFile(sqlite: SqliteDatabase.Database, file: string, target: string): Promise<void> {
  const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number }[];
  if (!result || result.busy !== 0 || result.log > 0) {
    await sqlite.backup(target);
    return;
  }
  const partial = `${target}.partial`;
  try {
    await copyFile(file, partial, constants.COPYFILE_FICLONE);
    const handle = await open(partial, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, target);
  } finally {
    await rm(partial, { force: true });
  }
}

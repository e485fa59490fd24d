import { closeSync, constants, copyFileSync, existsSync, fsyncSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import type { Migration } from 'kysely/migration';

/**
 * The copy of the archive kept before a migration changes it.
 *
 * A migration that only adds (new tables, indexes, triggers, or settings of the derived search
 * index) and changes no stored record says so with `export const additive = true`; when every
 * pending migration is additive no copy is needed: the migrator runs them all in one
 * transaction, so a failure leaves the file exactly as it was, and success leaves every record
 * as it was. Any other migration gets a copy.
 */
export function needsCopyFirst(pending: readonly Migration[]) {
  return pending.some((migration) => (migration as { additive?: unknown }).additive !== true);
}

/**
 * The copy is made from the archive's own file while the migration runs and after it, so opening
 * does not wait for it (copying 660 MB took 0.5 s, five times the start-up budget). That works
 * because in WAL mode nothing but a checkpoint writes into the file: the log is folded in and
 * emptied first, checkpoints are switched off, and the migration's changes wait in the log while
 * the file still holds the archive exactly as it was. Once the copy is synced under its final
 * name, checkpoints resume.
 *
 * A note beside the backups says a copy is under way. If Ladder stops before the copy is done
 * (a crash: nothing checkpointed), the next start finds the note and finishes the copy from the
 * file, still as it was, before anything opens the archive.
 */
const pendingNoteName = 'pre-migration-copy.pending.json';

interface PendingNote {
  /** The copy's file name, in the backup folder. */
  copy: string;
  /** The key file to keep beside the copy, for an encrypted archive. */
  keyFile: string | null;
}

export interface PreMigrationCopy {
  /** The copy's path (it exists once `done` has resolved true). */
  target: string;
  /** True once the copy is complete; false if it failed (the archive is then without it). */
  done: Promise<boolean>;
}

/** Copies `file` to `target` through a `.partial` file, cloning where the file system can (APFS,
 * btrfs, XFS: instant), synced before it takes its final name. Runs on libuv's threads. */
async function copyDurably(file: string, target: string) {
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

function writeNote(noteFile: string, note: PendingNote) {
  const fd = openSync(noteFile, 'w');
  try {
    writeFileSync(fd, `${JSON.stringify(note)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Begins the copy of an archive about to be migrated. Returns null when the log cannot be emptied
 * (another process reading it): the caller then copies with `copyBeforeMigrating` instead.
 */
export function beginPreMigrationCopy(
  sqlite: SqliteDatabase.Database,
  file: string,
  target: string,
  keyFile: string | null,
  options: {
    logError?: (name: string, error: unknown) => void;
    startsAfter?: Promise<unknown>;
    /** Runs once the copy is done, before this connection may checkpoint again: a migration run on
     * another connection folds its log in there, off the main thread (see migrate-off-thread.ts). */
    beforeCheckpointsResume?: () => Promise<void>;
  } = {},
): PreMigrationCopy | null {
  const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number }[];
  if (!result || result.busy !== 0 || result.log > 0) return null;
  const autoCheckpoint = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  sqlite.pragma('wal_autocheckpoint = 0');
  const noteFile = path.join(path.dirname(target), pendingNoteName);
  try {
    writeNote(noteFile, { copy: path.basename(target), keyFile });
  } catch (error) {
    sqlite.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
    throw error;
  }
  const done = (async () => {
    try {
      await options.startsAfter;
      await copyDurably(file, target);
      // A byte copy of an encrypted archive stays encrypted; its key file makes it restorable on its own.
      if (keyFile !== null) copyFileSync(keyFile, `${target}.key.json`);
      return true;
    } catch (error) {
      // The archive carries on without the copy (its regular backups remain); the note goes, so
      // the file that checkpoints will now change is never taken for the archive as it was.
      options.logError?.('pre-migration copy', error);
      return false;
    } finally {
      rmSync(noteFile, { force: true });
      try {
        await options.beforeCheckpointsResume?.();
      } catch (error) {
        options.logError?.('checkpoint after the pre-migration copy', error);
      }
      if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
    }
  })();
  return { target, done };
}

/**
 * Finishes a copy a previous run left under way. Called before anything opens the archive: the
 * file is still as it was before that migration. A copy that cannot be made stops the start, as
 * it would have before the migration; the note stays for the next try.
 */
export async function finishPendingCopy(file: string, backupDir: string): Promise<void> {
  const noteFile = path.join(backupDir, pendingNoteName);
  if (!existsSync(noteFile)) return;
  let note: PendingNote;
  try {
    note = JSON.parse(readFileSync(noteFile, 'utf8')) as PendingNote;
  } catch {
    // Cut short while being written, so the migration never started: nothing to finish.
    rmSync(noteFile, { force: true });
    return;
  }
  const target = path.join(backupDir, path.basename(String(note.copy)));
  // The copy takes its name only once complete, so one that exists is whole.
  if (!existsSync(target)) await copyDurably(file, target);
  if (note.keyFile && existsSync(note.keyFile) && !existsSync(`${target}.key.json`)) copyFileSync(note.keyFile, `${target}.key.json`);
  rmSync(noteFile, { force: true });
}

/**
 * Copies the archive before migrating, when the log could not be emptied: SQLite's online backup,
 * through the open connection, waited for.
 */
export async function copyBeforeMigrating(sqlite: SqliteDatabase.Database, target: string, keyFile: string | null) {
  await sqlite.backup(target);
  if (keyFile !== null) copyFileSync(keyFile, `${target}.key.json`);
}

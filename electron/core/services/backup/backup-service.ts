import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import type { Backup } from '../../../../shared/domain/backup';
import { LadderError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import { findDamage } from '../../db/health';
import { backupFileName, backupsToRemove, ensureDir, listBackups, parseBackupName } from './backup-files';

export const hourMillis = 60 * 60 * 1000;

export interface BackupServiceOptions {
  dir: string;
  clock: Clock;
  /** The open archive's connection, or null while none is open (damaged, or mid-restore). */
  source: () => SqliteDatabase.Database | null;
  /** False while something must not be copied half-way (an import holding its transaction). */
  canCopyNow: () => boolean;
  logError?: (name: string, error: unknown) => void;
}

/** Automatic and manual copies of the archive, made with SQLite's online backup while Ladder runs. */
export function createBackupService(options: BackupServiceOptions) {
  const { dir, clock } = options;
  // One copy at a time: a manual backup and the hourly check never race.
  let chain: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setInterval> | null = null;

  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work, work);
    chain = next.catch(() => undefined);
    return next;
  };

  function rotate() {
    for (const backup of backupsToRemove(listBackups(dir))) rmSync(path.join(dir, backup.name), { force: true });
  }

  async function copy(kind: 'daily' | 'manual'): Promise<Backup> {
    const sqlite = options.source();
    if (!sqlite) throw new LadderError('internal', 'There is no archive open to back up.');
    ensureDir(dir);
    const createdAt = clock.now();
    const name = backupFileName(kind, createdAt);
    const partial = path.join(dir, `.${name}.partial`);
    try {
      // The online backup copies a consistent snapshot in steps, between other work.
      await sqlite.backup(partial);
      const damage = findDamage(partial);
      if (damage) throw new LadderError('internal', `The new backup did not pass its integrity check, so it was not kept. ${damage}`);
      renameSync(partial, path.join(dir, name));
    } finally {
      rmSync(partial, { force: true });
    }
    rotate();
    const made = listBackups(dir).find((b) => b.name === name);
    if (!made) throw new LadderError('internal', 'The backup was made but could not be found afterwards.');
    return made;
  }

  /** True when no daily or manual copy was made on the clock's current (UTC) day. */
  function due() {
    const today = clock.now().slice(0, 10);
    return !listBackups(dir).some((b) => (b.kind === 'daily' || b.kind === 'manual') && b.createdAt.slice(0, 10) === today);
  }

  const service = {
    dir,
    list: () => listBackups(dir),

    pathOf(name: string): string {
      if (!parseBackupName(name)) throw new LadderError('validation', 'Not the name of a backup.', 'name');
      const file = path.join(dir, name);
      if (!existsSync(file)) throw new LadderError('not_found', 'That backup is not in the backups folder any more.', 'name');
      return file;
    },

    backupNow: () => {
      if (!options.canCopyNow()) throw new LadderError('conflict', 'An import or export is running; back up when it has finished.');
      return serial(() => copy('manual'));
    },

    /** The automatic backup: at most one a day. Resolves with the copy, or null when none was due. */
    runIfDue: () =>
      serial(async () => {
        if (!options.source() || !options.canCopyNow() || !due()) return null;
        return copy('daily');
      }),

    /** Null when the backup looks sound, else what is wrong with it. Reads every page. */
    check: (name: string) => findDamage(service.pathOf(name), { thorough: true }),

    /** The newest backup that passes an integrity check (looks at a few, newest first). */
    newestGood(): Backup | null {
      for (const backup of listBackups(dir).slice(0, 12)) {
        if (findDamage(path.join(dir, backup.name)) === null) return backup;
      }
      return null;
    },

    /** Checks now (after start) and then every `intervalMillis`; the timer never keeps Node alive. */
    schedule(intervalMillis = hourMillis, checkNow = true) {
      service.unschedule();
      const run = () => {
        service.runIfDue().catch((error: unknown) => options.logError?.('automatic backup', error));
      };
      if (checkNow) run();
      timer = setInterval(run, intervalMillis);
      timer.unref?.();
    },

    unschedule() {
      if (timer) clearInterval(timer);
      timer = null;
    },

    /** Waits for a copy under way to finish. */
    idle: () => chain.then(() => undefined),
  };
  return service;
}

export type BackupService = ReturnType<typeof createBackupService>;

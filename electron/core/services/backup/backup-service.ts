import { copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import type { Backup } from '../../../../shared/domain/backup';
import { LadderError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import { findDamage } from '../../db/health';
import { backupFileName, backupKeyFile, backupsToRemove, ensureDir, listBackups, parseBackupName } from './backup-files';
import { findDamageOffThread } from '../../db/check-off-thread';
import { copyArchiveOffThread, NoCopyWorker } from './copy-off-thread';

export const hourMillis = 60 * 60 * 1000;
/** The first automatic check after start waits this long (see `schedule`). */
const firstCheckAfterMillis = 60 * 1000;

export interface BackupServiceOptions {
  dir: string;
  clock: Clock;
  /** The open archive's connection, or null while none is open (damaged, or mid-restore). */
  source: () => SqliteDatabase.Database | null;
  /** False while something must not be copied half-way (an import holding its transaction). */
  canCopyNow: () => boolean;
  logError?: (name: string, error: unknown) => void;
  /** Set while the archive is encrypted: its key, its key file and the key's id. */
  encryption?: () => { key: string; keyFile: string; keyId: string } | null;
}

/** What opens a backup: nothing (plain), the archive's key, or `otherKey` (its own passphrase is needed). */
export const otherKey = 'other';
type BackupKey = string | undefined;

/** The id of the key an encrypted backup was made under, from the key file beside it. */
function keyIdBeside(backupFile: string): string | null {
  try {
    return (JSON.parse(readFileSync(backupKeyFile(backupFile), 'utf8')) as { keyId?: string }).keyId ?? null;
  } catch {
    return null;
  }
}

/** Automatic and manual copies of the archive, made with SQLite's online backup while Ladder runs. */
export function createBackupService(options: BackupServiceOptions) {
  const { dir, clock } = options;
  // One copy at a time: a manual backup and the hourly check never race.
  let chain: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setInterval> | null = null;
  let firstCheck: ReturnType<typeof setTimeout> | null = null;

  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work, work);
    chain = next.catch(() => undefined);
    return next;
  };

  function rotate() {
    for (const backup of backupsToRemove(listBackups(dir))) {
      rmSync(path.join(dir, backup.name), { force: true });
      rmSync(backupKeyFile(path.join(dir, backup.name)), { force: true });
    }
  }

  /**
   * The key to check a backup with: none for a plain one, the archive's own when the backup shares
   * it, and 'other' when it was made under a key this session does not hold.
   */
  function keyFor(file: string): BackupKey {
    const keyId = keyIdBeside(file);
    if (keyId === null) return undefined;
    const current = options.encryption?.() ?? null;
    return current && current.keyId === keyId ? current.key : otherKey;
  }

  function damageOf(file: string, thorough: boolean): string | null {
    const key = keyFor(file);
    if (key === 'other') return 'This backup is encrypted under another passphrase; restoring it asks for that passphrase first.';
    return findDamage(file, { thorough, key });
  }

  async function copy(kind: 'daily' | 'manual' | 'passphrase'): Promise<Backup> {
    const sqlite = options.source();
    if (!sqlite) throw new LadderError('internal', 'There is no archive open to back up.');
    ensureDir(dir);
    const createdAt = clock.now();
    const name = backupFileName(kind, createdAt);
    const partial = path.join(dir, `.${name}.partial`);
    try {
      const encryption = options.encryption?.() ?? null;
      try {
        await copyArchiveOffThread(sqlite.name, partial, { key: encryption?.key });
      } catch (error) {
        if (!(error instanceof NoCopyWorker)) throw error;
        // No worker (not expected; a packaged build cannot be tried here): copy on this thread.
        rmSync(partial, { force: true });
        if (encryption) sqlite.prepare('VACUUM INTO ?').run(partial);
        else await sqlite.backup(partial);
      }
      // An encrypted copy keeps the archive's key: its key file goes beside it.
      if (encryption) copyFileSync(encryption.keyFile, backupKeyFile(path.join(dir, name)));
      // Off the main thread: reading every page of a large copy takes seconds.
      const damage = await findDamageOffThread(partial, { key: encryption?.key });
      if (damage) throw new LadderError('internal', `The new backup did not pass its integrity check, so it was not kept. ${damage}`);
      renameSync(partial, path.join(dir, name));
    } catch (error) {
      rmSync(backupKeyFile(path.join(dir, name)), { force: true });
      throw error;
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

    /** The copies made around setting or removing a passphrase, kept until deleted by hand. */
    backupForPassphrase: () => serial(() => copy('passphrase')),

    /** The automatic backup: at most one a day. Resolves with the copy, or null when none was due. */
    runIfDue: () =>
      serial(async () => {
        if (!options.source() || !options.canCopyNow() || !due()) return null;
        return copy('daily');
      }),

    /** Null when the backup looks sound, else what is wrong with it. Reads every page. */
    check: (name: string) => damageOf(service.pathOf(name), true),

    /** For a restore: the key the backup needs (undefined when plain, 'other' when it needs its own passphrase). */
    keyFor: (name: string) => keyFor(service.pathOf(name)),

    /** The newest backup that passes an integrity check (looks at a few, newest first). */
    newestGood(): Backup | null {
      // A recovered copy is not a whole archive: it is offered on its own, never as "a good backup".
      for (const backup of listBackups(dir).filter((b) => b.kind !== 'recovered').slice(0, 12)) {
        const file = path.join(dir, backup.name);
        if (keyFor(file) !== 'other' && damageOf(file, false) === null) return backup;
      }
      return null;
    },

    /**
     * Checks soon after start (`checkSoon`) and then every `intervalMillis`; the timers never keep
     * Node alive. "Soon" is a minute, not at once: copying a large archive takes a core and the
     * disk for seconds, and the first moments after start are when the window is being drawn
     * and the person starts writing (the benchmark's first paints slowed by half while it ran).
     */
    schedule(intervalMillis = hourMillis, checkSoon = true) {
      service.unschedule();
      const run = () => {
        service.runIfDue().catch((error: unknown) => options.logError?.('automatic backup', error));
      };
      if (checkSoon) {
        firstCheck = setTimeout(run, Math.min(firstCheckAfterMillis, intervalMillis));
        firstCheck.unref?.();
      }
      timer = setInterval(run, intervalMillis);
      timer.unref?.();
    },

    unschedule() {
      if (timer) clearInterval(timer);
      if (firstCheck) clearTimeout(firstCheck);
      timer = null;
      firstCheck = null;
    },

    /** Waits for a copy under way to finish. */
    idle: () => chain.then(() => undefined),
  };
  return service;
}

export type BackupService = ReturnType<typeof createBackupService>;

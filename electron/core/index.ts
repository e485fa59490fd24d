import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { DamagedArchive, RestoreRecord, RestoreResult } from '../../shared/domain/backup';
import { LadderError } from '../../shared/errors';
import { type Clock, systemClock } from './clock';
import { DamagedArchiveError, findDamage } from './db/health';
import { logFailure } from './log';
import { type Archive, openArchive } from './db/open';
import { createHandlers } from './handlers';
import type { CoreHost, Platform } from './host';
import { createRouter, type Router } from './router';
import { backupFileName } from './services/backup/backup-files';
import { createBackupService, hourMillis } from './services/backup/backup-service';
import { createDamagedHandlers } from './services/backup/damaged-handlers';
import { moveAside, moveBack, putCopyInPlace } from './services/backup/restore-files';
import { createJobRunner } from './services/jobs/job-runner';

export type { Platform } from './host';
export { logFailure } from './log';

/**
 * The core: the archive and the router over it. It never imports `electron`, so the same code
 * runs in the desktop app's main process, in the browser host and in plain Node tests.
 */
export interface Core {
  /** The open archive; throws while the archive is damaged (see `damaged`). */
  readonly archive: Archive;
  /** Set when the archive file was found damaged at start: only backups can be used until one is restored. */
  readonly damaged: DamagedArchive | null;
  handle: Router;
  close(): Promise<void>;
}

export interface CoreOptions {
  /** The folder holding the archive (the app's user-data folder in the desktop app). */
  dataDir: string;
  clock?: Clock;
  version?: string;
  logError?: (name: string, error: unknown) => void;
  /** Pickers the desktop shell offers; left out by the browser host and tests. */
  platform?: Platform;
  /** The automatic daily backup, checked at start and then hourly (default true). */
  automaticBackups?: boolean;
  backupCheckIntervalMillis?: number;
  homeFolder?: string;
}

export const archiveFileName = 'ladder.sqlite3';

export function archivePath(dataDir: string) {
  return path.join(dataDir, archiveFileName);
}

type Session = { archive: Archive; damaged: null; handle: Router } | { archive: null; damaged: DamagedArchive; handle: Router };

export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const file = archivePath(options.dataDir);
  const backupDir = path.join(options.dataDir, 'backups');
  const logError = options.logError ?? logFailure;
  const jobs = createJobRunner({ logError });
  let session: Session | null = null;
  let switching = false;
  let lastRestore: RestoreRecord | null = null;

  const backups = createBackupService({
    dir: backupDir,
    clock,
    source: () => (switching ? null : (session?.archive?.sqlite ?? null)),
    canCopyNow: () => !jobs.running(),
    logError,
  });

  const host: CoreHost = {
    dataDir: options.dataDir,
    archiveFile: file,
    clock,
    version: options.version ?? '0.0.0',
    platform: options.platform ?? {},
    jobs,
    backups,
    homeFolder: options.homeFolder ?? homedir(),
    damaged: () => session?.damaged ?? null,
    restore: (name) => restore(name),
    undoRestore: async () => {
      if (!lastRestore) throw new LadderError('not_found', 'There is no restore to undo.');
      const undo = lastRestore;
      const result = await restore(path.basename(undo.setAside));
      lastRestore = null;
      return result;
    },
    lastRestore: () => lastRestore,
    logError,
  };

  const routerFor = (handlers: Parameters<typeof createRouter>[0], readOnlyReason: () => string | null) =>
    createRouter(handlers, { readOnlyReason, logError: (name, error) => logError(`request ${name}`, error) });

  async function open(): Promise<Session> {
    try {
      const archive = await openArchive(file, { backupDir, now: () => new Date(clock.now()) });
      return { archive, damaged: null, handle: routerFor(createHandlers(archive, clock, host.version, host), () => archive.readOnlyReason) };
    } catch (error) {
      if (!(error instanceof DamagedArchiveError)) throw error;
      const damaged: DamagedArchive = { reason: error.reason, path: file, newestGoodBackup: backups.newestGood() };
      return { archive: null, damaged, handle: routerFor(createDamagedHandlers(host), () => null) };
    }
  }

  /** Replaces the archive with a copy of a backup; the file in place is moved aside, never overwritten. */
  async function restore(name: string): Promise<RestoreResult> {
    const source = backups.pathOf(name);
    const damage = findDamage(source, { thorough: true });
    if (damage) throw new LadderError('validation', `That backup did not pass its integrity check, so it was not restored. ${damage}`, 'name');
    if (switching) throw new LadderError('conflict', 'A restore is already under way.');
    switching = true;
    try {
      await jobs.stopAll();
      backups.unschedule();
      await backups.idle();
      const wasDamaged = session?.damaged !== null;
      await session?.archive?.close();
      session = null;
      const at = clock.now();
      const asideName = wasDamaged ? `damaged-${backupFileName('before-restore', at).slice('before-restore-'.length)}` : backupFileName('before-restore', at);
      const aside = existsSync(file) ? moveAside(file, backupDir, asideName) : null;
      putCopyInPlace(source, file);
      try {
        session = await open();
        if (session.damaged) throw new LadderError('internal', 'The restored copy could not be opened either.');
      } catch (error) {
        await session?.archive?.close();
        if (aside) moveBack(aside, file);
        session = await open();
        throw error instanceof LadderError ? error : new LadderError('internal', 'The backup could not be opened, so the archive was left as it was.');
      }
      const record: RestoreRecord = { restoredFrom: name, setAside: aside ?? '', at };
      lastRestore = wasDamaged || !aside ? null : record;
      return { restored: record, damagedFileKeptAt: wasDamaged ? aside : null };
    } finally {
      switching = false;
      if (options.automaticBackups !== false) backups.schedule(options.backupCheckIntervalMillis ?? hourMillis, false);
    }
  }

  const existed = existsSync(file) && statSync(file).size > 0;
  session = await open();
  // A fresh, empty archive has nothing worth copying yet; the hourly check will catch up.
  if (options.automaticBackups !== false) backups.schedule(options.backupCheckIntervalMillis ?? hourMillis, existed);

  let closed = false;
  return {
    get archive(): Archive {
      if (!session?.archive) throw new LadderError('internal', 'The archive is damaged and not open.');
      return session.archive;
    },
    get damaged() {
      return session?.damaged ?? null;
    },
    handle: (name, input) => {
      if (switching || !session) {
        return Promise.resolve({ ok: false, error: { code: 'conflict', message: 'Ladder is switching to a backup. Please try again in a moment.' } });
      }
      return session.handle(name, input);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      backups.unschedule();
      await jobs.stopAll();
      await backups.idle();
      await session?.archive?.close();
    },
  };
}

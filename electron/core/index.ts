import { copyFileSync, existsSync, rmSync, statSync } from 'node:fs';
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
import { backupKeyFile } from './services/backup/backup-files';
import { keyFilePath, keyIdOf, type defaultCost } from './services/privacy/key-file';
import { createLockedHandlers } from './services/privacy/locked-handlers';
import { createPrivacyService } from './services/privacy/privacy-service';
import { createSearchUpkeep } from './services/search/search-upkeep';

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
  /** Tests only: a cheaper scrypt cost than the shipped one. */
  kdfCost?: typeof defaultCost;
}

export const archiveFileName = 'ladder.sqlite3';

/** What the warm-up after opening searches for (see `warmUp`): a word no one writes, so it reads next to nothing. */
const warmUpSearch = 'qxzvwarmup';

export function archivePath(dataDir: string) {
  return path.join(dataDir, archiveFileName);
}

type Session =
  | { archive: Archive; damaged: null; handle: Router }
  | { archive: null; damaged: DamagedArchive; handle: Router }
  // Encrypted and not unlocked: the database is not open at all.
  | { archive: null; damaged: null; handle: Router };

export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const file = archivePath(options.dataDir);
  const backupDir = path.join(options.dataDir, 'backups');
  const logError = options.logError ?? logFailure;
  const jobs = createJobRunner({ logError });
  // Search index merging runs in small slices once requests pause (see search-upkeep.ts).
  let lastRequestAt = 0;
  const searchUpkeep = createSearchUpkeep(() => (switching ? null : (session?.archive?.sqlite ?? null)), {
    sinceLastRequest: () => performance.now() - lastRequestAt,
    busy: () => jobs.running(),
    logError,
  });
  let session: Session | null = null;
  let switching = false;
  let lastRestore: RestoreRecord | null = null;
  const keyFile = keyFilePath(options.dataDir);
  // The database key, held only while an encrypted archive is unlocked.
  let databaseKey: string | null = null;
  let locked = false;
  let switchingMessage = 'Ladder is switching to a backup. Please try again in a moment.';
  const encryption = () => (databaseKey === null ? null : { key: databaseKey, keyFile, keyId: keyIdOf(databaseKey) });

  const backups = createBackupService({
    dir: backupDir,
    clock,
    source: () => (switching ? null : (session?.archive?.sqlite ?? null)),
    canCopyNow: () => !jobs.running(),
    logError,
    encryption,
  });

  const scheduleBackups = (checkNow: boolean) => {
    if (options.automaticBackups !== false) backups.schedule(options.backupCheckIntervalMillis ?? hourMillis, checkNow);
  };

  /** Blocks every other request and stops background work while the archive is closed or replaced. */
  async function exclusive<T>(message: string, work: () => Promise<T>): Promise<T> {
    if (switching) throw new LadderError('conflict', `${switchingMessage}`);
    switching = true;
    switchingMessage = message;
    try {
      await jobs.stopAll();
      backups.unschedule();
      await backups.idle();
      return await work();
    } finally {
      // Whatever happened, an archive is open again (or the lock screen shown) when this ends.
      if (!session) session = await open();
      switching = false;
      switchingMessage = 'Ladder is switching to a backup. Please try again in a moment.';
      scheduleBackups(false);
    }
  }

  const privacy = createPrivacyService({
    dataDir: options.dataDir,
    archiveFile: file,
    keyFile,
    clock,
    keyStore: options.platform?.keyStore,
    backups,
    cost: options.kdfCost,
    control: {
      archive: () => session?.archive ?? null,
      key: () => databaseKey,
      jobsRunning: () => jobs.running(),
      unlock: (key) =>
        exclusive('Ladder is unlocking. Please try again in a moment.', async () => {
          await session?.archive?.close();
          session = null;
          databaseKey = key;
          locked = false;
          session = await open();
        }),
      lock: () =>
        exclusive('Ladder is locking. Please try again in a moment.', async () => {
          await session?.archive?.close();
          session = null;
          databaseKey = null;
          locked = true;
        }),
      exclusive: (message, work) =>
        exclusive(message, async () => {
          const archive = session?.archive;
          if (!archive) throw new LadderError('conflict', 'The archive is not open.');
          return work({
            archive,
            close: async () => {
              await archive.close();
              session = null;
            },
            setKey: (key) => {
              databaseKey = key;
            },
          });
        }),
    },
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
    restore: (name, passphrase) => restore(name, passphrase),
    undoRestore: async () => {
      if (!lastRestore) throw new LadderError('not_found', 'There is no restore to undo.');
      const undo = lastRestore;
      const result = await restore(path.basename(undo.setAside));
      lastRestore = null;
      return result;
    },
    lastRestore: () => lastRestore,
    logError,
    privacy,
  };

  // The import writes on a connection of its own, holding the archive for the whole import: a save
  // meanwhile would wait out SQLite's busy timeout (5 s of frozen window) and then fail.
  const writesPaused = () =>
    jobs.running('import') ? 'An import is writing to your archive, so this was not saved yet. Please try again when the import has finished.' : null;
  const routerFor = (handlers: Parameters<typeof createRouter>[0], readOnlyReason: () => string | null) =>
    createRouter(handlers, { readOnlyReason, writesPaused, logError: (name, error) => logError(`request ${name}`, error) });

  async function open(): Promise<Session> {
    if (locked) return { archive: null, damaged: null, handle: routerFor(createLockedHandlers(host), () => null) };
    try {
      const key = databaseKey;
      const archive = await openArchive(file, { backupDir, now: () => new Date(clock.now()), encryption: key === null ? undefined : { key, keyFile }, logError });
      return { archive, damaged: null, handle: routerFor(createHandlers(archive, clock, host.version, host), () => archive.readOnlyReason) };
    } catch (error) {
      if (!(error instanceof DamagedArchiveError)) throw error;
      const damaged: DamagedArchive = { reason: error.reason, path: file, newestGoodBackup: backups.newestGood() };
      return { archive: null, damaged, handle: routerFor(createDamagedHandlers(host), () => null) };
    }
  }

  /**
   * Answers the ladder home's question once, unasked, on the next turn after opening, while the
   * window is still loading: the first answer of a fresh core paid SQLite's reading of the schema
   * and V8's first compiling (the benchmark's longest request, 19-32 ms), now paid when no one waits.
   * A search for a word no one writes does the same for search, the core's heaviest read: it
   * prepares a statement or two for each kind of record and compiles the code that runs them (the
   * first search of a fresh core took 15-21 ms of CPU at 100,000 entries, the next ones 4-10).
   * Closing waits for it, so it never reads an archive being closed.
   */
  function warmUp(opened: Session): Promise<void> {
    if (!opened.archive) return Promise.resolve();
    const now = new Date(clock.now());
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    return new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      if (session === opened && !switching) await opened.handle('ladder.summary', { today });
      if (session === opened && !switching) await opened.handle('search.query', { text: warmUpSearch });
    });
  }

  /** Replaces the archive with a copy of a backup; the file in place is moved aside, never overwritten. */
  async function restore(name: string, passphrase?: string): Promise<RestoreResult> {
    const source = backups.pathOf(name);
    // An encrypted backup opens with the archive's key, or with the passphrase it was made under.
    const needs = backups.keyFor(name);
    if (needs === undefined && databaseKey !== null) {
      throw new LadderError('validation', 'That backup was made before the archive had a passphrase, so it is not encrypted. Remove the passphrase first to restore it.', 'name');
    }
    const other = needs === 'other' ? await privacy.keyForBackup(source, passphrase) : null;
    const sourceKey = other ? other.key : needs;
    const damage = findDamage(source, { thorough: true, key: sourceKey });
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
      // The archive set aside keeps its key file beside it, so Undo can open it again.
      const previousKey = databaseKey;
      if (aside && previousKey !== null) copyFileSync(keyFile, backupKeyFile(aside));
      putCopyInPlace(source, file);
      if (other) privacy.writeKeyFile({ ...other.keyFile, remembered: null });
      databaseKey = sourceKey ?? null;
      try {
        session = await open();
        if (session.damaged) throw new LadderError('internal', 'The restored copy could not be opened either.');
      } catch (error) {
        await session?.archive?.close();
        if (aside) moveBack(aside, file);
        databaseKey = previousKey;
        if (other) {
          if (aside && previousKey !== null) copyFileSync(backupKeyFile(aside), keyFile);
          else rmSync(keyFile, { force: true });
        }
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
  const start = await privacy.atStart();
  if (start.encrypted) {
    databaseKey = start.rememberedKey;
    locked = databaseKey === null;
  }
  session = await open();
  searchUpkeep.start();
  // A fresh, empty archive has nothing worth copying yet; the hourly check will catch up.
  // Otherwise the first check comes a minute after start (backup-service.ts, `schedule`).
  if (options.automaticBackups !== false) backups.schedule(options.backupCheckIntervalMillis ?? hourMillis, existed);

  let closed = false;
  const warming = warmUp(session).catch(() => undefined);
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
        return Promise.resolve({ ok: false, error: { code: 'conflict', message: switchingMessage } });
      }
      lastRequestAt = performance.now();
      return session.handle(name, input);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await warming;
      searchUpkeep.stop();
      backups.unschedule();
      await jobs.stopAll();
      await backups.idle();
      await session?.archive?.close();
    },
  };
}

import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { type DatabaseConnection, Kysely, SqliteDialect, type SqliteDialectConfig, SqliteDriver } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import { LadderError } from '../../../shared/errors';
import { ensureArchiveIdentity, strayLogReason } from './archive-identity';
import { findDamageOffThread } from './check-off-thread';
import { startCheckpointer } from './checkpointer';
import { DamagedArchiveError, findDamage, isDamageError } from './health';
import { type MigrationConnection, needsWorker, openMigrationConnection, TransactionalSqliteAdapter } from './migrate-off-thread';
import { migrations as shippedMigrations } from './migrations';
import { beginPreMigrationCopy, copyBeforeMigrating, finishPendingCopy, needsCopyFirst } from './pre-migration-copy';
import type { Database } from './schema';
import { applyKey } from '../services/privacy/cipher';
import { listBackups } from '../services/backup/backup-files';
import { makeFolder } from '../make-folder';

/** On a full disk (and a few other I/O errors) SQLite rolls the whole transaction back itself; the
 * ROLLBACK Kysely sends next would then fail ("no transaction is active") and hide the real error,
 * so a full disk reached the person as "Something went wrong" instead of disk_full. */
// TypeScript's `private`, not `#fields`: Electronegativity's parser (npm test) cannot read those.
class LadderSqliteDriver extends SqliteDriver {
  constructor(
    config: SqliteDialectConfig,
    private readonly sqlite: SqliteDatabase.Database,
  ) {
    super(config);
  }
  override async rollbackTransaction(connection: DatabaseConnection) {
    if (this.sqlite.inTransaction) await super.rollbackTransaction(connection);
  }
}

class LadderSqliteDialect extends SqliteDialect {
  constructor(
    private readonly config: SqliteDialectConfig,
    private readonly sqlite: SqliteDatabase.Database,
  ) {
    super(config);
  }
  override createDriver() {
    return new LadderSqliteDriver(this.config, this.sqlite);
  }
  override createAdapter() {
    return new TransactionalSqliteAdapter();
  }
}

export interface Archive {
  db: Kysely<Database>;
  sqlite: SqliteDatabase.Database;
  path: string;
  schemaVersion: number;
  /** Set when the file was written by a newer Ladder: it is opened read-only and never migrated. */
  readOnlyReason: string | null;
  /** The copy of the archive as it was before migrating, if one was needed (see `whenCopied`). */
  preMigrationBackup: string | null;
  /** Resolves once that copy is complete (true) or has failed (false); at once when there is none.
   * Checkpoints wait for it: until then the archive's file is the copy's source. */
  whenCopied(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Where copies made before a migration go; defaults to `backups/` beside the archive. */
  backupDir?: string;
  now?: () => Date;
  /** The migrations to apply, in order; tests pass their own to prove a failed one changes nothing. */
  migrations?: Record<string, Migration>;
  /** Check an existing file for damage before opening it (default true). */
  checkHealth?: boolean;
  /** An encrypted archive: its database key (hex) and the key file copied beside a pre-migration copy. */
  encryption?: { key: string; keyFile: string };
  /** Where a pre-migration copy that failed in the background is reported (kind and stack only). */
  logError?: (name: string, error: unknown) => void;
  /** Tests only: the pre-migration copy waits for this, so they can write or "crash" while it is under way. */
  copyStartsAfter?: Promise<unknown>;
}

const migrationTable = 'kysely_migration';

function applyPragmas(sqlite: SqliteDatabase.Database, readOnly: boolean) {
  if (!readOnly) {
    sqlite.pragma('journal_mode = WAL');
    // FULL: a save the user saw confirmed survives a power cut (WAL's NORMAL does not promise that).
    sqlite.pragma('synchronous = FULL');
  }
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
}

function appliedMigrations(sqlite: SqliteDatabase.Database): string[] {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(migrationTable);
  if (!table) return [];
  return (sqlite.prepare(`SELECT name FROM ${migrationTable} ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
}

function openSqlite(file: string, readonly: boolean, key?: string): SqliteDatabase.Database {
  try {
    const sqlite = new SqliteDatabase(file, { readonly, fileMustExist: readonly });
    if (key !== undefined) applyKey(sqlite, key);
    // Reading the schema forces SQLite to look at the file, so a damaged one fails here.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    return sqlite;
  } catch (error) {
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    if (isDamageError(error)) throw new DamagedArchiveError(`The archive could not be read: ${reason}.`);
    throw new LadderError('internal', `The archive at ${file} could not be opened: ${reason}`);
  }
}

const integrityStampName = 'last-integrity-check';

/** Any copy the damaged screen could offer (a damaged file set aside earlier is not one). */
function hasBackups(backupDir: string) {
  return listBackups(backupDir).length > 0;
}
const pageScanEvery = 7 * 24 * 60 * 60 * 1000;

/**
 * Reading every page takes seconds on a large archive, too long for every start. It runs when
 * the last session did not close cleanly (its log is still beside the file), and otherwise at
 * most once a week; the cheap checks (header, schema, the migration table) run every time.
 */
export function needsPageScan(file: string, stampFile: string, now: Date) {
  const log = `${file}-wal`;
  if (existsSync(log) && statSync(log).size > 0) return true;
  try {
    const last = Date.parse(readFileSync(stampFile, 'utf8').trim());
    return !(now.getTime() - last < pageScanEvery);
  } catch {
    return true;
  }
}

function writeIntegrityStamp(stampFile: string, now: Date) {
  try {
    makeFolder(path.dirname(stampFile));
    writeFileSync(stampFile, `${now.toISOString()}\n`);
  } catch {
    // Only costs a page scan at the next start.
  }
}

function timestampForFile(date: Date) {
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * Opens (or creates) the archive, migrating it to the current schema. A file that already
 * holds data is copied aside before any migration that could change a record touches it
 * (see pre-migration-copy.ts; additive ones run in one transaction without a copy).
 */
export async function openArchive(file: string, options: OpenOptions = {}): Promise<Archive> {
  const now = options.now ?? (() => new Date());
  const migrations = options.migrations ?? shippedMigrations;
  const migrationNames = Object.keys(migrations);
  makeFolder(path.dirname(file));
  const backupDir = options.backupDir ?? path.join(path.dirname(file), 'backups');
  // Before anything opens the file: a copy left under way still reads the archive as it was.
  await finishPendingCopy(file, backupDir);
  const existed = existsSync(file) && statSync(file).size > 0;
  // A damaged file is found before anything opens it for writing, so it is never changed.
  const stampFile = path.join(backupDir, integrityStampName);
  // An empty file beside backups is an archive whose contents were lost (a copy cut short, a blind
  // overwrite), not a first start: a fresh archive made in it would hide the backups from the person.
  if (!existed && existsSync(file) && hasBackups(path.dirname(stampFile))) {
    throw new DamagedArchiveError('The archive file is empty: what it held was lost before Ladder started.');
  }
  // Another archive's (or database's) log would be replayed over this one: set it aside, kept.
  if (existed && options.encryption === undefined && strayLogReason(file) !== null) {
    makeFolder(backupDir);
    renameSync(`${file}-wal`, path.join(backupDir, `stray-log-${timestampForFile(now())}.wal`));
    rmSync(`${file}-shm`, { force: true });
  }
  const key = options.encryption?.key;
  if (existed && options.checkHealth !== false) {
    const scanPages = needsPageScan(file, stampFile, now());
    // The page scan in a worker: the window can show (and say Ladder is opening) meanwhile.
    const damage = scanPages ? await findDamageOffThread(file, { key }) : findDamage(file, { scanPages: false, key });
    if (damage) throw new DamagedArchiveError(damage);
    if (scanPages) writeIntegrityStamp(stampFile, now());
  }

  let sqlite = openSqlite(file, false, key);
  const applied = appliedMigrations(sqlite);
  const unknown = applied.filter((name) => !migrationNames.includes(name));

  if (unknown.length > 0) {
    sqlite.close();
    sqlite = openSqlite(file, true, key);
    applyPragmas(sqlite, true);
    const readOnlyReason =
      'This archive was saved by a newer version of Ladder. It is open read-only so nothing in it can be changed; update Ladder to write in it again.';
    return wrap(sqlite, file, applied.length, readOnlyReason, null);
  }

  applyPragmas(sqlite, false);
  ensureArchiveIdentity(sqlite);

  let preMigrationBackup: string | null = null;
  let copied: Promise<boolean> = Promise.resolve(true);
  let holdCheckpoints = false;
  // The copy's end waits for the migration's connection, which folds its log in before the app's may.
  let migrationEnded: (connection: MigrationConnection | null) => void = () => undefined;
  const migrationConnection = new Promise<MigrationConnection | null>((resolve) => (migrationEnded = resolve));
  const pending = migrationNames.filter((name) => !applied.includes(name));
  if (existed && needsCopyFirst(pending.map((name) => migrations[name] as Migration))) {
    makeFolder(backupDir);
    preMigrationBackup = path.join(backupDir, `pre-migration-v${applied.length}-${timestampForFile(now())}.sqlite3`);
    const keyFile = options.encryption?.keyFile ?? null;
    const copy = beginPreMigrationCopy(sqlite, file, preMigrationBackup, keyFile, {
      logError: options.logError,
      startsAfter: options.copyStartsAfter,
      beforeCheckpointsResume: async () => {
        await (await migrationConnection)?.checkpointAndClose();
      },
    });
    if (copy) {
      copied = copy.done;
      holdCheckpoints = true;
    } else await copyBeforeMigrating(sqlite, preMigrationBackup, keyFile);
  }

  const archive = wrap(sqlite, file, applied.length, null, preMigrationBackup, copied, { key, logError: options.logError });
  if (pending.length > 0) {
    // A new archive's migrations take milliseconds; an existing one's may rebuild an index.
    const offThread = existed && needsWorker(pending.map((name) => migrations[name] as Migration));
    const connection = offThread ? await openMigrationConnection(file, { key, holdCheckpoints }) : null;
    const error = await migrate(connection === null ? archive.db : new Kysely<Database>({ dialect: connection.dialect }), migrations);
    if (connection !== null && (error !== undefined || !holdCheckpoints)) {
      // Failed: rolled back, nothing to fold in. Not held: checkpoints went on as usual (a commit
      // that grew the log past SQLite's threshold folded it in on the worker's thread).
      await connection.close();
      migrationEnded(null);
    } else migrationEnded(connection);
    if (error !== undefined) {
      await archive.close();
      const reason = error instanceof Error ? error.message : JSON.stringify(error);
      if (isDamageError(error)) throw new DamagedArchiveError(`The archive could not be updated because it is damaged: ${reason}.`);
      throw new LadderError('internal', `Updating the archive failed and nothing was changed: ${reason}`);
    }
    archive.schemaVersion = migrationNames.length;
  } else migrationEnded(null);
  return archive;
}

/** Applies the pending migrations in one transaction; resolves with the error if one failed. */
async function migrate(db: Kysely<Database>, migrations: Record<string, Migration>): Promise<unknown> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    migrationTableName: migrationTable,
  });
  const { error } = await migrator.migrateToLatest();
  return error;
}

const statementCacheSize = 500;
const cacheable = /^\s*(select|insert|update|delete|with)\b/i;

/**
 * Kysely prepares every query afresh; preparing an insert compiles the search triggers too, and
 * each statement's native memory lingers until its wrapper is collected. Reusing prepared
 * statements by SQL text halved the CPU of a save and kept memory level in the benchmark.
 * Kysely runs one query at a time on this connection, so a statement is never used twice at once.
 */
function withStatementCache(sqlite: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      // Transaction control and DDL are cheap to prepare and rare; only queries are worth keeping.
      if (!cacheable.test(sql)) return sqlite.prepare(sql);
      let statement = cache.get(sql);
      if (!statement) {
        if (cache.size >= statementCacheSize) cache.clear();
        statement = sqlite.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

function wrap(
  sqlite: SqliteDatabase.Database,
  file: string,
  schemaVersion: number,
  readOnlyReason: string | null,
  preMigrationBackup: string | null,
  copied: Promise<boolean> = Promise.resolve(true),
  checkpoints?: { key: string | undefined; logError: ((name: string, error: unknown) => void) | undefined },
): Archive {
  const db = new Kysely<Database>({ dialect: new LadderSqliteDialect({ database: withStatementCache(sqlite) }, sqlite) });
  const checkpointer = checkpoints ? startCheckpointer(sqlite, file, { key: checkpoints.key, after: copied, logError: checkpoints.logError }) : null;
  return {
    db,
    sqlite,
    path: file,
    schemaVersion,
    readOnlyReason,
    preMigrationBackup,
    whenCopied: () => copied,
    // Kysely's destroy closes the handle only if Kysely ever ran a query; an archive only read
    // through `sqlite` stayed open (its -wal and -shm left beside the file) until collected.
    close: async () => {
      // Closing checkpoints, which would change the file a pre-migration copy is still reading.
      await copied;
      // The last connection to close folds the log in: the worker's goes first.
      await checkpointer?.stop();
      await db.destroy();
      if (sqlite.open) sqlite.close();
    },
  };
}

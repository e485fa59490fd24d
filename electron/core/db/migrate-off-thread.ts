import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { Migration } from 'kysely/migration';
import { cipherSettings, isDatabaseKey } from '../services/privacy/cipher';

/**
 * Pending migrations of an existing archive run on a connection of their own in a worker thread.
 * better-sqlite3 is synchronous: on the app's connection a migration that rebuilds an index
 * (0015 renumbered the search index: 10–17 s at 100,000 entries) held the main process for its
 * whole length, so no window could show or paint. Here the main thread only compiles each
 * statement and waits for its answer; the window stays alive and can say what is happening.
 *
 * Starting the worker costs tens of milliseconds, more than a migration that only adds a table
 * takes on the app's connection: such a migration says so with `export const quick = true` (it
 * changes no rows and builds no index over existing ones), and when every pending one is quick
 * they run on the app's connection. Unmarked migrations run here: the safe default.
 *
 * The worker is a plain CommonJS script (eval'd workers are), so it needs no bundle entry of its
 * own: it prepares what it is sent on one connection, in order, the way Kysely's SQLite driver does.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const failure = (error) => ({ message: String(error && error.message), code: error && typeof error.code === 'string' ? error.code : '' });
let db;
try {
  db = new Database(workerData.file, { fileMustExist: true });
  for (const pragma of workerData.pragmas) db.pragma(pragma);
  parentPort.postMessage({ type: 'ready' });
} catch (error) {
  if (db) db.close();
  db = undefined;
  parentPort.postMessage({ type: 'unavailable', error: failure(error) });
}
if (db) {
  parentPort.on('message', (message) => {
    if (message.type === 'close') {
      db.close();
      parentPort.close();
      return;
    }
    try {
      if (message.type === 'checkpoint') {
        db.pragma('wal_checkpoint(PASSIVE)');
        parentPort.postMessage({ id: message.id, rows: [], inTransaction: db.inTransaction });
        return;
      }
      const statement = db.prepare(message.sql);
      if (statement.reader) {
        parentPort.postMessage({ id: message.id, rows: statement.all(message.parameters), inTransaction: db.inTransaction });
      } else {
        const { changes, lastInsertRowid } = statement.run(message.parameters);
        parentPort.postMessage({ id: message.id, rows: [], changes, lastInsertRowid, inTransaction: db.inTransaction });
      }
    } catch (error) {
      parentPort.postMessage({ id: message.id, error: failure(error), inTransaction: db.inTransaction });
    }
  });
}
`;

export function needsWorker(pending: readonly Migration[]) {
  return pending.some((migration) => (migration as { quick?: unknown }).quick !== true);
}

const driverModule = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');

interface Answer {
  id: number;
  rows: Record<string, unknown>[];
  changes?: number;
  lastInsertRowid?: number | bigint;
  inTransaction: boolean;
  error?: { message: string; code: string };
}

/** What SQLite said in the worker, with its code (SQLITE_FULL, SQLITE_CORRUPT…) kept for the caller. */
class SqliteFailure extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'SqliteError';
  }
}

export interface MigrationConnection {
  /** A dialect whose every statement runs in the worker, on its connection. */
  dialect: Dialect;
  /** Folds the worker's log into the archive's file (off this thread), then closes the connection. */
  checkpointAndClose(): Promise<void>;
  /** Closes the connection without a checkpoint (after a failed migration, or when a copy still reads the file). */
  close(): Promise<void>;
}

export interface MigrationConnectionOptions {
  /** An encrypted archive's database key (hex). */
  key?: string | undefined;
  /** Keep SQLite from checkpointing on commit: the file is being copied as it was (see pre-migration-copy.ts). */
  holdCheckpoints: boolean;
  /** Tests only: another driver module, to prove the fallback when the worker cannot load one. */
  driver?: string;
}

/**
 * Starts the worker and opens its connection. Resolves null when no worker can be had (it could
 * not start or load the driver): the caller migrates on its own connection instead, as before.
 */
export async function openMigrationConnection(file: string, options: MigrationConnectionOptions): Promise<MigrationConnection | null> {
  const { key } = options;
  if (key !== undefined && !isDatabaseKey(key)) throw new Error('Not a database key.');
  const pragmas = [
    ...(key === undefined ? [] : [`cipher='${cipherSettings.name}'`, `legacy=${cipherSettings.legacy}`, `key="x'${key}'"`]),
    // As the app's own connection (open.ts): the same durability and the same checks.
    'synchronous = FULL',
    'foreign_keys = ON',
    'busy_timeout = 5000',
    ...(options.holdCheckpoints ? ['wal_autocheckpoint = 0'] : []),
  ];
  let worker: Worker;
  try {
    worker = new Worker(workerSource, { eval: true, workerData: { driver: options.driver ?? driverModule, file, pragmas } });
  } catch {
    return null;
  }
  const waiting = new Map<number, { resolve: (answer: Answer) => void; reject: (error: Error) => void }>();
  let stopped: Error | null = null;
  const stop = (error: Error) => {
    stopped ??= error;
    for (const { reject } of waiting.values()) reject(stopped);
    waiting.clear();
  };
  const ready = await new Promise<boolean>((resolve) => {
    worker.once('message', (message: { type: string }) => resolve(message.type === 'ready'));
    worker.once('error', () => resolve(false));
    worker.once('exit', () => resolve(false));
  });
  if (!ready) {
    await worker.terminate();
    return null;
  }
  worker.on('message', (answer: Answer) => {
    const waiter = waiting.get(answer.id);
    waiting.delete(answer.id);
    waiter?.resolve(answer);
  });
  worker.on('error', (error) => stop(error));
  worker.once('exit', (code) => stop(new Error(`The migration worker stopped (exit ${code}).`)));

  let nextId = 1;
  let inTransaction = false;
  const ask = (message: { type: 'query'; sql: string; parameters: readonly unknown[] } | { type: 'checkpoint' }) =>
    new Promise<Answer>((resolve, reject) => {
      if (stopped) {
        reject(stopped);
        return;
      }
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...message, id });
    }).then((answer) => {
      inTransaction = answer.inTransaction;
      if (answer.error) throw new SqliteFailure(answer.error.message, answer.error.code);
      return answer;
    });

  const connection: DatabaseConnection = {
    async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
      const answer = await ask({ type: 'query', sql: compiled.sql, parameters: compiled.parameters });
      return {
        rows: answer.rows as R[],
        ...(answer.changes === undefined ? {} : { numAffectedRows: BigInt(answer.changes) }),
        ...(answer.lastInsertRowid === undefined ? {} : { insertId: BigInt(answer.lastInsertRowid) }),
      };
    },
    streamQuery() {
      throw new Error('Migrations do not stream.');
    },
  };
  const run = (sql: string) => connection.executeQuery(CompiledQuery.raw(sql)).then(() => undefined);
  const driver: Driver = {
    init: () => Promise.resolve(),
    acquireConnection: () => Promise.resolve(connection),
    beginTransaction: () => run('begin'),
    commitTransaction: () => run('commit'),
    // On a full disk SQLite has rolled back already; a second ROLLBACK would hide the real error.
    rollbackTransaction: () => (inTransaction ? run('rollback') : Promise.resolve()),
    releaseConnection: () => Promise.resolve(),
    // The Kysely instance over this dialect is destroyed before the connection is done with.
    destroy: () => Promise.resolve(),
  };

  const close = async () => {
    if (stopped) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ type: 'close' });
    await exited;
  };
  return {
    dialect: {
      createAdapter: () => new TransactionalSqliteAdapter(),
      createDriver: () => driver,
      createQueryCompiler: () => new SqliteQueryCompiler(),
      createIntrospector: (db: Kysely<unknown>) => new SqliteIntrospector(db),
    },
    checkpointAndClose: async () => {
      try {
        await ask({ type: 'checkpoint' });
      } finally {
        await close();
      }
    },
    close,
  };
}

/** SQLite runs DDL inside transactions, so a failed migration rolls back whole. Kysely's
 * stock adapter does not claim that, which would make its migrator run without one. */
export class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

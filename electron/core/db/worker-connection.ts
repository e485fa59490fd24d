import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { cipherSettings, isDatabaseKey } from '../services/privacy/cipher';

/**
 * A connection to the archive of its own, in a worker thread. better-sqlite3 is synchronous, so
 * whatever runs on the app's connection holds the main process (and the window's requests) for
 * its whole length; work that may take long runs here instead, the main thread only waiting for
 * the answer (migrations: migrate-off-thread.ts).
 *
 * Writing here while the app's connection also writes needs care: a worker's commit landing
 * between a deferred transaction's first read and its first write on the app's connection fails
 * that write at once (SQLITE_BUSY_SNAPSHOT). Migrations run before the app serves any request.
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

const driverModule = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');

export interface WorkerAnswer {
  rows: Record<string, unknown>[];
  changes?: number;
  lastInsertRowid?: number | bigint;
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

export interface WorkerConnection {
  /** Runs one statement in the worker; rejects with SQLite's error (its code kept). */
  query(sql: string, parameters?: readonly unknown[]): Promise<WorkerAnswer>;
  /** Whether the worker's connection was inside a transaction after the last statement. */
  inTransaction(): boolean;
  /** Folds the log into the archive's file as far as readers allow (PASSIVE), on the worker's thread. */
  checkpoint(): Promise<void>;
  /** Closes the connection once the statements sent before have run; the worker then ends. */
  close(): Promise<void>;
}

export interface WorkerConnectionOptions {
  /** An encrypted archive's database key (hex). */
  key?: string | undefined;
  /** Keep SQLite from checkpointing on commit: the file is being copied as it was (see pre-migration-copy.ts). */
  holdCheckpoints?: boolean;
  /** A smaller page cache than the driver's 16 MB, for a connection that reads little (KiB). */
  cacheKib?: number;
  /** A cap on the worker's own JavaScript heap, for one that only runs small statements. */
  heapMb?: number;
  /** Tests only: another driver module, to prove the fallback when the worker cannot load one. */
  driver?: string;
}

/**
 * Starts the worker and opens its connection. Resolves null when no worker can be had (it could
 * not start, load the driver or open the file): callers then do the work on the app's connection.
 */
export async function openWorkerConnection(file: string, options: WorkerConnectionOptions = {}): Promise<WorkerConnection | null> {
  const { key } = options;
  if (key !== undefined && !isDatabaseKey(key)) throw new Error('Not a database key.');
  const pragmas = [
    ...(key === undefined ? [] : [`cipher='${cipherSettings.name}'`, `legacy=${cipherSettings.legacy}`, `key="x'${key}'"`]),
    // As the app's own connection (open.ts): the same durability and the same checks.
    'synchronous = FULL',
    'foreign_keys = ON',
    'busy_timeout = 5000',
    ...(options.holdCheckpoints === true ? ['wal_autocheckpoint = 0'] : []),
    ...(options.cacheKib === undefined ? [] : [`cache_size = -${Math.round(options.cacheKib)}`]),
  ];
  const resourceLimits = options.heapMb === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: options.heapMb, maxYoungGenerationSizeMb: 2 } };
  let worker: Worker;
  try {
    worker = new Worker(workerSource, { eval: true, workerData: { driver: options.driver ?? driverModule, file, pragmas }, ...resourceLimits });
  } catch {
    return null;
  }
  const ready = await new Promise<boolean>((resolve) => {
    worker.once('message', (message: { type: string }) => resolve(message.type === 'ready'));
    worker.once('error', () => resolve(false));
    worker.once('exit', () => resolve(false));
  });
  if (!ready) {
    await worker.terminate();
    return null;
  }

  interface Answer extends WorkerAnswer {
    id: number;
    inTransaction: boolean;
    error?: { message: string; code: string };
  }
  const waiting = new Map<number, { resolve: (answer: Answer) => void; reject: (error: Error) => void }>();
  let stopped: Error | null = null;
  const stop = (error: Error) => {
    stopped ??= error;
    for (const { reject } of waiting.values()) reject(stopped);
    waiting.clear();
  };
  worker.on('message', (answer: Answer) => {
    const waiter = waiting.get(answer.id);
    waiting.delete(answer.id);
    waiter?.resolve(answer);
  });
  worker.on('error', (error) => stop(error));
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      stop(new Error(`The worker's connection was closed (exit ${code}).`));
      resolve();
    }),
  );

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

  let closing: Promise<void> | null = null;
  return {
    query: (sql, parameters = []) => ask({ type: 'query', sql, parameters }),
    inTransaction: () => inTransaction,
    checkpoint: () => ask({ type: 'checkpoint' }).then(() => undefined),
    close: () => {
      closing ??= stopped
        ? Promise.resolve()
        : (() => {
            worker.postMessage({ type: 'close' });
            return exited;
          })();
      return closing;
    },
  };
}

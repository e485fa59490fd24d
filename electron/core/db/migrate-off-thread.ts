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
import { openWorkerConnection, type WorkerConnectionOptions } from './worker-connection';

/**
 * Pending migrations of an existing archive run on a connection of their own in a worker thread
 * (worker-connection.ts). On the app's connection a migration that rebuilds an index (0015
 * renumbered the search index: 10–17 s at 100,000 entries) held the main process for its whole
 * length, so no window could show or paint. Here the main thread only compiles each statement
 * and waits for its answer; the window stays alive and can say what is happening.
 *
 * Starting the worker costs tens of milliseconds, more than a migration that only adds a table
 * takes on the app's connection: such a migration says so with `export const quick = true` (it
 * changes no rows and builds no index over existing ones), and when every pending one is quick
 * they run on the app's connection. Unmarked migrations run here: the safe default.
 */
export function needsWorker(pending: readonly Migration[]) {
  return pending.some((migration) => (migration as { quick?: unknown }).quick !== true);
}

export interface MigrationConnection {
  /** A dialect whose every statement runs in the worker, on its connection. */
  dialect: Dialect;
  /** Folds the worker's log into the archive's file (off this thread), then closes the connection. */
  checkpointAndClose(): Promise<void>;
  /** Closes the connection without a checkpoint (after a failed migration, or when a copy still reads the file). */
  close(): Promise<void>;
}

/** Resolves null when no worker can be had: the caller migrates on its own connection instead, as before. */
export async function openMigrationConnection(file: string, options: WorkerConnectionOptions): Promise<MigrationConnection | null> {
  const worker = await openWorkerConnection(file, options);
  if (worker === null) return null;
  const connection: DatabaseConnection = {
    async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
      const answer = await worker.query(compiled.sql, compiled.parameters);
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
    rollbackTransaction: () => (worker.inTransaction() ? run('rollback') : Promise.resolve()),
    releaseConnection: () => Promise.resolve(),
    // The Kysely instance over this dialect is let go before the connection is done with.
    destroy: () => Promise.resolve(),
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
        await worker.checkpoint();
      } finally {
        await worker.close();
      }
    },
    close: () => worker.close(),
  };
}

/** SQLite runs DDL inside transactions, so a failed migration rolls back whole. Kysely's
 * stock adapter does not claim that, which would make its migrator run without one. */
export class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

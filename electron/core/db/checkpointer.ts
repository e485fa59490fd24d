import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { openWorkerConnection, type WorkerConnection } from './worker-connection';

/**
 * Folds the write-ahead log into the archive's file from a worker thread. SQLite does it on the
 * connection whose commit takes the log past 1,000 pages: on the app's connection that was a save
 * now and then taking 10–20 ms longer (bench, 100,000 entries: most of a save's p99), with the
 * window waiting. A PASSIVE checkpoint takes no write lock and changes nothing any reader sees,
 * so it can run beside the app's writes. It runs soon after writing pauses.
 *
 * While the app writes without pause the log keeps growing: a checkpoint beside the writes never
 * catches up with the newest pages, so the log is never started afresh (a soak trial grew it to
 * 23 MB). The app's own automatic checkpoint stays as a backstop for such bursts, at twice
 * SQLite's threshold so that in ordinary use the worker gets there first.
 *
 * The worker starts at the first turn after opening, not with the first write: started then, a
 * burst of saves (a check-in with its rounds, an import of notes) reached the backstop before
 * it was up, and one save folded in the log on the app's connection (bench: 28–36 ms of CPU).
 * Its thread costs about 10 MB; nearly every session writes, so it would be paid anyway.
 */
export interface Checkpointer {
  /** Stops checkpointing and closes the worker's connection (before the archive closes). */
  stop(): Promise<void>;
}

export interface CheckpointerOptions {
  /** An encrypted archive's database key (hex). */
  key?: string | undefined;
  /** Checkpoints wait for this (a pre-migration copy still reading the file: see pre-migration-copy.ts). */
  after: Promise<unknown>;
  /** How often to look for new writes. */
  intervalMillis?: number;
  logError?: (name: string, error: unknown) => void;
}

const sqliteDefaultAutoCheckpoint = 1000;
/** The app's own automatic checkpoint while the worker checkpoints: a backstop for bursts of writing. */
export const backstopCheckpointPages = 2 * sqliteDefaultAutoCheckpoint;

export function startCheckpointer(sqlite: SqliteDatabase.Database, file: string, options: CheckpointerOptions): Checkpointer {
  let worker: Promise<WorkerConnection | null> | null = null;
  let stopped = false;
  let running: Promise<void> | null = null;
  let checkpointedAt = 0;
  let copyDone = false;
  void options.after.then(() => {
    copyDone = true;
    // Not before: a copy under way holds every checkpoint back (pre-migration-copy.ts).
    if (!stopped && sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${backstopCheckpointPages}`);
  });

  const connect = async () => {
    // A checkpoint copies pages from the log to the file: it needs next to no cache or heap, and
    // this thread's memory adds to the app's for as long as the archive is open.
    const connection = await openWorkerConnection(file, { key: options.key, cacheKib: 256, heapMb: 8 });
    if (connection !== null && (stopped || !sqlite.open)) {
      await connection.close();
      return null;
    }
    // No worker to be had: SQLite's own checkpoints on the app's connection carry on, as without one.
    if (connection === null && sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${sqliteDefaultAutoCheckpoint}`);
    return connection;
  };

  const checkpoint = async (changes: number) => {
    const connection = await worker;
    if (connection === null || stopped) return;
    await connection.checkpoint();
    checkpointedAt = changes;
  };

  const tick = () => {
    if (running || stopped || !copyDone || !sqlite.open) return;
    worker ??= connect().catch((error: unknown) => {
      options.logError?.('checkpoint', error);
      if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${sqliteDefaultAutoCheckpoint}`);
      return null;
    });
    // Nothing written since the last checkpoint: nothing to fold in.
    const changes = sqlite.prepare('SELECT total_changes()').pluck().get() as number;
    if (changes === checkpointedAt) return;
    running = checkpoint(changes)
      .catch(async (error: unknown) => {
        // Once failed, never again from the worker: SQLite's own checkpoints take over, as without one.
        options.logError?.('checkpoint', error);
        const connection = await worker;
        worker = Promise.resolve(null);
        if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${sqliteDefaultAutoCheckpoint}`);
        await connection?.close();
      })
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.intervalMillis ?? 250);
  timer.unref?.();

  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
      const connection = await worker;
      if (!connection) return;
      await connection.close();
      if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${sqliteDefaultAutoCheckpoint}`);
    },
  };
}

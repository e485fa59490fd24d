import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { cipherSettings, isDatabaseKey } from '../privacy/cipher';

/**
 * The daily (and "Back up now") copy of the archive, made in a worker thread with its own
 * read-only connection. Made on the app's connection, SQLite's online backup ended with one step
 * that wrote out and synced the whole copy: hundreds of milliseconds of frozen window at 100,000
 * entries (the benchmark's paints waited for it), and an encrypted archive's VACUUM INTO froze it
 * for the whole copy. VACUUM INTO reads one consistent moment of the archive (a read
 * transaction: writing goes on meanwhile, unseen) and works for plain and encrypted archives alike
 * (the copy keeps the key). The copy is synced before the worker answers.
 */

// A plain script (eval'd workers are CommonJS), so it survives bundling without an entry of its own.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  for (const pragma of workerData.pragmas) db.pragma(pragma);
  db.prepare('VACUUM INTO ?').run(workerData.target);
  db.close();
  db = undefined;
  const fd = fs.openSync(workerData.target, 'r+');
  try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
  parentPort.postMessage({ ok: true });
} catch (error) {
  parentPort.postMessage({ ok: false, message: String(error && error.message), code: error && typeof error.code === 'string' ? error.code : '' });
} finally {
  if (db) db.close();
}
`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');

/** The worker could not start or load the driver: the caller copies on its own thread instead. */
export class NoCopyWorker extends Error {
  constructor(cause: unknown) {
    super('The backup could not be made in a worker thread.', { cause });
    this.name = 'NoCopyWorker';
  }
}

/** What SQLite or the disk said, with its code (SQLITE_FULL, ENOSPC…) kept for the router. */
class CopyFailed extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'CopyFailed';
  }
}

export async function copyArchiveOffThread(file: string, target: string, options: { key?: string | undefined; driver?: string } = {}): Promise<void> {
  const { key } = options;
  if (key !== undefined && !isDatabaseKey(key)) throw new Error('Not a database key.');
  const pragmas = key === undefined ? [] : [`cipher='${cipherSettings.name}'`, `legacy=${cipherSettings.legacy}`, `key="x'${key}'"`];
  let answer: { ok: boolean; message?: string; code?: string };
  try {
    answer = await new Promise((resolve, reject) => {
      const worker = new Worker(workerSource, { eval: true, workerData: { driver: options.driver ?? driver, file, target, pragmas } });
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`The backup worker stopped early (exit ${code}).`)));
    });
  } catch (error) {
    throw new NoCopyWorker(error);
  }
  if (!answer.ok) throw new CopyFailed(answer.message ?? 'The copy failed.', answer.code ?? '');
}

import { rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { findDamage } from './health';
import { cipherSettings, isDatabaseKey } from '../services/privacy/cipher';

/**
 * The integrity check of a new backup, and the archive's own page scan at start (weekly, or after
 * Ladder did not close cleanly), read every page: seconds on a large archive. Run on the main
 * thread it froze the window (better-sqlite3 is synchronous), so the page scan runs in a worker
 * thread with its own read-only connection; only the cheap checks (header, schema) run here.
 */

// A plain script (eval'd workers are CommonJS), so it survives bundling without an entry of its own.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  for (const pragma of workerData.pragmas) db.pragma(pragma);
  const rows = db.pragma('quick_check(5)');
  const problem = rows.map((row) => row.quick_check ?? '').find((message) => message !== 'ok');
  parentPort.postMessage({ problem: problem ?? null });
} catch (error) {
  const code = error && typeof error.code === 'string' ? error.code : '';
  parentPort.postMessage({ problem: null, error: String(error && error.message), damage: code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' });
} finally {
  if (db) db.close();
}
`;

/** quick_check reads roughly 150 MB a second here: 1 MB stays well inside one frame. */
const onThreadBytes = 1024 * 1024;

const driver = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');

/** A read-only open of a copy in WAL mode leaves an empty log and its index beside it: litter. */
function removeEmptyLog(file: string) {
  try {
    if (statSync(`${file}-wal`).size > 0) return;
  } catch {
    return;
  }
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
}

interface WorkerAnswer {
  problem: string | null;
  error?: string;
  damage?: boolean;
}

/**
 * Like `findDamage(file)`: null when the file looks sound, else what is wrong in plain words.
 * `key`: an encrypted archive's key, applied as `applyKey` (privacy/cipher.ts) does.
 */
export async function findDamageOffThread(file: string, options: { key?: string | undefined; driver?: string } = {}): Promise<string | null> {
  const { key } = options;
  const keyed = key === undefined ? {} : { key };
  // A small file is checked in a few milliseconds, less than a worker takes to start.
  if (statSync(file).size <= onThreadBytes) return findDamage(file, keyed);
  const cheap = findDamage(file, { scanPages: false, ...keyed });
  if (cheap) return cheap;
  if (key !== undefined && !isDatabaseKey(key)) throw new Error('Not a database key.');
  const pragmas = key === undefined ? [] : [`cipher='${cipherSettings.name}'`, `legacy=${cipherSettings.legacy}`, `key="x'${key}'"`];
  let answer: WorkerAnswer;
  try {
    answer = await new Promise<WorkerAnswer>((resolve, reject) => {
      const worker = new Worker(workerSource, { eval: true, workerData: { driver: options.driver ?? driver, file, pragmas } });
      worker.once('message', (message: WorkerAnswer) => resolve(message));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`The integrity check stopped early (exit ${code}).`)));
    });
  } catch {
    // A worker that cannot start or load the driver (e.g. a packaging that hides the native
    // module from workers; not checkable without an Electron build) must not cost the backup:
    // the check runs here instead, slower for the window but just as thorough.
    return findDamage(file, keyed);
  }
  removeEmptyLog(file);
  if (answer.problem) return `The archive failed its integrity check (${answer.problem.slice(0, 200)}).`;
  if (answer.damage) return `The archive could not be read: ${answer.error ?? 'unknown reason'}.`;
  return null;
}

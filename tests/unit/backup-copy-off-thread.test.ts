import { readFileSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { copyArchiveOffThread, NoCopyWorker } from '../../electron/core/services/backup/copy-off-thread';
import { applyKey } from '../../electron/core/services/privacy/cipher';
import { makeTempDir } from '../support/temp-dir';

/** A backup's copy is made in a worker thread with its own connection: the window never waits for it. */

const temps: (() => void)[] = [];
const open: SqliteDatabase.Database[] = [];
afterEach(() => {
  open.splice(0).forEach((db) => db.close());
  temps.splice(0).forEach((remove) => remove());
});

/** A WAL archive still open for writing, some of its rows only in the log. */
function liveArchive(key?: string) {
  const temp = makeTempDir('ladder-copy-');
  temps.push(temp.remove);
  const file = path.join(temp.dir, 'ladder.sqlite3');
  const db = new SqliteDatabase(file);
  open.push(db);
  if (key) applyKey(db, key);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)');
  const insert = db.prepare('INSERT INTO note (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 5_000; i += 1) insert.run(`Walked by the river, day ${i}. `.repeat(20));
  })();
  return { db, file, dir: temp.dir };
}

function notes(file: string, key?: string) {
  const copy = new SqliteDatabase(file, { readonly: true });
  try {
    if (key) applyKey(copy, key);
    return copy.prepare('SELECT count(*) FROM note').pluck().get() as number;
  } finally {
    copy.close();
  }
}

describe('the copy of a backup, off the main thread', () => {
  it('copies the archive as it is, rows still in the log included, while the main thread keeps turning', async () => {
    const { file, dir } = liveArchive();
    const target = path.join(dir, 'copy.sqlite3');
    let turns = 0;
    const ticker = setInterval(() => (turns += 1), 1);
    await copyArchiveOffThread(file, target);
    clearInterval(ticker);
    expect(turns).toBeGreaterThan(0);
    expect(notes(target)).toBe(5_000);
  });

  it('keeps an encrypted archive encrypted under the same key', async () => {
    const key = 'ab'.repeat(32);
    const { file, dir } = liveArchive(key);
    const target = path.join(dir, 'copy.sqlite3');
    await copyArchiveOffThread(file, target, { key });
    expect(readFileSync(target).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(notes(target, key)).toBe(5_000);
  });

  it('says so when no worker can load the driver, so the backup is made on the main thread instead', async () => {
    const { file, dir } = liveArchive();
    await expect(copyArchiveOffThread(file, path.join(dir, 'copy.sqlite3'), { driver: path.join(dir, 'no-such-driver.js') })).rejects.toBeInstanceOf(NoCopyWorker);
  });
});

import { openSync, statSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { findDamageOffThread } from '../../electron/core/db/check-off-thread';
import { makeTempDir } from '../support/temp-dir';

/** The page scan of a new backup runs in a worker thread: same answers, main thread free. */

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((remove) => remove()));

function bigArchive() {
  const temp = makeTempDir('ladder-check-');
  temps.push(temp.remove);
  const file = path.join(temp.dir, 'copy.sqlite3');
  const db = new SqliteDatabase(file);
  db.exec('CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT); CREATE INDEX note_body ON note (body);');
  const insert = db.prepare('INSERT INTO note (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 6_000; i += 1) insert.run(`note ${i} `.repeat(60));
  })();
  db.close();
  return file;
}

describe('the integrity check of a backup, off the main thread', () => {
  it('passes a sound copy, and the main thread keeps turning meanwhile', async () => {
    const file = bigArchive();
    expect(statSync(file).size).toBeGreaterThan(2 * 1024 * 1024);
    let turns = 0;
    const ticker = setInterval(() => (turns += 1), 1);
    const answer = await findDamageOffThread(file);
    clearInterval(ticker);
    expect(answer).toBeNull();
    expect(turns).toBeGreaterThan(0);
  });

  it('finds a damaged page that the cheap checks cannot see', async () => {
    const file = bigArchive();
    // Scribble over a page in the middle: the header and schema still read fine.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(statSync(file).size / 2 / 4096) * 4096);
    closeSync(fd);
    expect(await findDamageOffThread(file)).toMatch(/failed its integrity check|could not be read/);
  });

  it('checks on the main thread instead when the worker cannot load the driver, and still finds the damage', async () => {
    const file = bigArchive();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(statSync(file).size / 2 / 4096) * 4096);
    closeSync(fd);
    const unloadable = path.join(path.dirname(file), 'no-such-driver.js');
    expect(await findDamageOffThread(file, { driver: unloadable })).toMatch(/failed its integrity check|could not be read/);
    expect(await findDamageOffThread(bigArchive(), { driver: unloadable })).toBeNull();
  });
});

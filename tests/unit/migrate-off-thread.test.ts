import { copyFileSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkerConnection } from '../../electron/core/db/worker-connection';
import { currentSchemaVersion, migrations } from '../../electron/core/db/migrations';
import { openArchive } from '../../electron/core/db/open';
import { openTestCore } from '../support/core';
import { makeTempDir } from '../support/temp-dir';

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((remove) => remove()));

/** An archive with one entry, closed: an existing file, as after an update. */
async function existingArchive() {
  const test = await openTestCore();
  await test.call('journal.create', { title: 'Before the update', body: 'kept words', entryDate: '2026-01-02' });
  await test.core.close();
  return path.join(test.dataDir, 'ladder.sqlite3');
}

/** A migration that keeps SQLite busy for a good second, as rebuilding a large index does. */
const slowMigration = (additive: boolean, quick = false): Record<string, Migration> => ({
  ...migrations,
  '9999-test-slow': Object.assign(
    {
      up: async (db: Parameters<Migration['up']>[0]) => {
        await sql`CREATE TABLE later (n INTEGER)`.execute(db);
        await sql`INSERT INTO later WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3000000) SELECT n FROM c`.execute(db);
        if (!additive) await sql`UPDATE entry SET title = 'Rewritten by the migration'`.execute(db);
      },
    },
    { additive, quick },
  ),
});

/** Counts how often the main thread got to run a timer while `work` was under way. */
async function ticksDuring<T>(work: () => Promise<T>) {
  let ticks = 0;
  const timer = setInterval(() => (ticks += 1), 20);
  try {
    const result = await work();
    return { result, ticks };
  } finally {
    clearInterval(timer);
  }
}

describe('migrating an existing archive off the main thread', () => {
  it('leaves the main thread free while a long migration runs, unless it claims to be quick', async () => {
    const file = await existingArchive();
    const twin = path.join(path.dirname(file), 'twin.sqlite3');
    copyFileSync(file, twin);

    const offThread = await ticksDuring(() => openArchive(file, { migrations: slowMigration(true) }));
    expect(offThread.result.schemaVersion).toBe(currentSchemaVersion + 1);
    const count = await offThread.result.db.selectFrom('entry').select('title').execute();
    expect(count).toEqual([{ title: 'Before the update' }]);
    await offThread.result.close();

    const onThread = await ticksDuring(() => openArchive(twin, { migrations: slowMigration(true, true) }));
    expect(onThread.result.schemaVersion).toBe(currentSchemaVersion + 1);
    await onThread.result.close();
    // The same work, marked quick, runs on the app's connection: no timer could run until it was over.
    expect(onThread.ticks).toBeLessThanOrEqual(1);
    expect(offThread.ticks).toBeGreaterThan(5);
  });

  it('rolls a failed migration back whole and says so', async () => {
    const file = await existingArchive();
    const failing: Record<string, Migration> = {
      ...migrations,
      '9999-test-fails': {
        up: async (db) => {
          await sql`UPDATE entry SET title = 'half-written'`.execute(db);
          await sql`INSERT INTO no_such_table VALUES (1)`.execute(db);
        },
      },
    };
    await expect(openArchive(file, { migrations: failing })).rejects.toThrow(/Updating the archive failed and nothing was changed: no such table: no_such_table/);
    const archive = await openArchive(file);
    expect(archive.schemaVersion).toBe(currentSchemaVersion);
    expect(await archive.db.selectFrom('entry').select('title').execute()).toEqual([{ title: 'Before the update' }]);
    await archive.close();
  });

  it('folds the migration into the archive’s file once the copy made before it is done', async () => {
    const file = await existingArchive();
    const archive = await openArchive(file, { migrations: slowMigration(false) });
    expect(await archive.whenCopied()).toBe(true);
    // The file alone, without its log: the migration's connection has checkpointed into it.
    const alone = path.join(path.dirname(file), 'alone.sqlite3');
    copyFileSync(file, alone);
    const db = new SqliteDatabase(alone, { readonly: true });
    expect(db.prepare('SELECT title FROM entry').pluck().all()).toEqual(['Rewritten by the migration']);
    db.close();
    await archive.close();

    const copy = new SqliteDatabase(archive.preMigrationBackup ?? '', { readonly: true });
    expect(copy.prepare('SELECT title FROM entry').pluck().all()).toEqual(['Before the update']);
    copy.close();
  });

  it('is not offered when the worker cannot load the database driver, so the app migrates itself', async () => {
    const temp = makeTempDir();
    temps.push(temp.remove);
    const file = await existingArchive();
    expect(await openWorkerConnection(file, { driver: path.join(temp.dir, 'missing-driver.js') })).toBeNull();
  });
});

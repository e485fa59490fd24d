import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { openArchive } from '../../electron/core/db/open';
import { currentSchemaVersion, migrations } from '../../electron/core/db/migrations';
import { openTestCore } from '../support/core';
import { makeTempDir } from '../support/temp-dir';

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((remove) => remove()));

function tempFile() {
  const temp = makeTempDir();
  temps.push(temp.remove);
  return path.join(temp.dir, 'ladder.sqlite3');
}

/** Every table, index and column as SQLite describes them, to compare two archives' schemas. */
function describeSchema(file: string) {
  const db = new SqliteDatabase(file, { readonly: true });
  const objects = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'kysely_%' AND name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all();
  db.close();
  return objects;
}

function sha256(file: string) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Leaves a file migrated only up to the first `count` migrations, as an older Ladder would. */
async function makeArchiveAtVersion(file: string, count: number) {
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SqliteDatabase(file) }) });
  const names = Object.keys(migrations);
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
  if (count > 0) {
    const { error } = await migrator.migrateTo(names[count - 1] ?? '');
    if (error) throw new Error('Setting up the older archive failed.', { cause: error });
  }
  await db.destroy();
}

describe('migrations', () => {
  it('bring an empty file to the current schema', async () => {
    const file = tempFile();
    const archive = await openArchive(file);
    expect(archive.schemaVersion).toBe(currentSchemaVersion);
    expect(archive.preMigrationBackup).toBeNull();
    expect(archive.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(archive.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(archive.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    await archive.close();
  });

  for (let version = 1; version < currentSchemaVersion; version += 1) {
    it(`bring a file left at version ${version} to the current schema, keeping a copy first`, async () => {
      const file = tempFile();
      await makeArchiveAtVersion(file, version);
      const archive = await openArchive(file);
      expect(archive.schemaVersion).toBe(currentSchemaVersion);
      expect(archive.preMigrationBackup).not.toBeNull();
      expect(existsSync(archive.preMigrationBackup ?? '')).toBe(true);
      await archive.close();

      const fresh = tempFile();
      await (await openArchive(fresh)).close();
      expect(describeSchema(file)).toEqual(describeSchema(fresh));
    });
  }

  it('keep the entries of an archive written before a new migration, and copy it aside first', async () => {
    const first = await openTestCore();
    const entry = await first.call('journal.create', { title: 'Before', body: 'kept words', entryDate: '2026-01-02' });
    await first.core.close();

    const file = path.join(first.dataDir, 'ladder.sqlite3');
    const extended: Record<string, Migration> = {
      ...migrations,
      '9999-test-addition': { up: async (db) => void (await db.schema.createTable('later').addColumn('id', 'text').execute()) },
    };
    const archive = await openArchive(file, { migrations: extended });
    expect(archive.schemaVersion).toBe(currentSchemaVersion + 1);
    const backup = archive.preMigrationBackup ?? '';
    expect(existsSync(backup)).toBe(true);
    const row = await archive.db.selectFrom('entry').selectAll().where('id', '=', entry.id).executeTakeFirst();
    expect(row?.body).toBe('kept words');
    await archive.close();

    const copy = new SqliteDatabase(backup, { readonly: true });
    expect(copy.prepare('SELECT body FROM entry WHERE id = ?').get(entry.id)).toEqual({ body: 'kept words' });
    copy.close();
  });

  it('roll back a failed migration whole, leaving the data as it was', async () => {
    const first = await openTestCore();
    await first.call('journal.create', { title: 'Safe', entryDate: '2026-01-02' });
    await first.core.close();
    const file = path.join(first.dataDir, 'ladder.sqlite3');

    const failing: Record<string, Migration> = {
      ...migrations,
      '9998-half': {
        up: async (db) => {
          await db.schema.createTable('half_done').addColumn('id', 'text').execute();
          await sql`UPDATE entry SET title = 'changed'`.execute(db);
          throw new Error('boom');
        },
      },
    };
    await expect(openArchive(file, { migrations: failing })).rejects.toThrow(/nothing was changed/);

    const db = new SqliteDatabase(file, { readonly: true });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    expect(db.prepare('SELECT title FROM entry').all()).toEqual([{ title: 'Safe' }]);
    db.close();
  });

  it('open a file from a newer Ladder read-only, and never write to it', async () => {
    const first = await openTestCore();
    const entry = await first.call('journal.create', { title: 'From the future', entryDate: '2026-01-02' });
    await first.core.close();
    const file = path.join(first.dataDir, 'ladder.sqlite3');
    const raw = new SqliteDatabase(file);
    raw.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-a-newer-ladder', '2030-01-01')").run();
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = sha256(file);

    const second = await openTestCore(first.dataDir);
    const info = await second.call('app.info', {});
    expect(info.readOnly).toBe(true);
    expect(info.readOnlyReason).toMatch(/newer version of Ladder/);
    expect((await second.call('journal.get', { id: entry.id })).title).toBe('From the future');
    const refused = await second.send('journal.create', { title: 'nope', entryDate: '2026-01-03' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'read_only' } });
    await second.core.close();
    expect(sha256(file)).toBe(before);
  });
});

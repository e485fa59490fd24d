import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { openArchive } from '../../electron/core/db/open';
import { currentSchemaVersion, migrations } from '../../electron/core/db/migrations';
import { needsCopyFirst } from '../../electron/core/db/pre-migration-copy';
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
    // A copy is kept unless every pending migration only adds (see pre-migration-copy.ts).
    const copied = needsCopyFirst(Object.values(migrations).slice(version));
    it(`bring a file left at version ${version} to the current schema${copied ? ', keeping a copy' : ''}`, async () => {
      const file = tempFile();
      await makeArchiveAtVersion(file, version);
      const archive = await openArchive(file);
      expect(archive.schemaVersion).toBe(currentSchemaVersion);
      if (copied) {
        expect(await archive.whenCopied()).toBe(true);
        expect(existsSync(archive.preMigrationBackup ?? '')).toBe(true);
      } else expect(archive.preMigrationBackup).toBeNull();
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
    expect(await archive.whenCopied()).toBe(true);
    expect(existsSync(backup)).toBe(true);
    const row = await archive.db.selectFrom('entry').selectAll().where('id', '=', entry.id).executeTakeFirst();
    expect(row?.body).toBe('kept words');
    await archive.close();

    const copy = new SqliteDatabase(backup, { readonly: true });
    expect(copy.prepare('SELECT body FROM entry WHERE id = ?').get(entry.id)).toEqual({ body: 'kept words' });
    copy.close();
  });

  describe('the copy made while migrating', () => {
    // Rewrites a record, so it is not additive and a copy is made.
    const rewriting: Record<string, Migration> = {
      ...migrations,
      '9999-test-rewrite': {
        up: async (db) => {
          await db.schema.createTable('later').addColumn('id', 'text').execute();
          await sql`UPDATE entry SET title = 'Rewritten by the migration'`.execute(db);
        },
      },
    };
    const tableNames = (file: string) => {
      const db = new SqliteDatabase(file, { readonly: true });
      try {
        return {
          hasLater: db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'later'").pluck().get() === 1,
          titles: db.prepare('SELECT title FROM entry ORDER BY title').pluck().all() as string[],
        };
      } finally {
        db.close();
      }
    };
    async function archiveWithOneEntry() {
      const first = await openTestCore();
      await first.call('journal.create', { title: 'Before', body: 'kept words', entryDate: '2026-01-02' });
      await first.core.close();
      return { dataDir: first.dataDir, file: path.join(first.dataDir, 'ladder.sqlite3') };
    }

    it('holds the archive as it was, even with writes right after opening that outgrow a checkpoint', async () => {
      const { file } = await archiveWithOneEntry();
      const writesDone = Promise.withResolvers<void>();
      const archive = await openArchive(file, { migrations: rewriting, copyStartsAfter: writesDone.promise });
      // ~6 MB of new log before the copy starts: without checkpoints held back, they would have
      // written the migration and these entries into the file about to be copied.
      const insert = archive.sqlite.prepare("INSERT INTO entry (id, title, body, entry_date, created_at, updated_at) VALUES (?, 'After', ?, '2026-01-03', '2026-01-03', '2026-01-03')");
      for (let i = 0; i < 300; i += 1) insert.run(`after-${i}`, 'x'.repeat(20_000));
      writesDone.resolve();
      expect(await archive.whenCopied()).toBe(true);
      await archive.close();
      expect(tableNames(archive.preMigrationBackup ?? '')).toEqual({ hasLater: false, titles: ['Before'] });
      const now = tableNames(file);
      expect(now.hasLater).toBe(true);
      expect(now.titles).toHaveLength(301);
      expect(now.titles).toContain('Rewritten by the migration');
    });

    it('is finished at the next start when Ladder stopped before it was done', async () => {
      const { dataDir, file } = await archiveWithOneEntry();
      const crashDone = Promise.withResolvers<void>();
      const archive = await openArchive(file, { migrations: rewriting, copyStartsAfter: crashDone.promise });
      archive.sqlite.prepare("INSERT INTO entry (id, title, body, entry_date, created_at, updated_at) VALUES ('later-1', 'After', '', '2026-01-03', '2026-01-03', '2026-01-03')").run();
      // What a crash now leaves on disk: the file as it was, the migration and the new entry in
      // the log, and the note that a copy is under way (no copy yet).
      const crashed = makeTempDir();
      temps.push(crashed.remove);
      const crashedFile = path.join(crashed.dir, 'ladder.sqlite3');
      const note = path.join(dataDir, 'backups', 'pre-migration-copy.pending.json');
      expect(existsSync(note)).toBe(true);
      expect(existsSync(archive.preMigrationBackup ?? '')).toBe(false);
      mkdirSync(path.join(crashed.dir, 'backups'));
      copyFileSync(file, crashedFile);
      copyFileSync(`${file}-wal`, `${crashedFile}-wal`);
      copyFileSync(note, path.join(crashed.dir, 'backups', path.basename(note)));
      crashDone.resolve();
      await archive.whenCopied();
      await archive.close();

      const reopened = await openArchive(crashedFile, { migrations: rewriting });
      const copy = path.join(crashed.dir, 'backups', path.basename(archive.preMigrationBackup ?? ''));
      expect(tableNames(copy)).toEqual({ hasLater: false, titles: ['Before'] });
      expect(existsSync(path.join(crashed.dir, 'backups', path.basename(note)))).toBe(false);
      await reopened.close();
      expect(tableNames(crashedFile)).toEqual({ hasLater: true, titles: ['After', 'Rewritten by the migration'] });
    });
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

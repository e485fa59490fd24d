import { copyFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { archivePath } from '../../electron/core';
import { currentSchemaVersion, migrations } from '../../electron/core/db/migrations';
import { needsCopyFirst } from '../../electron/core/db/pre-migration-copy';
import type { RequestName } from '../../shared/contract';
import { fixtureWords } from '../fixtures/fixture-data';
import { columnsOf, dataTables, fixturesDir } from '../fixtures/make-archive';
import { integrityProblems } from '../reliability/archive-checks';
import { openTestCore } from '../support/core';
import { makeTempDir } from '../support/temp-dir';

/**
 * Migrations from every earlier schema (issue #10): each archive in tests/fixtures/archives was
 * made at a schema that shipped (`npx tsx tests/fixtures/make-archive.ts <number>` adds the next
 * one; this test picks it up by itself). A copy is opened with the current core, which migrates
 * it; every row must still be there and readable through the requests, the copy made before the
 * migration must exist, the schema must equal a fresh archive's, and search must find the words.
 */
const fixtures = readdirSync(fixturesDir).filter((name) => /^schema-\d{4}\.sqlite3$/.test(name)).sort();

type Row = Record<string, unknown>;

/** Every row of every data table, by table, keyed by primary key. */
function snapshot(file: string) {
  const sqlite = new SqliteDatabase(file, { readonly: true });
  try {
    const tables = new Map<string, { key: string[]; rows: Map<string, Row> }>();
    for (const table of dataTables(sqlite)) {
      const key = columnsOf(sqlite, table).filter((c) => c.pk > 0).map((c) => c.name);
      const rows = new Map<string, Row>();
      for (const row of sqlite.prepare(`SELECT * FROM "${table}"`).all() as Row[]) rows.set(JSON.stringify(key.map((k) => row[k])), row);
      tables.set(table, { key, rows });
    }
    return tables;
  } finally {
    sqlite.close();
  }
}

function appliedMigrations(file: string) {
  const sqlite = new SqliteDatabase(file, { readonly: true });
  const names = sqlite.prepare('SELECT name FROM kysely_migration').pluck().all() as string[];
  sqlite.close();
  return names;
}

function schemaOf(file: string) {
  const sqlite = new SqliteDatabase(file, { readonly: true });
  const objects = sqlite.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'kysely_%' AND name NOT LIKE 'sqlite_%' ORDER BY type, name").all();
  sqlite.close();
  return objects;
}

/** Which request reads one record of a table, to prove the rows are readable as the UI reads them. */
const readers: Partial<Record<string, RequestName>> = {
  entry: 'journal.get',
  person: 'people.get',
  part: 'parts.get',
  dyad: 'dyads.get',
  checkin: 'checkins.get',
  crew: 'crews.get',
  meeting: 'meetings.get',
  congregation: 'congregations.get',
  network: 'networks.get',
  prompt: 'prompts.get',
  part_map_snapshot: 'mapSnapshots.get',
};

describe('migrations from every earlier schema, with fixture archives', () => {
  it('has a fixture for the schema that shipped last (0011)', () => {
    expect(fixtures).toContain('schema-0011.sqlite3');
  });

  for (const fixture of fixtures) {
    it(`migrates ${fixture} to the current schema and keeps every record`, async () => {
      const temp = makeTempDir();
      const file = archivePath(temp.dir);
      copyFileSync(path.join(fixturesDir, fixture), file);
      const before = snapshot(file);
      const applied = appliedMigrations(file);

      const test = await openTestCore(temp.dir);
      try {
        expect(test.core.damaged).toBeNull();
        const archive = test.core.archive;
        expect(archive.readOnlyReason).toBeNull();
        expect(archive.schemaVersion).toBe(currentSchemaVersion);
        expect(integrityProblems(archive.sqlite)).toEqual([]);

        // The copy made before the migration is the fixture as it was. Migrations that only add
        // (`additive`, db/pre-migration-copy.ts) run in one transaction and need none.
        const pending = Object.entries(migrations).filter(([name]) => !applied.includes(name)).map(([, migration]) => migration);
        expect(await archive.whenCopied()).toBe(true);
        const backups = await test.call('backup.list', {});
        const preMigration = backups.backups.filter((b) => b.kind === 'pre-migration').map((b) => path.join(backups.folder, b.name));
        if (needsCopyFirst(pending)) {
          expect(preMigration).toEqual([archive.preMigrationBackup]);
          expect(snapshot(archive.preMigrationBackup ?? '')).toEqual(before);
        } else {
          expect(archive.preMigrationBackup).toBeNull();
        }

        // Every row of every table is still there, every column it had unchanged.
        const after = snapshot(file);
        for (const [table, { rows }] of before) {
          const now = after.get(table);
          expect(now, `table ${table}`).toBeDefined();
          for (const [key, row] of rows) {
            const kept = now?.rows.get(key);
            expect(kept, `${table} ${key}`).toBeDefined();
            for (const [column, value] of Object.entries(row)) expect(kept?.[column], `${table} ${key} ${column}`).toEqual(value);
          }
        }

        // And readable through the requests.
        for (const [table, request] of Object.entries(readers)) {
          const rows = [...(before.get(table)?.rows.values() ?? [])].filter((row) => row.deleted_at === null);
          expect(rows.length, `fixture rows in ${table}`).toBeGreaterThan(0);
          for (const row of rows) {
            const input = table === 'crew' || table === 'congregation' ? { id: row.id, today: '2026-11-26' } : { id: row.id };
            const answer = await test.send(request as 'journal.get', input as { id: string });
            expect(answer, `${request} ${String(row.id)}`).toMatchObject({ ok: true });
          }
        }
        for (const row of before.get('entry')?.rows.values() ?? []) {
          if (row.deleted_at !== null) continue;
          const entry = await test.call('journal.get', { id: String(row.id) });
          expect({ title: entry.title, body: entry.body }).toEqual({ title: row.title, body: row.body });
        }

        for (const word of fixtureWords) {
          const found = await test.call('search.query', { text: word });
          expect(found.groups.flatMap((g) => g.hits).length, `search for ${word}`).toBeGreaterThan(0);
        }
      } finally {
        await test.core.close();
      }

      const fresh = makeTempDir();
      try {
        await (await openTestCore(fresh.dir)).core.close();
        expect(schemaOf(file)).toEqual(schemaOf(archivePath(fresh.dir)));
      } finally {
        fresh.remove();
        temp.remove();
      }
    });
  }
});

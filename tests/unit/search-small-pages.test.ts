import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { describe, expect, it } from 'vitest';
import { archivePath } from '../../electron/core';
import { migrations } from '../../electron/core/db/migrations';
import { searchPageSize } from '../../electron/core/db/migrations/0025-search-small-pages';
import { newId } from '../../electron/core/ids';
import { mergeAll } from '../../electron/core/services/search/search-upkeep';
import type { SearchResults } from '../../shared/domain/search';
import { openTestCore } from '../support/core';
import { makeTempDir } from '../support/temp-dir';

/**
 * Migration 0025 has the search index write 1,000-byte pages (FTS5's `pgsz`) so that each merge
 * step inside a save is cheaper. An archive indexed before it holds 4,050-byte pages: both sizes
 * live side by side until merging rewrites the old ones, and every word must stay findable.
 */

const stamp = '2026-11-26T09:00:00.000Z';
// Words no ordinary text uses, one per entry, so each search has exactly one answer.
const word = (i: number) => `brackenfold${i.toString(36)}x`;
/** A body long enough that an entry's words fill several pages of either size. */
const body = (i: number) => `${word(i)} ${'We walked along the river and talked about the year that is ending. '.repeat(12)}`;
const entryIds = (results: SearchResults) => results.groups.filter((group) => group.kind === 'entry').flatMap((group) => group.hits.map((hit) => hit.id));

/** Sizes of the index's leaf pages (rows of `search_text_data` past its structure and averages). */
function pageSizes(sqlite: SqliteDatabase.Database) {
  return sqlite.prepare('SELECT length(block) FROM search_text_data WHERE id > 10').pluck().all() as number[];
}

/** An archive left by a Ladder before 0025, with 60 entries indexed in FTS5's default pages. */
async function archiveBefore0025(dataDir: string) {
  const sqlite = new SqliteDatabase(archivePath(dataDir));
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
  const { error } = await migrator.migrateTo('0024-search-emoji');
  if (error) throw new Error('Setting up the older archive failed.', { cause: error });
  const insert = sqlite.prepare('INSERT INTO entry (id, title, body, entry_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const ids: string[] = [];
  sqlite.transaction(() => {
    for (let i = 0; i < 60; i += 1) {
      const id = newId();
      insert.run(id, `Walk ${i}`, body(i), '2026-10-01', stamp, stamp);
      ids.push(id);
    }
  })();
  await db.destroy();
  return ids;
}

describe('search index pages', () => {
  it('keeps finding words indexed before and after the index moved to smaller pages', async () => {
    const temp = makeTempDir();
    try {
      const older = await archiveBefore0025(temp.dir);
      const test = await openTestCore(temp.dir);
      const sqlite = test.core.archive.sqlite;
      expect(sqlite.prepare("SELECT v FROM search_text_config WHERE k = 'pgsz'").pluck().get()).toBe(searchPageSize);
      // The old pages are still there, untouched by the migration.
      expect(Math.max(...pageSizes(sqlite))).toBeGreaterThan(3_000);

      const newer: string[] = [];
      for (let i = 60; i < 120; i += 1) {
        newer.push((await test.call('journal.create', { title: `Walk ${i}`, body: body(i), entryDate: '2026-11-01' })).id);
      }
      // Merging reads the old pages and writes their words again in the new size.
      await mergeAll(sqlite);
      sqlite.prepare("INSERT INTO search_text(search_text) VALUES ('optimize')").run();
      const sizes = pageSizes(sqlite);
      expect(sizes.length).toBeGreaterThan(0);
      // A page ends after the entry that passes the size, so it may run a little over.
      expect(Math.max(...sizes)).toBeLessThan(searchPageSize * 1.5);

      const ids = [...older, ...newer];
      for (let i = 0; i < ids.length; i += 1) {
        // The trailing space: the whole word, not a prefix.
        expect(entryIds(await test.call('search.query', { text: `${word(i)} `, kind: 'entry' })), word(i)).toEqual([ids[i]]);
      }
      expect((await test.call('search.query', { text: '"walked along the river"', kind: 'entry', limit: 50 })).groups[0]?.total).toBe(120);
      expect((await test.call('search.query', { text: 'brackenf', kind: 'entry' })).groups[0]?.total).toBe(120);
      expect(() => sqlite.prepare("INSERT INTO search_text(search_text) VALUES ('integrity-check')").run()).not.toThrow();
    } finally {
      temp.remove();
    }
  }, 60_000);
});

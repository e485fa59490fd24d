import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { describe, expect, it } from 'vitest';
import { archivePath } from '../../electron/core';
import { migrations } from '../../electron/core/db/migrations';
import { newId } from '../../electron/core/ids';
import type { SearchResults } from '../../shared/domain/search';
import { openTestCore } from '../support/core';
import { makeTempDir } from '../support/temp-dir';

/**
 * Migration 0015 gives each kind of record a rowid range of its own in the search index, and
 * `search_doc_place` keeps it so; a search asks FTS5 for one range per kind.
 */

const range = 2 ** 40;
const stamp = '2026-11-26T09:00:00.000Z';
const idsOf = (results: SearchResults, kind: string) => results.groups.find((g) => g.kind === kind)?.hits.map((h) => h.id) ?? [];

/** Each kind's documents as (kind, range number, rowids in order), straight from the index. */
function layout(sqlite: SqliteDatabase.Database) {
  const rows = sqlite.prepare('SELECT kind, doc_id, record_id FROM search_doc ORDER BY doc_id').all() as { kind: string; doc_id: number; record_id: string }[];
  const kinds = new Map<string, { ranges: Set<number>; records: string[] }>();
  for (const row of rows) {
    const kind = kinds.get(row.kind) ?? { ranges: new Set(), records: [] };
    kind.ranges.add(Math.floor(row.doc_id / range));
    kind.records.push(row.record_id);
    kinds.set(row.kind, kind);
  }
  return kinds;
}

/** An archive left by a Ladder before 0015: kinds interleaved in one run of rowids. */
async function archiveBefore0015(dataDir: string) {
  const file = archivePath(dataDir);
  const sqlite = new SqliteDatabase(file);
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
  const { error } = await migrator.migrateTo('0014-search-follows-renames');
  if (error) throw new Error('Setting up the older archive failed.', { cause: error });
  const entry = sqlite.prepare('INSERT INTO entry (id, title, body, entry_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const person = sqlite.prepare('INSERT INTO person (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)');
  const entries: string[] = [];
  const people: string[] = [];
  for (let i = 0; i < 6; i += 1) {
    const id = newId();
    entry.run(id, i === 4 ? 'Orchard day' : `Day ${i}`, `Walked to the orchard, ${i} times.`, `2026-10-0${i + 1}`, stamp, stamp);
    entries.push(id);
    const who = newId();
    person.run(who, `Orchard keeper ${i}`, stamp, stamp);
    people.push(who);
  }
  // An edit re-indexes an entry: it is then the newest.
  sqlite.prepare("UPDATE entry SET body = 'Back at the orchard, edited.' WHERE id = ?").run(entries[1]);
  await db.destroy();
  return { entries, people };
}

describe('search kind ranges', () => {
  it('renumbers an older archive by kind, keeping every word and the newest-first order', async () => {
    const temp = makeTempDir();
    try {
      const { entries, people } = await archiveBefore0015(temp.dir);
      const before = new SqliteDatabase(archivePath(temp.dir), { readonly: true });
      const wordsBefore = before.prepare('SELECT d.kind, d.record_id, t.title, t.body, t.meta FROM search_doc d JOIN search_text t ON t.rowid = d.doc_id ORDER BY d.kind, d.doc_id').all();
      before.close();

      const test = await openTestCore(temp.dir);
      const sqlite = test.core.archive.sqlite;
      const kinds = layout(sqlite);
      expect([...kinds.keys()].sort()).toEqual(['entry', 'person']);
      const entryRange = [...(kinds.get('entry')?.ranges ?? [])];
      const personRange = [...(kinds.get('person')?.ranges ?? [])];
      expect(entryRange).toHaveLength(1);
      expect(personRange).toHaveLength(1);
      expect(entryRange[0]).not.toBe(personRange[0]);
      expect(entryRange[0]).toBeGreaterThan(0);
      // Within a kind, the order they were indexed in: the edited entry last.
      expect(kinds.get('entry')?.records).toEqual([...entries.filter((id) => id !== entries[1]), entries[1]]);
      expect(kinds.get('person')?.records).toEqual(people);
      const wordsAfter = sqlite.prepare('SELECT d.kind, d.record_id, t.title, t.body, t.meta FROM search_doc d JOIN search_text t ON t.rowid = d.doc_id ORDER BY d.kind, d.doc_id').all();
      expect(wordsAfter).toEqual(wordsBefore);
      expect(sqlite.prepare('SELECT count(*) FROM search_text').pluck().get()).toBe(12);
      expect(() => sqlite.prepare("INSERT INTO search_text(search_text) VALUES ('integrity-check')").run()).not.toThrow();
      expect(sqlite.prepare("SELECT v FROM search_text_config WHERE k = 'usermerge'").pluck().get()).toBe(2);

      // Titles first, then newest first; every kind found, highlighted.
      const results = await test.call('search.query', { text: 'orchard', limit: 10 });
      expect(idsOf(results, 'entry')).toEqual([entries[4], entries[1], entries[5], entries[3], entries[2], entries[0]]);
      expect(idsOf(results, 'person')).toEqual([...people].reverse());
      expect(results.groups[0]?.hits[0]?.title).toEqual([{ text: 'Orchard', hit: true }, { text: ' day', hit: false }]);
      await test.core.close();
    } finally {
      temp.remove();
    }
  });

  it('places each new document at the end of its kind’s range, and a new kind in a range of its own', async () => {
    const test = await openTestCore();
    const sqlite = test.core.archive.sqlite;
    const first = await test.call('journal.create', { title: 'Lantern', body: 'One.', entryDate: '2026-11-01' });
    const robin = await test.call('people.create', { name: 'Robin Lantern' });
    const second = await test.call('journal.create', { title: 'Lantern', body: 'Two.', entryDate: '2026-11-02' });
    await test.call('journal.update', { id: first.id, body: 'One, edited.' });
    const crew = await test.call('crews.create', { name: 'Lantern crew', startedOn: '2026-11-03' });

    const kinds = layout(sqlite);
    for (const [kind, { ranges }] of kinds) expect(ranges.size, kind).toBe(1);
    const numbers = [...kinds.values()].map(({ ranges }) => [...ranges][0]);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(kinds.get('entry')?.records).toEqual([second.id, first.id]);
    expect(kinds.get('person')?.records).toEqual([robin.id]);
    expect(kinds.get('crew')?.records).toEqual([crew.id]);

    const results = await test.call('search.query', { text: 'lantern' });
    expect(idsOf(results, 'entry')).toEqual([first.id, second.id]);
    expect(idsOf(results, 'person')).toEqual([robin.id]);

    // A kind whose every document left gets a fresh range when it comes back, never a shared one.
    await test.call('people.delete', { id: robin.id });
    expect(layout(sqlite).has('person')).toBe(false);
    await test.call('people.restore', { id: robin.id });
    const again = layout(sqlite);
    const ranges = [...again.values()].map(({ ranges }) => [...ranges][0]);
    expect(new Set(ranges).size).toBe(ranges.length);
    expect(idsOf(await test.call('search.query', { text: 'lantern' }), 'person')).toEqual([robin.id]);
  });

  it('counts exactly when a deleted parent hides many matches', async () => {
    const test = await openTestCore();
    const sqlite = test.core.archive.sqlite;
    const dyadWith = (name: string, count: number) => {
      const person = newId();
      const dyad = newId();
      sqlite.prepare('INSERT INTO person (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(person, name, stamp, stamp);
      sqlite.prepare("INSERT INTO dyad (id, person_id, kind, created_at, updated_at) VALUES (?, ?, 'friend', ?, ?)").run(dyad, person, stamp, stamp);
      const checkin = sqlite.prepare('INSERT INTO checkin (id, dyad_id, checkin_date, i_shared, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
      sqlite.transaction(() => {
        for (let i = 0; i < count; i += 1) checkin.run(newId(), dyad, '2026-11-10', `The orchard again, ${i}.`, stamp, stamp);
      })();
      return dyad;
    };
    dyadWith('Sam', 600);
    // Written last, so its check-ins are the newest: the ones a count to 1,000 would read first.
    const hiddenDyad = dyadWith('Alex', 700);
    sqlite.prepare('UPDATE dyad SET deleted_at = ? WHERE id = ?').run(stamp, hiddenDyad);
    const checkins = async () => (await test.call('search.query', { text: 'orchard ' })).groups.find((g) => g.kind === 'checkin');
    expect(await checkins()).toMatchObject({ total: 600, totalIsCapped: false });
    sqlite.prepare('UPDATE dyad SET deleted_at = NULL WHERE id = ?').run(hiddenDyad);
    expect(await checkins()).toMatchObject({ total: 1000, totalIsCapped: true });
  });

  it('highlights in an archive open read-only', async () => {
    const first = await openTestCore();
    const entry = await first.call('journal.create', { title: 'Quiet', body: 'A quiet morning by the river.', entryDate: '2026-11-27' });
    await first.core.close();
    const raw = new SqliteDatabase(archivePath(first.dataDir));
    raw.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-a-newer-ladder', '2030-01-01')").run();
    raw.close();

    const again = await openTestCore(first.dataDir);
    expect(again.core.archive.sqlite.readonly).toBe(true);
    const hit = (await again.call('search.query', { text: '"quiet morning"' })).groups[0]?.hits[0];
    expect(hit?.id).toBe(entry.id);
    expect(hit?.snippet.filter((piece) => piece.hit).map((piece) => piece.text)).toEqual(['quiet morning']);
  });
});

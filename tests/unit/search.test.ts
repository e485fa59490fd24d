import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexKind } from '../../electron/core/db/migrations/0006-search';
import { newId } from '../../electron/core/ids';
import { parseSearch } from '../../electron/core/services/search/fts-query';
import { notSearched, searchKinds } from '../../electron/core/services/search/registry';
import type { SearchResults, TextPiece } from '../../shared/domain/search';
import { openTestCore, type TestCore } from '../support/core';

const plain = (pieces: TextPiece[]) => pieces.map((p) => p.text).join('');
const hitWords = (pieces: TextPiece[]) => pieces.filter((p) => p.hit).map((p) => p.text.toLowerCase());
const idsOf = (results: SearchResults, kind = 'entry') => results.groups.find((g) => g.kind === kind)?.hits.map((h) => h.id) ?? [];

async function write(test: TestCore, title: string, body = '', entryDate = '2026-11-20') {
  return test.call('journal.create', { title, body, entryDate });
}

const stamp = '2026-11-26T09:00:00.000Z';

/** People, dyads and check-ins straight into the tables (their own services are another issue's). */
function seedDyad(test: TestCore, name: string, shared: string) {
  const sqlite = test.core.archive.sqlite;
  const person = newId();
  const dyad = newId();
  const checkin = newId();
  sqlite.prepare('INSERT INTO person (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(person, name, stamp, stamp);
  sqlite.prepare("INSERT INTO dyad (id, person_id, kind, created_at, updated_at) VALUES (?, ?, 'friend', ?, ?)").run(dyad, person, stamp, stamp);
  sqlite
    .prepare('INSERT INTO checkin (id, dyad_id, checkin_date, i_shared, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(checkin, dyad, '2026-11-10', shared, stamp, stamp);
  return { person, dyad, checkin };
}

describe('search', () => {
  it('finds words by prefix while typing, and ignores accents', async () => {
    const test = await openTestCore();
    const gardener = await write(test, 'The gardener', 'Tending, not fixing.');
    const cafe = await write(test, 'Morning', 'Met my protector at the café.');
    expect(idsOf(await test.call('search.query', { text: 'gard' }))).toEqual([gardener.id]);
    expect(idsOf(await test.call('search.query', { text: 'cafe' }))).toEqual([cafe.id]);
    expect(idsOf(await test.call('search.query', { text: 'CAFÉ' }))).toEqual([cafe.id]);
    // A finished word (a space after it) is matched whole.
    expect(idsOf(await test.call('search.query', { text: 'gard ' }))).toEqual([]);
    // Every word must be there.
    expect(idsOf(await test.call('search.query', { text: 'tending fix' }))).toEqual([gardener.id]);
    expect(idsOf(await test.call('search.query', { text: 'tending café' }))).toEqual([]);
  });

  it('refuses days the wrong way round, naming the "To" day', async () => {
    const core = await openTestCore();
    const reversed = await core.send('search.query', { text: 'crew', filters: { from: '2026-12-31', to: '2026-01-01' } });
    expect(reversed).toMatchObject({ ok: false, error: { code: 'validation', field: 'filters.to' } });
    expect((await core.send('search.query', { text: 'crew', filters: { from: '2026-01-01', to: '2026-01-01' } })).ok).toBe(true);
  });

  it('matches "quoted words" as a phrase', async () => {
    const test = await openTestCore();
    const together = await write(test, 'One', 'A quiet morning with the critic.');
    await write(test, 'Two', 'The morning was quiet, the critic loud.');
    expect(idsOf(await test.call('search.query', { text: '"quiet morning"' }))).toEqual([together.id]);
    expect(idsOf(await test.call('search.query', { text: 'quiet morning' })).sort()).toHaveLength(2);
  });

  it('ranks title matches first and highlights the words that matched, as text', async () => {
    const test = await openTestCore();
    const inBody = await write(test, 'Tuesday', 'Somewhere in here the <b>exile</b> spoke, and then the exile rested.');
    const inTitle = await write(test, 'The exile', 'Short.');
    const results = await test.call('search.query', { text: 'exile' });
    expect(idsOf(results)).toEqual([inTitle.id, inBody.id]);
    const [first, second] = results.groups[0]?.hits ?? [];
    expect(hitWords(first?.title ?? [])).toEqual(['exile']);
    expect(hitWords(second?.snippet ?? [])).toContain('exile');
    // Markup in someone's writing stays literal text in the snippet.
    expect(plain(second?.snippet ?? [])).toContain('<b>');
    expect(second?.target).toEqual({ page: 'self', detail: { kind: 'entry', id: inBody.id } });
    expect(second?.day).toBe('2026-11-20');
  });

  it('never finds deleted entries, and finds restored ones again', async () => {
    const test = await openTestCore();
    const entry = await write(test, 'Ephemeral', 'A thought about the firefighter.');
    await test.call('journal.delete', { id: entry.id });
    expect((await test.call('search.query', { text: 'firefighter' })).total).toBe(0);
    expect((await test.call('search.query', { text: 'ephemeral' })).total).toBe(0);
    await test.call('journal.restore', { id: entry.id });
    expect(idsOf(await test.call('search.query', { text: 'firefighter' }))).toEqual([entry.id]);
    // Edited words leave the index with the edit.
    await test.call('journal.update', { id: entry.id, body: 'Now about the manager.' });
    expect((await test.call('search.query', { text: 'firefighter' })).total).toBe(0);
    expect(idsOf(await test.call('search.query', { text: 'manager' }))).toEqual([entry.id]);
  });

  it('answers hostile and odd input with results or nothing, never an error', async () => {
    const test = await openTestCore();
    const entry = await write(test, 'Near the river', 'Parentheses (and) stars * and a "quote" and NOT OR AND words.');
    const hostile = [
      '"',
      '""',
      '"unbalanced river',
      'river"',
      'NEAR(river near)',
      'near',
      '*',
      '-river',
      'river -near',
      '()',
      '(river',
      'river OR ocean',
      'NOT river',
      'title:river',
      '^river',
      '{title body}: river',
      "'; DROP TABLE entry; --",
      'river\u0000near',
      '🙂',
      '   ',
      '',
      'a'.repeat(500),
      'river '.repeat(80),
    ];
    for (const text of hostile) {
      const answer = await test.send('search.query', { text });
      expect(answer.ok, `"${text.slice(0, 40)}"`).toBe(true);
    }
    expect(idsOf(await test.call('search.query', { text: 'NEAR(river near)' }))).toEqual([entry.id]);
    expect(idsOf(await test.call('search.query', { text: '"unbalanced river' }))).toEqual([]);
    expect(idsOf(await test.call('search.query', { text: 'river"' }))).toEqual([entry.id]);
    expect(idsOf(await test.call('search.query', { text: 'NOT river' }))).toEqual([entry.id]);
    expect(idsOf(await test.call('search.query', { text: '-river' }))).toEqual([entry.id]);
    expect((await test.call('search.query', { text: '*' })).total).toBe(0);
    expect(await test.call('journal.get', { id: entry.id })).toMatchObject({ title: 'Near the river' });
  });

  it('turns any string into a well-formed query (property)', async () => {
    const test = await openTestCore();
    await write(test, 'Words', 'Some words to find.');
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60, unit: fc.constantFrom('a', 'é', ' ', '"', '*', '(', ')', '-', ':', '^', 'N', 'E', 'A', 'R', '+', '{', '}', "'", '\\') }), async (text) => {
        const answer = await test.send('search.query', { text });
        expect(answer.ok).toBe(true);
      }),
      { numRuns: 150 },
    );
    expect(parseSearch('"a phrase" and more').match).toBe('"a phrase" "and" "more"*');
    expect(parseSearch('say "hi').match).toBe('"say" "hi"*');
  });

  it('groups hits by kind and pages through one kind', async () => {
    const test = await openTestCore();
    for (let i = 0; i < 12; i += 1) await write(test, `River ${i}`, 'By the river.', `2026-11-${String(i + 1).padStart(2, '0')}`);
    const { checkin } = seedDyad(test, 'Robin', 'We walked by the river.');
    const first = await test.call('search.query', { text: 'river' });
    expect(first.total).toBe(13);
    expect(first.groups.map((g) => [g.kind, g.total, g.hits.length, g.nextOffset])).toEqual([
      ['entry', 12, 5, 5],
      ['checkin', 1, 1, null],
    ]);
    const checkinHit = first.groups[1]?.hits[0];
    expect(checkinHit).toMatchObject({ id: checkin, rung: 'dyads', day: '2026-11-10', target: { page: 'dyads', detail: { kind: 'checkin', id: checkin } } });
    expect(plain(checkinHit?.title ?? [])).toBe('Robin');

    const second = await test.call('search.query', { text: 'river', kind: 'entry', offset: 5 });
    expect(second.groups).toHaveLength(1);
    expect(second.groups[0]?.hits).toHaveLength(5);
    const last = await test.call('search.query', { text: 'river', kind: 'entry', offset: 10 });
    expect(last.groups[0]?.hits).toHaveLength(2);
    expect(last.groups[0]?.nextOffset).toBeNull();
    const seen = new Set([...idsOf(first), ...idsOf(second), ...idsOf(last)]);
    expect(seen.size).toBe(12);
  });

  it('filters by rung, by date range and by facets, and refuses a facet this archive lacks', async () => {
    const test = await openTestCore();
    const early = await write(test, 'Early', 'Lantern light.', '2026-01-05');
    const late = await write(test, 'Late', 'Lantern light.', '2026-06-05');
    const { person, checkin } = seedDyad(test, 'Sam', 'Lantern walk.');
    seedDyad(test, 'Alex', 'Lantern too.');

    const inRange = await test.call('search.query', { text: 'lantern', filters: { from: '2026-06-01', to: '2026-12-31' } });
    expect(idsOf(inRange)).toEqual([late.id]);
    expect(idsOf(inRange, 'checkin')).toHaveLength(2);
    const springOnly = await test.call('search.query', { text: 'lantern', filters: { to: '2026-03-01' } });
    expect(springOnly.groups.map((g) => [g.kind, idsOf(springOnly, g.kind)])).toEqual([['entry', [early.id]]]);

    const selfOnly = await test.call('search.query', { text: 'lantern', filters: { rung: 'self' } });
    expect(selfOnly.groups.map((g) => g.kind)).toEqual(['entry']);

    const withSam = await test.call('search.query', { text: 'lantern', filters: { facets: { person } } });
    expect(withSam.groups.map((g) => g.kind)).toEqual(['checkin']);
    expect(idsOf(withSam, 'checkin')).toEqual([checkin]);

    // Tags are a facet too; the entry tagged is the only one found.
    const sqlite = test.core.archive.sqlite;
    const tag = newId();
    sqlite.prepare('INSERT INTO tag (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(tag, 'winter', stamp, stamp);
    sqlite.prepare('INSERT INTO entry_tag (entry_id, tag_id, created_at, updated_at) VALUES (?, ?, ?, ?)').run(early.id, tag, stamp, stamp);
    expect(idsOf(await test.call('search.query', { text: 'lantern', filters: { facets: { tag } } }))).toEqual([early.id]);

    const options = await test.call('search.filters', {});
    expect(options.facets.map((f) => f.facet)).toEqual(['person', 'part', 'tag']);
    expect(options.facets[0]?.options.map((o) => o.label)).toEqual(['Alex', 'Sam']);
    expect(await test.send('search.query', { text: 'lantern', filters: { facets: { crew: 'x' } } })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'filters.facets.crew' },
    });
  });

  it('with a person, part or tag chosen and no words, lists everything under it, newest day first', async () => {
    const test = await openTestCore();
    const march = await test.call('journal.create', { title: 'Budget day', body: 'The numbers were loud again, and the critic louder.', entryDate: '2026-03-02', tags: ['Ärger 😤'] });
    const june = await test.call('journal.create', { title: '', body: 'Another long meeting.', entryDate: '2026-06-10', tags: ['Ärger 😤', 'work'] });
    await test.call('journal.create', { title: 'Calm', body: 'Nothing to report.', entryDate: '2026-07-01', tags: ['work'] });
    const gone = await test.call('journal.create', { title: 'Deleted', body: 'Gone.', entryDate: '2026-08-01', tags: ['Ärger 😤'] });
    await test.call('journal.delete', { id: gone.id });
    const options = await test.call('search.filters', {});
    const tag = options.facets.find((f) => f.facet === 'tag')?.options.find((o) => o.label === 'Ärger 😤')?.id ?? '';

    const tagged = await test.call('search.query', { text: '', filters: { facets: { tag } } });
    expect(tagged.groups.map((g) => g.kind)).toEqual(['entry']);
    expect(idsOf(tagged)).toEqual([june.id, march.id]);
    expect(tagged.total).toBe(2);
    // Unmarked: the title as written, the body as it starts.
    const [first, second] = tagged.groups[0]?.hits ?? [];
    expect(first?.snippet).toEqual([{ text: 'Another long meeting.', hit: false }]);
    expect(plain(second?.title ?? [])).toBe('Budget day');
    // With the other filters too; and without any filter, no words still find nothing.
    expect(idsOf(await test.call('search.query', { text: '  ', filters: { facets: { tag }, from: '2026-05-01' } }))).toEqual([june.id]);
    expect(idsOf(await test.call('search.query', { text: '', filters: { facets: { tag }, rung: 'crews' } }))).toEqual([]);
    expect(await test.call('search.query', { text: '', filters: { from: '2026-01-01' } })).toMatchObject({ total: 0, groups: [] });
    // Pages as a search does.
    const page = await test.call('search.query', { text: '', filters: { facets: { tag } }, kind: 'entry', offset: 1, limit: 5 });
    expect(idsOf(page)).toEqual([march.id]);
  });

  it('keeps check-in titles current when a person is renamed, and forgets deleted people', async () => {
    const test = await openTestCore();
    const { person, checkin } = seedDyad(test, 'Jo', 'Talked about the orchard.');
    const sqlite = test.core.archive.sqlite;
    sqlite.prepare('UPDATE person SET name = ? WHERE id = ?').run('Joanna', person);
    const hit = (await test.call('search.query', { text: 'orchard' })).groups[0]?.hits[0];
    expect(hit?.id).toBe(checkin);
    expect(plain(hit?.title ?? [])).toBe('Joanna');
    expect(idsOf(await test.call('search.query', { text: 'joanna' }), 'person')).toEqual([person]);
    sqlite.prepare('UPDATE person SET deleted_at = ? WHERE id = ?').run(stamp, person);
    expect(idsOf(await test.call('search.query', { text: 'joanna' }), 'person')).toEqual([]);
  });

  it('lets a new kind join with one indexKind call in a migration (crew meetings)', async () => {
    const test = await openTestCore();
    const sqlite = test.core.archive.sqlite;
    // Migration 0009 indexes meetings for real; take its triggers off to replay joining from scratch.
    for (const event of ['insert', 'update', 'delete']) sqlite.exec(`DROP TRIGGER search_meeting_${event}`);
    const crew = newId();
    const early = newId();
    sqlite.prepare("INSERT INTO crew (id, name, started_on, created_at, updated_at) VALUES (?, 'Tuesday crew', '2026-10-01', ?, ?)").run(crew, stamp, stamp);
    sqlite
      .prepare("INSERT INTO meeting (id, crew_id, number, cycle, held_on, notes, created_at, updated_at) VALUES (?, ?, 1, 1, '2026-10-06', 'A case clinic about moving house.', ?, ?)")
      .run(early, crew, stamp, stamp);
    expect((await test.call('search.query', { text: 'clinic' })).total).toBe(0);

    await indexKind(test.core.archive.db, {
      kind: 'meeting',
      table: 'meeting',
      rung: `'crews'`,
      day: 'new.held_on',
      title: `coalesce((SELECT name FROM crew WHERE id = new.crew_id), '')`,
      body: 'new.place || char(10) || new.notes',
      watch: ['crew_id', 'held_on', 'place', 'notes', 'deleted_at'],
    });
    // The rows already there are found (backfill), and new ones as they are written (triggers).
    const later = newId();
    sqlite
      .prepare("INSERT INTO meeting (id, crew_id, number, cycle, held_on, notes, created_at, updated_at) VALUES (?, ?, 2, 1, '2026-10-13', 'Second clinic.', ?, ?)")
      .run(later, crew, stamp, stamp);
    const found = await test.call('search.query', { text: 'clinic' });
    expect(found.groups.map((g) => [g.label, g.total])).toEqual([['Meetings', 2]]);
    expect(found.groups[0]?.hits.find((h) => h.id === early)?.target).toEqual({ page: 'crews', detail: { kind: 'meeting', id: early } });
    expect(plain(found.groups[0]?.hits[0]?.title ?? [])).toBe('Tuesday crew');
  });

  it('covers every table: each is a search kind with its triggers, or left out on purpose', async () => {
    const test = await openTestCore();
    const sqlite = test.core.archive.sqlite;
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' AND name NOT LIKE 'search_%'")
      .pluck()
      .all() as string[];
    const searched = new Set(searchKinds.map((k) => k.table));
    const unaccounted = tables.filter((t) => !searched.has(t) && !(t in notSearched));
    expect(unaccounted, 'add these tables to the search registry or to notSearched').toEqual([]);
    const triggers = new Set(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]);
    for (const kind of searchKinds.filter((k) => k.triggersIn !== null)) {
      for (const event of ['insert', 'update', 'delete']) expect(triggers.has(`search_${kind.table}_${event}`), `${kind.table} ${event}`).toBe(true);
    }
  });
});

import { copyFileSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexKind } from '../../electron/core/db/migrations/0006-search';
import { indexSymbols } from '../../electron/core/db/migrations/0024-search-emoji';
import { newId } from '../../electron/core/ids';
import type { SearchResults, TextPiece } from '../../shared/domain/search';
import { fixturePath } from '../fixtures/make-archive';
import { openTestCore, type TestCore } from '../support/core';
import { makeTempDir } from '../support/temp-dir';
import { finish } from '../support/transfer';
import { crewOfFour } from './crews-fixtures';

/** Emoji, which FTS5's tokenizer reads as spaces, are found by their tokens in `meta` (migration 0024). */

const plain = (pieces: TextPiece[]) => pieces.map((p) => p.text).join('');
const marked = (pieces: TextPiece[]) => pieces.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('');
const idsOf = (results: SearchResults, kind = 'entry') => results.groups.find((g) => g.kind === kind)?.hits.map((h) => h.id) ?? [];
const find = (test: TestCore, text: string, extra: { filters?: { rung?: 'self' | 'crews' } } = {}) => test.call('search.query', { text, ...extra });

async function entry(test: TestCore, title: string, body: string) {
  return (await test.call('journal.create', { title, body, entryDate: '2026-11-20' })).id;
}

describe('search finds emoji', () => {
  it('alone or with words, in titles and bodies, marked in the snippet', async () => {
    const test = await openTestCore();
    const sea = await entry(test, 'By the sea', 'The tide came in 🌊 and I stayed until dark.');
    const glued = await entry(test, 'Evening', 'Watched the tide🌊rising from the pier, then 🎉🌊 with everyone.');
    const title = await entry(test, '🌊 Swim day', 'Cold water, warm heart.');
    await entry(test, 'Unrelated', 'A tide of emails and no sea at all.');
    const part = await test.call('parts.create', { name: 'The surfer', notes: 'Rides every wave 🌊 and never rests.' });

    expect(idsOf(await find(test, '🌊')).sort()).toEqual([sea, glued, title].sort());
    expect(idsOf(await find(test, '🌊'), 'part')).toEqual([part.id]);
    // With a word: both must be there. A word glued to an emoji is still a word of its own.
    expect(idsOf(await find(test, '🌊 tide')).sort()).toEqual([sea, glued].sort());
    expect(idsOf(await find(test, 'rising'))).toEqual([glued]);
    expect(idsOf(await find(test, 'rising 🎉'))).toEqual([glued]);
    // An emoji in the title ranks first, and is marked there.
    const found = await find(test, '🌊');
    const hits = found.groups.find((g) => g.kind === 'entry')?.hits ?? [];
    expect(hits[0]?.id).toBe(title);
    expect(marked(hits[0]?.title ?? [])).toBe('[🌊] Swim day');
    // The snippet shows the emoji, marked, in its own words around it.
    const seaHit = hits.find((h) => h.id === sea);
    expect(marked(seaHit?.snippet ?? [])).toBe('The tide came in [🌊] and I stayed until dark.');
    expect(marked(hits.find((h) => h.id === glued)?.snippet ?? [])).toBe('Watched the tide[🌊]rising from the pier, then 🎉[🌊] with everyone.');
    const mixed = (await find(test, 'tide 🌊')).groups.find((g) => g.kind === 'entry')?.hits.find((h) => h.id === sea);
    expect(marked(mixed?.snippet ?? [])).toBe('The [tide] came in [🌊] and I stayed until dark.');
  });

  it('tells emoji apart: skin tones, joined emoji, flags, and the symbols of older blocks', async () => {
    const test = await openTestCore();
    const thumbs = await entry(test, '', 'Good call 👍');
    const toned = await entry(test, '', 'Agreed 👍🏽 with the plan');
    const coder = await entry(test, '', 'Late night 👩‍💻 again');
    const flag = await entry(test, '', 'Lunch with 🇫🇷 friends');
    const heart = await entry(test, '', 'Thank you ❤️ and ✨ and ⭐');
    expect(idsOf(await find(test, '👍')).sort()).toEqual([thumbs, toned].sort());
    expect(idsOf(await find(test, '👍🏽'))).toEqual([toned]);
    expect(idsOf(await find(test, '👩‍💻'))).toEqual([coder]);
    expect(idsOf(await find(test, '💻'))).toEqual([coder]);
    expect(idsOf(await find(test, '🇫🇷'))).toEqual([flag]);
    expect(idsOf(await find(test, '🇩🇪'))).toEqual([]);
    // With or without the variation selector, and symbols from the BMP blocks.
    expect(idsOf(await find(test, '❤'))).toEqual([heart]);
    expect(idsOf(await find(test, '❤️'))).toEqual([heart]);
    expect(idsOf(await find(test, '✨ ⭐'))).toEqual([heart]);
    expect(idsOf(await find(test, '"✨"'))).toEqual([heart]);
    expect(idsOf(await find(test, '🌊'))).toEqual([]);
    const snippet = (await find(test, '❤️')).groups[0]?.hits[0]?.snippet ?? [];
    expect(marked(snippet)).toBe('Thank you [❤️] and ✨ and ⭐');
  });

  it('shows the emoji in a snippet cut at either end, and leaves a person’s own private-use characters be', async () => {
    const test = await openTestCore();
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const last = await entry(test, 'Last', `${words} 🌊`);
    const first = await entry(test, 'First', `🌊 ${words}`);
    const own = await entry(test, 'Own', 'My logo \u{E600} beside 🌊');
    const snippets = new Map(((await find(test, '🌊')).groups[0]?.hits ?? []).map((h) => [h.id, marked(h.snippet)]));
    expect(snippets.get(last)).toMatch(/^….* word29 \[🌊\]$/);
    expect(snippets.get(first)).toMatch(/^\[🌊\] word0 .*…$/);
    expect(snippets.get(own)).toBe('My logo \u{E600} beside [🌊]');
  });

  it('keeps the symbols current: edits, deletes, restores, renames, and filters', async () => {
    const test = await openTestCore();
    const id = await entry(test, 'Plans', 'Beach day 🏖️ tomorrow');
    await test.call('journal.update', { id, body: 'Rain instead ☔' });
    expect(idsOf(await find(test, '🏖️'))).toEqual([]);
    expect(idsOf(await find(test, '☔'))).toEqual([id]);
    await test.call('journal.delete', { id });
    expect((await find(test, '☔')).total).toBe(0);
    await test.call('journal.restore', { id });
    expect(idsOf(await find(test, '☔'))).toEqual([id]);

    // A crew's name titles its meetings: renamed with an emoji, they are found by it (and by it with a word).
    const { crew, ada } = await crewOfFour(test);
    const meeting = await test.call('meetings.create', {
      crewId: crew.id,
      heldOn: '2026-10-01',
      attendeeIds: crew.members.map((m) => m.personId),
      checkinNotes: [{ personId: ada.id, note: 'Rested 🌙' }],
      notes: 'We talked about the budget.',
    });
    await test.call('crews.update', { id: crew.id, name: 'Tide crew 🌊' });
    expect(idsOf(await find(test, '🌊 budget'), 'meeting')).toEqual([meeting.id]);
    expect(idsOf(await find(test, '🌊'), 'crew')).toEqual([crew.id]);
    await test.call('crews.update', { id: crew.id, name: 'Tide crew' });
    expect((await find(test, '🌊')).total).toBe(0);
    // A person's name titles their check-in rounds.
    await test.call('people.update', { id: ada.id, name: 'Ada 🦋' });
    expect(idsOf(await find(test, '🦋 🌙'), 'meeting_checkin_note')).toHaveLength(1);
    expect(idsOf(await find(test, '🦋'), 'person')).toEqual([ada.id]);
    await test.call('people.update', { id: ada.id, name: 'Ada' });
    expect((await find(test, '🦋')).total).toBe(0);
    expect(idsOf(await find(test, '🌙'), 'meeting_checkin_note')).toHaveLength(1);
    await test.call('people.update', { id: ada.id, name: 'Ada 🦋' });

    // The rung filter, with emoji alone.
    await entry(test, 'Mine', 'Butterflies 🦋 in the garden');
    expect((await find(test, '🦋', { filters: { rung: 'self' } })).groups.map((g) => g.kind)).toEqual(['entry']);
    expect((await find(test, '🦋', { filters: { rung: 'crews' } })).groups.map((g) => g.kind)).toEqual(['meeting_checkin_note']);
    const sqlite = test.core.archive.sqlite;
    expect(() => sqlite.prepare("INSERT INTO search_text (search_text) VALUES ('integrity-check')").run()).not.toThrow();
  });

  it('adds tokens only to documents with a symbol in them: the title’s, the body’s, and the title’s marked', async () => {
    const test = await openTestCore();
    for (let i = 0; i < 20; i += 1) await entry(test, `Day ${i}`, i % 5 === 0 ? `A good day 🌞 number ${i}` : `A quiet day, number ${i}.`);
    const swim = await entry(test, '🌊 Swim', 'Cold 🥶');
    const sqlite = test.core.archive.sqlite;
    const metas = sqlite.prepare("SELECT t.meta FROM search_text t JOIN search_doc d ON d.doc_id = t.rowid WHERE d.kind = 'entry'").pluck().all() as string[];
    expect(metas.filter((meta) => meta === 'kentry rself')).toHaveLength(16);
    expect(metas.filter((meta) => meta === 'kentry rself \u{FF31E}')).toHaveLength(4);
    const swimMeta = sqlite.prepare("SELECT t.meta FROM search_text t JOIN search_doc d ON d.doc_id = t.rowid WHERE d.record_id = ?").pluck().get(swim);
    expect(swimMeta).toBe('kentry rself \u{FF30A} \u{FF976} \u{F0000}\u{FF30A}');
  });

  it('makes any string with emoji in it a well-formed search (property)', async () => {
    const test = await openTestCore();
    await entry(test, 'Words', 'Some words 🌊 to find ✨.');
    const units = fc.constantFrom('a', ' ', '"', '*', '(', ')', '-', ':', '🌊', '✨', '\u200d', '\ufe0f', '🏽', '🇫', '\ue600', '\u{FF30A}', '\ufff9', '\ufffb');
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40, unit: units }), async (text) => {
        const answer = await test.send('search.query', { text });
        expect(answer.ok).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('emoji join an archive’s search index', () => {
  it('indexes what an archive from before it holds, and moves check-in rounds to their meeting’s corrected day', async () => {
    const temp = makeTempDir('ladder-emoji-');
    try {
      const file = path.join(temp.dir, 'ladder.sqlite3');
      copyFileSync(fixturePath('0014'), file);
      // Written by an older Ladder: an entry with an emoji, and a meeting whose day was corrected.
      const old = new SqliteDatabase(file);
      const stamp = '2026-11-26T09:00:00.000Z';
      const id = newId();
      old.prepare('INSERT INTO entry (id, title, body, entry_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, 'Sea', 'Swam 🌊 at dawn', '2026-11-01', stamp, stamp);
      const round = old
        .prepare("SELECT t.meeting_id AS meeting FROM meeting_checkin_note t JOIN search_doc d ON d.record_id = t.id AND d.kind = 'meeting_checkin_note' LIMIT 1")
        .get() as { meeting: string } | undefined;
      expect(round).toBeDefined();
      old.prepare("UPDATE meeting SET held_on = '2026-03-03' WHERE id = ?").run(round?.meeting);
      old.close();

      const test = await openTestCore(temp.dir);
      expect(idsOf(await find(test, '🌊'))).toEqual([id]);
      const days = test.core.archive.sqlite
        .prepare("SELECT DISTINCT d.day FROM search_doc d JOIN meeting_checkin_note t ON t.id = d.record_id WHERE d.kind = 'meeting_checkin_note' AND t.meeting_id = ?")
        .pluck()
        .all(round?.meeting);
      expect(days).toEqual(['2026-03-03']);
      await test.core.close();
    } finally {
      temp.remove();
    }
  });

  it('finds the emoji of an import, written by the import worker’s own connection', async () => {
    const source = await openTestCore();
    const id = await entry(source, 'Sea', 'Swam 🌊 at dawn');
    const temp = makeTempDir('ladder-emoji-import-');
    try {
      const exported = await finish(source, (await source.call('transfer.exportStart', { folder: temp.dir })).jobId);
      if (exported.result?.kind !== 'export') throw new Error('export failed');
      const target = await openTestCore();
      await finish(target, (await target.call('transfer.importStart', { format: 'ladder-json', path: exported.result.export.jsonFile, dryRun: false })).jobId);
      expect(idsOf(await find(target, '🌊'))).toEqual([id]);
    } finally {
      temp.remove();
    }
  });

  it('keeps every trigger that writes the words writing the symbols too', async () => {
    const test = await openTestCore();
    const triggers = test.core.archive.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[];
    const writers = triggers.filter((t) => /INSERT INTO search_text|UPDATE search_text SET title/.test(t.sql));
    expect(writers.length).toBeGreaterThan(40);
    for (const trigger of writers) expect(trigger.sql, trigger.name).toContain('UPDATE search_text SET meta');
  });

  it('lets a kind that joins search later have its emoji found, with indexSymbols', async () => {
    const test = await openTestCore();
    const sqlite = test.core.archive.sqlite;
    for (const event of ['insert', 'update', 'delete']) sqlite.exec(`DROP TRIGGER search_meeting_${event}`);
    const { crew } = await crewOfFour(test);
    const stamp = '2026-11-26T09:00:00.000Z';
    const early = newId();
    sqlite
      .prepare("INSERT INTO meeting (id, crew_id, number, cycle, held_on, notes, created_at, updated_at) VALUES (?, ?, 1, 1, '2026-10-06', 'A clinic 🔥 about moving.', ?, ?)")
      .run(early, crew.id, stamp, stamp);
    await indexKind(test.core.archive.db, {
      kind: 'meeting',
      table: 'meeting',
      rung: `'crews'`,
      day: 'new.held_on',
      title: `coalesce((SELECT name FROM crew WHERE id = new.crew_id), '')`,
      body: 'new.place || char(10) || new.notes',
      watch: ['crew_id', 'held_on', 'place', 'notes', 'deleted_at'],
    });
    expect(idsOf(await find(test, 'clinic'), 'meeting')).toEqual([early]);
    expect(idsOf(await find(test, '🔥'), 'meeting')).toEqual([]);
    await indexSymbols(test.core.archive.db, 'meeting');
    const later = newId();
    sqlite
      .prepare("INSERT INTO meeting (id, crew_id, number, cycle, held_on, notes, created_at, updated_at) VALUES (?, ?, 2, 1, '2026-10-13', 'Second 🔥 clinic.', ?, ?)")
      .run(later, crew.id, stamp, stamp);
    expect(idsOf(await find(test, '🔥'), 'meeting').sort()).toEqual([early, later].sort());
    expect(plain((await find(test, '🔥')).groups[0]?.hits[0]?.snippet ?? []).trim()).toBe('Second 🔥 clinic.');
  });
});

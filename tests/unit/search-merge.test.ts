import { describe, expect, it } from 'vitest';
import { up as writeOneSegment } from '../../electron/core/db/migrations/0018-search-one-segment';
import { createSearchUpkeep, mergeAll, segmentCount } from '../../electron/core/services/search/search-upkeep';
import type { SearchResults } from '../../shared/domain/search';
import { openTestCore } from '../support/core';

/**
 * Saves merge a bounded share of the search index as they go, and the idle upkeep carries on in
 * slices. Whatever the merging, every word saved must still be found, and the index stays compact.
 */

const entryIds = (results: SearchResults) => results.groups.filter((group) => group.kind === 'entry').flatMap((group) => group.hits.map((hit) => hit.id));

// Words the generator of ordinary text never uses, one per save, so each search has one answer.
const word = (i: number) => `quillon${i.toString(36)}x`;

describe('search index merging', () => {
  it('finds every word after many saves and edits with idle merges between them, and the index stays small', async () => {
    const test = await openTestCore();
    const sqlite = test.core.archive.sqlite;
    const upkeep = createSearchUpkeep(() => sqlite, { sinceLastRequest: () => Number.POSITIVE_INFINITY });
    const ids: string[] = [];
    let mostSegments = 0;
    for (let i = 0; i < 400; i += 1) {
      const entry = await test.call('journal.create', { title: `Evening ${i}`, body: `We talked for a while. ${word(i)}`, entryDate: '2026-10-01' });
      ids.push(entry.id);
      // Autosave: the same entry saved again with more words, as typing goes on.
      if (i % 3 === 0) await test.call('journal.update', { id: entry.id, body: `We talked for a while. ${word(i)} and then walked home.` });
      if (i % 10 === 9) await upkeep.turn();
      mostSegments = Math.max(mostSegments, segmentCount(sqlite));
    }
    // Without merging, 533 saves would leave hundreds of segments.
    expect(mostSegments).toBeLessThanOrEqual(40);
    await mergeAll(sqlite);
    expect(segmentCount(sqlite)).toBeLessThanOrEqual(8);

    for (let i = 0; i < 400; i += 1) {
      // The trailing space: the whole word, not a prefix (quillon1x would find quillon1xx too).
      expect(entryIds(await test.call('search.query', { text: `${word(i)} `, kind: 'entry' })), word(i)).toEqual([ids[i]]);
    }
    // The edits' added words, a phrase, and a prefix are found too.
    const walked = await test.call('search.query', { text: '"walked home"', kind: 'entry', limit: 50 });
    expect(walked.groups[0]?.total).toBe(134);
    expect((await test.call('search.query', { text: 'quillon', kind: 'entry' })).groups[0]?.total).toBe(400);
    // FTS5's own consistency check between the index and its content.
    expect(() => sqlite.prepare("INSERT INTO search_text(search_text) VALUES ('integrity-check')").run()).not.toThrow();
  }, 60_000);

  it('waits for a pause in requests before merging', async () => {
    const test = await openTestCore();
    const sqlite = test.core.archive.sqlite;
    // Merging during writes off, so there is something to merge whatever the saves left.
    sqlite.prepare("INSERT INTO search_text(search_text, rank) VALUES ('automerge', 0)").run();
    for (let i = 0; i < 10; i += 1) await test.call('journal.create', { title: '', body: word(i), entryDate: '2026-11-01' });
    const before = segmentCount(sqlite);
    const busy = createSearchUpkeep(() => sqlite, { sinceLastRequest: () => 10, idleMillis: 1_000 });
    await busy.turn();
    expect(segmentCount(sqlite)).toBe(before);
    const idle = createSearchUpkeep(() => sqlite, { sinceLastRequest: () => 5_000, idleMillis: 1_000 });
    await idle.turn();
    expect(segmentCount(sqlite)).toBeLessThan(before);
  });

  it('is written as one segment by the update that follows 0015, and still finds every word', async () => {
    const test = await openTestCore();
    const sqlite = test.core.archive.sqlite;
    // Merging during writes off, so the saves leave a segment each, as 0015's rebuild left several.
    sqlite.prepare("INSERT INTO search_text (search_text, rank) VALUES ('automerge', 0)").run();
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) ids.push((await test.call('journal.create', { title: word(i), entryDate: '2026-01-02' })).id);
    expect(segmentCount(sqlite)).toBeGreaterThan(1);
    // What the update does to an archive from before it.
    await writeOneSegment(test.core.archive.db);
    expect(segmentCount(sqlite)).toBe(1);
    for (let i = 0; i < 12; i += 1) expect(entryIds(await test.call('search.query', { text: word(i) }))).toEqual([ids[i]]);
  });
});

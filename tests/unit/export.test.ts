import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId } from '../../electron/core/ids';
import { openTestCore, type TestCore } from '../support/core';
import { makeTempDir } from '../support/temp-dir';
import { archiveRows, exportTo, finish, listFiles, searchIndexSize, withExport } from '../support/transfer';

const stamp = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString();

/** A random archive: entries (some deleted), parts, tags on entries, people, dyads and check-ins. */
const archiveShape = fc.record({
  entries: fc.array(
    fc.record({
      title: fc.string({ maxLength: 30 }),
      body: fc.string({ maxLength: 200, unit: 'grapheme' }),
      day: fc.integer({ min: 0, max: 700 }),
      deleted: fc.boolean(),
      rung: fc.constantFrom(null, 'self', 'dyads', 'crews'),
      tags: fc.subarray([0, 1, 2]),
      parts: fc.subarray([0, 1]),
    }),
    { maxLength: 12 },
  ),
  parts: fc.array(fc.record({ name: fc.string({ minLength: 1, maxLength: 20 }), trust: fc.option(fc.integer({ min: 0, max: 10 })), x: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true })) }), {
    minLength: 2,
    maxLength: 2,
  }),
  people: fc.array(fc.record({ name: fc.string({ minLength: 1, maxLength: 20 }), notes: fc.string({ maxLength: 60 }), checkins: fc.array(fc.string({ maxLength: 80 }), { maxLength: 3 }) }), {
    maxLength: 3,
  }),
});

type Shape = typeof archiveShape extends fc.Arbitrary<infer T> ? T : never;

function seed(test: TestCore, shape: Shape) {
  const sqlite = test.core.archive.sqlite;
  let clock = 0;
  const at = () => stamp(clock++);
  const tagIds = ['winter', 'work', 'family'].map((name) => {
    const id = newId();
    sqlite.prepare('INSERT INTO tag (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(id, name, at(), at());
    return id;
  });
  const partIds = shape.parts.map((part, i) => {
    const id = newId();
    sqlite
      .prepare("INSERT INTO part (id, name, colour, trust, map_x, created_at, updated_at) VALUES (?, ?, '#aabbcc', ?, ?, ?, ?)")
      .run(id, `${part.name} ${i}`, part.trust, part.x, at(), at());
    return id;
  });
  for (const entry of shape.entries) {
    const id = newId();
    const day = new Date(Date.UTC(2025, 0, 1) + entry.day * 86_400_000).toISOString().slice(0, 10);
    sqlite
      .prepare('INSERT INTO entry (id, title, body, entry_date, rung, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, entry.title, entry.body, day, entry.rung, at(), at(), entry.deleted ? at() : null);
    entry.tags.forEach((t, position) =>
      sqlite.prepare('INSERT INTO entry_tag (entry_id, tag_id, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, tagIds[t], position, at(), at()),
    );
    entry.parts.forEach((p, position) =>
      sqlite.prepare('INSERT INTO entry_part (entry_id, part_id, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, partIds[p], position, at(), at()),
    );
  }
  for (const [i, person] of shape.people.entries()) {
    const personId = newId();
    const dyadId = newId();
    sqlite.prepare('INSERT INTO person (id, name, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(personId, `${person.name} ${i}`, person.notes, at(), at());
    sqlite.prepare("INSERT INTO dyad (id, person_id, kind, created_at, updated_at) VALUES (?, ?, 'friend', ?, ?)").run(dyadId, personId, at(), at());
    for (const shared of person.checkins) {
      const checkinId = newId();
      sqlite
        .prepare("INSERT INTO checkin (id, dyad_id, checkin_date, i_shared, created_at, updated_at) VALUES (?, ?, '2026-02-03', ?, ?, ?)")
        .run(checkinId, dyadId, shared, at(), at());
      sqlite.prepare('INSERT INTO checkin_part (checkin_id, part_id, created_at, updated_at) VALUES (?, ?, ?, ?)').run(checkinId, partIds[0], at(), at());
    }
  }
}

describe('export', () => {
  it('writes a folder per rung with Markdown and front matter, and one JSON file with every row', async () => {
    const test = await openTestCore();
    const kept = await test.call('journal.create', { title: 'Morning: "pages" / notes', body: 'Wrote about the *critic*.', entryDate: '2026-11-20' });
    const gone = await test.call('journal.create', { title: 'Deleted', body: 'Gone.', entryDate: '2026-11-21' });
    await test.call('journal.delete', { id: gone.id });
    const temp = makeTempDir();
    try {
      const result = await exportTo(test, temp.dir);
      expect(path.dirname(result.folder)).toBe(temp.dir);
      const files = listFiles(result.folder);
      expect(files).toEqual(['ladder-archive.json', 'self/journal/2026-11-20 Morning- -pages- - notes.md']);
      const markdown = readFileSync(path.join(result.folder, files[1] ?? ''), 'utf8');
      expect(markdown).toMatch(/^---\nid: "[0-9a-f-]+"\ntype: "entry"\ntitle: "Morning: \\"pages\\" \/ notes"\ndate: "2026-11-20"\n/);
      expect(markdown).toContain('# Morning: "pages" / notes\n\nWrote about the *critic*.\n');

      const json = JSON.parse(readFileSync(result.jsonFile, 'utf8')) as { format: string; formatVersion: number; tables: Record<string, { id: string; deleted_at: string | null }[]> };
      expect(json.format).toBe('ladder-archive');
      expect(json.formatVersion).toBe(1);
      // Deleted rows are in the JSON too (it is lossless); the search index is not.
      expect(json.tables.entry?.map((r) => r.id).sort()).toEqual([kept.id, gone.id].sort());
      expect(Object.keys(json.tables).some((t) => t.startsWith('search_') || t.startsWith('kysely_'))).toBe(false);
      expect(Object.keys(json.tables)).toContain('prompt');
      expect(result.rows.entry).toBe(2);
    } finally {
      temp.remove();
    }
  });

  it('gives entries whose names differ only in case a file each (one file on macOS and Windows)', async () => {
    const test = await openTestCore();
    await test.call('journal.create', { title: 'Morning pages', body: 'First.', entryDate: '2026-11-20' });
    const second = await test.call('journal.create', { title: 'MORNING PAGES', body: 'Second.', entryDate: '2026-11-20' });
    await test.call('journal.create', { title: 'Morning pages', body: 'Another day.', entryDate: '2026-11-21' });
    await withExport(test, ({ files, read }) => {
      const notes = files.filter((file) => file.endsWith('.md'));
      expect(notes).toEqual([
        `self/journal/2026-11-20 MORNING PAGES ${second.id.slice(-8)}.md`,
        'self/journal/2026-11-20 Morning pages.md',
        'self/journal/2026-11-21 Morning pages.md',
      ]);
      expect(read(notes[0] ?? '')).toContain('Second.');
    });
  });

  it('writes check-ins and crew meetings as Markdown too, each in its rung', async () => {
    const test = await openTestCore();
    const sqlite = test.core.archive.sqlite;
    const at = '2026-11-26T09:00:00.000Z';
    const [sam, crew, meeting, dyad] = [newId(), newId(), newId(), newId()];
    sqlite.prepare('INSERT INTO person (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(sam, 'Sam', at, at);
    sqlite.prepare("INSERT INTO dyad (id, person_id, kind, created_at, updated_at) VALUES (?, ?, 'friend', ?, ?)").run(dyad, sam, at, at);
    sqlite
      .prepare("INSERT INTO checkin (id, dyad_id, checkin_date, i_shared, i_heard, created_at, updated_at) VALUES (?, ?, '2026-11-02', 'My week.', 'Their garden.', ?, ?)")
      .run(newId(), dyad, at, at);
    sqlite.prepare("INSERT INTO crew (id, name, started_on, created_at, updated_at) VALUES (?, 'Tuesday crew', '2026-10-01', ?, ?)").run(crew, at, at);
    sqlite
      .prepare("INSERT INTO meeting (id, crew_id, number, cycle, held_on, host_id, notes, created_at, updated_at) VALUES (?, ?, 1, 1, '2026-11-03', ?, 'Case clinic for Sam.', ?, ?)")
      .run(meeting, crew, sam, at, at);
    sqlite
      .prepare("INSERT INTO meeting_checkin_note (id, meeting_id, person_id, note, created_at, updated_at) VALUES (?, ?, ?, 'Tired but glad.', ?, ?)")
      .run(newId(), meeting, sam, at, at);
    const actionItem = sqlite.prepare(
      "INSERT INTO action_item (id, crew_id, meeting_id, text, owner_id, due_on, status, resolved_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    actionItem.run(newId(), crew, meeting, 'Send the article', sam, '2026-11-10', 'done', '2026-11-08', at, at);
    actionItem.run(newId(), crew, meeting, 'Book the room', sam, null, 'open', null, at, at);
    const temp = makeTempDir();
    try {
      const result = await exportTo(test, temp.dir);
      const files = listFiles(result.folder);
      expect(files).toContain('dyads/check-ins/2026-11-02 Sam.md');
      expect(files).toContain('crews/Tuesday crew/meetings/2026-11-03 Meeting 1.md');
      const checkin = readFileSync(path.join(result.folder, 'dyads/check-ins/2026-11-02 Sam.md'), 'utf8');
      expect(checkin).toContain('type: "checkin"');
      expect(checkin).toContain('## I heard\n\nTheir garden.');
      const minutes = readFileSync(path.join(result.folder, 'crews/Tuesday crew/meetings/2026-11-03 Meeting 1.md'), 'utf8');
      expect(minutes).toContain('host: "Sam"');
      expect(minutes).toContain('attended: ["Sam"]');
      expect(minutes).toContain('## Check-in round\n\n- Sam: Tired but glad.');
      expect(minutes).toContain('## Notes\n\nCase clinic for Sam.');
      // How each action item ended, so the minutes read true later.
      expect(minutes).toContain('## Action items\n\n- Send the article (Sam, by 2026-11-10) — done on 2026-11-08\n- Book the room (Sam)\n');
    } finally {
      temp.remove();
    }
  });

  it('writes parts, retrospectives, gatherings, lessons and adapted practices as Markdown too', async () => {
    const test = await openTestCore();
    await test.call('parts.create', { name: 'Inner critic', role: 'manager', job: 'Keeps me from being embarrassed.', notes: 'Softer lately.' });
    const me = await test.call('people.create', { name: 'Me', isMe: true });
    const ana = await test.call('people.create', { name: 'Ana' });
    const crew = await test.call('crews.create', { name: 'Tuesday crew', startedOn: '2026-10-01', memberIds: [me.id, ana.id] });
    await test.call('crews.setStage', { id: crew.id, stage: 'forming', on: '2026-10-02' });
    await test.call('meetings.create', { crewId: crew.id, heldOn: '2026-10-03', hostId: me.id });
    await test.call('crews.retrospective', { crewId: crew.id, heldOn: '2026-11-01', worked: 'Honest listening', change: 'Shorter check-ins', decision: 'new_cycle' });
    const porto = await test.call('congregations.create', { name: 'Porto Circle', since: '2026-01-01' });
    await test.call('gatherings.create', { congregationId: porto.id, name: 'Autumn gathering', heldOn: '2026-10-20', harvest: 'Three new faces.', temporaryCrewIds: [ana.id] });
    await test.call('lessons.share', { congregationId: porto.id, text: 'Rotate the host every time.', crewId: crew.id, sharedOn: '2026-11-02' });
    const network = await test.call('networks.create', { name: 'Hosts circle' });
    await test.call('practices.add', { networkId: network.id, name: 'Open space', learnedFrom: 'Lisbon', howAdapted: 'Half a day, not two.' });
    await withExport(test, ({ files, read }) => {
      expect(files).toEqual(
        expect.arrayContaining([
          'self/parts/Inner critic.md',
          'crews/Tuesday crew/retrospectives/2026-11-01 Retrospective of cycle 1.md',
          'congregations/Porto Circle/gatherings/2026-10-20 Autumn gathering.md',
          'congregations/Porto Circle/lessons/2026-11-02 Lesson from Tuesday crew.md',
          'network/Hosts circle/practices/Open space.md',
        ]),
      );
      expect(read('self/parts/Inner critic.md')).toContain('## Its job\n\nKeeps me from being embarrassed.');
      expect(read('crews/Tuesday crew/retrospectives/2026-11-01 Retrospective of cycle 1.md')).toContain('## What we change\n\nShorter check-ins');
      const gathering = read('congregations/Porto Circle/gatherings/2026-10-20 Autumn gathering.md');
      expect(gathering).toContain('temporary_crew: ["Ana"]');
      expect(gathering).toContain('## Harvest\n\nThree new faces.');
      expect(read('congregations/Porto Circle/lessons/2026-11-02 Lesson from Tuesday crew.md')).toContain('Rotate the host every time.');
      expect(read('network/Hosts circle/practices/Open space.md')).toContain('learned_from: "Lisbon"');
    });
  });

  it('refuses a relative folder and removes nothing it did not make', async () => {
    const test = await openTestCore();
    expect(await test.send('transfer.exportStart', { folder: 'relative/place' })).toMatchObject({ ok: false, error: { code: 'validation', field: 'folder' } });
  });

  it('removes its unfinished folder when cancelled', async () => {
    const test = await openTestCore();
    for (let i = 0; i < 300; i += 1) await test.call('journal.create', { title: `Entry ${i}`, body: 'x'.repeat(2000), entryDate: '2026-11-20' });
    const temp = makeTempDir();
    try {
      const { jobId } = await test.call('transfer.exportStart', { folder: temp.dir });
      await test.call('jobs.cancel', { id: jobId });
      const status = await finish(test, jobId);
      expect(status.state).toBe('cancelled');
      expect(readdirSync(temp.dir)).toEqual([]);
    } finally {
      temp.remove();
    }
  });

  it('is one moment: writing goes on while it runs, and what is written meanwhile is not in it', async () => {
    const test = await openTestCore();
    const first = await test.call('journal.create', { title: 'Before the export', body: 'As it was.', entryDate: '2026-11-01' });
    for (let i = 0; i < 300; i += 1) await test.call('journal.create', { title: `Entry ${i}`, body: 'x'.repeat(2000), entryDate: '2026-11-20' });
    const temp = makeTempDir();
    try {
      const { jobId } = await test.call('transfer.exportStart', { folder: temp.dir });
      // Let it begin reading, then write while it is still going.
      await new Promise((resolve) => setTimeout(resolve, 20));
      await test.call('journal.update', { id: first.id, title: 'Changed meanwhile', body: 'Edited during the export.' });
      const added = await test.call('journal.create', { title: 'Written meanwhile', body: 'New.', entryDate: '2026-11-27' });
      expect((await test.call('jobs.status', { id: jobId })).state).toBe('running');
      const status = await finish(test, jobId);
      if (status.result?.kind !== 'export') throw new Error(`export ${status.state}`);
      const json = JSON.parse(readFileSync(status.result.export.jsonFile, 'utf8')) as { tables: { entry: { id: string; title: string }[] } };
      expect(json.tables.entry).toHaveLength(301);
      expect(json.tables.entry.find((row) => row.id === first.id)?.title).toBe('Before the export');
      expect(json.tables.entry.some((row) => row.id === added.id)).toBe(false);
      // …and the archive itself has both writes.
      expect((await test.call('journal.get', { id: first.id })).title).toBe('Changed meanwhile');
      expect((await test.call('journal.get', { id: added.id })).title).toBe('Written meanwhile');
    } finally {
      temp.remove();
    }
  });

  it('then import into an empty archive reproduces every record (property)', async () => {
    await fc.assert(
      fc.asyncProperty(archiveShape, async (shape) => {
        const from = await openTestCore();
        seed(from, shape);
        const temp = makeTempDir();
        try {
          const result = await exportTo(from, temp.dir);
          const to = await openTestCore();
          const dry = await finish(to, (await to.call('transfer.importStart', { format: 'ladder-json', path: result.jsonFile, dryRun: true })).jobId);
          expect(dry.state).toBe('done');
          const { jobId } = await to.call('transfer.importStart', { format: 'ladder-json', path: result.jsonFile, dryRun: false });
          const done = await finish(to, jobId);
          expect(done.state, JSON.stringify(done.error)).toBe('done');
          expect(done.result).toEqual({ ...dry.result, import: { ...(dry.result?.kind === 'import' ? dry.result.import : {}), dryRun: false } });
          expect(archiveRows(to.core.archive.sqlite)).toEqual(archiveRows(from.core.archive.sqlite));
          // The search index is rebuilt by the triggers as the rows arrive.
          expect(searchIndexSize(to.core.archive.sqlite)).toBe(searchIndexSize(from.core.archive.sqlite));
          await from.core.close();
          await to.core.close();
        } finally {
          temp.remove();
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});

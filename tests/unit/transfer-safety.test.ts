import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../electron/core/ids';
import { dataTables } from '../../electron/core/services/transfer/archive-tables';
import { columnWords, recordNouns, refusalWords } from '../../electron/core/services/transfer/row-names';
import type { ImportFormat } from '../../shared/domain/transfer';
import { openTestCore, type TestCore } from '../support/core';
import { makeTempDir } from '../support/temp-dir';
import { archiveRows, exportTo, finish, listFiles, withExport } from '../support/transfer';

/*
 * What a tester found in export and import: deleted records written as Markdown (and counted as
 * new by the next import), a folder with no notes offered as "0 records already here", and
 * messages that quoted JSON paths ("tables.entry[0].entry_date is missing").
 */

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((remove) => remove()));

function tempDir() {
  const temp = makeTempDir('ladder-transfer-safety-');
  temps.push(temp.remove);
  return temp.dir;
}

const at = '2026-11-01T09:00:00.000Z';
const gone = '2026-11-02T09:00:00.000Z';

async function importRun(test: TestCore, format: ImportFormat, file: string, dryRun: boolean) {
  const started = await test.send('transfer.importStart', { format, path: file, dryRun });
  if (!started.ok) return { state: 'refused' as const, error: started.error, summary: null };
  const status = await finish(test, started.data.jobId);
  return { state: status.state, error: status.error, summary: status.result?.kind === 'import' ? status.result.import : null };
}

/** Three live parts and two deleted ones, as the tester had them; the deleted ones named where they were used. */
async function partsWithTwoDeleted(test: TestCore) {
  const [critic, little, planner, oldFear, worrier] = await Promise.all(
    ['Inner critic', 'Little me', 'Planner', 'Old fear', 'Worrier'].map((name) => test.call('parts.create', { name })),
  );
  await test.call('parts.relate', { partId: critic!.id, otherPartId: little!.id, kind: 'protects' });
  await test.call('parts.relate', { partId: critic!.id, otherPartId: oldFear!.id, kind: 'protects' });
  await test.call('journal.create', { title: 'Busy morning', entryDate: '2026-11-20', partIds: [critic!.id, oldFear!.id], tags: ['work', 'old'] });
  await test.call('parts.delete', { id: oldFear!.id });
  await test.call('parts.delete', { id: worrier!.id });
  return { critic: critic!, little: little!, planner: planner! };
}

describe('the Markdown export leaves deleted records out', () => {
  it('writes no file for a deleted part, never names it in a live part or entry, and counts only what it wrote', async () => {
    const test = await openTestCore();
    await partsWithTwoDeleted(test);
    // A tag deleted since it was put on the entry.
    test.core.archive.sqlite.prepare("UPDATE tag SET deleted_at = ? WHERE name = 'old'").run(gone);
    const folder = tempDir();
    const result = await exportTo(test, folder);
    const files = listFiles(result.folder).filter((file) => file.endsWith('.md'));
    expect(files).toEqual(['self/journal/2026-11-20 Busy morning.md', 'self/parts/Inner critic.md', 'self/parts/Little me.md', 'self/parts/Planner.md']);
    expect(result.markdownFiles).toBe(4);
    await withExport(test, ({ read }) => {
      const critic = read('self/parts/Inner critic.md');
      expect(critic).toContain('## Relations\n\n- Protects Little me');
      expect(critic).not.toContain('Old fear');
      const entry = read('self/journal/2026-11-20 Busy morning.md');
      expect(entry).toContain('\nparts: ["Inner critic"]\n');
      expect(entry).not.toContain('Old fear');
      expect(entry).toContain('\ntags: ["work"]\n');
      expect(entry).not.toContain('"old"');
    });
    // The JSON is the archive's full copy: the deleted parts are in it, marked deleted.
    expect(result.rows.part).toBe(5);
  });

  it('leaves out what belongs to something deleted: a deleted person’s dyad and check-ins, a deleted network’s practices, a deleted congregation’s gatherings and lessons', async () => {
    const test = await openTestCore();
    const sqlite = test.core.archive.sqlite;
    const [sam, pat, samDyad, patDyad, network, congregation, crew] = Array.from({ length: 7 }, () => newId());
    const insert = (sql: string, ...values: unknown[]) => sqlite.prepare(sql).run(...values);
    insert('INSERT INTO person (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)', sam, 'Sam', at, at);
    insert('INSERT INTO person (id, name, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?)', pat, 'Pat', at, at, gone);
    for (const [dyad, person] of [
      [samDyad, sam],
      [patDyad, pat],
    ]) {
      insert("INSERT INTO dyad (id, person_id, kind, created_at, updated_at) VALUES (?, ?, 'friend', ?, ?)", dyad, person, at, at);
      insert("INSERT INTO checkin (id, dyad_id, checkin_date, i_shared, created_at, updated_at) VALUES (?, ?, '2026-11-03', 'A week.', ?, ?)", newId(), dyad, at, at);
    }
    insert("INSERT INTO network (id, name, notes, created_at, updated_at, deleted_at) VALUES (?, 'Old network', '', ?, ?, ?)", network, at, at, gone);
    insert("INSERT INTO adapted_practice (id, network_id, name, created_at, updated_at) VALUES (?, ?, 'Pair walks', ?, ?)", newId(), network, at, at);
    insert("INSERT INTO congregation (id, name, created_at, updated_at, deleted_at) VALUES (?, 'Old congregation', ?, ?, ?)", congregation, at, at, gone);
    insert("INSERT INTO gathering (id, congregation_id, name, held_on, created_at, updated_at) VALUES (?, ?, 'Spring', '2026-04-01', ?, ?)", newId(), congregation, at, at);
    insert("INSERT INTO shared_lesson (id, congregation_id, text, shared_on, created_at, updated_at) VALUES (?, ?, 'Listen first', '2026-04-02', ?, ?)", newId(), congregation, at, at);
    insert(
      "INSERT INTO crew (id, name, intention, format, stage, started_on, created_at, updated_at) VALUES (?, 'Tuesday crew', '', 'case_clinic', 'forming', '2026-01-01', ?, ?)",
      crew,
      at,
      at,
    );
    for (const [position, person] of [sam, pat].entries()) {
      insert('INSERT INTO crew_member (id, crew_id, person_id, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', newId(), crew, person, position, at, at);
    }

    await withExport(test, ({ files, read }) => {
      expect(files.filter((file) => file.endsWith('.md'))).toEqual([
        'crews/Tuesday crew/Tuesday crew.md',
        'dyads/Sam (friend).md',
        'dyads/check-ins/2026-11-03 Sam.md',
        'people/Sam.md',
      ]);
      expect(read('crews/Tuesday crew/Tuesday crew.md')).toContain('\nmembers: ["Sam"]\n');
      expect(read('crews/Tuesday crew/Tuesday crew.md')).not.toContain('Pat');
    });
  });
});

describe('deleted records in the JSON export and its import', () => {
  it('travel in the JSON, so the archive round-trips exactly, but the preview does not count them as new', async () => {
    const source = await openTestCore();
    await partsWithTwoDeleted(source);
    const exported = await exportTo(source, tempDir());

    const target = await openTestCore();
    const dry = await importRun(target, 'ladder-json', exported.jsonFile, true);
    expect(dry.state).toBe('done');
    // Three parts are new; the two deleted ones come along, said apart.
    expect(dry.summary?.tables.part).toEqual({ new: 3, updated: 0, kept: 0, newDeleted: 2 });
    expect(dry.summary?.tables.part_relation).toEqual({ new: 1, updated: 0, kept: 0, newDeleted: 1 });
    expect(dry.summary?.tables.entry).toEqual({ new: 1, updated: 0, kept: 0 });

    const done = await importRun(target, 'ladder-json', exported.jsonFile, false);
    expect(done.summary?.tables.part).toEqual(dry.summary?.tables.part);
    expect(archiveRows(target.core.archive.sqlite)).toEqual(archiveRows(source.core.archive.sqlite));
    expect((await target.call('parts.list', {})).map((part) => part.name)).toEqual(['Inner critic', 'Little me', 'Planner']);

    // Imported again, everything is already here, deleted or not.
    const again = await importRun(target, 'ladder-json', exported.jsonFile, true);
    expect(again.summary?.tables.part).toEqual({ new: 0, updated: 0, kept: 5 });
  });
});

describe('a Markdown import with nothing to import', () => {
  it('says no Markdown files were found in that folder, instead of offering to import nothing', async () => {
    const test = await openTestCore();
    const empty = tempDir();
    const withOthers = tempDir();
    writeFileSync(path.join(withOthers, 'photo.jpg'), 'not a note');
    mkdirSync(path.join(withOthers, '.obsidian'));
    writeFileSync(path.join(withOthers, '.obsidian', 'hidden.md'), '# Settings, not a note');
    for (const folder of [empty, withOthers]) {
      for (const dryRun of [true, false]) {
        const run = await importRun(test, 'markdown-folder', folder, dryRun);
        expect(run.state).toBe('failed');
        expect(run.summary).toBeNull();
        expect(run.error).toEqual({
          code: 'validation',
          field: 'path',
          message: `There are no Markdown files (.md, .markdown or .txt) in ${folder} or the folders inside it, so there is nothing to import. Choose the folder that holds your notes.`,
        });
      }
    }
    expect((await test.call('journal.list', {})).entries).toEqual([]);
  });

  it('says a Day One export with no entries has nothing to import', async () => {
    const test = await openTestCore();
    const file = path.join(tempDir(), 'Journal.json');
    writeFileSync(file, JSON.stringify({ metadata: { version: '1.0' }, entries: [] }));
    const run = await importRun(test, 'day-one-json', file, true);
    expect(run.error?.message).toBe('Journal.json holds no Day One entries, so there is nothing to import.');
  });
});

describe('import messages name the record and the field in words', () => {
  const header = { format: 'ladder-archive', formatVersion: 1 };
  const entry = (n: number, extra: Record<string, unknown> = {}) => ({
    id: `01900000-0000-7000-8000-00000000000${n}`,
    title: `Entry ${n}`,
    body: '',
    entry_date: '2026-01-01',
    created_at: at,
    updated_at: at,
    ...extra,
  });

  async function messageFor(test: TestCore, tables: Record<string, unknown>, format: ImportFormat = 'ladder-json') {
    const file = path.join(tempDir(), 'ladder-archive.json');
    writeFileSync(file, JSON.stringify(format === 'ladder-json' ? { ...header, tables } : tables));
    const before = archiveRows(test.core.archive.sqlite);
    const run = await importRun(test, format, file, false);
    expect(run.state).toBe('failed');
    expect(run.error?.field).toBe('path');
    // Nothing was written, whatever the problem.
    expect(archiveRows(test.core.archive.sqlite)).toEqual(before);
    return run.error?.message;
  }

  it('says which record lacks which field, counting from 1, with the column in brackets', async () => {
    const test = await openTestCore();
    await test.call('parts.create', { name: 'Inner critic' });
    const { entry_date: _date, ...undated } = entry(1);
    expect(await messageFor(test, { entry: [undated] })).toBe('Entry 1 in this file has no date (entry_date). Nothing was imported.');
    expect(await messageFor(test, { entry: [entry(1), entry(2, { title: null, id: null })] })).toBe('Entry 2 in this file has no id. Nothing was imported.');
    expect(await messageFor(test, { entry: [entry(1, { entry_date: ['2026-01-01'] })] })).toBe(
      'Entry 1 in this file has a date (entry_date) that is not text or a number, so Ladder cannot read it. Nothing was imported.',
    );
    expect(await messageFor(test, { tag: [{ id: newId(), name: 'walks', colour: 'red', created_at: at, updated_at: at }] })).toBe(
      'Tag 1 in this file has a field Ladder does not know ("colour"). The file may come from a newer Ladder; update Ladder to import it. Nothing was imported.',
    );
    expect(await messageFor(test, { spaceship: [] })).toBe(
      'This file holds a kind of record Ladder does not know ("spaceship"). It may come from a newer Ladder; update Ladder to import it. Nothing was imported.',
    );
    expect(await messageFor(test, { entry: [entry(1), 'just words'] })).toBe('Entry 2 in this file is not a record: each record should be written between { and }.');
    expect(await messageFor(test, { entry_part: [{ entry_id: entry(1).id, part_id: newId(), position: 0, created_at: at, updated_at: at }], entry: [entry(1)] })).toBe(
      'Entry part link 1 in this file points to a part (part_id) that is neither in this file nor in your archive. Nothing was imported.',
    );
    // Rules of the archive, said in words rather than as SQLite's constraint names.
    expect(await messageFor(test, { part: [{ id: newId(), name: 'inner critic', colour: '#aabbcc', created_at: at, updated_at: at }] })).toBe(
      'Part 1 in this file could not be imported: it has the same name as another part, in your archive or earlier in this file. Nothing was imported.',
    );
    expect(await messageFor(test, { entry: [entry(1, { rung: 'the moon' })] })).toBe(
      'Entry 1 in this file could not be imported: its rung is not a value Ladder allows. Nothing was imported.',
    );
  });

  it('says the same of a Day One export: which entry, and which field', async () => {
    const test = await openTestCore();
    const file = path.join(tempDir(), 'Journal.json');
    const dayOne = async (entries: unknown[]) => {
      writeFileSync(file, JSON.stringify({ entries }));
      return (await importRun(test, 'day-one-json', file, true)).error?.message;
    };
    const fine = { text: 'ok', creationDate: '2023-01-01T00:00:00Z' };
    expect(await dayOne([fine, { text: 'no date' }])).toBe('Entry 2 in Journal.json has no date and time it was written (creationDate).');
    expect(await dayOne([{ ...fine, creationDate: 'last Tuesday' }])).toBe(
      'Entry 1 in Journal.json has a date and time it was written (creationDate) that Ladder cannot read: it should look like 2024-03-01T08:30:00Z.',
    );
    expect(await dayOne([fine, fine, { ...fine, tags: 'walks' }])).toBe(
      'Entry 3 in Journal.json has tags (tags) that Ladder cannot read: they should be a list of words, like ["walks", "family"].',
    );
    expect(await dayOne([7])).toBe('Entry 1 in Journal.json is not an entry: each entry should be written between { and }.');
  });

  it('has a noun for every table of the archive, and says columns and SQLite reasons in words', async () => {
    const test = await openTestCore();
    const tables = dataTables(test.core.archive.sqlite);
    expect(tables.filter((table) => recordNouns[table] === undefined)).toEqual([]);
    expect(Object.keys(recordNouns).filter((table) => !tables.includes(table))).toEqual([]);
    expect(columnWords('entry_date')).toBe('date (entry_date)');
    expect(columnWords('tag_id')).toBe('tag (tag_id)');
    expect(columnWords('name')).toBe('name');
    expect(refusalWords('checkin', 'NOT NULL constraint failed: checkin.dyad_id')).toBe('it has no dyad (dyad_id)');
    expect(refusalWords('checkin', 'CHECK constraint failed: dial BETWEEN 1 AND 5')).toBe('its dial is not a value Ladder allows');
    expect(refusalWords('entry', 'disk I/O error')).toBe('the archive refused it (disk I/O error)');
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportFormat } from '../../shared/domain/transfer';
import { segmentCount } from '../../electron/core/services/search/search-upkeep';
import { openTestCore, type TestCore } from '../support/core';
import { makeTempDir } from '../support/temp-dir';
import { archiveRows, finish } from '../support/transfer';

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((remove) => remove()));

function tempDir() {
  const temp = makeTempDir('ladder-import-');
  temps.push(temp.remove);
  return temp.dir;
}

async function runImport(test: TestCore, format: ImportFormat, file: string, dryRun: boolean) {
  const { jobId } = await test.call('transfer.importStart', { format, path: file, dryRun });
  return finish(test, jobId);
}

async function exportArchive(test: TestCore) {
  const { jobId } = await test.call('transfer.exportStart', { folder: tempDir() });
  const status = await finish(test, jobId);
  if (status.result?.kind !== 'export') throw new Error('export failed');
  return status.result.export.jsonFile;
}

describe('import of a Ladder export', () => {
  it('shows a dry run first, then merges by id where a newer record is never replaced by an older one', async () => {
    const source = await openTestCore();
    const a = await source.call('journal.create', { title: 'A, old copy', entryDate: '2026-01-01' });
    const b = await source.call('journal.create', { title: 'B, newer in the export', entryDate: '2026-01-02' });
    const c = await source.call('journal.create', { title: 'C, only in the export', entryDate: '2026-01-03' });
    const file = await exportArchive(source);

    // The target has A edited later (newer) and B in an older version.
    const target = await openTestCore();
    const sqlite = target.core.archive.sqlite;
    const insert = sqlite.prepare('INSERT INTO entry (id, title, body, entry_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    insert.run(a.id, 'A, edited since', '', '2026-01-01', a.createdAt, '2027-01-01T00:00:00.000Z');
    insert.run(b.id, 'B, older here', '', '2026-01-02', b.createdAt, '2020-01-01T00:00:00.000Z');

    const before = archiveRows(sqlite);
    const dry = await runImport(target, 'ladder-json', file, true);
    expect(dry.result?.kind === 'import' && dry.result.import.tables.entry).toEqual({ new: 1, updated: 1, kept: 1 });
    expect(archiveRows(sqlite)).toEqual(before);

    const done = await runImport(target, 'ladder-json', file, false);
    expect(done.state).toBe('done');
    expect((await target.call('journal.get', { id: a.id })).title).toBe('A, edited since');
    expect((await target.call('journal.get', { id: b.id })).title).toBe('B, newer in the export');
    expect((await target.call('journal.get', { id: c.id })).title).toBe('C, only in the export');
    const found = await target.call('search.query', { text: 'export' });
    expect(found.groups[0]?.hits.map((h) => h.id).sort()).toEqual([b.id, c.id].sort());
  });

  it('names what is wrong and where, and writes nothing, for malformed files', async () => {
    const test = await openTestCore();
    await test.call('journal.create', { title: 'Untouched', entryDate: '2026-01-01' });
    const before = archiveRows(test.core.archive.sqlite);
    const dir = tempDir();
    const cases: [string, string, RegExp][] = [
      ['syntax.json', '{\n  "format": "ladder-archive",\n  "formatVersion": 1,\n  "tables": {\n    "entry": [ {"id": "x",} ]\n  }\n}', /line 5, column \d+/],
      ['other.json', '{"hello": "world"}', /not a Ladder export/],
      ['future.json', '{"format": "ladder-archive", "formatVersion": 99, "tables": {}}', /newer Ladder/],
      ['table.json', '{"format": "ladder-archive", "formatVersion": 1, "tables": {"spaceship": []}}', /^This file holds a kind of record Ladder does not know \("spaceship"\)\. It may come from a newer Ladder/],
      [
        'column.json',
        '{"format": "ladder-archive", "formatVersion": 1, "tables": {"entry": [{"id": "01900000-0000-7000-8000-000000000001", "title": "t", "body": "", "entry_date": "2026-01-01", "created_at": "x", "updated_at": "x", "colour": "red"}]}}',
        /^Entry 1 in this file has a field Ladder does not know \("colour"\)\./,
      ],
      [
        'missing.json',
        '{"format": "ladder-archive", "formatVersion": 1, "tables": {"entry": [{"id": "01900000-0000-7000-8000-000000000002", "title": "fine", "body": "", "entry_date": "2026-01-01", "created_at": "x", "updated_at": "x"}, {"id": "01900000-0000-7000-8000-000000000003", "title": "no date"}]}}',
        /^Entry 2 in this file has no date \(entry_date\)\. Nothing was imported\.$/,
      ],
      [
        'orphan.json',
        '{"format": "ladder-archive", "formatVersion": 1, "tables": {"entry_tag": [{"entry_id": "01900000-0000-7000-8000-00000000000a", "tag_id": "01900000-0000-7000-8000-00000000000b", "position": 0, "created_at": "x", "updated_at": "x"}]}}',
        /^Entry tag link 1 in this file points to a tag \(tag_id\) that is neither in this file nor in your archive\. Nothing was imported\.$/,
      ],
    ];
    for (const [name, content, message] of cases) {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      for (const dryRun of [true, false]) {
        const status = await runImport(test, 'ladder-json', file, dryRun);
        expect(status.state, name).toBe('failed');
        expect(status.error?.message, name).toMatch(message);
      }
      expect(archiveRows(test.core.archive.sqlite), name).toEqual(before);
    }
    const noFile = await runImport(test, 'ladder-json', path.join(dir, 'nowhere.json'), true);
    expect(noFile.error?.message).toBe(`There is no file at ${path.join(dir, 'nowhere.json')}. Check the path for a typo.`);
  });

  it('writes nothing when cancelled part way', async () => {
    const source = await openTestCore();
    for (let i = 0; i < 400; i += 1) await source.call('journal.create', { title: `Entry ${i}`, body: 'words '.repeat(200), entryDate: '2026-01-01' });
    const file = await exportArchive(source);
    const target = await openTestCore();
    const before = archiveRows(target.core.archive.sqlite);
    const { jobId } = await target.call('transfer.importStart', { format: 'ladder-json', path: file, dryRun: false });
    // Let it get going, then cancel.
    for (;;) {
      const status = await target.call('jobs.status', { id: jobId });
      if (status.phase === 'Importing' && status.done > 0) break;
      if (status.state !== 'running') throw new Error(`finished before it could be cancelled: ${status.state}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await target.call('jobs.cancel', { id: jobId });
    expect((await finish(target, jobId)).state).toBe('cancelled');
    expect(archiveRows(target.core.archive.sqlite)).toEqual(before);
    // The archive is usable straight after.
    await target.call('journal.create', { title: 'After', entryDate: '2026-01-02' });
  });
});

describe('the search index after a large import', () => {
  it('is one segment, so the saves that follow never merge the imported words', async () => {
    const source = await openTestCore();
    const insert = source.core.archive.sqlite.prepare(
      "INSERT INTO entry (id, title, body, entry_date, created_at, updated_at) VALUES (?, ?, 'imported words', '2026-01-01', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
    );
    source.core.archive.sqlite.transaction(() => {
      for (let i = 0; i < 5_000; i += 1) insert.run(`imported-${String(i).padStart(5, '0')}`, `Imported ${i}`);
    })();
    const file = await exportArchive(source);
    const target = await openTestCore();
    const done = await runImport(target, 'ladder-json', file, false);
    expect(done.state).toBe('done');
    expect(segmentCount(target.core.archive.sqlite)).toBe(1);
    const found = await target.call('search.query', { text: 'Imported 4999' });
    expect(found.groups[0]?.hits.map((hit) => hit.id)).toContain('imported-04999');
  });
});

describe('saving while an import writes', () => {
  it('answers at once that the save must wait, and saves again once the import is done', async () => {
    const source = await openTestCore();
    for (let i = 0; i < 50; i += 1) await source.call('journal.create', { title: `Entry ${i}`, entryDate: '2026-01-01' });
    const file = await exportArchive(source);
    const target = await openTestCore();
    const { jobId } = await target.call('transfer.importStart', { format: 'ladder-json', path: file, dryRun: false });
    // The import holds the archive on a connection of its own: a save meanwhile would have waited
    // out SQLite's busy timeout on the main thread, then failed as "Something went wrong".
    const during = await target.send('journal.create', { title: 'Written during the import', entryDate: '2026-01-02' });
    expect(during).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!during.ok && during.error.message).toMatch(/An import is writing to your archive/);
    // Reading goes on.
    expect(await target.send('journal.list', {})).toMatchObject({ ok: true });
    expect((await finish(target, jobId)).state).toBe('done');
    const after = await target.call('journal.create', { title: 'Written after the import', entryDate: '2026-01-02' });
    expect((await target.call('journal.get', { id: after.id })).title).toBe('Written after the import');
  });
});

describe('import of notes and Day One', () => {
  it('makes entries from a folder of Markdown files, with front matter or from the file name', async () => {
    const test = await openTestCore();
    const dir = tempDir();
    mkdirSync(path.join(dir, 'daily'));
    writeFileSync(path.join(dir, 'daily', '2024-03-01.md'), '# A good day\n\nWalked by the river.\n');
    writeFileSync(path.join(dir, 'ideas.md'), '---\ntitle: "Ideas: many"\ndate: 2024-02-10\ntags: [garden, Work]\n---\nPlant more beans.\n');
    writeFileSync(path.join(dir, 'list-tags.markdown'), '---\ndate: 2024-02-11\ntags:\n  - garden\n---\nNo title here.\n');
    writeFileSync(path.join(dir, 'picture.png'), 'not a note');
    const dry = await runImport(test, 'markdown-folder', dir, true);
    expect(dry.result?.kind === 'import' && dry.result.import.tables).toEqual({
      entry: { new: 3, updated: 0, kept: 0 },
      tag: { new: 2, updated: 0, kept: 0 },
      entry_tag: { new: 3, updated: 0, kept: 0 },
    });
    await runImport(test, 'markdown-folder', dir, false);
    const page = await test.call('journal.list', {});
    expect(page.entries.map((e) => [e.entryDate, e.title])).toEqual([
      ['2024-03-01', 'A good day'],
      ['2024-02-11', 'list-tags'],
      ['2024-02-10', 'Ideas: many'],
    ]);
    const rows = test.core.archive.sqlite.prepare('SELECT e.title, t.name FROM entry_tag et JOIN entry e ON e.id = et.entry_id JOIN tag t ON t.id = et.tag_id ORDER BY e.title, t.name').all();
    expect(rows).toEqual([
      { title: 'Ideas: many', name: 'Work' },
      { title: 'Ideas: many', name: 'garden' },
      { title: 'list-tags', name: 'garden' },
    ]);
    // Importing the same folder again finds everything already there.
    const again = await runImport(test, 'markdown-folder', dir, true);
    expect(again.result?.kind === 'import' && again.result.import.tables.entry).toEqual({ new: 0, updated: 0, kept: 3 });
  });

  it('names the file and line of a bad date in front matter, and writes nothing', async () => {
    const test = await openTestCore();
    const dir = tempDir();
    writeFileSync(path.join(dir, 'fine.md'), 'Fine.');
    writeFileSync(path.join(dir, 'odd.md'), '---\ntitle: Odd\ndate: the thirty-first of never\n---\nHm.');
    const status = await runImport(test, 'markdown-folder', dir, false);
    expect(status.state).toBe('failed');
    expect(status.error?.message).toBe('odd.md has a date (on line 3) that Ladder cannot read: it should be a day like 2026-11-26.');
    expect((await test.call('journal.list', {})).entries).toEqual([]);
  });

  it("makes entries from Day One's JSON export: text, dates and tags", async () => {
    const test = await openTestCore();
    const file = path.join(tempDir(), 'Journal.json');
    writeFileSync(
      file,
      JSON.stringify({
        metadata: { version: '1.0' },
        entries: [
          { uuid: 'A1', creationDate: '2023-05-01T23:30:00Z', modifiedDate: '2023-05-02T08:00:00Z', timeZone: 'America/New_York', text: '# Late walk\n\nThe moon was out\\.', tags: ['walks'] },
          { uuid: 'A2', creationDate: '2023-05-03T09:00:00Z', text: 'Just a line.' },
        ],
      }),
    );
    const done = await runImport(test, 'day-one-json', file, false);
    expect(done.state).toBe('done');
    const page = await test.call('journal.list', {});
    expect(page.entries.map((e) => [e.entryDate, e.title, e.excerpt])).toEqual([
      ['2023-05-03', '', 'Just a line.'],
      ['2023-05-01', 'Late walk', 'The moon was out.'],
    ]);
    const bad = path.join(tempDir(), 'bad.json');
    writeFileSync(bad, JSON.stringify({ entries: [{ text: 'ok', creationDate: '2023-01-01T00:00:00Z' }, { text: 'no date' }] }));
    const failed = await runImport(test, 'day-one-json', bad, false);
    expect(failed.error?.message).toBe('Entry 2 in bad.json has no date and time it was written (creationDate).');
    expect((await test.call('journal.list', {})).entries).toHaveLength(2);
  });
});

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../electron/core/ids';
import { openTestCore, type TestCore } from '../support/core';
import { makeTempDir } from '../support/temp-dir';
import { archiveRows, finish } from '../support/transfer';
import { openPrivacyCore, passphrase } from './privacy-support';

/**
 * An import is written by a worker thread in batches of a few hundred rows, all in one
 * transaction: these pin that a failure in its last rows, found by the worker or by the checks
 * on this side, leaves the archive exactly as it was, and that the archive is usable straight after.
 */

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((remove) => remove()));

function tempDir() {
  const temp = makeTempDir('ladder-import-whole-');
  temps.push(temp.remove);
  return temp.dir;
}

const entries = 1200;

/** Far more rows than one batch: entries, two tags, and a tag on every entry. */
async function bigExport() {
  const source = await openTestCore();
  const sqlite = source.core.archive.sqlite;
  const at = '2026-02-03T08:00:00.000Z';
  const tags = [newId(), newId()];
  sqlite.transaction(() => {
    tags.forEach((id, i) => sqlite.prepare('INSERT INTO tag (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(id, `tag ${i}`, at, at));
    const entry = sqlite.prepare('INSERT INTO entry (id, title, body, entry_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    const link = sqlite.prepare('INSERT INTO entry_tag (entry_id, tag_id, position, created_at, updated_at) VALUES (?, ?, 0, ?, ?)');
    for (let i = 0; i < entries; i += 1) {
      const id = newId();
      entry.run(id, `Entry ${i}`, `Words for a search index, number ${i}.`, '2026-02-03', at, at);
      link.run(id, tags[i % 2], at, at);
    }
  })();
  const { jobId } = await source.call('transfer.exportStart', { folder: tempDir() });
  const status = await finish(source, jobId);
  if (status.result?.kind !== 'export') throw new Error('export failed');
  return status.result.export.jsonFile;
}

/** The export with the last row of `table` changed by `change`. */
function withLastRow(file: string, table: string, change: (row: Record<string, unknown>) => Record<string, unknown>) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const opening = lines.indexOf(`"${table}":[`);
  let last = opening + 1;
  while (lines[last + 1] !== ']' && lines[last + 1] !== '],') last += 1;
  const line = lines[last] ?? '';
  const comma = line.endsWith(',');
  lines[last] = JSON.stringify(change(JSON.parse(comma ? line.slice(0, -1) : line) as Record<string, unknown>)) + (comma ? ',' : '');
  const changed = path.join(tempDir(), `${table}-changed.json`);
  writeFileSync(changed, lines.join('\n'));
  return { file: changed, index: last - opening - 1 };
}

async function targetWithOneEntry() {
  const target = await openTestCore();
  await target.call('journal.create', { title: 'Here before the import', entryDate: '2026-01-01' });
  return target;
}

async function runImport(test: TestCore, file: string, dryRun = false) {
  const { jobId } = await test.call('transfer.importStart', { format: 'ladder-json', path: file, dryRun });
  return finish(test, jobId);
}

describe('an import bigger than one batch is whole or nothing', () => {
  it('writes nothing when its very last row breaks a rule of the archive, and names that row', async () => {
    const file = await bigExport();
    const { file: broken, index } = withLastRow(file, 'entry', (row) => ({ ...row, rung: 'the moon' }));
    expect(index).toBe(entries - 1);
    const target = await targetWithOneEntry();
    const before = archiveRows(target.core.archive.sqlite);
    for (const dryRun of [true, false]) {
      const failed = await runImport(target, broken, dryRun);
      expect(failed.state).toBe('failed');
      expect(failed.error).toMatchObject({ code: 'validation', field: 'path' });
      expect(failed.error?.message).toBe(`Entry ${(index + 1).toLocaleString('en')} in this file could not be imported: its rung is not a value Ladder allows. Nothing was imported.`);
      expect(archiveRows(target.core.archive.sqlite)).toEqual(before);
    }
    // The worker has let go of the archive: a save goes through at once.
    await target.call('journal.create', { title: 'After', entryDate: '2026-01-02' });
    expect((await runImport(target, file)).state).toBe('done');
    expect(target.core.archive.sqlite.prepare('SELECT count(*) FROM entry').pluck().get()).toBe(entries + 2);
  });

  it('writes nothing when its last link points at nothing, in a dry run too, and names the row and column', async () => {
    const file = await bigExport();
    const { file: broken, index } = withLastRow(file, 'entry_tag', (row) => ({ ...row, tag_id: newId() }));
    const target = await targetWithOneEntry();
    const before = archiveRows(target.core.archive.sqlite);
    for (const dryRun of [true, false]) {
      const failed = await runImport(target, broken, dryRun);
      expect(failed.state).toBe('failed');
      expect(failed.error?.message).toBe(
        `Entry tag link ${(index + 1).toLocaleString('en')} in this file points to a tag (tag_id) that is neither in this file nor in your archive. Nothing was imported.`,
      );
      expect(archiveRows(target.core.archive.sqlite)).toEqual(before);
    }
  });

  it('writes nothing when the checks before writing find its last row malformed', async () => {
    const file = await bigExport();
    const { file: broken, index } = withLastRow(file, 'tag', (row) => ({ ...row, colour: 'red' }));
    const target = await targetWithOneEntry();
    const before = archiveRows(target.core.archive.sqlite);
    const failed = await runImport(target, broken);
    expect(failed.error?.message).toBe(
      `Tag ${index + 1} in this file has a field Ladder does not know ("colour"). The file may come from a newer Ladder; update Ladder to import it. Nothing was imported.`,
    );
    expect(archiveRows(target.core.archive.sqlite)).toEqual(before);
  });

  it('links may come before what they link to, and a row given twice is merged like any other', async () => {
    const source = await openTestCore();
    const entry = await source.call('journal.create', { title: 'Tagged', entryDate: '2026-01-01' });
    const tag = newId();
    const at = '2026-01-01T00:00:00.000Z';
    const later = '2026-06-01T00:00:00.000Z';
    const row = { id: entry.id, title: 'Tagged', body: '', entry_date: '2026-01-01', created_at: at, updated_at: at, deleted_at: null };
    const file = path.join(tempDir(), 'by-hand.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'ladder-archive',
        formatVersion: 1,
        tables: {
          entry_tag: [{ entry_id: entry.id, tag_id: tag, position: 0, created_at: at, updated_at: at }],
          entry: [row, { ...row, title: 'Tagged, then retitled', updated_at: later }, { ...row, title: 'An older copy' }],
          tag: [{ id: tag, name: 'walks', created_at: at, updated_at: at }],
        },
      }),
    );
    const target = await openTestCore();
    const done = await runImport(target, file);
    expect(done.state).toBe('done');
    expect(done.result?.kind === 'import' && done.result.import.tables).toEqual({
      entry_tag: { new: 1, updated: 0, kept: 0 },
      entry: { new: 1, updated: 1, kept: 1 },
      tag: { new: 1, updated: 0, kept: 0 },
    });
    expect((await target.call('journal.get', { id: entry.id })).title).toBe('Tagged, then retitled');
  });

  it('checks thousands of links listed before what they link to, and names the one that points at nothing', async () => {
    const at = '2026-01-01T00:00:00.000Z';
    const tag = newId();
    const ids = Array.from({ length: 1500 }, () => newId());
    const file = (missing: boolean) => {
      const written = path.join(tempDir(), `links-first-${missing}.json`);
      const links = ids.map((id) => ({ entry_id: id, tag_id: tag, position: 0, created_at: at, updated_at: at }));
      const rows = ids.slice(0, missing ? -1 : undefined).map((id, i) => ({ id, title: `Entry ${i}`, body: '', entry_date: '2026-01-01', created_at: at, updated_at: at }));
      const tables = { entry_tag: links, entry: rows, tag: [{ id: tag, name: 'walks', created_at: at, updated_at: at }] };
      writeFileSync(written, JSON.stringify({ format: 'ladder-archive', formatVersion: 1, tables }));
      return written;
    };
    const target = await targetWithOneEntry();
    const before = archiveRows(target.core.archive.sqlite);
    const failed = await runImport(target, file(true));
    expect(failed.error?.message).toBe('Entry tag link 1,500 in this file points to an entry (entry_id) that is neither in this file nor in your archive. Nothing was imported.');
    expect(archiveRows(target.core.archive.sqlite)).toEqual(before);
    const done = await runImport(target, file(false));
    expect(done.result?.kind === 'import' && done.result.import.tables.entry_tag).toEqual({ new: 1500, updated: 0, kept: 0 });
  });

  it('gives the log back once the import is in', async () => {
    const file = await bigExport();
    const target = await openTestCore();
    expect((await runImport(target, file)).state).toBe('done');
    const log = `${target.core.archive.path}-wal`;
    expect(statSync(log, { throwIfNoEntry: false })?.size ?? 0).toBeLessThan(64 * 1024);
  });
});

describe('import into an encrypted archive', () => {
  it('writes with the archive key, and a dry run writes nothing', async () => {
    const file = await bigExport();
    const target = await openPrivacyCore();
    await target.call('journal.create', { title: 'Here before the import', entryDate: '2026-01-01' });
    await target.call('privacy.setPassphrase', { passphrase, deletePlainBackups: true });
    const sqlite = () => target.core.archive.sqlite;
    const before = archiveRows(sqlite());
    const schema = () => sqlite().prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    const schemaBefore = schema();
    const dry = await finish(target as unknown as TestCore, (await target.call('transfer.importStart', { format: 'ladder-json', path: file, dryRun: true })).jobId);
    expect(dry.result?.kind === 'import' && dry.result.import.tables.entry).toEqual({ new: entries, updated: 0, kept: 0 });
    expect(archiveRows(sqlite())).toEqual(before);
    // A dry run sets the search index's triggers aside inside its transaction; the rollback brings them back.
    expect(schema()).toEqual(schemaBefore);
    const done = await finish(target as unknown as TestCore, (await target.call('transfer.importStart', { format: 'ladder-json', path: file, dryRun: false })).jobId);
    expect(done.state).toBe('done');
    expect((await target.call('search.query', { text: 'number 1199' })).groups[0]?.hits).toHaveLength(1);
  });
});

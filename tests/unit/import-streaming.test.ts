import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../electron/core/ids';
import { hasExportLayout, OtherLayout, readLadderArchive, type Row, streamLadderExport } from '../../electron/core/services/transfer/import-sources';
import { openTestCore, type TestCore } from '../support/core';
import { makeTempDir } from '../support/temp-dir';
import { archiveRows, finish } from '../support/transfer';

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((remove) => remove()));

function tempDir() {
  const temp = makeTempDir('ladder-import-streaming-');
  temps.push(temp.remove);
  return temp.dir;
}

/** The streamed reading collected into tables, or null where it hands over to the whole-file reading. */
async function readStreamed(file: string) {
  if (!hasExportLayout(file)) return null;
  const tables: Record<string, Row[]> = {};
  try {
    for await (const item of streamLadderExport(file, () => undefined)) {
      if (item.kind === 'table') tables[item.table] = [];
      else tables[item.table]?.push(item.row);
    }
  } catch (error) {
    if (error instanceof OtherLayout) return null;
    throw error;
  }
  return tables;
}

async function exportArchive(test: TestCore) {
  const { jobId } = await test.call('transfer.exportStart', { folder: tempDir() });
  const status = await finish(test, jobId);
  if (status.result?.kind !== 'export') throw new Error('export failed');
  return status.result.export.jsonFile;
}

/** A source archive of a few thousand entries, some with awkward text. */
async function bigSource() {
  const source = await openTestCore();
  await source.call('journal.create', { title: 'Made the usual way, with "quotes" and ] and },', entryDate: '2026-01-01' });
  const insert = source.core.archive.sqlite.prepare('INSERT INTO entry (id, title, body, entry_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  source.core.archive.sqlite.transaction(() => {
    for (let i = 0; i < 3000; i += 1) {
      insert.run(newId(), `Entry ${i}`, `Line one\nline two, ]\n}} ${'ü'.repeat(i % 7)}`, '2026-02-03', '2026-02-03T08:00:00.000Z', '2026-02-03T08:00:00.000Z');
    }
  })();
  return source;
}

describe('import of a large Ladder export, a row at a time', () => {
  it('reads our own export line by line exactly as the whole-file reading does, and imports it identically', async () => {
    const source = await bigSource();
    const file = await exportArchive(source);
    const streamed = await readStreamed(file);
    expect(streamed).not.toBeNull();
    expect(streamed?.entry).toHaveLength(3001);
    expect(streamed).toEqual(readLadderArchive(file));

    const target = await openTestCore();
    const { jobId } = await target.call('transfer.importStart', { format: 'ladder-json', path: file, dryRun: false });
    const done = await finish(target, jobId);
    expect(done.state).toBe('done');
    expect(done.result?.kind === 'import' && done.result.import.tables.entry).toEqual({ new: 3001, updated: 0, kept: 0 });
    expect(archiveRows(target.core.archive.sqlite).entry).toEqual(archiveRows(source.core.archive.sqlite).entry);
  });

  it('names the broken row of an export and writes nothing', async () => {
    const source = await bigSource();
    const file = await exportArchive(source);
    const lines = readFileSync(file, 'utf8').split('\n');
    const opening = lines.indexOf('"entry":[');
    expect(opening).toBeGreaterThan(0);
    lines[opening + 1 + 1234] = '{"id": "broken",';
    const broken = path.join(tempDir(), 'broken.json');
    writeFileSync(broken, lines.join('\n'));

    const target = await openTestCore();
    await target.call('journal.create', { title: 'Untouched', entryDate: '2026-01-01' });
    const before = archiveRows(target.core.archive.sqlite);
    const { jobId } = await target.call('transfer.importStart', { format: 'ladder-json', path: broken, dryRun: false });
    const failed = await finish(target, jobId);
    expect(failed.state).toBe('failed');
    expect(failed.error?.code).toBe('validation');
    expect(failed.error?.field).toBe('path');
    expect(failed.error?.message).toMatch(/not valid JSON: the problem is at line \d+, column \d+ \(at entry 1,235\)\.$/);
    expect(archiveRows(target.core.archive.sqlite)).toEqual(before);
  });

  it('starts again with the whole-file reading when a row turns out split over lines, after rows were written', async () => {
    const source = await bigSource();
    const file = await exportArchive(source);
    const lines = readFileSync(file, 'utf8').split('\n');
    const opening = lines.indexOf('"entry":[');
    const at = opening + 1 + 2500;
    const line = lines[at] ?? '';
    const cut = line.indexOf(',"title"') + 1;
    lines.splice(at, 1, line.slice(0, cut), line.slice(cut));
    const split = path.join(tempDir(), 'split.json');
    writeFileSync(split, lines.join('\n'));
    expect(await readStreamed(split)).toBeNull();

    const target = await openTestCore();
    const { jobId } = await target.call('transfer.importStart', { format: 'ladder-json', path: split, dryRun: false });
    const done = await finish(target, jobId);
    expect(done.state).toBe('done');
    expect(done.result?.kind === 'import' && done.result.import.tables.entry).toEqual({ new: 3001, updated: 0, kept: 0 });
    expect(archiveRows(target.core.archive.sqlite)).toEqual(archiveRows(source.core.archive.sqlite));
  });

  it('leaves a pretty-printed export to the whole-file reading', async () => {
    const source = await bigSource();
    const file = await exportArchive(source);
    const pretty = path.join(tempDir(), 'pretty.json');
    writeFileSync(pretty, JSON.stringify(JSON.parse(readFileSync(file, 'utf8')), null, 2));
    expect(await readStreamed(pretty)).toBeNull();
    expect(readLadderArchive(pretty)).toEqual(readLadderArchive(file));
  });
});

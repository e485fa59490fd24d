import { statSync } from 'node:fs';
import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import type { ParsedInput } from '../../../../shared/contract';
import type { JobStatus } from '../../../../shared/domain/jobs';
import type { ImportSummary, ImportTableSummary } from '../../../../shared/domain/transfer';
import { LadderError } from '../../../../shared/errors';
import type { Archive } from '../../db/open';
import type { CoreHost } from '../../host';
import { newId } from '../../ids';
import type { JobContext } from '../jobs/job-runner';
import { columnsOf, dataTables, fromJsonValue, keyColumns } from './archive-tables';
import {
  type EntryDraft,
  type ExportItem,
  hasExportLayout,
  ladderArchiveItems,
  OtherLayout,
  parseJsonFile,
  readDayOne,
  readLadderArchive,
  readMarkdownFolder,
  type Row,
  streamLadderExport,
} from './import-sources';
import { addCounts, type ImportWriter, openImportWriter } from './import-writer';
import { decryptExport, isEncryptedExport, looksEncryptedExport } from '../privacy/encrypted-export';
import { resolveUserPath } from './paths';
import { columnWords, rowName, withArticle } from './row-names';

/**
 * Import: rows are read, checked for shape here, and written as they come by a worker thread
 * (`import-writer.ts`) in ONE transaction, sorted there into new, updated (newer `updated_at`
 * wins) or kept. Nothing is held beyond a couple of batches, so memory stays flat however large
 * the file; a cancel or any error rolls the transaction back, so an import is whole or not at
 * all, and a dry run does everything but commit.
 */

/** A batch handed to the writer: a few hundred rows, about a megabyte of text at most. */
const batchRows = 500;
const batchChars = 1024 * 1024;

export function startImport(archive: Archive, host: CoreHost, input: ParsedInput<'transfer.importStart'>): JobStatus {
  const source = resolveUserPath(input.path, host.homeFolder, 'path');
  if (host.jobs.running()) throw new LadderError('conflict', 'Another export or import is still running; wait for it, or cancel it first.');
  if (input.format === 'ladder-json' && !input.passphrase && looksEncryptedExport(source)) {
    throw new LadderError('validation', 'This export is encrypted. Enter the passphrase of the archive it came from.', 'passphrase');
  }
  return host.jobs.start('import', 'Reading', async (ctx) => {
    const summary: ImportSummary = { format: input.format, source, dryRun: input.dryRun, tables: {} };
    const importing = { archive, host, dryRun: input.dryRun, summary, ctx };
    if (input.format === 'ladder-json') await importLadderExport(importing, source, input.passphrase);
    else {
      const drafts = input.format === 'markdown-folder' ? await readMarkdownFolder(source, ctx) : await readDayOne(source, ctx);
      await importEntries(importing, drafts);
    }
    return { kind: 'import', import: summary };
  });
}

interface Importing {
  archive: Archive;
  host: CoreHost;
  dryRun: boolean;
  summary: ImportSummary;
  ctx: JobContext;
}

function tally(summary: ImportSummary, table: string): ImportTableSummary {
  summary.tables[table] ??= { new: 0, updated: 0, kept: 0 };
  return summary.tables[table];
}

/** Rows gathered per table and handed to the writer a batch at a time. */
function batcher(writer: ImportWriter) {
  let open = new Map<string, { start: number; rows: Row[]; names: string[] | null }>();
  let rows = 0;
  let chars = 0;
  const flush = async () => {
    const batches = [...open.entries()];
    // A new map rather than `clear()`: once V8 has moved the map to its old generation, a cleared
    // map's next table is allocated there too and the old table still points at its batch, so
    // every row outlived the young-generation GCs and piled up until a full GC (~50 MB at 100k entries).
    open = new Map();
    rows = 0;
    chars = 0;
    for (const [table, batch] of batches) await writer.write(table, batch.start, batch.rows, batch.names);
  };
  return {
    flush,
    /** `name`: how messages name the row, when not "Entry 3 in this file" (see row-names.ts). */
    async add(table: string, index: number, row: Row, size: number, name?: string) {
      let batch = open.get(table);
      if (batch && index !== batch.start + batch.rows.length) {
        await flush();
        batch = undefined;
      }
      if (!batch) open.set(table, (batch = { start: index, rows: [], names: name === undefined ? null : [] }));
      batch.rows.push(row);
      if (name !== undefined) batch.names?.push(name);
      rows += 1;
      chars += size;
      if (rows >= batchRows || chars >= batchChars) await flush();
    },
  };
}

/**
 * Runs `work` with a writer; commits (or rolls back a dry run) when it succeeds, rolls back when
 * it throws. The app's own connection is held meanwhile, so other requests wait for the import
 * as they waited for its transaction before, and none of them can write around it.
 */
async function withWriter({ archive, host, dryRun, summary, ctx }: Importing, work: (writer: ImportWriter) => Promise<void>) {
  await archive.db.connection().execute(async () => {
    // The writer checkpoints when it is done: not while a pre-migration copy still reads the file.
    await archive.whenCopied();
    const writer = await openImportWriter({ file: archive.path, key: host.privacy.databaseKey(), dryRun });
    try {
      await work(writer);
    } catch (error) {
      await writer.abort();
      throw error;
    }
    // From here on a cancel is too late: the worker checks the remaining links and commits.
    await writer.finish(() => ctx.progress(0, 0, dryRun ? 'Checking' : 'Saving'));
    for (const [table, counts] of Object.entries(writer.counts)) addCounts(tally(summary, table), counts);
  });
}

/** A Ladder export: read a row at a time when it is laid out as Ladder writes it, else whole. */
async function importLadderExport(importing: Importing, source: string, passphrase: string | undefined) {
  if (hasExportLayout(source)) {
    const size = statSync(source).size;
    importing.ctx.progress(0, size, 'Importing');
    try {
      await importItems(importing, streamLadderExport(source, (bytes) => importing.ctx.progress(bytes)));
      return;
    } catch (error) {
      if (!(error instanceof OtherLayout)) throw error;
      importing.summary.tables = {};
    }
  }
  const data = parseJsonFile(source);
  // An encrypted export is opened in memory only; its plain text never touches the disk.
  const plain = isEncryptedExport(data) ? (JSON.parse(await decryptExport(data, passphrase)) as unknown) : data;
  const tables = readLadderArchive(source, plain);
  const total = Object.values(tables).reduce((sum, rows) => sum + rows.length, 0);
  let done = 0;
  importing.ctx.progress(0, total, 'Importing');
  await importItems(importing, ladderArchiveItems(tables), () => importing.ctx.progress(++done));
}

interface TableShape {
  names: Set<string>;
  /** Key columns and the others that must have a value. */
  required: string[];
}

/** Each row checked against this archive's tables (names, columns, values), then handed to the writer. */
async function importItems(importing: Importing, items: AsyncIterable<ExportItem> | Iterable<ExportItem>, onRow?: () => void) {
  const { archive, summary, ctx } = importing;
  const known = new Set(dataTables(archive.sqlite));
  const shapes = new Map<string, TableShape>();
  // Looked up on the app's connection: the archive as it was, before this import.
  const draftForKey = known.has('draft') ? archive.sqlite.prepare('SELECT id FROM draft WHERE key = ? AND deleted_at IS NULL') : null;
  await withWriter(importing, async (writer) => {
    const batches = batcher(writer);
    let shape: TableShape | undefined;
    for await (const item of items) {
      if (item.kind === 'table') {
        shape = tableShape(archive.sqlite, known, shapes, item.table);
        tally(summary, item.table);
        continue;
      }
      if (!shape) throw new Error('A row came before its table.');
      const at = rowName(item.table, item.index);
      // Checked and converted in place: at a hundred thousand rows, a copy of each is garbage to collect.
      const row = item.row;
      for (const column of Object.keys(row)) {
        if (!shape.names.has(column)) {
          throw new LadderError(
            'validation',
            `${at} has a field Ladder does not know ("${column}"). The file may come from a newer Ladder; update Ladder to import it. Nothing was imported.`,
            'path',
          );
        }
        const plain = fromJsonValue(row[column]);
        if (!(plain === null || typeof plain === 'string' || typeof plain === 'number' || Buffer.isBuffer(plain))) {
          throw new LadderError('validation', `${at} has ${withArticle(columnWords(column))} that is not text or a number, so Ladder cannot read it. Nothing was imported.`, 'path');
        }
        row[column] = plain;
      }
      for (const column of shape.required) {
        if (row[column] === undefined || row[column] === null) throw new LadderError('validation', `${at} has no ${columnWords(column)}. Nothing was imported.`, 'path');
      }
      // A draft is named by its form's key, not its id: a draft kept here for the same form is the
      // one to update (the newer wins, as for every record), not a second draft clashing with it.
      if (item.table === 'draft' && draftForKey && typeof row.key === 'string' && (row.deleted_at ?? null) === null) {
        const mine = draftForKey.get(row.key) as { id: string } | undefined;
        if (mine) row.id = mine.id;
      }
      await batches.add(item.table, item.index, row, item.size);
      onRow?.();
      await ctx.tick();
    }
    await batches.flush();
  });
}

function tableShape(sqlite: SqliteDatabase.Database, known: Set<string>, shapes: Map<string, TableShape>, table: string): TableShape {
  if (!known.has(table)) {
    throw new LadderError(
      'validation',
      `This file holds a kind of record Ladder does not know ("${table}"). It may come from a newer Ladder; update Ladder to import it. Nothing was imported.`,
      'path',
    );
  }
  let shape = shapes.get(table);
  if (!shape) {
    const columns = columnsOf(sqlite, table);
    const required = columns.filter((c) => c.notNull && !c.hasDefault && c.pk === 0).map((c) => c.name);
    shape = { names: new Set(columns.map((c) => c.name)), required: [...keyColumns(columns), ...required] };
    shapes.set(table, shape);
  }
  return shape;
}

/** Notes or Day One entries: each becomes an entry unless the same one is already here; tags come along. */
async function importEntries(importing: Importing, drafts: EntryDraft[]) {
  const { archive, summary, ctx } = importing;
  const now = importing.host.clock.now();
  const tables = new Set(dataTables(archive.sqlite));
  const withTags = tables.has('tag') && tables.has('entry_tag');
  // Looked up on the app's connection: the archive as it was, before this import.
  const same = archive.sqlite.prepare('SELECT 1 FROM entry WHERE entry_date = ? AND title = ? AND body = ? AND deleted_at IS NULL');
  const tagByName = withTags ? archive.sqlite.prepare('SELECT id FROM tag WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL') : null;
  const newTags = new Map<string, string>();
  const seen = new Set<string>();
  const counters = { entry: 0, tag: 0, entry_tag: 0 };
  ctx.progress(0, drafts.length, 'Importing');
  await withWriter(importing, async (writer) => {
    const batches = batcher(writer);
    for (const [index, draft] of drafts.entries()) {
      // Without tags in this archive, they stay with the words instead of being lost.
      const body = withTags || draft.tags.length === 0 ? draft.body : `${draft.body}\n\nTags: ${draft.tags.map((t) => `#${t}`).join(' ')}`;
      const identity = JSON.stringify([draft.entryDate, draft.title, body]);
      if (seen.has(identity) || same.get(draft.entryDate, draft.title, body)) {
        tally(summary, 'entry').kept += 1;
      } else {
        seen.add(identity);
        const id = newId();
        const entry = { id, title: draft.title, body, entry_date: draft.entryDate, created_at: draft.createdAt ?? now, updated_at: draft.updatedAt ?? now, deleted_at: null };
        await batches.add('entry', counters.entry++, entry, body.length, draft.origin);
        if (withTags && tagByName) {
          const unique = [...new Map(draft.tags.map((t) => [t.toLowerCase(), t])).values()];
          for (const [position, name] of unique.entries()) {
            const key = name.toLowerCase();
            let tagId = newTags.get(key) ?? (tagByName.get(name) as { id: string } | undefined)?.id;
            if (!tagId) {
              tagId = newId();
              newTags.set(key, tagId);
              await batches.add('tag', counters.tag++, { id: tagId, name, created_at: now, updated_at: now, deleted_at: null }, name.length, `The tag "${name}"`);
            }
            const link = { entry_id: id, tag_id: tagId, position, created_at: now, updated_at: now, deleted_at: null };
            await batches.add('entry_tag', counters.entry_tag++, link, 0, `The tag "${name}" on ${draft.origin}`);
          }
        }
      }
      ctx.progress(index + 1);
      await ctx.tick();
    }
    await batches.flush();
  });
}

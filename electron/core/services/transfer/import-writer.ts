import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { ImportTableSummary } from '../../../../shared/domain/transfer';
import { LadderError } from '../../../../shared/errors';
import { cipherSettings, isDatabaseKey } from '../privacy/cipher';
import type { Row } from './import-sources';
import { recordNoun, refusalWords, rowName, withArticle } from './row-names';

/**
 * The writing half of an import, on a worker thread with its own connection to the archive.
 * better-sqlite3 is synchronous: on the main thread, the one transaction of a large import held
 * the window for seconds at its end (SQLite rewrites the checksum of every log frame the
 * transaction spilled, then fsyncs; the checkpoint after it copies the whole log), and every
 * insert paid a full-text index flush. Here those calls take as long as they take, and the main
 * thread only parses, checks the shape of each row and hands rows over in batches.
 *
 * Still ONE transaction (BEGIN IMMEDIATE … COMMIT): a cancel, an error or a crash leaves the
 * archive as it was. A dry run does the same work and rolls back, so it finds everything a real
 * import would (clashes, dangling links). Foreign keys are off on this connection only and checked
 * here per written row with an index lookup; a row whose parent is not there yet (exports list
 * tables by name, so links come before what they link to) is checked again once every row is in.
 * The caller keeps other requests off the archive meanwhile (it holds the app's connection).
 */

export type ImportCounts = Record<string, ImportTableSummary>;

/** How each row is named in messages (a note's file name), or null for "Entry 13 in this file" (row-names.ts). */
export type RowNames = string[] | null;

// A plain script (eval'd workers are CommonJS), so it survives bundling without an entry of its own.
const workerSource = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const quote = (name) => '"' + String(name).replaceAll('"', '""') + '"';
let db = null;
const tables = new Map();
// Foreign keys by number, for the links that wait in temp.import_link.
const fkList = [];
let waiting = null;
// Rows added or replaced so far; past this many the search index is rewritten before committing.
let rowsWritten = 0;
const optimizeAfterRows = 5000;

function info(table) {
  let t = tables.get(table);
  if (t) return t;
  const columns = db.pragma('table_info(' + quote(table) + ')');
  const keysOf = (cols) => cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
  const keys = keysOf(columns);
  const hasUpdatedAt = columns.some((c) => c.name === 'updated_at');
  // A new row already deleted where it comes from is written but not counted as new (see newDeleted).
  const hasDeletedAt = columns.some((c) => c.name === 'deleted_at');
  const byKey = keys.map((k) => quote(k) + ' = ?').join(' AND ');
  const groups = new Map();
  for (const fk of db.pragma('foreign_key_list(' + quote(table) + ')')) {
    const group = groups.get(fk.id) ?? { parent: fk.table, from: [], to: [] };
    group.from[fk.seq] = fk.from;
    group.to[fk.seq] = fk.to;
    groups.set(fk.id, group);
  }
  const fks = [...groups.entries()].map(([id, g]) => {
    const to = g.to.every((c) => c) ? g.to : keysOf(db.pragma('table_info(' + quote(g.parent) + ')'));
    const where = to.map((c) => quote(c) + ' = ?').join(' AND ');
    const fk = { number: fkList.length, columns: g.from, parent: g.parent, exists: db.prepare('SELECT 1 FROM ' + quote(g.parent) + ' WHERE ' + where + ' LIMIT 1') };
    fkList.push(fk);
    return fk;
  });
  t = {
    keys,
    columns: columns.map((c) => c.name),
    // SQLite takes up to 32,766 values a statement.
    chunkRows: Math.max(1, Math.min(100, Math.floor(32000 / columns.length))),
    hasUpdatedAt,
    hasDeletedAt,
    existing: db.prepare('SELECT ' + (hasUpdatedAt ? 'updated_at' : '1') + ' AS updated_at FROM ' + quote(table) + ' WHERE ' + byKey),
    fks,
    statements: new Map(),
  };
  tables.set(table, t);
  return t;
}

function statement(t, sql) {
  let prepared = t.statements.get(sql);
  if (!prepared) t.statements.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}

// Blobs arrive as Uint8Array (structured clone); the driver binds Buffers.
function value(v) {
  return v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v;
}

function fail(error) {
  const e = new Error(error.reason ?? 'failed');
  e.report = error;
  return e;
}

// A link whose parent is not (yet) there waits in a temporary table, one row per parent it
// needs, so a file of links listed before what they link to holds no memory here.
function checkLinks(t, table, row, index) {
  for (const fk of t.fks) {
    const values = fk.columns.map((c) => row[c]);
    if (values.some((v) => v === null || v === undefined)) continue;
    if (fk.exists.get(...values)) continue;
    waiting.run(fk.number, JSON.stringify(values), table, index);
  }
}

function insertOne(t, table, row) {
  const columns = Object.keys(row);
  statement(t, 'INSERT INTO ' + quote(table) + ' (' + columns.map(quote).join(', ') + ') VALUES (' + columns.map(() => '?').join(', ') + ')')
    .run(...columns.map((c) => row[c]));
}

// New rows with every column go in by the chunk: one statement per chunk instead of per row,
// because the search index flushes its pending words at the start of every statement.
function insertChunk(t, table, chunk) {
  // A short last chunk goes in as parts of 64, 32, … 1 rows, each statement kept. Made for once
  // instead, a statement per batch that ends mid-chunk (rows over ~2 KB end batches by size) held
  // its native memory until this thread's GC: tens of megabytes over a large import.
  for (let from = 0; from < chunk.length; ) {
    const left = chunk.length - from;
    const size = left >= t.chunkRows ? t.chunkRows : 2 ** Math.floor(Math.log2(left));
    insertRows(t, table, chunk.slice(from, from + size));
    from += size;
  }
  for (const { row, index, name } of chunk) checkLinks(t, table, row, index);
  chunk.length = 0;
}

function insertRows(t, table, rows) {
  const one = '(' + t.columns.map(() => '?').join(', ') + ')';
  const sql = 'INSERT INTO ' + quote(table) + ' (' + t.columns.map(quote).join(', ') + ') VALUES ' + rows.map(() => one).join(', ');
  try {
    statement(t, sql).run(...rows.flatMap(({ row }) => t.columns.map((c) => row[c])));
  } catch (error) {
    // The statement changed nothing; row by row finds the one at fault.
    for (const { row, index, name } of rows) {
      try {
        insertOne(t, table, row);
      } catch (rowError) {
        throw fail({ kind: 'row', table, index, name, reason: rowError.message, code: rowError.code });
      }
    }
    throw fail({ kind: 'internal', reason: error.message, code: error.code });
  }
}

function write({ table, start, rows, names }) {
  const t = info(table);
  const counts = { new: 0, updated: 0, kept: 0, newDeleted: 0 };
  const countNew = (row) => {
    if (t.hasDeletedAt && row.deleted_at !== null && row.deleted_at !== undefined) counts.newDeleted += 1;
    else counts.new += 1;
  };
  const chunk = [];
  // Keys waiting in the chunk: a second row with one of them must see the first written.
  const chunked = new Set();
  rows.forEach((row, i) => {
    const index = start + i;
    const name = Array.isArray(names) ? names[i] : null;
    const columns = Object.keys(row);
    for (const column of columns) row[column] = value(row[column]);
    const key = t.keys.length === 1 ? row[t.keys[0]] : JSON.stringify(t.keys.map((k) => row[k]));
    if (chunked.has(key)) {
      insertChunk(t, table, chunk);
      chunked.clear();
    }
    try {
      const current = t.existing.get(...t.keys.map((k) => row[k]));
      if (!current && columns.length === t.columns.length) {
        chunk.push({ row, index, name });
        chunked.add(key);
        countNew(row);
        if (chunk.length >= t.chunkRows) {
          insertChunk(t, table, chunk);
          chunked.clear();
        }
        return;
      }
      if (!current) {
        insertOne(t, table, row);
        countNew(row);
      } else if (t.hasUpdatedAt && typeof row.updated_at === 'string' && typeof current.updated_at === 'string' && row.updated_at > current.updated_at) {
        const sets = columns.filter((c) => !t.keys.includes(c));
        statement(t, 'UPDATE ' + quote(table) + ' SET ' + sets.map((c) => quote(c) + ' = ?').join(', ') + ' WHERE ' + t.keys.map((k) => quote(k) + ' = ?').join(' AND '))
          .run(...sets.map((c) => row[c]), ...t.keys.map((k) => row[k]));
        counts.updated += 1;
      } else {
        // The archive's copy is as new or newer: it stays, and so do its links.
        counts.kept += 1;
        return;
      }
    } catch (error) {
      if (error.report) throw error;
      throw fail({ kind: 'row', table, index, name, reason: error.message, code: error.code });
    }
    checkLinks(t, table, row, index);
  });
  insertChunk(t, table, chunk);
  rowsWritten += counts.new + counts.newDeleted + counts.updated;
  return counts;
}

function finish() {
  const page = db.prepare('SELECT rowid AS at, fk, parent_key AS key, child_table AS tbl, child_index AS idx FROM temp.import_link WHERE rowid > ? ORDER BY rowid LIMIT 1000');
  for (let links = page.all(0); links.length > 0; links = page.all(links[links.length - 1].at)) {
    for (const link of links) {
      const fk = fkList[link.fk];
      if (fk.exists.get(...JSON.parse(link.key))) continue;
      throw fail({ kind: 'link', table: link.tbl, index: link.idx, name: null, column: fk.columns.join(', '), parent: fk.parent });
    }
  }
  if (workerData.dryRun) {
    db.exec('ROLLBACK');
    return;
  }
  // A large import leaves the search index in many segments, some large, on low levels, where
  // the saves that follow would merge them (and once a level holds 16, all of it inside one
  // save: seconds of frozen window at 100,000 entries). Written as one segment here, on this
  // thread, the later saves only ever merge their own small ones (see migration 0018).
  if (rowsWritten >= optimizeAfterRows) db.prepare("INSERT INTO search_text (search_text) VALUES ('optimize')").run();
  db.exec('COMMIT');
}

function close() {
  try {
    if (db && db.inTransaction) db.exec('ROLLBACK');
    // The log held the whole import: copy it into the file and give its space back.
    if (db) db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // The next checkpoint of the app catches up.
  }
  try {
    if (db) db.close();
  } catch {}
  db = null;
}

// The last word; closing the port lets the thread end.
function end(message) {
  close();
  parentPort.postMessage(message);
  parentPort.close();
}

try {
  db = new Database(workerData.file, { fileMustExist: true });
  for (const pragma of workerData.pragmas) db.pragma(pragma);
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = FULL');
  // Checked row by row above; off on this connection only, and only while it imports.
  db.pragma('foreign_keys = OFF');
  db.pragma('temp_store = FILE');
  // SQLite's own default page cache (2 MB) rather than the driver's 16 MB: a transaction this big
  // spills to the log either way and imports as fast, and this thread's memory comes on top of the app's.
  db.pragma('cache_size = -2000');
  db.exec('BEGIN IMMEDIATE');
  if (workerData.dryRun) {
    // The search index is derived and a dry run rolls back: without its triggers (back with the
    // rollback) a dry run skips four fifths of the work and still meets every rule and link.
    for (const name of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, 7) = 'search_'").pluck().all()) {
      db.exec('DROP TRIGGER ' + quote(name));
    }
  }
  // Only keys and positions, never words: temporary files are not encrypted.
  db.exec('CREATE TEMP TABLE import_link (fk INTEGER NOT NULL, parent_key TEXT NOT NULL, child_table TEXT NOT NULL, child_index INTEGER NOT NULL, UNIQUE (fk, parent_key))');
  waiting = db.prepare('INSERT OR IGNORE INTO temp.import_link (fk, parent_key, child_table, child_index) VALUES (?, ?, ?, ?)');
  parentPort.postMessage({ type: 'ready' });
} catch (error) {
  end({ type: 'failed', error: { kind: 'open', reason: error.message, code: error.code } });
}

parentPort.on('message', (message) => {
  try {
    if (message.type === 'rows') parentPort.postMessage({ type: 'written', table: message.table, counts: write(message) });
    else if (message.type === 'finish') {
      parentPort.postMessage({ type: 'saving' });
      finish();
      end({ type: 'finished' });
    } else end({ type: 'cancelled' });
  } catch (error) {
    end({ type: 'failed', error: error.report ?? { kind: 'internal', reason: error.message, code: error.code } });
  }
});
`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');

interface WorkerFailure {
  kind: 'open' | 'row' | 'link' | 'internal';
  reason?: string;
  code?: string;
  table?: string;
  index?: number;
  name?: string | null;
  column?: string;
  parent?: string;
}

type WorkerMessage =
  | { type: 'ready' | 'saving' | 'finished' | 'cancelled' }
  | { type: 'written'; table: string; counts: ImportTableSummary }
  | { type: 'failed'; error: WorkerFailure };

function toLadderError(failure: WorkerFailure): LadderError {
  if (failure.code === 'SQLITE_FULL') return new LadderError('disk_full', 'The disk is full, so nothing was imported. Free some space and try again.');
  const table = failure.table ?? '';
  const name = failure.name ?? rowName(table, failure.index ?? 0);
  if (failure.kind === 'row') {
    return new LadderError('validation', `${name} could not be imported: ${refusalWords(table, failure.reason)}. Nothing was imported.`, 'path');
  }
  if (failure.kind === 'link') {
    return new LadderError(
      'validation',
      `${name} points to ${withArticle(recordNoun(failure.parent ?? ''))} (${failure.column}) that is neither in this file nor in your archive. Nothing was imported.`,
      'path',
    );
  }
  return new LadderError('internal', `The import could not write to the archive (${failure.reason ?? 'unknown reason'}). Nothing was imported.`);
}

/** Adds `more` to `total`; `newDeleted` only appears once there is some. */
export function addCounts(total: ImportTableSummary, more: ImportTableSummary) {
  total.new += more.new;
  total.updated += more.updated;
  total.kept += more.kept;
  if (more.newDeleted) total.newDeleted = (total.newDeleted ?? 0) + more.newDeleted;
}

/** Batches in flight at once: the worker writes one while the next is parsed. */
const maxInFlight = 2;

export interface ImportWriter {
  /** Hands over rows of one table (`start`: the first one's position there); waits while the worker is behind. */
  write(table: string, start: number, rows: Row[], names: RowNames): Promise<void>;
  /** Checks the links still open, commits (a dry run rolls back) and waits for the worker to end. */
  finish(onSaving?: () => void): Promise<void>;
  /** Rolls back and waits for the worker to end; after an error or a cancel on this side. */
  abort(): Promise<void>;
  /** New, updated and kept rows per table, as the worker reported them. */
  readonly counts: ImportCounts;
}

export async function openImportWriter(options: { file: string; key: string | null; dryRun: boolean }): Promise<ImportWriter> {
  if (options.key !== null && !isDatabaseKey(options.key)) throw new Error('Not a database key.');
  const pragmas = options.key === null ? [] : [`cipher='${cipherSettings.name}'`, `legacy=${cipherSettings.legacy}`, `key="x'${options.key}'"`];
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { driver, file: options.file, pragmas, dryRun: options.dryRun },
    // Nothing it holds grows with the import (links wait in a table), so a small heap keeps memory flat.
    resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 },
  });
  const counts: ImportCounts = {};
  let state: 'opening' | 'open' | 'saving' | 'finished' | 'ended' = 'opening';
  let failure: LadderError | null = null;
  let inFlight = 0;
  let exited = false;
  let wake: () => void = () => undefined;
  const changed = () => new Promise<void>((resolve) => (wake = resolve));
  const exit = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      exited = true;
      if (state !== 'finished') {
        failure ??= new LadderError('internal', 'The import stopped before it finished. Nothing was imported.');
        state = 'ended';
      }
      resolve();
      wake();
    }),
  );
  worker.on('message', (message: WorkerMessage) => {
    if (message.type === 'ready') state = 'open';
    else if (message.type === 'written') {
      inFlight -= 1;
      addCounts((counts[message.table] ??= { new: 0, updated: 0, kept: 0 }), message.counts);
    } else if (message.type === 'saving') state = 'saving';
    else if (message.type === 'finished') state = 'finished';
    else if (message.type === 'cancelled') state = 'ended';
    else if (message.type === 'failed') {
      failure = toLadderError(message.error);
      state = 'ended';
    }
    wake();
  });
  worker.on('error', (error) => {
    failure ??= new LadderError('internal', `The import could not write to the archive (${error.message}). Nothing was imported.`);
    wake();
  });

  const until = async (done: () => boolean) => {
    while (!done() && !failure && !exited) await changed();
    if (failure) throw failure;
  };
  await until(() => state === 'open');

  return {
    counts,
    async write(table, start, rows, names) {
      if (failure) throw failure;
      worker.postMessage({ type: 'rows', table, start, rows, names });
      inFlight += 1;
      await until(() => inFlight < maxInFlight);
    },
    async finish(onSaving) {
      worker.postMessage({ type: 'finish' });
      await until(() => state === 'saving' || state === 'finished');
      onSaving?.();
      await until(() => state === 'finished');
      await exit;
    },
    async abort() {
      if (!exited) worker.postMessage({ type: 'cancel' });
      // The worker answers between batches; a stuck one is stopped, which also rolls back.
      const stop = setTimeout(() => void worker.terminate(), 60_000);
      await exit;
      clearTimeout(stop);
    },
  };
}

import { closeSync, existsSync, openSync, rmSync, statSync, writeFileSync, writeSync as writeFileSyncPart } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import type { JobStatus } from '../../../../shared/domain/jobs';
import { archiveFormat, archiveFormatVersion, type ExportResult } from '../../../../shared/domain/transfer';
import { LadderError } from '../../../../shared/errors';
import type { Archive } from '../../db/open';
import type { CoreHost } from '../../host';
import { makeFolder } from '../../make-folder';
import { type JobContext, yieldToLoop } from '../jobs/job-runner';
import { dataTables, quoteName, toJsonValue } from './archive-tables';
import { existingMarkdownKinds, type Lookup, type Row } from './markdown-kinds';
import { NumberSet } from './number-set';
import { resolveUserPath, safeFileName } from './paths';
import { timestampForFile } from '../backup/backup-files';
import { applyKey } from '../privacy/cipher';
import { createEncryptedWriter, encryptedExportName } from '../privacy/encrypted-export';

export const archiveJsonName = 'ladder-archive.json';

/**
 * Exports the whole archive into a new folder inside `folder`. It reads through two read-only
 * connections to the archive itself, each inside a read transaction begun at the same moment:
 * in WAL mode a reader keeps seeing the archive as it was when its transaction began, so writing
 * may go on meanwhile and the export is still one consistent moment, with nothing copied first.
 * A cancelled or failed export removes its unfinished folder.
 */
export async function startExport(archive: Archive, host: CoreHost, folder: string, choice: { plain?: boolean; passphrase?: string } = {}): Promise<JobStatus> {
  const parent = resolveUserPath(folder, host.homeFolder, 'folder');
  if (existsSync(parent) && !statSync(parent).isDirectory()) throw new LadderError('validation', 'That is a file, not a folder.', 'folder');
  // An encrypted archive stays encrypted on the way out unless plain files were explicitly chosen.
  const databaseKey = host.privacy.databaseKey();
  const exportKey = databaseKey !== null && choice.plain !== true ? await host.privacy.exportKey(choice.passphrase) : null;
  // Made here rather than in the job, so a folder that cannot be made is said beside the field at once.
  makeFolder(parent, { field: 'folder' });
  return host.jobs.start('export', 'Preparing', (ctx) => runExport(archive, host, parent, ctx, databaseKey, exportKey));
}

type ExportKey = Awaited<ReturnType<CoreHost['privacy']['exportKey']>>;

function uniqueFolder(parent: string, now: string) {
  const base = path.join(parent, `Ladder export ${timestampForFile(now).slice(0, 19).replace('T', ' ')}`);
  let candidate = base;
  for (let n = 2; existsSync(candidate); n += 1) candidate = `${base} (${n})`;
  return candidate;
}

/**
 * A read-only connection to the archive, its read transaction begun. (A snapshot copied first,
 * as before, cost a copy of the whole file, and its last step blocked the main thread for tens
 * of milliseconds at 100,000 entries; an encrypted one was one long VACUUM INTO.)
 */
function openReader(file: string, databaseKey: string | null) {
  const connection = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    if (databaseKey !== null) applyKey(connection, databaseKey);
    connection.exec('BEGIN');
    // The transaction's view of the archive is fixed by its first read, not by BEGIN.
    connection.prepare('SELECT count(*) FROM sqlite_master').get();
    return connection;
  } catch (error) {
    connection.close();
    throw error;
  }
}

async function runExport(archive: Archive, host: CoreHost, parent: string, ctx: JobContext, databaseKey: string | null, exportKey: ExportKey | null) {
  const target = uniqueFolder(parent, host.clock.now());
  makeFolder(target, { field: 'folder' });
  let reader: SqliteDatabase.Database | null = null;
  let lookups: SqliteDatabase.Database | null = null;
  try {
    // Both begin in the same turn of the event loop: every write goes through this thread, so
    // none can commit between them and both see the same moment. The second connection serves
    // the per-record lookups, so each kind's rows stream from one open iterator on the first
    // (a connection cannot run another query while it iterates).
    reader = openReader(archive.path, databaseKey);
    lookups = openReader(archive.path, databaseKey);
    // The reader walks each table in order, reading each page once: the driver's 16 MB cache only
    // added to the app's memory meanwhile. The lookups keep theirs: they come back to the same pages.
    reader.pragma('cache_size = -2000');
    // Opening cost a few milliseconds: the event loop gets a turn before the reading starts.
    await yieldToLoop();
    const result = await writeExport(reader, lookups, target, archive.schemaVersion, host.clock.now(), ctx, exportKey);
    return { kind: 'export' as const, export: result };
  } catch (error) {
    rmSync(target, { recursive: true, force: true });
    throw error;
  } finally {
    // Closing ends the read transactions, so the archive's log can be checkpointed again.
    lookups?.close();
    reader?.close();
  }
}

/**
 * The Markdown files' paths given so far, case folded (two names differing only in case are one
 * file on macOS and Windows). Kept as 48-bit hashes: the paths themselves held 27 MB of the
 * core's memory at 133,000 files (bench). Two paths sharing a hash (about once in 30,000 exports
 * of that size) only make the second file's name carry its record's id, as a real clash does.
 */
function pathsGiven(expected: number) {
  const given = new NumberSet(expected);
  // Plus one: the set holds positive numbers.
  const key = (file: string) => createHash('sha256').update(file.toLowerCase()).digest().readUIntBE(0, 6) + 1;
  return {
    has: (file: string) => given.has(key(file)),
    add: (file: string) => void given.add(key(file)),
  };
}

/** Lookups on their own connection, each statement prepared once (they run once per record). */
function lookupOn(db: SqliteDatabase.Database): Lookup {
  const statements = new Map<string, SqliteDatabase.Statement | null>();
  return (sql, ...params) => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      try {
        statement = db.prepare(sql);
      } catch {
        statement = null; // a table a lookup needs is not in this archive
      }
      statements.set(sql, statement);
    }
    return statement === null ? [] : (statement.all(...params) as Row[]);
  };
}

async function writeExport(
  db: SqliteDatabase.Database,
  lookupDb: SqliteDatabase.Database,
  target: string,
  schemaVersion: number,
  now: string,
  ctx: JobContext,
  exportKey: ExportKey | null,
): Promise<ExportResult> {
  const tables = dataTables(db);
  // Markdown files are readable by design, so an encrypted export leaves them out.
  const kinds = exportKey ? [] : existingMarkdownKinds(db);
  // The progress bar's total starts as an estimate: a table's largest rowid, which no row count
  // is above and which SQLite finds at once (count(*) read a whole index: 12 ms for the 100,000
  // entries, in one piece). Each table's or kind's share shrinks to the true figure once written.
  const tableRows = new Map<string, number>();
  for (const table of new Set([...tables, ...kinds.map((k) => k.table)])) {
    tableRows.set(table, db.prepare(`SELECT coalesce(max(rowid), 0) FROM ${quoteName(table)}`).pluck().get() as number);
  }
  const rowsIn = (table: string) => tableRows.get(table) ?? 0;
  let total = tables.reduce((sum, t) => sum + rowsIn(t), 0) + kinds.reduce((sum, k) => sum + rowsIn(k.table), 0);
  let done = 0;
  ctx.progress(0, total, 'Writing Markdown files');

  // Markdown: one file per record, a folder per rung.
  const lookup = lookupOn(lookupDb);
  const used = pathsGiven(kinds.reduce((sum, k) => sum + rowsIn(k.table), 0));
  let markdownFiles = 0;
  for (const kind of kinds) {
    let written = 0;
    for (const row of db.prepare(kind.select).iterate() as IterableIterator<Row>) {
      const folder = path.join(target, ...kind.folder(row).split('/').map((part) => safeFileName(part)));
      let name = safeFileName(kind.fileName(row));
      if (used.has(path.join(folder, name))) name = `${name} ${String(row.id).slice(-8)}`;
      used.add(path.join(folder, name));
      makeFolder(folder, { field: 'folder' });
      writeFileSync(path.join(folder, `${name}.md`), kind.render(row, lookup));
      markdownFiles += 1;
      written += 1;
      // A select that joins in more rows than its table has (none today) grows the total as it goes.
      if (written > rowsIn(kind.table)) total += 1;
      ctx.progress(++done, total);
      await ctx.tick();
    }
    total -= Math.max(0, rowsIn(kind.table) - written);
    ctx.progress(done, total);
  }

  // JSON: every row of every table, one row per line, so even a huge archive streams out.
  ctx.progress(done, total, 'Writing the full archive');
  const rows: Record<string, number> = {};
  const jsonFile = path.join(target, exportKey ? encryptedExportName : archiveJsonName);
  const fd = openSync(jsonFile, 'w');
  const sealed = exportKey ? createEncryptedWriter(fd, exportKey) : null;
  const writeSync = (handle: number, text: string) => (sealed ? sealed.write(text) : writeFileSyncPart(handle, text));
  try {
    const header = { format: archiveFormat, formatVersion: archiveFormatVersion, exportedAt: now, schemaVersion };
    writeSync(fd, `${JSON.stringify(header).slice(0, -1)},"tables":{`);
    for (const [index, table] of tables.entries()) {
      writeSync(fd, `${index > 0 ? ',' : ''}\n${JSON.stringify(table)}:[`);
      rows[table] = 0;
      for (const row of db.prepare(`SELECT * FROM ${quoteName(table)}`).iterate() as IterableIterator<Row>) {
        const clean = Object.fromEntries(Object.entries(row).map(([key, value]) => [key, toJsonValue(value)]));
        writeSync(fd, `${rows[table] === 0 ? '' : ','}\n${JSON.stringify(clean)}`);
        rows[table] += 1;
        ctx.progress(++done);
        await ctx.tick();
      }
      total -= Math.max(0, rowsIn(table) - rows[table]);
      ctx.progress(done, total);
      writeSync(fd, '\n]');
    }
    writeSync(fd, '\n}}\n');
    sealed?.end();
  } finally {
    closeSync(fd);
  }
  return { folder: target, jsonFile, markdownFiles, rows };
}

import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync as writeFileSyncPart } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import type { JobStatus } from '../../../../shared/domain/jobs';
import { archiveFormat, archiveFormatVersion, type ExportResult } from '../../../../shared/domain/transfer';
import { LadderError } from '../../../../shared/errors';
import type { Archive } from '../../db/open';
import type { CoreHost } from '../../host';
import type { JobContext } from '../jobs/job-runner';
import { dataTables, quoteName, toJsonValue } from './archive-tables';
import { existingMarkdownKinds, type Lookup, type Row } from './markdown-kinds';
import { resolveUserPath, safeFileName } from './paths';
import { timestampForFile } from '../backup/backup-files';
import { applyKey } from '../privacy/cipher';
import { createEncryptedWriter, encryptedExportName } from '../privacy/encrypted-export';

export const archiveJsonName = 'ladder-archive.json';

/**
 * Exports the whole archive into a new folder inside `folder`. It reads from a snapshot (SQLite's
 * online backup), so writing may go on meanwhile and the export is still one consistent moment.
 * A cancelled or failed export removes its unfinished folder.
 */
export async function startExport(archive: Archive, host: CoreHost, folder: string, choice: { plain?: boolean; passphrase?: string } = {}): Promise<JobStatus> {
  const parent = resolveUserPath(folder, host.homeFolder, 'folder');
  if (existsSync(parent) && !statSync(parent).isDirectory()) throw new LadderError('validation', 'That is a file, not a folder.', 'folder');
  // An encrypted archive stays encrypted on the way out unless plain files were explicitly chosen.
  const databaseKey = host.privacy.databaseKey();
  const exportKey = databaseKey !== null && choice.plain !== true ? await host.privacy.exportKey(choice.passphrase) : null;
  return host.jobs.start('export', 'Taking a snapshot', (ctx) => runExport(archive, host, parent, ctx, databaseKey, exportKey));
}

type ExportKey = Awaited<ReturnType<CoreHost['privacy']['exportKey']>>;

function uniqueFolder(parent: string, now: string) {
  const base = path.join(parent, `Ladder export ${timestampForFile(now).slice(0, 19).replace('T', ' ')}`);
  let candidate = base;
  for (let n = 2; existsSync(candidate); n += 1) candidate = `${base} (${n})`;
  return candidate;
}

async function runExport(archive: Archive, host: CoreHost, parent: string, ctx: JobContext, databaseKey: string | null, exportKey: ExportKey | null) {
  try {
    mkdirSync(parent, { recursive: true });
  } catch {
    throw new LadderError('validation', `Ladder cannot make or write to the folder ${parent}.`, 'folder');
  }
  const target = uniqueFolder(parent, host.clock.now());
  mkdirSync(target);
  // The snapshot lives in the system's temp folder, so the export folder holds only the export.
  const snapshotDir = mkdtempSync(path.join(tmpdir(), 'ladder-export-'));
  let snapshot: SqliteDatabase.Database | null = null;
  let lookups: SqliteDatabase.Database | null = null;
  try {
    const snapshotFile = path.join(snapshotDir, 'snapshot.sqlite3');
    if (databaseKey === null) await backupInSteps(archive.sqlite, snapshotFile);
    // The online backup cannot copy an encrypted database; VACUUM INTO copies it under the same key.
    else archive.sqlite.prepare('VACUUM INTO ?').run(snapshotFile);
    const openSnapshot = () => {
      const connection = new SqliteDatabase(snapshotFile, { readonly: true });
      if (databaseKey !== null) applyKey(connection, databaseKey);
      return connection;
    };
    snapshot = openSnapshot();
    // A second connection for the per-record lookups, so each kind's rows stream from one open
    // iterator on the first (a connection cannot run a query while it iterates).
    lookups = openSnapshot();
    const result = await writeExport(snapshot, lookups, target, archive.schemaVersion, host.clock.now(), ctx, exportKey);
    return { kind: 'export' as const, export: result };
  } catch (error) {
    rmSync(target, { recursive: true, force: true });
    throw error;
  } finally {
    lookups?.close();
    snapshot?.close();
    // Off the main thread: deleting a file the size of the archive can take a while.
    await rm(snapshotDir, { recursive: true, force: true });
  }
}

const pagesPerStep = 100;
const pagesBetweenFlushes = 4096;

/**
 * SQLite's online backup runs in steps between turns of the event loop, but its last step commits
 * the copy and waits for the disk to take all of it (~100 ms at 20k entries, growing with the
 * archive). So the copy is flushed as it goes, and once more before that last step, each time off
 * the main thread; the backup marks time (0 pages a step) while the final flush runs.
 */
async function backupInSteps(sqlite: SqliteDatabase.Database, file: string) {
  const flush = async () => {
    try {
      const handle = await open(file, 'r+');
      await handle.datasync().finally(() => handle.close());
    } catch {
      // a flush that failed only costs the time it would have saved
    }
  };
  let flushing: Promise<void> | null = null;
  let flushedAt = 0;
  let finalFlush: 'not yet' | 'running' | 'done' = 'not yet';
  await sqlite.backup(file, {
    progress: ({ totalPages, remainingPages }) => {
      const copied = totalPages - remainingPages;
      if (remainingPages > pagesPerStep) {
        if (flushing === null && copied - flushedAt >= pagesBetweenFlushes) {
          flushedAt = copied;
          flushing = flush().finally(() => (flushing = null));
        }
        return pagesPerStep;
      }
      if (finalFlush === 'done') return pagesPerStep;
      if (finalFlush === 'not yet' && flushing === null) {
        finalFlush = 'running';
        flushing = flush().finally(() => {
          flushing = null;
          finalFlush = 'done';
        });
      }
      return 0;
    },
  });
  // No flush is left running: the last step waits for the final one, which waits for any other.
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
  // Counting a whole table is cheap; counting each kind's select (joins, filters) is not at
  // 100k rows, so a kind starts out counted as its whole table and the total shrinks to the
  // true figure once that kind is written.
  const tableRows = new Map<string, number>();
  for (const table of new Set([...tables, ...kinds.map((k) => k.table)])) {
    tableRows.set(table, db.prepare(`SELECT count(*) FROM ${quoteName(table)}`).pluck().get() as number);
    await ctx.tick();
  }
  const rowsIn = (table: string) => tableRows.get(table) ?? 0;
  let total = tables.reduce((sum, t) => sum + rowsIn(t), 0) + kinds.reduce((sum, k) => sum + rowsIn(k.table), 0);
  let done = 0;
  ctx.progress(0, total, 'Writing Markdown files');

  // Markdown: one file per record, a folder per rung.
  const lookup = lookupOn(lookupDb);
  const used = new Set<string>();
  let markdownFiles = 0;
  for (const kind of kinds) {
    let written = 0;
    for (const row of db.prepare(kind.select).iterate() as IterableIterator<Row>) {
      const folder = path.join(target, ...kind.folder(row).split('/').map((part) => safeFileName(part)));
      let name = safeFileName(kind.fileName(row));
      if (used.has(path.join(folder, name).toLowerCase())) name = `${name} ${String(row.id).slice(-8)}`;
      used.add(path.join(folder, name).toLowerCase());
      mkdirSync(folder, { recursive: true });
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
      writeSync(fd, '\n]');
    }
    writeSync(fd, '\n}}\n');
    sealed?.end();
  } finally {
    closeSync(fd);
  }
  return { folder: target, jsonFile, markdownFiles, rows };
}

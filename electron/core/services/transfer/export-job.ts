import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync as writeFileSyncPart } from 'node:fs';
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
  try {
    const snapshotFile = path.join(snapshotDir, 'snapshot.sqlite3');
    if (databaseKey === null) await archive.sqlite.backup(snapshotFile);
    // The online backup cannot copy an encrypted database; VACUUM INTO copies it under the same key.
    else archive.sqlite.prepare('VACUUM INTO ?').run(snapshotFile);
    snapshot = new SqliteDatabase(snapshotFile, { readonly: true });
    if (databaseKey !== null) applyKey(snapshot, databaseKey);
    const result = await writeExport(snapshot, target, archive.schemaVersion, host.clock.now(), ctx, exportKey);
    return { kind: 'export' as const, export: result };
  } catch (error) {
    rmSync(target, { recursive: true, force: true });
    throw error;
  } finally {
    snapshot?.close();
    rmSync(snapshotDir, { recursive: true, force: true });
  }
}

async function writeExport(
  db: SqliteDatabase.Database,
  target: string,
  schemaVersion: number,
  now: string,
  ctx: JobContext,
  exportKey: ExportKey | null,
): Promise<ExportResult> {
  const tables = dataTables(db);
  // Markdown files are readable by design, so an encrypted export leaves them out.
  const kinds = exportKey ? [] : existingMarkdownKinds(db);
  const count = (sql: string) => db.prepare(`SELECT count(*) FROM (${sql})`).pluck().get() as number;
  const total = tables.reduce((sum, t) => sum + count(`SELECT 1 FROM ${quoteName(t)}`), 0) + kinds.reduce((sum, k) => sum + count(k.select), 0);
  let done = 0;
  ctx.progress(0, total, 'Writing Markdown files');

  // Markdown: one file per record, a folder per rung.
  const lookup: Lookup = (sql, ...params) => {
    try {
      return db.prepare(sql).all(...params) as Row[];
    } catch {
      return []; // a table a lookup needs is not in this archive
    }
  };
  const used = new Set<string>();
  let markdownFiles = 0;
  const pageSize = 200;
  for (const kind of kinds) {
    // Pages, not an open iterator: the lookups inside need the connection too.
    const page = db.prepare(`${kind.select} LIMIT ? OFFSET ?`);
    for (let offset = 0; ; offset += pageSize) {
      const batch = page.all(pageSize, offset) as Row[];
      if (batch.length === 0) break;
      for (const row of batch) {
        const folder = path.join(target, ...kind.folder(row).split('/').map((part) => safeFileName(part)));
        let name = safeFileName(kind.fileName(row));
        if (used.has(path.join(folder, name).toLowerCase())) name = `${name} ${String(row.id).slice(-8)}`;
        used.add(path.join(folder, name).toLowerCase());
        mkdirSync(folder, { recursive: true });
        writeFileSync(path.join(folder, `${name}.md`), kind.render(row, lookup));
        markdownFiles += 1;
        ctx.progress(++done);
        await ctx.tick();
      }
    }
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

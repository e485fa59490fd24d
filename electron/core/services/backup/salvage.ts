import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import path from 'node:path';
import type { SalvagedTable, SalvageSummary } from '../../../../shared/domain/backup';
import type { JobStatus } from '../../../../shared/domain/jobs';
import { LadderError } from '../../../../shared/errors';
import { isDamageError } from '../../db/health';
import { openArchive } from '../../db/open';
import type { CoreHost } from '../../host';
import { backupFileName, ensureDir, listBackups } from './backup-files';
import { backupKeyFile } from './backup-files';
import { applyKey } from '../privacy/cipher';
import { columnsOf, dataTables, keyColumns, quoteName } from '../transfer/archive-tables';

/**
 * "Make a recovered copy": reads what can still be read from a damaged archive into a new one.
 * This SQLite build has no `.recover` (no sqlite_dbpage), so the salvage walks each table by
 * rowid and, where a page cannot be read, seeks past it: interior pages usually survive when a
 * leaf is damaged, so a seek to a rowid beyond the damaged leaf lands in the next, readable one.
 * The damaged file is opened read-only and never written.
 */

export interface SalvageProgress {
  /** Gives the event loop back between batches; a job's `tick` (it throws once cancelled). */
  tick(): Promise<void>;
  progress?(done: number, phase: string): void;
}

export interface SalvageResult {
  tables: SalvagedTable[];
  missingParent: number;
}

const batchSize = 500;

/**
 * `backup.recover`: only while the archive is damaged. An encrypted archive (opened with its
 * passphrase before the damage showed) is read with its key, and its recovered copy is encrypted
 * under the same key, with the key file beside it as every encrypted backup has.
 */
export function startSalvageJob(host: CoreHost): JobStatus {
  const damaged = host.damaged();
  if (!damaged) throw new LadderError('validation', 'Your archive is not damaged, so there is nothing to recover. Use Back up now to make a copy.');
  const key = host.privacy.databaseKey();
  if (host.privacy.encrypted() && key === null) {
    throw new LadderError('locked', 'Unlock Ladder with your passphrase first: the damaged archive can only be read with it.');
  }
  if (host.jobs.running()) throw new LadderError('conflict', 'A recovered copy is already being made; wait until it has finished.');
  const encryption = key === null ? undefined : { key, keyFile: host.privacy.keyFilePath() };
  return host.jobs.start('recover', 'Reading the damaged file', async (ctx) => {
    ensureDir(host.backups.dir);
    const name = backupFileName('recovered', host.clock.now());
    const result = await salvageArchive(
      damaged.path,
      path.join(host.backups.dir, name),
      { tick: () => ctx.tick(), progress: (done, phase) => ctx.progress(done, undefined, phase) },
      encryption,
    );
    const backup = listBackups(host.backups.dir).find((b) => b.name === name);
    if (!backup) throw new LadderError('internal', 'The recovered copy was made but could not be found afterwards.');
    const summary: SalvageSummary = { backup, ...result };
    return { kind: 'recover', recover: summary };
  });
}
type Row = Record<string, unknown>;

function isWithoutRowid(source: SqliteDatabase.Database, table: string) {
  const sql = source.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string | undefined;
  return /without\s+rowid\s*$/i.test(sql?.trim() ?? '');
}

/** The rowids the table's primary-key index holds: an exact list of rows even when table pages are damaged. */
function rowidsFromIndex(source: SqliteDatabase.Database, table: string): Set<number> | null {
  try {
    const indexes = source.pragma(`index_list(${quoteName(table)})`) as { name: string; origin: string }[];
    const index = indexes.find((i) => i.origin === 'pk') ?? indexes[0];
    if (!index) return null;
    const rowids = source.prepare(`SELECT rowid FROM ${quoteName(table)} INDEXED BY ${quoteName(index.name)}`).pluck().all() as number[];
    return new Set(rowids);
  } catch (error) {
    if (isDamageError(error)) return null;
    throw error;
  }
}

/** Companion files a read-only open may leave beside the damaged file; only those it made are removed. */
function companionsOf(file: string) {
  return [`${file}-wal`, `${file}-shm`].filter((f) => existsSync(f));
}

/**
 * Copies what can be read from `damagedFile` into a new archive at `targetFile` (written as
 * `targetFile.partial`, renamed once whole). Tables that exist in both are copied by the columns
 * both share; rows whose parent record could not be read are kept (and counted), never dropped.
 */
export async function salvageArchive(
  damagedFile: string,
  targetFile: string,
  work: SalvageProgress,
  encryption?: { key: string; keyFile: string },
): Promise<SalvageResult> {
  if (!existsSync(damagedFile)) throw new LadderError('validation', 'The damaged archive file is not there any more, so nothing can be recovered from it.');
  if (existsSync(targetFile)) throw new LadderError('internal', `Refusing to overwrite ${targetFile}.`);
  const partial = `${targetFile}.partial`;
  rmSync(partial, { force: true });
  const hadCompanions = new Set(companionsOf(damagedFile));

  let source: SqliteDatabase.Database;
  let tables: string[];
  try {
    source = new SqliteDatabase(damagedFile, { readonly: true, fileMustExist: true });
    if (encryption) applyKey(source, encryption.key);
    // Lets SQLite read a file shorter than its header says (cut off) instead of refusing it whole;
    // the connection is read-only, so nothing can be written through it all the same.
    // (writable_schema only counts outside better-sqlite3's defensive mode, hence unsafeMode.)
    source.unsafeMode(true);
    source.pragma('writable_schema = ON');
  } catch (error) {
    throw new LadderError('validation', `Nothing could be read from the damaged file (${(error as Error).message}), so no recovered copy was made.`);
  }
  try {
    try {
      tables = dataTables(source);
    } catch (error) {
      if (!isDamageError(error)) throw error;
      throw new LadderError('validation', 'The list of tables in the damaged file cannot be read, so nothing can be recovered from it. Keep the file safe.');
    }
    // Encrypted under the same key: a copy of an encrypted archive never sits in the clear.
    const target = await openArchive(partial, { checkHealth: false, ...(encryption ? { encryption } : {}) });
    try {
      const result = await copyTables(source, target.sqlite, tables, work);
      target.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const problems = target.sqlite.pragma('integrity_check', { simple: true });
      if (problems !== 'ok') throw new LadderError('internal', `The recovered copy did not pass its own check (${String(problems)}).`);
      await target.close();
      for (const suffix of ['-wal', '-shm']) rmSync(partial + suffix, { force: true });
      // The key file first: a recovered copy listed without it could not be opened.
      if (encryption) copyFileSync(encryption.keyFile, backupKeyFile(targetFile));
      renameSync(partial, targetFile);
      return result;
    } catch (error) {
      await target.close().catch(() => undefined);
      throw error;
    }
  } finally {
    source.close();
    for (const suffix of ['-wal', '-shm']) rmSync(partial + suffix, { force: true });
    rmSync(partial, { force: true });
    for (const companion of companionsOf(damagedFile)) {
      // An empty log and its index, made by the read-only open itself: litter, not the person's data.
      if (!hadCompanions.has(companion) && (companion.endsWith('-shm') || statSync(companion).size === 0)) rmSync(companion, { force: true });
    }
  }
}

async function copyTables(source: SqliteDatabase.Database, target: SqliteDatabase.Database, tables: string[], work: SalvageProgress): Promise<SalvageResult> {
  const targetTables = new Set(dataTables(target));
  const summary: SalvagedTable[] = [];
  let done = 0;
  // Parents may be the very rows that could not be read; checked (not enforced) once all is copied.
  target.pragma('foreign_keys = OFF');
  for (const table of tables.filter((t) => targetTables.has(t))) {
    let sourceColumns: string[];
    try {
      sourceColumns = columnsOf(source, table).map((c) => c.name);
    } catch (error) {
      if (!isDamageError(error)) throw error;
      summary.push({ table, copied: 0, unreadable: 0, lost: true });
      continue;
    }
    const targetColumns = columnsOf(target, table);
    const shared = new Set(targetColumns.map((c) => c.name));
    const columns = sourceColumns.filter((c) => shared.has(c));
    // A row the new archive already holds (a prompt seeded by a migration) takes the person's version.
    const key = keyColumns(targetColumns).filter((c) => columns.includes(c));
    const rest = columns.filter((c) => !key.includes(c));
    const upsert =
      key.length === 0 ? '' : ` ON CONFLICT (${key.map(quoteName).join(', ')}) ${rest.length === 0 ? 'DO NOTHING' : `DO UPDATE SET ${rest.map((c) => `${quoteName(c)} = excluded.${quoteName(c)}`).join(', ')}`}`;
    const insert = target.prepare(
      `INSERT OR IGNORE INTO ${quoteName(table)} (${columns.map(quoteName).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})${upsert}`,
    );
    const write = target.transaction((rows: Row[]) => rows.reduce((n, row) => n + insert.run(columns.map((c) => row[c])).changes, 0));
    const copyRows = async (rows: Row[]) => {
      done += rows.length;
      work.progress?.(done, `Reading ${table.replaceAll('_', ' ')}`);
      const copied = write(rows);
      await work.tick();
      return copied;
    };
    const outcome = isWithoutRowid(source, table) ? await copyWithoutRowid(source, table, copyRows) : await copyByRowid(source, table, copyRows, work);
    summary.push({ table, ...outcome });
  }
  const orphans = target.pragma('foreign_key_check') as unknown[];
  target.pragma('foreign_keys = ON');
  return { tables: summary, missingParent: orphans.length };
}

type CopyRows = (rows: Row[]) => Promise<number>;
type Outcome = Omit<SalvagedTable, 'table'>;

/** A table without rowids cannot be walked past a damaged page: read it in one go, keep what came before. */
async function copyWithoutRowid(source: SqliteDatabase.Database, table: string, copyRows: CopyRows): Promise<Outcome> {
  const rows: Row[] = [];
  let failed = false;
  try {
    for (const row of source.prepare(`SELECT * FROM ${quoteName(table)}`).iterate() as Iterable<Row>) rows.push(row);
  } catch (error) {
    if (!isDamageError(error)) throw error;
    failed = true;
  }
  const copied = rows.length > 0 ? await copyRows(rows) : 0;
  return { copied, unreadable: failed ? 1 : 0, lost: failed && rows.length === 0 };
}

/** Reads up to `batchSize` rows from `rowid >= from`; `rows` holds what was read before any damage. */
function readFrom(select: SqliteDatabase.Statement, from: number): { rows: Row[]; damaged: boolean } {
  const rows: Row[] = [];
  try {
    for (const row of select.iterate(from) as Iterable<Row>) rows.push(row);
    return { rows, damaged: false };
  } catch (error) {
    if (!isDamageError(error)) throw error;
    return { rows, damaged: true };
  }
}

function readableFrom(probe: SqliteDatabase.Statement, from: number) {
  try {
    probe.get(from);
    return true;
  } catch (error) {
    if (!isDamageError(error)) throw error;
    return false;
  }
}

/** The smallest rowid from which a read works again, past an unreadable `bad`: doubling jumps, then halving back. */
function nextReadable(probe: SqliteDatabase.Statement, unreadable: number): number | null {
  let bad = unreadable;
  let jump = 1;
  let good: number | null = null;
  while (good === null) {
    if (bad + jump > Number.MAX_SAFE_INTEGER) return null;
    if (readableFrom(probe, bad + jump)) good = bad + jump;
    else {
      bad += jump;
      jump *= 2;
    }
  }
  while (good - bad > 1) {
    const middle: number = bad + Math.floor((good - bad) / 2);
    if (readableFrom(probe, middle)) good = middle;
    else bad = middle;
  }
  return good;
}

/** Walks the table by rowid; past a damaged page it doubles its jump until a read succeeds, then narrows back. */
async function copyByRowid(source: SqliteDatabase.Database, table: string, copyRows: CopyRows, work: SalvageProgress): Promise<Outcome> {
  const name = quoteName(table);
  const select = source.prepare(`SELECT rowid AS __rowid, * FROM ${name} WHERE rowid >= ? ORDER BY rowid LIMIT ${batchSize}`);
  // A probe reads a whole row: a row whose overflow pages are damaged has a readable rowid but is not readable.
  const probe = source.prepare(`SELECT * FROM ${name} WHERE rowid >= ? ORDER BY rowid LIMIT 1`);
  const read = new Set<number>();
  let copied = 0;
  let skipped = false;
  let gaveUp = false;
  // Without an index to count from, the rowids jumped over estimate what was lost (rowids are dense here).
  let estimate = 0;
  let from = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const { rows, damaged } = readFrom(select, from);
    for (const row of rows) read.add(Number(row.__rowid));
    if (rows.length > 0) copied += await copyRows(rows);
    const last = rows.length > 0 ? Number(rows[rows.length - 1]?.__rowid) : from - 1;
    if (!damaged) {
      if (rows.length < batchSize) break;
      from = last + 1;
      continue;
    }
    skipped = true;
    // The row after `last` cannot be read: find the first rowid from which reading works again.
    const good = nextReadable(probe, last + 1);
    if (good === null) {
      gaveUp = true;
      break;
    }
    estimate += good - (last + 1);
    from = good;
    await work.tick();
  }
  if (!skipped) return { copied, unreadable: 0, lost: false };
  // The primary-key index lists every row: count exactly what is missing, and try each one alone.
  const listed = rowidsFromIndex(source, table);
  if (!listed) return { copied, unreadable: Math.max(1, gaveUp ? 1 : estimate), lost: copied === 0 };
  const one = source.prepare(`SELECT rowid AS __rowid, * FROM ${name} WHERE rowid = ?`);
  let unreadable = 0;
  const retried: Row[] = [];
  for (const rowid of listed) {
    if (read.has(rowid)) continue;
    try {
      const row = one.get(rowid) as Row | undefined;
      if (row) retried.push(row);
    } catch (error) {
      if (!isDamageError(error)) throw error;
      unreadable += 1;
    }
  }
  if (retried.length > 0) copied += await copyRows(retried);
  return { copied, unreadable, lost: copied === 0 && unreadable > 0 };
}

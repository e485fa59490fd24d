import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { applyKey } from '../services/privacy/cipher';

/**
 * Is an archive file sound enough to open? Checked read-only, before anything writes to the file,
 * so a damaged archive is never changed (a read-write open could replay its log into it).
 */

/** Thrown by `openArchive` when the file is damaged; `createCore` turns it into the damaged state. */
export class DamagedArchiveError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'DamagedArchiveError';
  }
}

const sqliteMagic = 'SQLite format 3\0';

/** SQLite's own codes for a file that is not a database or whose pages do not add up. */
export function isDamageError(error: unknown) {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return true;
  // A header byte naming a schema format SQLite does not know comes back as a plain SQLITE_ERROR;
  // the app then failed to start at all instead of offering the backups.
  return code === 'SQLITE_ERROR' && error instanceof Error && error.message.includes('unsupported file format');
}

function readHeader(file: string): Buffer {
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  return header;
}

/**
 * Does a write-ahead log with frames sit beside the file? Then the file alone is not the archive:
 * a crash part-way through a checkpoint leaves page 1 (copied first, as pages go back in page
 * order) counting pages that only the log holds yet, and SQLite replays the log on open.
 */
function hasLogFrames(file: string): boolean {
  const log = `${file}-wal`;
  let size: number;
  try {
    size = statSync(log).size;
  } catch {
    return false;
  }
  if (size < 32 + 24) return false;
  const magic = readHeader(log).readUInt32BE(0);
  return magic === 0x377f0682 || magic === 0x377f0683;
}

/** What the first 100 bytes say: not SQLite at all, or fewer pages on disk than the header counts. */
function headerProblem(file: string, encrypted: boolean): string | null {
  const size = statSync(file).size;
  if (size < 100) return 'The file is too short to be an archive: it looks cut off.';
  // An encrypted file's header is encrypted too; opening it with the key checks it instead.
  if (encrypted) return null;
  const header = readHeader(file);
  if (header.toString('latin1', 0, 16) !== sqliteMagic) return 'The file is not a Ladder archive any more: its first bytes are not those of a database.';
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  const pageCount = header.readUInt32BE(28);
  // The page count is only trustworthy when its "valid for" counter matches the change counter.
  const countValid = header.readUInt32BE(92) === header.readUInt32BE(24);
  if (countValid && pageCount > 0 && size < pageCount * pageSize && !hasLogFrames(file)) {
    return `The file is shorter than it should be (${size.toLocaleString('en')} of ${(pageCount * pageSize).toLocaleString('en')} bytes): it looks cut off.`;
  }
  return null;
}

function firstProblem(rows: unknown): string {
  const list = rows as { quick_check?: string; integrity_check?: string }[];
  const message = list.map((row) => row.quick_check ?? row.integrity_check ?? '').find((m) => m !== 'ok');
  return message ?? 'ok';
}

/**
 * Null when the file looks sound; otherwise what is wrong, in plain words. The header, the
 * schema and the migration table are always read; `quick_check` reads every page (seconds on a
 * large archive) and catches damage the cheap checks cannot, so `scanPages: false` skips it.
 */
export function findDamage(file: string, options: { thorough?: boolean; scanPages?: boolean; key?: string } = {}): string | null {
  const header = headerProblem(file, options.key !== undefined);
  if (header) return header;
  let sqlite: SqliteDatabase.Database | null = null;
  const hadCompanions = existsSync(`${file}-wal`) || existsSync(`${file}-shm`);
  try {
    sqlite = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    if (options.key !== undefined) applyKey(sqlite, options.key);
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    const migrationTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get();
    if (migrationTable) sqlite.prepare('SELECT count(*) FROM kysely_migration').get();
    if (options.scanPages === false && !options.thorough) return null;
    const problem = firstProblem(sqlite.pragma(options.thorough ? 'integrity_check(5)' : 'quick_check(5)'));
    if (problem !== 'ok') return `The archive failed its integrity check (${problem.slice(0, 200)}).`;
    return null;
  } catch (error) {
    if (isDamageError(error)) return `The archive could not be read: ${error instanceof Error ? error.message : String(error)}.`;
    // Not damage (locked, no permission, no shared-memory file for a read-only open): let the normal open decide.
    return null;
  } finally {
    sqlite?.close();
    if (!hadCompanions) removeEmptyCompanions(file);
  }
}

/**
 * A read-only look at a file in WAL mode creates an empty -wal and a -shm beside it, which only a
 * writer removes: every backup (checked as `.name.partial`, then renamed) left a pair behind for
 * good. Removed again when this look made them and the log holds nothing.
 */
function removeEmptyCompanions(file: string) {
  try {
    if (statSync(`${file}-wal`).size !== 0) return;
  } catch {
    return;
  }
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
}

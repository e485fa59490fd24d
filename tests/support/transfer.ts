import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import type { JobStatus } from '../../shared/domain/jobs';
import type { TestCore } from './core';
import { makeTempDir } from './temp-dir';

/** Polls a job until it has finished, and returns its last status. */
export async function finish(test: TestCore, jobId: string): Promise<JobStatus> {
  for (;;) {
    const status = await test.call('jobs.status', { id: jobId });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Every row of every data table, sorted, to compare two archives record for record. */
export function archiveRows(sqlite: SqliteDatabase.Database): Record<string, unknown[]> {
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' AND name NOT LIKE 'search_%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((table) => {
      const rows = sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
      return [table, rows.map((row) => JSON.stringify(row)).sort()];
    }),
  );
}

export function searchIndexSize(sqlite: SqliteDatabase.Database) {
  return sqlite.prepare('SELECT count(*) FROM search_doc').pluck().get() as number;
}

/** Exports the whole archive into `folder`; throws unless the export finished. */
export async function exportTo(test: TestCore, folder: string) {
  const { jobId } = await test.call('transfer.exportStart', { folder });
  const status = await finish(test, jobId);
  if (status.state !== 'done' || status.result?.kind !== 'export') throw new Error(`export ${status.state}: ${JSON.stringify(status.error)}`);
  return status.result.export;
}

/** Every file under `dir`, as sorted paths relative to it. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((item) => item.isFile())
    .map((item) => path.relative(dir, path.join(item.parentPath, item.name)))
    .sort();
}

/** Exports into a temporary folder, hands `check` its files and a reader, then removes the folder. */
export async function withExport(test: TestCore, check: (exported: { files: string[]; read: (file: string) => string }) => void | Promise<void>) {
  const temp = makeTempDir();
  try {
    const result = await exportTo(test, temp.dir);
    await check({ files: listFiles(result.folder), read: (file) => readFileSync(path.join(result.folder, file), 'utf8') });
  } finally {
    temp.remove();
  }
}

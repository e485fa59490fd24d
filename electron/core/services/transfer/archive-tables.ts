import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';

/**
 * The archive's own tables, found in `sqlite_master` so a table added by a later migration is
 * exported and imported without any change here. Left out: SQLite's and the migrator's
 * bookkeeping, and the search index (derived from the records, rebuilt by its triggers).
 * Drafts (words typed into a form, not saved yet) go along on purpose: they are the person's
 * words too. An import matches them by their form's key, not their id (import-job.ts).
 */
export function dataTables(sqlite: SqliteDatabase.Database): string[] {
  return sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table'
         AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'kysely\\_%' ESCAPE '\\' AND name NOT LIKE 'search\\_%' ESCAPE '\\'
       ORDER BY name`,
    )
    .pluck()
    .all() as string[];
}

export interface ColumnInfo {
  name: string;
  notNull: boolean;
  hasDefault: boolean;
  /** Position in the primary key, 0 when not part of it. */
  pk: number;
}

export function quoteName(name: string) {
  return `"${name.replaceAll('"', '""')}"`;
}

export function columnsOf(sqlite: SqliteDatabase.Database, table: string): ColumnInfo[] {
  return (sqlite.pragma(`table_info(${quoteName(table)})`) as { name: string; notnull: number; dflt_value: unknown; pk: number }[]).map((c) => ({
    name: c.name,
    notNull: c.notnull === 1,
    hasDefault: c.dflt_value !== null,
    pk: c.pk,
  }));
}

/** The columns that name a row: the primary key, in order (`id` for most tables, two ids for links). */
export function keyColumns(columns: ColumnInfo[]): string[] {
  return columns
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
}

/**
 * Tables ordered so each comes after the tables its foreign keys point to (from
 * `PRAGMA foreign_key_list`); a table pointing at itself is fine, cycles fall back to name order.
 */
export function foreignKeyOrder(sqlite: SqliteDatabase.Database, tables: string[]): string[] {
  const known = new Set(tables);
  const needs = new Map(
    tables.map((table) => [
      table,
      new Set(
        (sqlite.pragma(`foreign_key_list(${quoteName(table)})`) as { table: string }[])
          .map((fk) => fk.table)
          .filter((other) => other !== table && known.has(other)),
      ),
    ]),
  );
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t) && [...(needs.get(t) ?? [])].every((n) => placed.has(n)));
    const next = ready.length > 0 ? ready : tables.filter((t) => !placed.has(t)).slice(0, 1);
    for (const table of next) {
      placed.add(table);
      ordered.push(table);
    }
  }
  return ordered;
}

/** A SQLite value as JSON, losslessly: blobs become `{ "$base64": "…" }`. */
export function toJsonValue(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return { $base64: value.toString('base64') };
  if (typeof value === 'bigint') return Number(value);
  return value;
}

export function fromJsonValue(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as { $base64?: unknown }).$base64 === 'string') {
    return Buffer.from((value as { $base64: string }).$base64, 'base64');
  }
  return value;
}

import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The archive's tables as Kysely sees them. Every table carries a time-ordered text id,
 * `created_at`, `updated_at` and `deleted_at` (soft delete), so undo, export and a later
 * sync stay possible. Timestamps are ISO 8601 strings in UTC; days are `YYYY-MM-DD`.
 */
export interface Database {
  entry: EntryTable;
}

interface Row {
  id: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface EntryTable extends Omit<Row, 'deleted_at'> {
  title: string;
  body: string;
  entry_date: string;
  deleted_at: Generated<string | null>;
}

export type EntryRow = Selectable<EntryTable>;
export type NewEntryRow = Insertable<EntryTable>;
export type EntryRowUpdate = Updateable<EntryTable>;

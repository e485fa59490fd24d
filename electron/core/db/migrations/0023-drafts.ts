import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
// Words typed into a form but not saved yet (a meeting being recorded, a renegotiation, a quick
// capture) were kept only while the window was open. They now wait here, by the form's key
// (`crews:<id>:new-meeting`, `quick-capture`), so a restart or a crash no longer loses them.
// `value` is the form's state as JSON text, written over as the person types.

/** A new, empty table and its indexes: no stored record changes (see pre-migration-copy.ts). */
export const additive = true;

/** Creates a table and indexes it while it is empty: no row is read or rewritten (see migrate-off-thread.ts). */
export const quick = true;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('draft')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  // One draft per form: keeping words again for the same key writes over the draft (an upsert on this index).
  await sql`CREATE UNIQUE INDEX draft_by_key ON draft (key) WHERE deleted_at IS NULL`.execute(db);
  // Loading them at start (newest first) and letting go of those untouched for months both read by age.
  await sql`CREATE INDEX draft_by_age ON draft (updated_at) WHERE deleted_at IS NULL`.execute(db);
}

import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
// A view of the search index's words, for prefix search. (An earlier draft also turned FTS5's
// merging during writes off, leaving it to idle time: the benchmark showed no gain per save, and
// the soak trial showed a long burst of saves then merging a whole level in one write.)

/** Only a view of the derived search index is added: no record is touched (see pre-migration-copy.ts). */
export const additive = true;

export async function up(db: Kysely<any>): Promise<void> {
  // The index's words, readable as rows: a prefix being typed ("gratef") is looked up here once
  // and searched as the few whole words it stands for, rather than expanded by every statement.
  await sql`CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_text, 'row')`.execute(db);
}

import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
// The ladder home asks for the latest meeting day and, for each crew, how many meetings its
// current cycle has held. Without these indexes both read every meeting: 12-14 ms each at
// 10,000 meetings (benchmark), most of the home summary's time; with them, under a millisecond.
// The crews list's per-crew facts (meetings this cycle, the last one's day) read only the second
// index: it carries every column they need (deleted_at too, or SQLite still reads each row).

/** Only indexes are added: no record is touched (see pre-migration-copy.ts). */
export const additive = true;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX meeting_by_day ON meeting (held_on) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX meeting_by_cycle ON meeting (crew_id, cycle, held_on, deleted_at) WHERE deleted_at IS NULL`.execute(db);
}

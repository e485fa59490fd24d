import type { Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
// A retrospective's decision replaces part of the crew: its stage, the cycle's sessions and end
// date, the next meeting's date. Deleting the retrospective put back guesses, and lost the end
// date. Each new retrospective now records what it replaced, so deleting it puts back exactly
// that. Older ones have no record (replaced_stage is null): they stay, with the reason said.

/** New nullable columns only: no stored record changes (see pre-migration-copy.ts). */
export const additive = true;

/** Four ALTER TABLE ... ADD COLUMN: no row is rewritten, nothing indexed (see migrate-off-thread.ts). */
export const quick = true;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('retrospective').addColumn('replaced_stage', 'text').execute();
  await db.schema.alterTable('retrospective').addColumn('replaced_cycle_sessions', 'integer').execute();
  await db.schema.alterTable('retrospective').addColumn('replaced_cycle_end_on', 'text').execute();
  await db.schema.alterTable('retrospective').addColumn('replaced_next_meeting_on', 'text').execute();
}

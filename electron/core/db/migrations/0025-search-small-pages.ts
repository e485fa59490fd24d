import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
// The search index writes pages of 1,000 bytes instead of FTS5's 4,050. A save's words join the
// index as a small segment, and every 64 pages written FTS5 merges up to 64 pages per level of
// the index inside that save: at 100,000 entries (9 levels) that step took a check-in 16.6–17.8 ms
// of CPU, longer than a frame. A merge step costs mostly per page, so smaller pages make each
// step cheaper; steps come more often, and the total work is about the same. Benchmark probe
// (3,000 saves on the bench archive, CPU of the core's thread): the longest save 17.1 ms with
// 4,050-byte pages, 12.2 with 1,000, 9.2–11.1 with 500, 17.2 with 250 (a page that small splits
// common words' doclists so finely that their merges cost more, and phrase searches slowed from
// 9 to 13 ms).
//
// Only what is written from now on uses the new size: existing pages stay as they are, each page
// says its own size, and they are rewritten small as merging reaches them.

/** Only the search index's settings change: no record is touched (see pre-migration-copy.ts). */
export const additive = true;
/** One setting row: nothing is rewritten now (see migrate-off-thread.ts). */
export const quick = true;

/** Bytes per page of the search index (FTS5's `pgsz`). */
export const searchPageSize = 1000;

export async function up(db: Kysely<any>): Promise<void> {
  // FTS5 takes the value only as an integer literal: a bound JavaScript number arrives as a REAL.
  await sql.raw(`INSERT INTO search_text (search_text, rank) VALUES ('pgsz', ${searchPageSize})`).execute(db);
}

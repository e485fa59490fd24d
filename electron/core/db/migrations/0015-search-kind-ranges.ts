import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
// Each kind of record gets its own range of search rowids: kind n's documents are numbered
// n·2^40 + 1, n·2^40 + 2… in the order they were indexed. A search within one kind then asks
// FTS5 for a rowid range, which it seeks to directly, instead of intersecting the words with the
// kind's `meta` token: that read every document of the kind (a kind with few records but common
// words cost as much as one with many), and it did so once per kind, about twenty times a search
// (benchmark at 100,000 entries: a phrase took 40 ms, 20 of them finding which kinds had hits).
//
// `search_doc_place` keeps the ranges as documents come and go: the triggers that index records
// (0006's `indexKind`, used by every later kind too) insert into `search_doc` as before, and this
// moves the new row to the end of its kind's range before they copy its words under that rowid.
// A kind with no documents yet starts a new range above every other one.

/** Only the derived search index is renumbered and rebuilt: no record is touched (see pre-migration-copy.ts). */
export const additive = true;

/** 2^40: room for a trillion documents of one kind. (Shifts in SQL; JavaScript multiplies.) */
const rangeBits = 40;

const placeNewDocument = `CREATE TRIGGER search_doc_place AFTER INSERT ON search_doc BEGIN
  UPDATE search_doc SET doc_id = (
    SELECT coalesce((SELECT max(doc_id) FROM search_doc WHERE doc_id >= range.low AND doc_id < range.low + (1 << ${rangeBits}) AND doc_id <> new.doc_id), range.low) + 1
    FROM (SELECT coalesce(
      (SELECT (doc_id >> ${rangeBits}) << ${rangeBits} FROM search_doc WHERE kind = new.kind AND doc_id <> new.doc_id LIMIT 1),
      ((coalesce((SELECT max(doc_id) FROM search_doc WHERE doc_id <> new.doc_id), 0) >> ${rangeBits}) + 1) << ${rangeBits}
    ) AS low) AS range
  ) WHERE doc_id = new.doc_id;
END`;

export async function up(db: Kysely<any>): Promise<void> {
  // The new number of every document: kinds in the order they first joined the index.
  await sql`CREATE TEMP TABLE search_renumber (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)`.execute(db);
  await sql
    .raw(
      `INSERT INTO temp.search_renumber (old, new)
  WITH kinds AS (SELECT kind, row_number() OVER (ORDER BY min(doc_id)) AS n FROM search_doc GROUP BY kind)
  SELECT d.doc_id, (k.n << ${rangeBits}) + row_number() OVER (PARTITION BY d.kind ORDER BY d.doc_id)
  FROM search_doc d JOIN kinds k ON k.kind = d.kind`,
    )
    .execute(db);

  // The words, under their new numbers. FTS5 cannot change a rowid in place (it would re-read
  // every document one by one), so the table is built again from its own content.
  await sql`CREATE TEMP TABLE search_renumber_text AS
    SELECT r.new AS doc_id, t.title AS title, t.body AS body, t.meta AS meta
    FROM search_text t JOIN temp.search_renumber r ON r.old = t.rowid`.execute(db);
  // Every new number is above every old one, so no two rows ever share a number on the way.
  await sql`UPDATE search_doc SET doc_id = (SELECT new FROM temp.search_renumber WHERE old = search_doc.doc_id)`.execute(db);
  // Any row of `search_text` without its `search_doc` (there should be none) is left behind.
  await sql`DROP TABLE search_text`.execute(db);
  // As 0006 made it.
  await sql`CREATE VIRTUAL TABLE search_text USING fts5(title, body, meta, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db);
  // FTS5 writes what it holds in memory as a new segment each time it passes `hashsize` (1 MB),
  // and merges them as it goes: with 32 MB, rebuilding 100,000 entries took 9 s instead of 15,
  // and left 3 segments instead of 14 (every word of a search is looked up in each).
  await sql`INSERT INTO search_text (search_text, rank) VALUES ('hashsize', 33554432)`.execute(db);
  await sql`INSERT INTO search_text (rowid, title, body, meta) SELECT doc_id, title, body, meta FROM temp.search_renumber_text ORDER BY doc_id`.execute(db);
  await sql`INSERT INTO search_text (search_text, rank) VALUES ('hashsize', 1048576)`.execute(db);
  // Idle merging (search-upkeep.ts) then merges any two segments of a level, not four, so the
  // index settles at about one segment a level: every search reads it, the merging is in pauses.
  // (Merging during saves keeps FTS5's default, so a save costs what it did.)
  await sql`INSERT INTO search_text (search_text, rank) VALUES ('usermerge', 2)`.execute(db);
  await sql`DROP TABLE temp.search_renumber_text`.execute(db);
  await sql`DROP TABLE temp.search_renumber`.execute(db);

  await sql.raw(placeNewDocument).execute(db);
}

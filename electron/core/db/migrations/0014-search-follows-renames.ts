import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
// 0011 titled network hosts with their person's name, and gatherings (when unnamed) and shared
// lessons with their congregation's name, but nothing updated those titles on a rename: search
// showed the old name. These triggers follow renames, and the titles already stale are corrected.

const hostTitles = `UPDATE search_text SET title = new.name WHERE rowid IN (
    SELECT doc_id FROM search_doc WHERE kind = 'network_host' AND record_id IN (SELECT id FROM network_host WHERE person_id = new.id)
  );`;

const congregationTitles = `UPDATE search_text SET title = new.name WHERE rowid IN (
    SELECT doc_id FROM search_doc WHERE kind = 'shared_lesson' AND record_id IN (SELECT id FROM shared_lesson WHERE congregation_id = new.id)
    UNION ALL
    SELECT doc_id FROM search_doc WHERE kind = 'gathering' AND record_id IN (
      SELECT id FROM gathering WHERE congregation_id = new.id AND coalesce(name, '') = ''
    )
  );`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`CREATE TRIGGER search_person_rename_network AFTER UPDATE OF name ON person BEGIN\n  ${hostTitles}\nEND`).execute(db);
  await sql.raw(`CREATE TRIGGER search_congregation_rename AFTER UPDATE OF name ON congregation BEGIN\n  ${congregationTitles}\nEND`).execute(db);

  // Titles that went stale before this migration, corrected once.
  await sql
    .raw(
      `UPDATE search_text SET title = (
  SELECT coalesce(p.name, '') FROM search_doc d JOIN network_host h ON h.id = d.record_id JOIN person p ON p.id = h.person_id
  WHERE d.doc_id = search_text.rowid
) WHERE rowid IN (SELECT doc_id FROM search_doc WHERE kind = 'network_host')`,
    )
    .execute(db);
  await sql
    .raw(
      `UPDATE search_text SET title = (
  SELECT coalesce(c.name, '') FROM search_doc d JOIN shared_lesson l ON l.id = d.record_id JOIN congregation c ON c.id = l.congregation_id
  WHERE d.doc_id = search_text.rowid
) WHERE rowid IN (SELECT doc_id FROM search_doc WHERE kind = 'shared_lesson')`,
    )
    .execute(db);
  await sql
    .raw(
      `UPDATE search_text SET title = (
  SELECT coalesce(c.name, '') FROM search_doc d JOIN gathering g ON g.id = d.record_id JOIN congregation c ON c.id = g.congregation_id
  WHERE d.doc_id = search_text.rowid
) WHERE rowid IN (
  SELECT d.doc_id FROM search_doc d JOIN gathering g ON g.id = d.record_id WHERE d.kind = 'gathering' AND coalesce(g.name, '') = ''
)`,
    )
    .execute(db);
}

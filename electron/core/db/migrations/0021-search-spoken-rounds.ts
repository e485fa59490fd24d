import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
// A crew meeting keeps a check-in row for every member, there or not, most with nothing said.
// Search found each of them by the person's name alone: "Check-in rounds" listed bare rows for
// meetings the person missed. Only a round in which something was noted is searched now.
// (0009's triggers, written out again with that one condition added.)

/** Only the derived search index changes: no record is touched (see pre-migration-copy.ts). */
export const additive = true;

const indexed = `new.deleted_at IS NULL AND trim(new.note) <> ''`;

const remember = `INSERT INTO search_doc (kind, record_id, rung, day) SELECT 'meeting_checkin_note', new.id, 'crews', (SELECT held_on FROM meeting WHERE id = new.meeting_id) WHERE ${indexed};
  INSERT INTO search_text (rowid, title, body, meta)
    SELECT doc_id, coalesce(coalesce((SELECT name FROM person WHERE id = new.person_id), ''), ''), coalesce(new.note, ''), 'kmeetingcheckinnote r' || rung FROM search_doc WHERE kind = 'meeting_checkin_note' AND record_id = new.id AND ${indexed};`;

const forget = `DELETE FROM search_text WHERE rowid = (SELECT doc_id FROM search_doc WHERE kind = 'meeting_checkin_note' AND record_id = old.id);
  DELETE FROM search_doc WHERE kind = 'meeting_checkin_note' AND record_id = old.id;`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER search_meeting_checkin_note_insert`.execute(db);
  await sql`DROP TRIGGER search_meeting_checkin_note_update`.execute(db);
  await sql.raw(`CREATE TRIGGER search_meeting_checkin_note_insert AFTER INSERT ON meeting_checkin_note BEGIN\n  ${remember}\nEND`).execute(db);
  await sql
    .raw(`CREATE TRIGGER search_meeting_checkin_note_update AFTER UPDATE OF id, meeting_id, person_id, note, deleted_at ON meeting_checkin_note BEGIN\n  ${forget}\n  ${remember}\nEND`)
    .execute(db);
  // The silent rounds already indexed leave the index.
  const silent = sql`SELECT d.doc_id FROM search_doc d JOIN meeting_checkin_note t ON t.id = d.record_id WHERE d.kind = 'meeting_checkin_note' AND trim(t.note) = ''`;
  await sql`DELETE FROM search_text WHERE rowid IN (${silent})`.execute(db);
  await sql`DELETE FROM search_doc WHERE doc_id IN (${silent})`.execute(db);
}

import { type Kysely, sql } from 'kysely';
import { indexKind } from './0006-search';

// Frozen in time: never edit a migration that has shipped; add a new one.
// The Crews rung joins full-text search: 0006's `indexKind` (frozen with it) adds each kind's
// triggers and indexes the rows already there.

const nl = ` || char(10) || `;
const crewName = (crewId: string) => `coalesce((SELECT name FROM crew WHERE id = ${crewId}), '')`;

export async function up(db: Kysely<any>): Promise<void> {
  await indexKind(db, {
    kind: 'crew',
    table: 'crew',
    rung: `'crews'`,
    day: 'new.started_on',
    title: 'new.name',
    body: ['new.intention', 'new.format_note', 'new.closing_note'].join(nl),
    watch: ['name', 'intention', 'format_note', 'closing_note', 'started_on', 'deleted_at'],
  });
  await indexKind(db, {
    kind: 'meeting',
    table: 'meeting',
    rung: `'crews'`,
    day: 'new.held_on',
    title: crewName('new.crew_id'),
    body: ['new.place', 'new.notes'].join(nl),
    watch: ['crew_id', 'held_on', 'place', 'notes', 'deleted_at'],
  });
  await indexKind(db, {
    kind: 'meeting_checkin_note',
    table: 'meeting_checkin_note',
    rung: `'crews'`,
    day: `(SELECT held_on FROM meeting WHERE id = new.meeting_id)`,
    title: `coalesce((SELECT name FROM person WHERE id = new.person_id), '')`,
    body: 'new.note',
    watch: ['meeting_id', 'person_id', 'note', 'deleted_at'],
  });
  await indexKind(db, {
    kind: 'agenda_item',
    table: 'agenda_item',
    rung: `'crews'`,
    day: 'NULL',
    title: crewName('new.crew_id'),
    body: 'new.text',
    watch: ['crew_id', 'text', 'deleted_at'],
  });
  await indexKind(db, {
    kind: 'action_item',
    table: 'action_item',
    rung: `'crews'`,
    day: 'new.due_on',
    title: crewName('new.crew_id'),
    body: 'new.text',
    watch: ['crew_id', 'text', 'due_on', 'deleted_at'],
  });
  await indexKind(db, {
    kind: 'crew_agreement',
    table: 'crew_agreement',
    rung: `'crews'`,
    day: 'NULL',
    title: crewName('new.crew_id'),
    body: 'new.text',
    watch: ['crew_id', 'text', 'deleted_at'],
  });
  await indexKind(db, {
    kind: 'retrospective',
    table: 'retrospective',
    rung: `'crews'`,
    day: 'new.held_on',
    title: crewName('new.crew_id'),
    body: ['new.worked', 'new.did_not_work', 'new.change', 'new.decision'].join(nl),
    watch: ['crew_id', 'held_on', 'worked', 'did_not_work', 'change', 'decision', 'deleted_at'],
  });

  // Records titled with their crew's name follow a rename; check-in notes follow their person's.
  await sql
    .raw(
      `CREATE TRIGGER search_crew_rename AFTER UPDATE OF name ON crew BEGIN
  UPDATE search_text SET title = new.name WHERE rowid IN (
    SELECT doc_id FROM search_doc WHERE kind IN ('meeting', 'agenda_item', 'action_item', 'crew_agreement', 'retrospective') AND record_id IN (
      SELECT id FROM meeting WHERE crew_id = new.id
      UNION ALL SELECT id FROM agenda_item WHERE crew_id = new.id
      UNION ALL SELECT id FROM action_item WHERE crew_id = new.id
      UNION ALL SELECT id FROM crew_agreement WHERE crew_id = new.id
      UNION ALL SELECT id FROM retrospective WHERE crew_id = new.id
    )
  );
END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER search_person_rename_crews AFTER UPDATE OF name ON person BEGIN
  UPDATE search_text SET title = new.name WHERE rowid IN (
    SELECT doc_id FROM search_doc WHERE kind = 'meeting_checkin_note' AND record_id IN (SELECT id FROM meeting_checkin_note WHERE person_id = new.id)
  );
END`,
    )
    .execute(db);
}

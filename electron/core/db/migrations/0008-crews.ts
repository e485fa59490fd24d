import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

function timestamps<T extends string>(table: CreateTableBuilder<T, any>) {
  return table
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text');
}

// Frozen in time: never edit a migration that has shipped; add a new one.
// The Crews rung: a crew's life cycle, its meetings, agenda and action items, and retrospectives.
export async function up(db: Kysely<any>): Promise<void> {
  await timestamps(
    db.schema
      .createTable('crew')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('caller_id', 'text', (c) => c.references('person.id'))
      .addColumn('intention', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('format', 'text', (c) => c.notNull().defaultTo('case_clinic'))
      .addColumn('format_note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('rhythm_days', 'integer')
      .addColumn('cycle_sessions', 'integer', (c) => c.check(sql`cycle_sessions IS NULL OR cycle_sessions >= 1`))
      .addColumn('cycle_end_on', 'text')
      // Which cycle the crew is in: a retrospective that starts a new cycle or reshuffles adds one.
      .addColumn('cycle', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('stage', 'text', (c) => c.notNull().defaultTo('calling'))
      .addColumn('started_on', 'text', (c) => c.notNull())
      .addColumn('next_meeting_on', 'text')
      .addColumn('closing_note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('closed_on', 'text'),
  ).execute();
  await sql`CREATE INDEX crew_by_stage ON crew (stage, name) WHERE deleted_at IS NULL`.execute(db);

  await timestamps(
    db.schema
      .createTable('crew_member')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('crew_id', 'text', (c) => c.notNull().references('crew.id'))
      .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
      .addColumn('position', 'integer', (c) => c.notNull()),
  ).execute();
  await sql`CREATE UNIQUE INDEX crew_member_once ON crew_member (crew_id, person_id) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX crew_member_by_person ON crew_member (person_id) WHERE deleted_at IS NULL`.execute(db);

  await timestamps(
    db.schema
      .createTable('crew_agreement')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('crew_id', 'text', (c) => c.notNull().references('crew.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull()),
  ).execute();
  await sql`CREATE INDEX crew_agreement_by_crew ON crew_agreement (crew_id, position) WHERE deleted_at IS NULL`.execute(db);

  await timestamps(
    db.schema
      .createTable('crew_stage_change')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('crew_id', 'text', (c) => c.notNull().references('crew.id'))
      .addColumn('from_stage', 'text')
      .addColumn('to_stage', 'text', (c) => c.notNull())
      .addColumn('changed_on', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();
  await sql`CREATE INDEX crew_stage_change_by_crew ON crew_stage_change (crew_id, id) WHERE deleted_at IS NULL`.execute(db);

  await timestamps(
    db.schema
      .createTable('meeting')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('crew_id', 'text', (c) => c.notNull().references('crew.id'))
      // Session number across the crew's whole life, and the cycle it belongs to.
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('cycle', 'integer', (c) => c.notNull())
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('host_id', 'text', (c) => c.references('person.id'))
      .addColumn('focus_id', 'text', (c) => c.references('person.id'))
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();
  await sql`CREATE INDEX meeting_by_crew ON meeting (crew_id, number) WHERE deleted_at IS NULL`.execute(db);

  // One row per member per meeting: whether they came, and their check-in round note.
  // Attendance drives the dyad rhythm (a meeting both I and a partner attended counts as contact).
  await timestamps(
    db.schema
      .createTable('meeting_checkin_note')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id'))
      .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
      .addColumn('attended', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();
  await sql`CREATE INDEX meeting_checkin_note_by_meeting ON meeting_checkin_note (meeting_id) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX meeting_checkin_note_by_person ON meeting_checkin_note (person_id, meeting_id) WHERE deleted_at IS NULL AND attended = 1`.execute(db);

  // Carry-over needs no bookkeeping: an open item first meant for session n that is still open
  // when session m is next has carried m - n times; a covered one, (its meeting's number) - n.
  await timestamps(
    db.schema
      .createTable('agenda_item')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('crew_id', 'text', (c) => c.notNull().references('crew.id'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('raised_by_id', 'text', (c) => c.references('person.id'))
      .addColumn('private', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('first_number', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
      .addColumn('covered_meeting_id', 'text', (c) => c.references('meeting.id')),
  ).execute();
  await sql`CREATE INDEX agenda_item_by_crew ON agenda_item (crew_id, status, id) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX agenda_item_by_meeting ON agenda_item (covered_meeting_id) WHERE deleted_at IS NULL`.execute(db);

  await timestamps(
    db.schema
      .createTable('action_item')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('crew_id', 'text', (c) => c.notNull().references('crew.id'))
      .addColumn('meeting_id', 'text', (c) => c.references('meeting.id'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text', (c) => c.notNull().references('person.id'))
      .addColumn('due_on', 'text')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
      .addColumn('resolved_on', 'text'),
  ).execute();
  await sql`CREATE INDEX action_item_by_crew ON action_item (crew_id, status, id) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX action_item_by_meeting ON action_item (meeting_id) WHERE deleted_at IS NULL`.execute(db);

  await timestamps(
    db.schema
      .createTable('meeting_part')
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id'))
      .addColumn('part_id', 'text', (c) => c.notNull().references('part.id'))
      .addPrimaryKeyConstraint('meeting_part_pk', ['meeting_id', 'part_id']),
  ).execute();
  await sql`CREATE INDEX meeting_part_by_part ON meeting_part (part_id) WHERE deleted_at IS NULL`.execute(db);

  await timestamps(
    db.schema
      .createTable('retrospective')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('crew_id', 'text', (c) => c.notNull().references('crew.id'))
      .addColumn('cycle', 'integer', (c) => c.notNull())
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('worked', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('did_not_work', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('change', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('decision', 'text', (c) => c.notNull()),
  ).execute();
  await sql`CREATE INDEX retrospective_by_crew ON retrospective (crew_id, cycle) WHERE deleted_at IS NULL`.execute(db);
}

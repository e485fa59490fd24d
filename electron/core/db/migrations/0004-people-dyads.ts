import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

function timestamps<T extends string>(table: CreateTableBuilder<T, any>) {
  return table
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text');
}

// Frozen in time: never edit a migration that has shipped; add a new one.
// People are shared by every rung (crews and congregations reference person(id) too).
export async function up(db: Kysely<any>): Promise<void> {
  await timestamps(
    db.schema
      .createTable('person')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('how_we_met', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('birthday', 'text')
      // At most one person is "me": a dyad is always with someone else, and crews can include me.
      .addColumn('is_me', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();
  await sql`CREATE INDEX person_by_name ON person (name COLLATE NOCASE, id) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX person_one_me ON person (is_me) WHERE is_me = 1`.execute(db);

  await timestamps(
    db.schema
      .createTable('dyad')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('intention', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('started_on', 'text')
      .addColumn('rhythm_days', 'integer')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .addColumn('closing_note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('closed_on', 'text'),
  ).execute();
  await sql`CREATE INDEX dyad_by_person ON dyad (person_id) WHERE deleted_at IS NULL`.execute(db);

  await timestamps(
    db.schema
      .createTable('dyad_agreement')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dyad_id', 'text', (c) => c.notNull().references('dyad.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull()),
  ).execute();
  await sql`CREATE INDEX dyad_agreement_by_dyad ON dyad_agreement (dyad_id, position) WHERE deleted_at IS NULL`.execute(db);

  await timestamps(
    db.schema
      .createTable('checkin')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dyad_id', 'text', (c) => c.notNull().references('dyad.id'))
      .addColumn('checkin_date', 'text', (c) => c.notNull())
      .addColumn('how', 'text', (c) => c.notNull().defaultTo('in_person'))
      .addColumn('i_shared', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('i_heard', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('offers_asks_from_me', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('offers_asks_from_them', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('dial', 'integer', (c) => c.check(sql`dial BETWEEN 1 AND 5`))
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('next_checkin_date', 'text'),
  ).execute();
  // Serves a dyad's check-ins newest first, its last contact, and the dial over time.
  await sql`CREATE INDEX checkin_by_dyad ON checkin (dyad_id, checkin_date DESC, id DESC) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX checkin_by_date ON checkin (checkin_date) WHERE deleted_at IS NULL`.execute(db);

  // "Which of my parts showed up": part comes from the Self rung (migration 0002).
  await timestamps(
    db.schema
      .createTable('checkin_part')
      .addColumn('checkin_id', 'text', (c) => c.notNull().references('checkin.id'))
      .addColumn('part_id', 'text', (c) => c.notNull().references('part.id'))
      .addPrimaryKeyConstraint('checkin_part_pk', ['checkin_id', 'part_id']),
  ).execute();
  await sql`CREATE INDEX checkin_part_by_part ON checkin_part (part_id) WHERE deleted_at IS NULL`.execute(db);

  await timestamps(
    db.schema
      .createTable('commitment')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dyad_id', 'text', (c) => c.notNull().references('dyad.id'))
      .addColumn('checkin_id', 'text', (c) => c.references('checkin.id'))
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('made_on', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
      // The new terms of a renegotiation, or the note that came with a release.
      .addColumn('outcome_note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('resolved_on', 'text')
      // A renegotiated commitment lives on as a new open one that points back to it.
      .addColumn('renegotiated_from_id', 'text', (c) => c.references('commitment.id')),
  ).execute();
  await sql`CREATE INDEX commitment_by_dyad ON commitment (dyad_id, status, made_on) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX commitment_by_checkin ON commitment (checkin_id) WHERE deleted_at IS NULL`.execute(db);
}

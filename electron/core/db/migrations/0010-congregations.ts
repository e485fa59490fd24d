import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

function timestamps<T extends string>(table: CreateTableBuilder<T, any>) {
  return table
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text');
}

function linkTable(db: Kysely<any>, name: string) {
  return timestamps(db.schema.createTable(name).addColumn('id', 'text', (c) => c.primaryKey()));
}

// Frozen in time: never edit a migration that has shipped; add a new one.
// The Congregations and Network rungs: congregations, their gatherings and shared lessons,
// and networks (congregations of congregations) with hosts I learn from and adapted practices.
export async function up(db: Kysely<any>): Promise<void> {
  await timestamps(
    db.schema
      .createTable('congregation')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('about', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('size', 'integer', (c) => c.check(sql`size IS NULL OR size >= 1`))
      .addColumn('role', 'text', (c) => c.notNull().defaultTo('visitor')),
  ).execute();
  await sql`CREATE INDEX congregation_by_name ON congregation (name COLLATE NOCASE, id) WHERE deleted_at IS NULL`.execute(db);

  await timestamps(
    db.schema
      .createTable('congregation_role_change')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('congregation_id', 'text', (c) => c.notNull().references('congregation.id'))
      .addColumn('from_role', 'text')
      .addColumn('to_role', 'text', (c) => c.notNull())
      .addColumn('changed_on', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();
  await sql`CREATE INDEX congregation_role_change_by_congregation ON congregation_role_change (congregation_id, changed_on, id) WHERE deleted_at IS NULL`.execute(
    db,
  );

  await linkTable(db, 'congregation_crew')
    .addColumn('congregation_id', 'text', (c) => c.notNull().references('congregation.id'))
    .addColumn('crew_id', 'text', (c) => c.notNull().references('crew.id'))
    .execute();
  await sql`CREATE UNIQUE INDEX congregation_crew_once ON congregation_crew (congregation_id, crew_id) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX congregation_crew_by_crew ON congregation_crew (crew_id) WHERE deleted_at IS NULL`.execute(db);

  await linkTable(db, 'congregation_person')
    .addColumn('congregation_id', 'text', (c) => c.notNull().references('congregation.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .execute();
  await sql`CREATE UNIQUE INDEX congregation_person_once ON congregation_person (congregation_id, person_id) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX congregation_person_by_person ON congregation_person (person_id) WHERE deleted_at IS NULL`.execute(db);

  await timestamps(
    db.schema
      .createTable('gathering')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('congregation_id', 'text', (c) => c.notNull().references('congregation.id'))
      .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('harvest', 'text', (c) => c.notNull().defaultTo(''))
      // Set when I have looked back on it; the week-later note rests after that.
      .addColumn('followed_up_on', 'text'),
  ).execute();
  await sql`CREATE INDEX gathering_by_congregation ON gathering (congregation_id, held_on DESC, id) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX gathering_by_day ON gathering (held_on) WHERE deleted_at IS NULL AND followed_up_on IS NULL`.execute(db);

  // Who was in my temporary crew at a gathering, and who felt like a possible crewmate.
  await linkTable(db, 'gathering_person')
    .addColumn('gathering_id', 'text', (c) => c.notNull().references('gathering.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('relation', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE UNIQUE INDEX gathering_person_once ON gathering_person (gathering_id, relation, person_id) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX gathering_person_by_person ON gathering_person (person_id) WHERE deleted_at IS NULL`.execute(db);

  await timestamps(
    db.schema
      .createTable('shared_lesson')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('congregation_id', 'text', (c) => c.notNull().references('congregation.id'))
      .addColumn('crew_id', 'text', (c) => c.references('crew.id'))
      .addColumn('retrospective_id', 'text', (c) => c.references('retrospective.id'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('shared_on', 'text', (c) => c.notNull()),
  ).execute();
  await sql`CREATE INDEX shared_lesson_by_congregation ON shared_lesson (congregation_id, shared_on DESC, id) WHERE deleted_at IS NULL`.execute(db);

  await timestamps(
    db.schema
      .createTable('network')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();
  await sql`CREATE INDEX network_by_name ON network (name COLLATE NOCASE, id) WHERE deleted_at IS NULL`.execute(db);

  await linkTable(db, 'network_congregation')
    .addColumn('network_id', 'text', (c) => c.notNull().references('network.id'))
    .addColumn('congregation_id', 'text', (c) => c.notNull().references('congregation.id'))
    .execute();
  await sql`CREATE UNIQUE INDEX network_congregation_once ON network_congregation (network_id, congregation_id) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX network_congregation_by_congregation ON network_congregation (congregation_id) WHERE deleted_at IS NULL`.execute(db);

  await linkTable(db, 'network_host')
    .addColumn('network_id', 'text', (c) => c.notNull().references('network.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`CREATE UNIQUE INDEX network_host_once ON network_host (network_id, person_id) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX network_host_by_person ON network_host (person_id) WHERE deleted_at IS NULL`.execute(db);

  await timestamps(
    db.schema
      .createTable('adapted_practice')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('network_id', 'text', (c) => c.notNull().references('network.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('learned_from', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('how_adapted', 'text', (c) => c.notNull().defaultTo('')),
  ).execute();
  await sql`CREATE INDEX adapted_practice_by_network ON adapted_practice (network_id, id) WHERE deleted_at IS NULL`.execute(db);
}

import { type Kysely, sql } from 'kysely';
import { indexKind } from './0006-search';

// Frozen in time: never edit a migration that has shipped; add a new one.
// Crews, preparing the next meeting: the plan set by hand (place, host, focus beside the date
// 0008 already holds), and my case-giver notes for the meeting where I am the focus, which join
// full-text search titled with their crew's name (and follow its renames).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('crew').addColumn('next_place', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('crew').addColumn('next_host_id', 'text', (c) => c.references('person.id')).execute();
  await db.schema.alterTable('crew').addColumn('next_focus_id', 'text', (c) => c.references('person.id')).execute();

  // One case per crew and session number: written in the prep, kept with that meeting after.
  await db.schema
    .createTable('crew_case')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('crew_id', 'text', (c) => c.notNull().references('crew.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('situation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('who', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('future', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('edge', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('help', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await sql`CREATE UNIQUE INDEX crew_case_once ON crew_case (crew_id, number) WHERE deleted_at IS NULL`.execute(db);

  await indexKind(db, {
    kind: 'crew_case',
    table: 'crew_case',
    rung: `'crews'`,
    day: 'NULL',
    title: `coalesce((SELECT name FROM crew WHERE id = new.crew_id), '')`,
    body: ['new.situation', 'new.who', 'new.future', 'new.edge', 'new.help'].join(` || char(10) || `),
    watch: ['crew_id', 'situation', 'who', 'future', 'edge', 'help', 'deleted_at'],
  });
  await sql
    .raw(
      `CREATE TRIGGER search_crew_rename_cases AFTER UPDATE OF name ON crew BEGIN
  UPDATE search_text SET title = new.name WHERE rowid IN (
    SELECT doc_id FROM search_doc WHERE kind = 'crew_case' AND record_id IN (SELECT id FROM crew_case WHERE crew_id = new.id)
  );
END`,
    )
    .execute(db);
}

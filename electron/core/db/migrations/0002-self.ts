import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

function timestamps<T extends string>(table: CreateTableBuilder<T, any>) {
  return table
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text');
}

const rungs = sql`('self', 'dyads', 'crews', 'congregations', 'network')`;
const kinds = sql`('journal', 'quick_capture', 'protector_reflection', 'therapy_log')`;

// Frozen in time: never edit a migration that has shipped; add a new one.
// The Self rung: parts and their relations, parts and tags in entries, Self-energy checks,
// prompts and templates, and dated snapshots of the parts map.
export async function up(db: Kysely<any>): Promise<void> {
  await timestamps(
    db.schema
      .createTable('prompt')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('rung', 'text', (c) => c.notNull().check(sql`rung IN ${rungs}`))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source IN ('ladder', 'user')`))
      .addColumn('archived_at', 'text'),
  ).execute();
  await sql`CREATE INDEX prompt_by_rung ON prompt (rung, id) WHERE deleted_at IS NULL`.execute(db);

  await timestamps(
    db.schema
      .createTable('template')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('rung', 'text', (c) => c.check(sql`rung IN ${rungs}`))
      .addColumn('kind', 'text', (c) => c.notNull().defaultTo('journal').check(sql`kind IN ${kinds}`))
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source IN ('ladder', 'user')`)),
  ).execute();

  // An entry may name its rung, the prompt it answered, and what kind of writing it is.
  await sql`ALTER TABLE entry ADD COLUMN kind text NOT NULL DEFAULT 'journal' CHECK (kind IN ${kinds})`.execute(db);
  await sql`ALTER TABLE entry ADD COLUMN rung text CHECK (rung IN ${rungs})`.execute(db);
  await sql`ALTER TABLE entry ADD COLUMN prompt_id text REFERENCES prompt (id)`.execute(db);
  // Each rung's page and the prompt filter list their entries newest first, like the journal.
  await sql`CREATE INDEX entry_by_rung ON entry (rung, entry_date DESC, created_at DESC, id DESC) WHERE deleted_at IS NULL AND rung IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX entry_by_prompt ON entry (prompt_id, entry_date DESC, created_at DESC, id DESC) WHERE deleted_at IS NULL AND prompt_id IS NOT NULL`.execute(
    db,
  );

  await timestamps(
    db.schema
      .createTable('part')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().defaultTo('unknown').check(sql`role IN ('manager', 'firefighter', 'exile', 'unknown')`))
      .addColumn('colour', 'text', (c) => c.notNull())
      .addColumn('body_location', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('apparent_age', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('job', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('positive_intent', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('fears', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('trailheads', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('trust', 'integer', (c) => c.check(sql`trust BETWEEN 0 AND 10`))
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .defaultTo('noticed')
          .check(sql`status IN ('noticed', 'getting_to_know', 'befriended', 'witnessed', 'unburdened', 'new_role')`),
      )
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('map_x', 'real')
      .addColumn('map_y', 'real'),
  ).execute();
  // Two live parts never share a name (ignoring case), so a chip always means one part.
  await sql`CREATE UNIQUE INDEX part_by_name ON part (name COLLATE NOCASE) WHERE deleted_at IS NULL`.execute(db);

  await timestamps(
    db.schema
      .createTable('part_status_change')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('part_id', 'text', (c) => c.notNull().references('part.id'))
      .addColumn('status', 'text', (c) => c.notNull()),
  ).execute();
  await sql`CREATE INDEX part_status_change_by_part ON part_status_change (part_id, created_at) WHERE deleted_at IS NULL`.execute(db);

  // "protects" runs from part_id to other_part_id; polarised and allied are stored once, lower id first.
  await timestamps(
    db.schema
      .createTable('part_relation')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('part_id', 'text', (c) => c.notNull().references('part.id'))
      .addColumn('other_part_id', 'text', (c) => c.notNull().references('part.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('protects', 'polarised', 'allied')`))
      .addCheckConstraint('part_relation_not_to_itself', sql`part_id <> other_part_id`),
  ).execute();
  await sql`CREATE UNIQUE INDEX part_relation_once ON part_relation (part_id, other_part_id, kind) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX part_relation_by_other ON part_relation (other_part_id) WHERE deleted_at IS NULL`.execute(db);

  await timestamps(
    db.schema
      .createTable('entry_part')
      .addColumn('entry_id', 'text', (c) => c.notNull().references('entry.id'))
      .addColumn('part_id', 'text', (c) => c.notNull().references('part.id'))
      // The order parts were named in, so chips keep their order.
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('entry_part_pk', ['entry_id', 'part_id']),
  ).execute();
  // A part's history: its appearances, found from the part.
  await sql`CREATE INDEX entry_part_by_part ON entry_part (part_id, entry_id) WHERE deleted_at IS NULL`.execute(db);

  await timestamps(
    db.schema
      .createTable('tag')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull()),
  ).execute();
  await sql`CREATE UNIQUE INDEX tag_by_name ON tag (name COLLATE NOCASE) WHERE deleted_at IS NULL`.execute(db);

  await timestamps(
    db.schema
      .createTable('entry_tag')
      .addColumn('entry_id', 'text', (c) => c.notNull().references('entry.id'))
      .addColumn('tag_id', 'text', (c) => c.notNull().references('tag.id'))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('entry_tag_pk', ['entry_id', 'tag_id']),
  ).execute();
  await sql`CREATE INDEX entry_tag_by_tag ON entry_tag (tag_id, entry_id) WHERE deleted_at IS NULL`.execute(db);

  // One Self-energy check per entry at most; each C is optional, 0–5.
  const rating = (name: string) => sql`${sql.ref(name)} BETWEEN 0 AND 5`;
  let selfEnergy = db.schema
    .createTable('self_energy')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().unique().references('entry.id'));
  for (const quality of ['calm', 'curiosity', 'clarity', 'compassion', 'confidence', 'courage', 'creativity', 'connectedness']) {
    selfEnergy = selfEnergy.addColumn(quality, 'integer', (c) => c.check(rating(quality)));
  }
  await timestamps(selfEnergy).execute();

  await timestamps(
    db.schema
      .createTable('part_map_snapshot')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('taken_on', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      // The map as it was: parts, where they sat, and their relations, as JSON.
      .addColumn('map', 'text', (c) => c.notNull()),
  ).execute();
  await sql`CREATE INDEX part_map_snapshot_by_day ON part_map_snapshot (taken_on DESC, id DESC) WHERE deleted_at IS NULL`.execute(db);
}
